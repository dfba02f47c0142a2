// Simulated programs: small behaviour definitions run on virtual time. A program acts only through
// its process's syscalls, its timers and its signal handlers, so the kernel sees it as a process.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { Signal } from '../abi/signals';
import type { Blocking, SysResult } from '../sim/result';
import { strerror } from '../abi/errno';
import { syscallsFor, type Syscalls } from '../syscalls';
import { basename, execProcess, processTimer } from '../task/spawn';
import { sysSigaction } from '../syscalls/sys_task';

export interface ProgramContext {
  readonly pid: number;
  readonly argv: readonly string[];
  /** The name it was invoked by (basename of argv[0]): what its log lines start with. */
  readonly name: string;
  readonly sys: Syscalls;
  /** Virtual ns now. */
  now(): number;
  /** Runs `fn` after `ns` of virtual time, unless the process has died (held while stopped). */
  after(ns: number, fn: () => void): void;
  /** Installs a handler, or 'ignore' / 'default'. */
  on(sig: Signal, handler: ((sig: Signal) => void) | 'ignore' | 'default'): void;
  /** Writes a line to the process's stderr (fd 2) if it has one. */
  log(line: string): void;
  /** Logs `NAME[PID]: message` to stderr, as daemons that log to a terminal do. */
  say(message: string): void;
  /** Writes to the process's stdout (fd 1): --help text. */
  print(text: string): void;
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
    name: basename(task.argv[0] ?? task.comm),
    sys,
    now: () => k.clock.now(),
    after: (ns, fn) => processTimer(k, task, ns, fn),
    on: (sig, handler) => void sysSigaction(k, task, sig, handler),
    log: (line) => {
      if (task.fds.get(2)) sys.write(2, line.endsWith('\n') ? line : `${line}\n`);
    },
    say: (message) => ctx.log(`${ctx.name}[${task.pid}]: ${message}`),
    print: (text) => {
      if (task.fds.get(1)) sys.write(1, text);
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

/** The options a program accepts: `values` take an argument (`--opt=V` or `--opt V`). */
export interface OptionSpec {
  readonly values: readonly string[];
  readonly switches: readonly string[];
}

export type ParsedArgs = { ok: true; opts: Map<string, string>; rest: string[] } | { ok: false; message: string };

/** getopt_long-style parsing of long options; `--` ends them, anything else is an operand. */
export function parseOptions(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const opts = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    if (!a.startsWith('--')) return { ok: false, message: `invalid option -- '${a.slice(1, 2)}'` };
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (spec.values.includes(name)) {
      if (eq > 0) opts.set(name, a.slice(eq + 1));
      else if (i + 1 < argv.length) opts.set(name, argv[++i]!);
      else return { ok: false, message: `option '--${name}' requires an argument` };
    } else if (spec.switches.includes(name) || name === 'help') {
      if (eq > 0) return { ok: false, message: `option '--${name}' doesn't allow an argument` };
      opts.set(name, '');
    } else {
      return { ok: false, message: `unrecognized option '${eq > 0 ? a.slice(0, eq) : a}'` };
    }
  }
  return { ok: true, opts, rest };
}

/**
 * The common start of a program: `--help` prints its usage and exits 0; a bad option is reported
 * getopt-style and exits 2. Returns null when the program has already exited.
 */
export function startWith(ctx: ProgramContext, def: Pick<ProgramDef, 'usage'>, spec: OptionSpec): { opts: Map<string, string>; rest: string[] } | null {
  const p = parseOptions(ctx.argv, spec);
  if (!p.ok) return usageFailure(ctx, p.message);
  if (p.opts.has('help')) {
    ctx.print(def.usage);
    ctx.exit(0);
    return null;
  }
  return p;
}

/** Reports a usage error (`NAME[PID]: MESSAGE` and a pointer to --help) and exits 2. */
export function usageFailure(ctx: ProgramContext, message: string): null {
  ctx.say(message);
  ctx.log(`Try '${ctx.name} --help' for more information.`);
  ctx.exit(2);
  return null;
}

/** Validates an option whose value is one of `choices` (the first is the default). */
export function choice<T extends string>(ctx: ProgramContext, opts: Map<string, string>, name: string, choices: readonly T[], aliases: Record<string, T> = {}): T | null {
  const v = opts.get(name);
  if (v === undefined) return choices[0]!;
  if ((choices as readonly string[]).includes(v)) return v as T;
  if (aliases[v]) return aliases[v];
  return usageFailure(ctx, `invalid argument '${v}' for '--${name}' (valid: ${choices.join(', ')})`);
}

/** Validates a non-negative integer option. */
export function count(ctx: ProgramContext, opts: Map<string, string>, name: string, fallback: number, min = 0): number | null {
  const v = opts.get(name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) return usageFailure(ctx, `invalid number '${v}' for '--${name}'`);
  return Number(v);
}
