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
