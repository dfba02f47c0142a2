// The shell's foreground jobs: a pipeline's processes form one job, which Ctrl-Z can stop and put
// in the job table; the shell reports the ones that die of a signal as bash does (jobs.c
// notify_of_job_status).

import type { AndOrNode, PipelineNode } from './ast';
import { Interrupted, LoopSignal, put, type Ctx, type Executor } from './executor';
import type { Job } from './jobs';
import { formatDeath, ProcGroup } from './proc-group';
import { SIGINT, SIGPIPE, SIGTERM, SIGTSTP, signalText } from './signals';
import { EMPTY_INPUT } from './streams';
import { stopAny } from './stop';

/** `cmd &`: forked at once so that $! names its process; its first external command execs in it. */
export function startBackground(ex: Executor, item: AndOrNode, ctx: Ctx, fallbackPid: () => number): void {
  const host = ex.svc.host;
  const stages = item.rest.length ? 1 : item.first.cmds.length;
  const group = new ProcGroup({ async: true, ignoreInterrupt: !ex.svc.interactive }, stages);
  const child = host.fork?.(group.fork);
  // The forked process runs the job's first command: the first stage of a pipeline.
  if (child) group.add(child, stages > 1 ? item.first.texts[0]! : item.text);
  const pid = child?.pid ?? fallbackPid();
  const holder = { child };
  const sub: Ctx = {
    state: ctx.state.clone(), fds: [EMPTY_INPUT, ctx.fds[1], ctx.fds[2]], signal: group.abort.signal,
    cond: false, loops: 0, funcs: 0, subshell: true, prefork: holder, group,
  };
  const fg: AndOrNode = { ...item, background: false };
  const done = ex
    .subshell(() => ex.andOr(fg, sub), sub)
    .catch((e: unknown) => (e instanceof Interrupted ? 130 : 1))
    .then(async (status) => (holder.child ? holder.child.finish(status) : status));
  const job = ex.svc.jobs.add(group, pid, item.text, done, 'Running');
  ctx.state.lastBackgroundPid = pid;
  if (ex.svc.interactive && !ctx.subshell) void put(ctx.fds[2], `[${job.id}] ${pid}\n`);
}

/**
 * Tells of jobs that changed: interactively `[1]+  Done …`, `Killed`, `Stopped`; a script only of
 * the ones a signal killed (`NAME: line N:  PID Killed …`), as bash's notify_of_job_status().
 */
export async function notifyJobs(ex: Executor, ctx: Ctx): Promise<void> {
  const jobs = ex.svc.jobs;
  if (jobs.list().length === 0) return;
  await jobs.settle();
  if (ex.svc.interactive) {
    const text = jobs.takeChanged();
    if (text) await put(ctx.fds[2], text);
    return;
  }
  for (const job of jobs.takeEnded()) {
    const sig = job.group.killedBy(job.status!)?.sig;
    if (sig !== undefined && sig !== SIGINT && sig !== SIGTERM && sig !== SIGPIPE) await put(ctx.fds[2], ex.prefix() + formatDeath(job.group));
  }
}

/** Runs a pipeline of the shell as a job; undefined when it stopped and went to the job table. */
export async function foregroundJob(ex: Executor, p: PipelineNode, ctx: Ctx): Promise<number[] | undefined> {
  const group = new ProcGroup({}, p.cmds.length);
  const sub: Ctx = { ...ctx, group, cmdText: p.cmds.length === 1 ? p.texts[0] : undefined };
  let statuses: number[];
  if (!ex.svc.interactive) statuses = await ex.stages(p, sub);
  else {
    const signal = stopAny([ctx.signal, group.abort.signal]);
    sub.signal = signal;
    const run = ex.stages(p, sub);
    const r = await ex.svc.jobs.inForeground(group, () => Promise.race([run, group.whenStopped()]));
    if (typeof r === 'number') {
      // A stopped job keeps listening: `fg` brings it back under a later line.
      await stopped(ex, group, p.texts.join(' | '), run, r, ctx);
      return undefined;
    }
    signal.dispose();
    statuses = r;
  }
  if (group.procs.length) {
    await reportDeath(ex, group, ex.jobStatus(statuses, ctx), ctx);
    await ex.svc.notifyJobs(ctx);
  }
  return statuses;
}

/** The job stopped (Ctrl-Z): it goes to the job table, `[1]+  Stopped …` is shown, $? is 128+sig. */
async function stopped(ex: Executor, group: ProcGroup, text: string, run: Promise<number[]>, sig: number, ctx: Ctx): Promise<void> {
  group.detached = true;
  const done = run.then(
    (s) => ex.jobStatus(s, ctx),
    (e: unknown) => (e instanceof Interrupted ? 130 : 1),
  );
  const job = ex.svc.jobs.add(group, group.procs[0]!.pid, text, done, 'Stopped');
  await put(ctx.fds[2], '\n' + ex.svc.jobs.format(job));
  ctx.state.status = 128 + sig;
  ctx.state.vars.setArray('PIPESTATUS', [String(128 + sig)]);
  // bash: suspending a job with SIGTSTP breaks all active loops.
  if (sig === SIGTSTP && ctx.loops > 0) throw new LoopSignal(ctx.loops, false);
}

/**
 * A foreground job killed by a signal: interactively bash prints the signal's text (`Killed`),
 * a script `NAME: line N:  PID Killed                  CMD`; neither for SIGINT or SIGPIPE, and
 * a script not for SIGTERM.
 */
export async function reportDeath(ex: Executor, group: ProcGroup, status: number, ctx: Ctx): Promise<void> {
  const killer = group.killedBy(status);
  if (!killer) return;
  const sig = killer.sig!;
  if (sig === SIGINT || sig === SIGPIPE) return;
  if (ex.svc.interactive) await put(ctx.fds[2], signalText(sig) + (killer.core ? ' (core dumped)' : '') + '\n');
  else if (sig !== SIGTERM) await put(ctx.fds[2], ex.prefix() + formatDeath(group));
}

/** Waits for a job brought to the foreground (`fg`): its status, or 128+sig when it stops again. */
export async function waitForeground(ex: Executor, job: Job, ctx: Ctx): Promise<number> {
  const group = job.group;
  const onInterrupt = () => group.abort.abort();
  if (ctx.signal.aborted) onInterrupt();
  else ctx.signal.addEventListener('abort', onInterrupt, { once: true });
  try {
    const done = job.done.then((s) => ({ s }));
    const r = await ex.svc.jobs.inForeground(group, () => Promise.race([ex.svc.host.track ? ex.svc.host.track(done) : done, group.whenStopped()]));
    if (typeof r === 'number') {
      ex.svc.jobs.touch(job);
      job.reported = 'Stopped';
      await put(ctx.fds[2], '\n' + ex.svc.jobs.format(job));
      return 128 + r;
    }
    ex.svc.jobs.remove(job);
    await reportDeath(ex, group, r.s, ctx);
    return r.s;
  } finally {
    ctx.signal.removeEventListener('abort', onInterrupt);
  }
}
