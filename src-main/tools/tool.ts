// What a tool (ls, ps, lsof, truncate…) is: a small program run as its own host process, whose
// every system call is that process's, so the kernel, not the tool, decides what happens.
import type { Blocking, Host, Syscalls, SysResult } from '../host';
import type { CommandContext, ShellInput, ShellOutput } from '../shell/types';
import type { StopSignal } from '../shell/stop';

/** What every tool of one host shares. */
export interface ToolEnv {
  readonly host: Host;
  /** Resolves a syscall that may sleep (a truncate under legacy-hang), letting time pass. */
  settle<T>(r: Blocking<T>): Promise<SysResult<T>>;
  /** Keeps virtual time moving until `p` settles (sleep, timeout, watch). */
  track<T>(p: Promise<T>): Promise<T>;
  /** The simulator's own controls (simctl), outside the Linux surface. */
  readonly sim: SimControls;
  /** Whether `name` is a command the host can run (a tool or a host program). */
  hasCommand(name: string): boolean;
  /** Runs a command as a child process of `parent` (xargs, timeout, sudo); resolves with its $?. */
  runCommand(req: CommandRequest): Promise<number>;
  /** Every command the host can run, with its documentation (man, man -k). */
  commandDocs?(): readonly CommandDoc[];
}

/** What `man` shows of a command: a tool's summary and --help text, or a host program's usage. */
export interface CommandDoc {
  readonly name: string;
  readonly summary: string;
  readonly text?: string;
}

export interface CommandRequest {
  parent: number;
  argv: readonly string[];
  cwd: string;
  vars: Readonly<Record<string, string>>;
  stdin: ShellInput;
  stdout: ShellOutput;
  stderr: ShellOutput;
  signal: StopSignal;
  /** Run as this user instead of the parent's (sudo, su -c). */
  uid?: number;
  /** Called with the child's pid once it runs (timeout signals it). */
  onStart?(pid: number): void;
}

export interface SimControls {
  /** The seed the host was booted with. */
  readonly seed: number;
  /** Virtual seconds per real second (0: paused); scripts run as fast as the work allows. */
  speed(): number;
  setSpeed(speed: number): void;
}

/** One run of a tool. */
export interface ToolRun {
  readonly env: ToolEnv;
  readonly host: Host;
  /** argv[0] is the name the tool was invoked by. */
  readonly argv: readonly string[];
  /** argv without argv[0]. */
  readonly args: readonly string[];
  readonly vars: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Aborted when the process dies (kill, Ctrl-C). */
  readonly signal: StopSignal;
  readonly pid: number;
  /** This process's system calls. */
  readonly sys: Syscalls;
  readonly stdin: ShellInput;
  /** Set when stdout is the terminal (isatty(1)): its width in columns. */
  readonly tty: { readonly columns: number } | undefined;
  out(data: string): Promise<void>;
  err(data: string): Promise<void>;
  settle<T>(r: Blocking<T>): Promise<SysResult<T>>;
}

export interface ToolDef {
  readonly name: string;
  /** One line for `man -k`, `help` and completion. */
  readonly summary: string;
  /** What `NAME --help` prints (absent: the tool handles --help itself). */
  readonly help?: string;
  run(t: ToolRun): Promise<number> | number;
}

export function defineTool(def: ToolDef): ToolDef {
  return def;
}

export function toolRun(env: ToolEnv, ctx: CommandContext, pid: number): ToolRun {
  // A process that died (kill -9, Ctrl-C) writes nothing more, whatever the tool still does.
  const dead = () => ctx.process?.died.aborted === true;
  return {
    env,
    host: env.host,
    argv: ctx.argv,
    args: ctx.argv.slice(1),
    vars: ctx.env,
    cwd: ctx.cwd,
    signal: ctx.signal,
    pid,
    sys: env.host.sys(pid),
    stdin: ctx.stdin,
    tty: ctx.tty,
    out: async (d) => (dead() ? undefined : ctx.stdout.write(d)),
    err: async (d) => (dead() ? undefined : ctx.stderr.write(d)),
    settle: (r) => env.settle(r),
  };
}
