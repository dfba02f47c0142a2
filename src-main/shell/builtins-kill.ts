// `kill` (bash's kill.def): signals go through the kernel as the shell's own process, to pids or
// to every process of a job; `kill -l` lists and translates signal names and numbers.

import { strerror } from '../host';
import { ExitSignal, put, type Ctx, type Executor } from './executor';
import type { Job } from './jobs';
import type { Builtin } from './services';
import { decodeSignal, NSIG, SIGCONT, SIGHUP, SIGTERM, signalName, signalTable } from './signals';

const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

const out = (ctx: Ctx, s: string): Promise<void> => put(ctx.fds[1], s);
const fail = async (ex: Executor, ctx: Ctx, msg: string, status = 1): Promise<number> => {
  await ex.err(ctx, msg);
  return status;
};

/** `kill -l [sigspec…]`: the table, or names for numbers (exit statuses too) and numbers for names. */
async function listSignals(ex: Executor, ctx: Ctx, specs: string[]): Promise<number> {
  if (specs.length === 0) {
    await out(ctx, signalTable());
    return 0;
  }
  let status = 0;
  for (const spec of specs) {
    if (/^-?[0-9]+$/.test(spec)) {
      let n = Number(spec);
      if (n > 128) n -= 128;
      const name = n >= 0 && n < NSIG ? (signalName(n) ?? `SIGJUNK(${n})`) : undefined;
      if (name === undefined) status = await fail(ex, ctx, `kill: ${spec}: invalid signal specification`);
      else await out(ctx, name.replace(/^SIG/, '') + '\n');
    } else {
      const n = decodeSignal(spec);
      if (n === undefined) status = await fail(ex, ctx, `kill: ${spec}: invalid signal specification`);
      else await out(ctx, `${n}\n`);
    }
  }
  return status;
}

/** Sends `sig` through the kernel; bash's kill_error() texts when it fails. */
async function signalPid(ex: Executor, ctx: Ctx, pid: number, sig: number, spec: string): Promise<boolean> {
  const errno = ex.svc.host.kill ? ex.svc.host.kill(pid, sig) : 'ESRCH';
  if (!errno) return true;
  await ex.err(ctx, errno === 'EINVAL' ? `kill: ${spec}: invalid signal specification` : `kill: (${pid}) - ${strerror(errno)}`);
  return false;
}

/** kill_pid() for a job: every process of its group; a stopped job is continued after TERM or HUP. */
async function signalJob(ex: Executor, ctx: Ctx, job: Job, sig: number, spec: string): Promise<boolean> {
  const alive = job.group.alive();
  if (alive.length === 0) return signalPid(ex, ctx, job.pid, sig, spec);
  const stopped = ex.svc.jobs.state(job) === 'Stopped';
  let ok = true;
  for (const p of alive) ok = (await signalPid(ex, ctx, p.pid, sig, spec)) && ok;
  if (stopped && (sig === SIGTERM || sig === SIGHUP)) for (const p of job.group.alive()) ex.svc.host.kill?.(p.pid, SIGCONT);
  if (stopped && sig === SIGCONT) job.reported = 'Running';
  return ok;
}

const kill: Builtin = async (ex, argv, ctx) => {
  const args = argv.slice(1);
  let listing = false;
  let sig: number | undefined = SIGTERM;
  let spec = 'TERM';
  let saw = false;
  let i = 0;
  for (; i < args.length; i++) {
    const w = args[i]!;
    if (w === '-l') listing = true;
    else if (w === '-s' || w === '-n') {
      if (i + 1 >= args.length) return fail(ex, ctx, `kill: ${w}: option requires an argument`);
      spec = args[++i]!;
      sig = decodeSignal(spec);
      saw = true;
    } else if (w === '--') {
      i++;
      break;
    } else if (w === '-?') {
      await put(ctx.fds[2], KILL_USAGE);
      return 2;
    } else if (w.startsWith('-') && !saw) {
      spec = w.slice(1);
      sig = decodeSignal(spec);
      saw = true;
    } else break;
  }
  if (listing) return listSignals(ex, ctx, args.slice(i));
  if (sig === undefined) return fail(ex, ctx, `kill: ${spec}: invalid signal specification`);
  if (i >= args.length) {
    await put(ctx.fds[2], KILL_USAGE);
    return 2;
  }
  let any = false;
  for (const target of args.slice(i)) {
    if (/^-?[0-9]+$/.test(target)) any = (await signalPid(ex, ctx, Number(target), sig, spec)) || any;
    else if (!target.startsWith('%')) await ex.err(ctx, `kill: ${target}: arguments must be process or job IDs`);
    else {
      const job = ex.svc.jobs.find(target);
      if (!job) await ex.err(ctx, `kill: ${target}: no such job`);
      else any = (await signalJob(ex, ctx, job, sig, spec)) || any;
    }
  }
  // The shell killed itself (`kill -9 $$`): nothing more runs.
  const died = ex.svc.host.died?.();
  if (died !== undefined) throw new ExitSignal(died);
  return any ? 0 : 1;
};

export const KILL_BUILTINS: Record<string, Builtin> = { kill };
