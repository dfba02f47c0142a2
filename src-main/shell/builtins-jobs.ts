// Builtins for jobs: jobs, fg, bg, wait, disown (bash's jobs.def, fg_bg.def, wait.def).

import { put, type Ctx, type Executor } from './executor';
import { notifyJobs, waitForeground } from './job-control';
import type { Job, JobTable } from './jobs';
import type { Builtin } from './services';
import { SIGCONT } from './signals';

const JOBS_USAGE = 'jobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n';

const out = (ctx: Ctx, s: string): Promise<void> => put(ctx.fds[1], s);
const fail = async (ex: Executor, ctx: Ctx, msg: string, status = 1): Promise<number> => {
  await ex.err(ctx, msg);
  return status;
};

/** Lets the kernel's news (a process that just died) reach the job table before it is shown. */
function settle(ex: Executor): Promise<void> {
  return ex.svc.jobs.settle();
}

/** The shell waits: a script's virtual clock moves on meanwhile. */
function track<T>(ex: Executor, p: Promise<T>): Promise<T> {
  return ex.svc.host.track ? ex.svc.host.track(p) : p;
}

function jobsFor(ex: Executor, ctx: Ctx, specs: string[], name: string): Promise<Job[] | undefined> {
  return (async () => {
    const jobs: Job[] = [];
    for (const s of specs) {
      const j = ex.svc.jobs.find(s);
      if (!j) {
        await ex.err(ctx, `${name}: ${s}: no such job`);
        return undefined;
      }
      jobs.push(j);
    }
    return jobs;
  })();
}

const jobs: Builtin = async (ex, argv, ctx) => {
  let i = 1;
  const flags = new Set<string>();
  for (; i < argv.length && /^-./.test(argv[i]!) && argv[i] !== '--'; i++) {
    for (const f of argv[i]!.slice(1)) {
      if (!'lnprs'.includes(f)) {
        await ex.err(ctx, `jobs: -${f}: invalid option`);
        await put(ctx.fds[2], JOBS_USAGE);
        return 2;
      }
      flags.add(f);
    }
  }
  if (argv[i] === '--') i++;
  await settle(ex);
  const table = ex.svc.jobs;
  const chosen = argv.length > i ? await jobsFor(ex, ctx, argv.slice(i), 'jobs') : [...table.list()];
  if (!chosen) return 1;
  for (const j of chosen) {
    const state = table.state(j);
    if ((flags.has('r') && state !== 'Running') || (flags.has('s') && state !== 'Stopped')) continue;
    if (flags.has('n') && state === j.reported) continue;
    await out(ctx, flags.has('p') ? `${j.pid}\n` : flags.has('l') ? table.formatLong(j) : table.format(j));
    j.reported = state;
  }
  for (const j of chosen) if (j.reported === 'Done') table.remove(j);
  return 0;
};

/** The job `fg`/`bg` act on: the one named, or the current one. */
async function pick(ex: Executor, ctx: Ctx, name: string, spec: string | undefined): Promise<Job | undefined> {
  if (!ex.svc.interactive) {
    await ex.err(ctx, `${name}: no job control`);
    return undefined;
  }
  await settle(ex);
  const job = spec === undefined ? ex.svc.jobs.current() : ex.svc.jobs.find(spec);
  if (!job) await ex.err(ctx, `${name}: ${spec ?? 'current'}: no such job`);
  else if (job.status !== null) {
    await ex.err(ctx, `${name}: job has terminated`);
    return undefined;
  }
  return job;
}

function resume(table: JobTable, job: Job, ex: Executor): void {
  if (table.state(job) === 'Stopped') for (const p of job.group.alive()) ex.svc.host.kill?.(p.pid, SIGCONT);
  job.reported = 'Running';
  table.touch(job);
}

const fg: Builtin = async (ex, argv, ctx) => {
  const job = await pick(ex, ctx, 'fg', argv[1]);
  if (!job) return 1;
  await out(ctx, job.text + '\n');
  resume(ex.svc.jobs, job, ex);
  return waitForeground(ex, job, ctx);
};

const bg: Builtin = async (ex, argv, ctx) => {
  let status = 0;
  for (const spec of argv.length > 1 ? argv.slice(1) : [undefined]) {
    const job = await pick(ex, ctx, 'bg', spec);
    if (!job) {
      status = 1;
      continue;
    }
    if (ex.svc.jobs.state(job) === 'Running') {
      await ex.err(ctx, `bg: job ${job.id} already in background`);
      continue;
    }
    resume(ex.svc.jobs, job, ex);
    await out(ctx, `[${job.id}]${ex.svc.jobs.marker(job)} ${job.text} &\n`);
  }
  return status;
};

/** Waits for `done`, or until Ctrl-C (128+SIGINT, as bash's wait returns when a signal arrives). */
async function untilInterrupted<T>(ctx: Ctx, done: Promise<T>): Promise<T | 'interrupted'> {
  if (ctx.signal.aborted) return 'interrupted';
  let onAbort = () => {};
  const interrupted = new Promise<'interrupted'>((r) => (onAbort = () => r('interrupted')));
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([done, interrupted]);
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
}

const wait: Builtin = async (ex, argv, ctx) => {
  const table = ex.svc.jobs;
  const ids = argv.slice(1).filter((a, k) => !(k === 0 && a === '--'));
  await settle(ex);
  if (ids.length === 0) {
    const running = table.list().filter((j) => table.state(j) === 'Running');
    if ((await untilInterrupted(ctx, track(ex, Promise.all(running.map((j) => j.done))))) === 'interrupted') return 130;
    await notifyJobs(ex, ctx);
    return 0;
  }
  let status = 0;
  for (const id of ids) {
    const job = table.find(id);
    if (!job) {
      if (id.startsWith('%')) status = await fail(ex, ctx, `wait: ${id}: no such job`, 127);
      else if (!/^[0-9]+$/.test(id)) status = await fail(ex, ctx, `wait: \`${id}': not a pid or valid job spec`, 2);
      else status = table.statusOf(Number(id)) ?? (await fail(ex, ctx, `wait: pid ${id} is not a child of this shell`, 127));
      continue;
    }
    if (table.state(job) === 'Stopped') {
      status = 128 + job.group.stopSignal();
      continue;
    }
    const r = await untilInterrupted(ctx, track(ex, job.done));
    if (r === 'interrupted') return 130;
    status = r;
    await notifyJobs(ex, ctx);
    table.remove(job);
  }
  return status;
};

const disown: Builtin = async (ex, argv, ctx) => {
  const table = ex.svc.jobs;
  const args = argv.slice(1).filter((a) => a !== '-h');
  if (args.includes('-a') || args.includes('-r')) {
    for (const j of [...table.list()]) if (args.includes('-a') || table.state(j) === 'Running') table.remove(j);
    return 0;
  }
  const chosen = args.length ? await jobsFor(ex, ctx, args, 'disown') : [table.current()].filter((j): j is Job => j !== undefined);
  if (!chosen) return 1;
  if (chosen.length === 0) return fail(ex, ctx, 'disown: current: no such job');
  for (const j of chosen) table.remove(j);
  return 0;
};

export const JOB_BUILTINS: Record<string, Builtin> = { jobs, fg, bg, wait, disown };
