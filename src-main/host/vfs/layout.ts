// The layout-change path shared by truncate, fallocate, CoW writes and FICLONE: break the leases
// that can be broken, ask the policy, wait for long-term pins on DAX pages (dax_layout_busy_page),
// then change the block map — invalidating ODP MRs and flagging page-cache divergence.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { Inode } from './inode';
import type { LayoutOp } from '../events';
import type { Attempt } from '../task/wait';
import { fail, OK_VOID, type SysResult } from '../sim/result';
import { PAGE_SIZE } from '../abi/fcntl';
import { breakLeases } from '../lease/break';
import { inodeKey } from '../fd/lifecycle';
import { segmentsIn } from '../rdma/pins';
import { daxBusyWchan } from '../policy/common';

export interface LayoutPlan {
  op: LayoutOp;
  /** Pages whose blocks may be freed or moved: [first, last). */
  first: number;
  last: number;
  /** Bytes, for the event. */
  offset: number;
  length: number;
  /** truncate(2) also breaks classic leases (do_truncate → break_lease). */
  breakClassic: boolean;
  /** Performs the change once nothing stands in the way. */
  apply(): SysResult<void>;
}

const END = Number.MAX_SAFE_INTEGER;
export const TO_EOF = END;

/** /proc/<pid>/stack of a task waiting for pinned DAX pages (reference §3.3, derived chain). */
function daxWaitStack(inode: Inode, op: LayoutOp): string[] {
  const entry = op === 'truncate' ? ['notify_change+0x2f6/0x450', 'do_truncate+0x76/0xc0', 'do_sys_ftruncate+0x15b/0x1a0'] : ['vfs_fallocate+0x13f/0x2e0', 'ksys_fallocate+0x3c/0x70'];
  const fs =
    inode.sb.fstype === 'xfs'
      ? ['xfs_break_dax_layouts+0x9a/0x120 [xfs]', 'xfs_break_layouts+0x53/0xa0 [xfs]', op === 'truncate' ? 'xfs_vn_setattr+0x8a/0x120 [xfs]' : 'xfs_file_fallocate+0x9c/0x450 [xfs]']
      : ['ext4_break_layouts+0xc4/0x190', op === 'truncate' ? 'ext4_setattr+0x2f1/0x950' : 'ext4_fallocate+0x5e/0x1150'];
  return [...fs, ...entry, 'do_syscall_64+0x5b/0x1d0', 'entry_SYSCALL_64_after_hwframe+0x44/0xa9'];
}

function breakStack(op: LayoutOp): string[] {
  const entry = op === 'truncate' ? ['vfs_truncate+0x12a/0x1c0', '__x64_sys_truncate+0x84/0xd0'] : ['vfs_fallocate+0x13f/0x2e0', 'ksys_fallocate+0x3c/0x70'];
  return ['__break_lease+0x58e/0x6e0', ...entry, 'do_syscall_64+0x5b/0x1d0', 'entry_SYSCALL_64_after_hwframe+0x44/0xa9'];
}

/**
 * One attempt at a layout change; re-run by the task's wait on every wake. `token` identifies the
 * caller's BREAKER entries across attempts.
 */
export function layoutAttempt(k: Kernel, task: Process, inode: Inode, plan: LayoutPlan, token: number): Attempt<void> {
  if (plan.breakClassic) {
    const b = breakLeases(k, { task, inode, write: true, layout: false, nonblock: false, stack: breakStack(plan.op) }, token);
    if ('errno' in b) return { done: { ok: false, errno: b.errno } };
    if ('block' in b) return b;
  }
  const lb = breakLeases(k, { task, inode, write: true, layout: true, nonblock: false, stack: breakStack(plan.op) }, token);
  if ('errno' in lb) return { done: { ok: false, errno: lb.errno } };
  if ('block' in lb) return lb;

  const last = Math.min(plan.last, END);
  const pinned = last > plan.first && inode.pins.overlaps(plan.first, last);
  const daxPinned = pinned && inode.isDax;
  const verdict = k.policy.layoutChange({ task, inode, op: plan.op, first: plan.first, last, pinned, segments: () => segmentsIn(k, inode, plan.first, last) });
  if (verdict.action === 'fail') {
    k.emit('layout.refused', { pid: task.pid, path: inode.path(), op: plan.op, offset: plan.offset, length: plan.length, errno: verdict.errno, reason: verdict.reason });
    return { done: { ok: false, errno: verdict.errno } };
  }
  // Common to all policies: pinned DAX blocks are never freed or moved — wait until unpinned.
  // This is also what pins left bare by a policy switch meet, whatever the policy (kernel.md §4).
  if (verdict.action === 'wait' || daxPinned) {
    const wchan = verdict.action === 'wait' ? verdict.wchan : daxBusyWchan(inode);
    return { block: { key: inodeKey(inode), wchan, stack: daxWaitStack(inode, plan.op) } };
  }
  const sizeBefore = inode.size;
  const r = plan.apply();
  if (!r.ok) return { done: r };
  if (last > plan.first) afterChange(k, inode, plan.op, plan.first, last);
  inode.mtime = inode.ctime = k.clock.now();
  k.emit('layout.change', { pid: task.pid, path: inode.path(), op: plan.op, offset: plan.offset, length: plan.length, sizeBefore, sizeAfter: inode.size });
  return { done: r };
}

/**
 * A write that grows the file allocates blocks without moving any: no lease is broken and no pin
 * waited for, but the policy may still refuse it (immutable: a sealed block map). Refusals are
 * events like any other layout refusal.
 */
export function mayExtend(k: Kernel, task: Process, inode: Inode, offset: number, length: number): SysResult<void> {
  const first = inode.pages;
  const last = Math.ceil((offset + length) / PAGE_SIZE);
  const verdict = k.policy.layoutChange({ task, inode, op: 'extend', first, last: Math.max(first, last), pinned: false, segments: () => [] });
  if (verdict.action !== 'fail') return OK_VOID;
  k.emit('layout.refused', { pid: task.pid, path: inode.path(), op: 'extend', offset, length, errno: verdict.errno, reason: verdict.reason });
  return fail(verdict.errno);
}

/** ODP MRs lose the range (later access faults); page-cache pins now hold stale copies. */
function afterChange(k: Kernel, inode: Inode, op: LayoutOp, first: number, last: number): void {
  for (const seg of inode.odpSegments) {
    const s = Math.max(seg.first, first);
    const e = Math.min(seg.last, last);
    if (s >= e) continue;
    seg.mr.invalidated.push([inode, s, e]);
    k.emit('rdma.odp.invalidate', { mr: seg.mr.id, path: inode.path(), first: s, last: e });
  }
  if (inode.isDax) return;
  for (const seg of segmentsIn(k, inode, first, last)) {
    seg.diverged = true;
    k.emit('data.divergence', { mr: seg.mr.id, path: inode.path(), first: Math.max(seg.first, first), last: Math.min(seg.last, last), op });
  }
}
