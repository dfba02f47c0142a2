// The verbs objects behind ibv_alloc_pd / ibv_reg_mr / ibv_dereg_mr / context release
// (drivers/infiniband/core: uverbs_main, umem). reg_mr walks the caller's VMAs like ib_umem_get()
// and asks the policy before each long-term pin.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { OpenFile } from '../fd/file';
import { Mr, UverbsContext, type Pd } from './uverbs';
import { pinSegment, unpinSegment, type SegmentPlan } from './pins';
import { fail, ok, type SysResult } from '../sim/result';
import { IBV_ACCESS_ON_DEMAND, IBV_ACCESS_LOCAL_WRITE, IBV_ACCESS_REMOTE_WRITE, IBV_ACCESS_REMOTE_ATOMIC, PAGE_SIZE } from '../abi/fcntl';

export function createContext(k: Kernel, task: Process, fd: number, file: OpenFile): UverbsContext {
  const ctx = new UverbsContext(k.nextId('ctx'), file, k.rdma.device);
  file.uverbs = ctx;
  k.contexts.set(ctx.id, ctx);
  k.emit('rdma.context', { pid: task.pid, fd, ctx: ctx.id, file: file.id });
  return ctx;
}

export function allocPd(k: Kernel, ctx: UverbsContext): Pd {
  const pd: Pd = { handle: ctx.nextHandle++, pdn: k.nextId('pd') };
  ctx.pds.set(pd.handle, pd);
  k.emit('rdma.pd', { ctx: ctx.id, pd: pd.pdn });
  return pd;
}

/** mlx5-style keys: a random 24-bit index and an 8-bit key; lkey == rkey, unique per host. */
function newKey(k: Kernel): number {
  for (;;) {
    const key = k.prng.nextU32() >>> 0;
    if (key !== 0 && !k.mrKeys.has(key)) {
      k.mrKeys.add(key);
      return key;
    }
  }
}

export interface RegMrArgs {
  addr: number;
  length: number;
  access: number;
}

/** Plans the pieces of [addr, addr+length): EFAULT unless every page is mapped and inside its file. */
function planSegments(task: Process, start: number, end: number): SysResult<Array<SegmentPlan & { writable: boolean }>> {
  const plans: Array<SegmentPlan & { writable: boolean }> = [];
  let at = start;
  for (const v of task.mm.overlapping(start, end)) {
    if (v.start > at) return fail('EFAULT');
    const s = Math.max(v.start, start);
    const e = Math.min(v.end, end);
    at = e;
    const first = v.pgoff + (s - v.start) / PAGE_SIZE;
    const last = first + (e - s) / PAGE_SIZE;
    const inode = v.file?.inode ?? null;
    let kind: SegmentPlan['kind'] = 'anon';
    if (inode?.device?.kind === 'devdax') kind = 'devdax';
    else if (inode?.type === 'reg') {
      // GUP on a file page past EOF faults (SIGBUS for a CPU access, EFAULT here).
      if (last > inode.pages) return fail('EFAULT');
      kind = inode.isDax ? 'fsdax' : 'pagecache';
    }
    plans.push({ kind, inode: kind === 'anon' ? null : inode, first, last, lease: null, writable: (v.prot & 2) !== 0 });
  }
  if (at < end) return fail('EFAULT');
  return ok(plans);
}

export function regMr(k: Kernel, task: Process, ctx: UverbsContext, pd: Pd, args: RegMrArgs): SysResult<Mr> {
  const odp = (args.access & IBV_ACCESS_ON_DEMAND) !== 0;
  // ib_uverbs_reg_mr(): "ODP support not available" is -EINVAL, not EOPNOTSUPP.
  if (odp && !k.rdma.odp) return fail('EINVAL');
  if (!(args.length > 0) || args.addr < 0) return fail('EINVAL');
  const start = Math.floor(args.addr / PAGE_SIZE) * PAGE_SIZE;
  const end = Math.ceil((args.addr + args.length) / PAGE_SIZE) * PAGE_SIZE;
  const planned = planSegments(task, start, end);
  if (!planned.ok) return planned;
  const writable = (args.access & (IBV_ACCESS_LOCAL_WRITE | IBV_ACCESS_REMOTE_WRITE | IBV_ACCESS_REMOTE_ATOMIC)) !== 0;
  for (const plan of planned.value) {
    if (odp || (plan.kind !== 'fsdax' && plan.kind !== 'pagecache')) continue;
    if (writable && !plan.writable) return fail('EFAULT');
    const verdict = k.policy.pin({ task, inode: plan.inode!, kind: plan.kind, first: plan.first, last: plan.last, writable });
    if (!verdict.allow) {
      k.emit('rdma.mr.refused', { ctx: ctx.id, pid: task.pid, addr: args.addr, length: args.length, errno: verdict.errno, path: plan.inode!.path() });
      return fail(verdict.errno);
    }
    plan.lease = verdict.lease;
    plan.guard = verdict.guard ?? null;
  }
  // Fault the pages in: a DAX page behind a hole gets its block now, as a write fault would.
  for (const plan of planned.value) {
    if (odp || !plan.inode || plan.kind === 'devdax') continue;
    const alloc = plan.inode.sb.allocator;
    if (alloc && !plan.inode.blocks.fill(plan.first, plan.last, alloc)) return fail('ENOMEM');
  }
  const key = newKey(k);
  const mr = new Mr(k.nextId('mr'), ctx.nextHandle++, ctx, pd, args.addr, args.length, args.access, odp, key, key, task.pid, task.comm);
  ctx.mrs.set(mr.handle, mr);
  k.mrs.set(mr.id, mr);
  k.emit('rdma.mr', { ctx: ctx.id, mr: mr.id, pid: task.pid, lkey: mr.lkey, rkey: mr.rkey, addr: mr.addr, length: mr.length, access: mr.access, odp });
  for (const plan of planned.value) pinSegment(k, task, mr, plan);
  return ok(mr);
}

/** ibv_dereg_mr or context teardown: the MR goes, then its pins (and with them zombie leases). */
export function deregMr(k: Kernel, mr: Mr, reason: 'dereg' | 'context-release'): void {
  mr.ctx.mrs.delete(mr.handle);
  k.mrs.delete(mr.id);
  k.mrKeys.delete(mr.lkey);
  for (const seg of mr.segments) seg.inode?.odpSegments.delete(seg);
  k.emit('rdma.dereg', { ctx: mr.ctx.id, mr: mr.id, reason });
  for (const seg of mr.segments) if (k.segments.has(seg.id)) unpinSegment(k, seg);
}

/** The context's open file is freed (last fd closed by close/exit, or last holder gone). */
export function releaseContext(k: Kernel, ctx: UverbsContext): void {
  k.emit('rdma.context.release', { ctx: ctx.id, file: ctx.file.id, mrs: ctx.mrs.size });
  for (const mr of [...ctx.mrs.values()].sort((a, b) => a.handle - b.handle)) deregMr(k, mr, 'context-release');
  ctx.pds.clear();
  k.contexts.delete(ctx.id);
}
