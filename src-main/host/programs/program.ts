// Simulated programs: small behaviour definitions run on virtual time. A program acts only through
// its process's syscalls, its timers and its signal handlers, so the kernel sees it as a process.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { Signal } from '../abi/signals';
import type { Blocking, SysResult } from '../sim/result';
import { strerror } from '../abi/errno';
import { syscallsFor, type Syscalls } from '../syscalls';
import { execProcess, processTimer } from '../task/spawn';
import { sysSigaction } from '../syscalls/sys_task';

export interface ProgramContext {
  readonly pid: number;
  readonly argv: readonly string[];
  readonly sys: Syscalls;
  /** Virtual ns now. */
  now(): number;
  /** Runs `fn` after `ns` of virtual time, unless the process has died (held while stopped). */
  after(ns: number, fn: () => void): void;
  /** Installs a handler, or 'ignore' / 'default'. */
  on(sig: Signal, handler: ((sig: Signal) => void) | 'ignore' | 'default'): void;
  /** Writes a line to the process's stderr (fd 2) if it has one. */
  log(line: string): void;
  /** The process sleeps in `wchan` until its next timer or signal (what ps shows). */
  idle(wchan: string): void;
  /** Continues with the result of a call that may sleep. */
  then<T>(r: Blocking<T>, k: (r: SysResult<T>) => void): void;
  /** fork(): a child of the same image that shares every open file and runs `program`. */
  fork(program: ProgramMain): number | null;
  /** fork() + execve(): close-on-exec fds close in the child, which then runs `program`. */
  spawnChild(argv: string[], program: ProgramMain): number | null;
  exit(code: number): void;
  /** "Operation not permitted" for an errno result, for log lines ('' for success). */
  errText(r: Blocking<unknown>): string;
}

export type ProgramMain = (ctx: ProgramContext) => void;

export interface ProgramDef {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly main: ProgramMain;
}

export function makeContext(k: Kernel, task: Process): ProgramContext {
  const sys = syscallsFor(k, task.pid);
  const ctx: ProgramContext = {
    pid: task.pid,
    argv: task.argv,
    sys,
    now: () => k.clock.now(),
    after: (ns, fn) => processTimer(k, task, ns, fn),
    on: (sig, handler) => void sysSigaction(k, task, sig, handler),
    log: (line) => {
      if (task.fds.get(2)) sys.write(2, line.endsWith('\n') ? line : `${line}\n`);
    },
    idle: (wchan) => {
      if (task.alive && !task.wait) {
        task.state = 'S';
        task.wchan = wchan;
      }
    },
    then: (r, kont) => {
      if (r.ok || !r.pending) kont(r as SysResult<never>);
      else r.pending.onSettle((res) => {
        if (task.alive) kont(res);
      });
    },
    fork: (program) => {
      const f = sys.fork();
      if (!f.ok) return null;
      program(makeContext(k, k.proc(f.value)!));
      return f.value;
    },
    spawnChild: (argv, program) => {
      const f = sys.fork();
      if (!f.ok) return null;
      const child = k.proc(f.value)!;
      execProcess(k, child, argv);
      program(makeContext(k, child));
      return child.pid;
    },
    exit: (code) => sys.exit(code),
    errText: (r) => (r.ok ? '' : r.pending ? strerror('EINTR') : strerror(r.errno)),
  };
  return ctx;
}

/** Minimal `--flag value` / `--switch` parser for program argv. */
export function parseArgs(argv: readonly string[]): { opts: Map<string, string>; rest: string[] } {
  const opts = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) opts.set(a.slice(2, eq), a.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--') && VALUE_FLAGS.has(a.slice(2))) opts.set(a.slice(2), argv[++i]!);
    else opts.set(a.slice(2), '');
  }
  return { opts, rest };
}

/** Flags that take a value (others are switches). */
const VALUE_FLAGS = new Set(['file', 'lease', 'pages', 'offset', 'mrs', 'every', 'size', 'log', 'seconds', 'on-sigio', 'type', 'mode', 'op', 'length']);
