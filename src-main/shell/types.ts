// The shell's public contracts: commands it can run, and what it needs from the host (clock, randomness, pids).

import type { ShellFs } from './fs';

export interface ShellInput {
  /** Next chunk of input, or null at end of file. */
  read(): Promise<string | null>;
  /** Everything up to end of file. */
  readAll(): Promise<string>;
}

export interface ShellOutput {
  /** Resolves when the data is accepted (a pipe may make the writer wait); rejects with BrokenPipe. */
  write(data: string): Promise<void>;
}

export interface CommandContext {
  /** argv[0] is the name the command was invoked by. */
  readonly argv: readonly string[];
  /** Exported variables plus the command's own prefix assignments. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Aborted on Ctrl-C (or a kill) of the foreground job: stop and return, say, 130. */
  readonly signal: AbortSignal;
  readonly fs: ShellFs;
  readonly stdin: ShellInput;
  readonly stdout: ShellOutput;
  readonly stderr: ShellOutput;
  /** The host process this command runs as, when the host gives commands processes. */
  readonly process?: ShellChild;
}

/**
 * A command's own process on the host: forked from the shell before its redirections, so the
 * files they open belong to it (lsof shows them), then exec'd into the command.
 */
export interface ShellChild {
  readonly pid: number;
  /** The filesystem as this process sees it: files opened through it are its own fds. */
  readonly fs: ShellFs;
  /** Aborted when the process dies (a kill from elsewhere, Ctrl-C). */
  readonly died: AbortSignal;
  /** execve(): the process now runs argv in cwd. */
  exec(argv: readonly string[], cwd: string): void;
  /** Resolves with the shell status ($?) when the process exits by itself (a host program). */
  exited(): Promise<number>;
  /** Ctrl-C at the terminal: SIGINT to the process. */
  interrupt(): void;
  /** exit(status) unless it already died, then reap it; resolves with the shell status. */
  finish(status: number): Promise<number>;
}

/** A program the shell can run: returns its exit status. */
export type ShellCommand = (ctx: CommandContext) => Promise<number> | number;

/**
 * What the shell takes from the simulated host so that it is deterministic: never the real
 * clock or Math.random.
 */
export interface ShellHost {
  /** Virtual time in milliseconds (for $SECONDS). */
  now(): number;
  /** A seed for $RANDOM, drawn from the host's seeded generator. */
  randomSeed(): number;
  /** $$ */
  readonly pid: number;
  /** $PPID */
  readonly ppid: number;
  /** A pid for a background job ($!), until jobs are real processes of the host. */
  nextPid?(): number;
  /** fork() of the shell for an external command; absent: commands run inside the shell. */
  fork?(): ShellChild;
  /**
   * Lets the event loop run (an abort message, a timer) during long loops of built-in work.
   * Defaults to a macrotask turn.
   */
  yieldToEvents?(): Promise<void>;
}

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  data: string;
}
