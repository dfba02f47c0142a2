// What the executor and builtins draw on from the interpreter that owns them.

import type { AndOrNode } from './ast';
import type { Ctx, Executor } from './executor';
import type { ShellFs } from './fs';
import type { History } from './history';
import type { InterpreterOptions, RunOptions, RunResult } from './interpreter';
import type { JobTable } from './jobs';
import type { ShellState } from './state';
import type { Stream } from './streams';
import type { ShellCommand, ShellHost } from './types';

/** A builtin runs inside the shell: it may change the state it is given. */
export type Builtin = (ex: Executor, argv: string[], ctx: Ctx) => Promise<number>;

export interface Services {
  readonly fs: ShellFs;
  readonly host: ShellHost;
  readonly interactive: boolean;
  /** A login shell: `exit` says `logout`. */
  readonly login: boolean;
  /** The options this shell was made with (for `su`, which starts another). */
  readonly options: InterpreterOptions;
  /** Another shell (`su -c`, `su` in a script) over the options given. */
  newShell(options: InterpreterOptions): { run(src: string, opts?: RunOptions): Promise<RunResult> };
  /** Set for a script: errors read `NAME: line N: …`. */
  readonly scriptName: string | undefined;
  readonly builtins: Readonly<Record<string, Builtin>>;
  readonly history: History | undefined;
  readonly jobs: JobTable;
  resolve(name: string): ShellCommand | undefined;
  /** Names of all commands the shell could run (for `compgen -c` and completion). */
  commandNames(): string[];
  special(name: string, state: ShellState, lineno: number): string | undefined;
  /** RANDOM=n reseeds, SECONDS=n restarts the count. */
  assignSpecial(name: string, value: string): void;
  homeOf(user: string): string | undefined;
  /** The terminal's width when `out` is the terminal itself (isatty), else undefined. */
  ttyColumns(out: Stream | undefined): number | undefined;
  /** When `input` is the terminal of an interactive session: how to run another shell on it. */
  ttyNest(input: Stream | undefined): InterpreterOptions['nest'];
  startJob(item: AndOrNode, ctx: Ctx): void;
  /** Runs the traps for these signals (and ERR), in order. */
  runTraps(sigs: number[], ctx: Ctx): Promise<void>;
  /** Tells of jobs that stopped or ended, as bash does after a foreground job and at `wait`. */
  notifyJobs(ctx: Ctx): Promise<void>;
  yieldToEvents(): Promise<void>;
  /** Parse and run text in the given context (eval, source). */
  evalText(text: string, ctx: Ctx): Promise<number>;
}
