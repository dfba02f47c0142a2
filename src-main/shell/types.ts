// The shell's public contracts: commands it can run, and what it needs from the host (clock, randomness, pids).

import type { Errno } from '../host';
import type { ShellFs } from './fs';
import type { InterpreterOptions } from './interpreter';
import type { StopSignal } from './stop';

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
  readonly signal: StopSignal;
  readonly fs: ShellFs;
  readonly stdin: ShellInput;
  readonly stdout: ShellOutput;
  readonly stderr: ShellOutput;
  /** The host process this command runs as, when the host gives commands processes. */
  readonly process?: ShellChild;
  /** Set when stdout is the terminal itself (isatty(1) holds): its width in columns. */
  readonly tty?: { readonly columns: number };
  /** Set when stdin is an interactive session's terminal: runs another interactive shell on it (`bash`). */
  readonly nest?: InterpreterOptions['nest'];
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
  readonly died: StopSignal;
  /** execve(): the process now runs argv in cwd. */
  exec(argv: readonly string[], cwd: string): void;
  /** Resolves with the shell status ($?) when the process exits by itself (a host program). */
  exited(): Promise<number>;
  /** Ctrl-C at the terminal: SIGINT to the process. */
  interrupt(): void;
  /** Tells the shell of stops, continues and the exit, as waitpid(WUNTRACED|WCONTINUED) would. */
  watch?(listener: (e: ChildEvent) => void): void;
  /** exit(status) unless it already died, then reap it; resolves with the shell status. */
  finish(status: number): Promise<number>;
}

/** A change of a child's state, with bash's signal numbers. */
export type ChildEvent =
  | { type: 'stop'; sig: number }
  | { type: 'cont' }
  | { type: 'exit'; code: number }
  | { type: 'exit'; sig: number; core: boolean };

export interface ForkOptions {
  /** Part of a background job: the shell does not wait for it, so a script's clock need not move. */
  async?: boolean;
  /** A background job of a shell without job control: the child ignores SIGINT and SIGQUIT. */
  ignoreInterrupt?: boolean;
}

/** `su`: a shell for another user, started for this one. */
export interface SwitchUserRequest {
  user: string;
  /** `su -`: a login shell (the user's home and a fresh environment). */
  login: boolean;
  cwd: string;
  env: Readonly<Record<string, string>>;
  /** Asks for the target's password at the terminal (su as a user other than root); false: refused. */
  authenticate(): Promise<boolean>;
}

export interface SwitchedUser {
  /** The new shell's options: its own process, filesystem view and environment. */
  readonly options: Omit<InterpreterOptions, 'history' | 'interactive' | 'scriptName' | 'onOutput'>;
  /** The new shell exited with `status`: its processes go. */
  close(status: number): void;
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
  /** $UID and $EUID (default 0). */
  readonly uid?: number;
  /** A pid for a background job ($!), until jobs are real processes of the host. */
  nextPid?(): number;
  /** fork() of the shell for an external command; absent: commands run inside the shell. */
  fork?(opts?: ForkOptions): ShellChild;
  /** kill(2) as the shell's process, with a signal number (0: only check); the errno on failure. */
  kill?(pid: number, sig: number): Errno | undefined;
  /** chdir(2) of the shell's process (`cd`); with `probe` only the check. The errno on failure. */
  chdir?(path: string, probe?: boolean): Errno | undefined;
  /** The shell waits for `p` (`wait`, `fg`): virtual time moves on meanwhile. */
  track?<T>(p: Promise<T>): Promise<T>;
  /** Once the shell's own process has died (`kill -9 $$`): the status it died with. */
  died?(): number | undefined;
  /** sigaction() of the shell's process for a `trap`: catch it (then `onSignal`), ignore it, or default. */
  trap?(sig: number, action: 'catch' | 'ignore' | 'default'): void;
  /** Tells of a signal the shell's process caught (a trap to run). */
  onSignal?(listener: (sig: number) => void): void;
  /** `su USER`: a shell as that user, or the reason there is none. */
  switchUser?(req: SwitchUserRequest): Promise<SwitchedUser | { error: string }>;
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
