// Breaking classic and non-exclusive layout leases (fs/locks.c __break_lease, time_out_leases):
// the breaker marks conflicting leases BREAKING, signals their owners and sleeps until they are
// released or fs.lease-break-time passes — or gets EAGAIN at once with O_NONBLOCK.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { Inode } from '../vfs/inode';
import type { Lease } from './lease';
import type { BlockSpec } from '../task/wait';
import type { Errno } from '../abi/errno';
import { NS_PER_SEC } from '../sim/clock';
import { inodeKey } from '../fd/lifecycle';
import { removeLease } from './leases';
import { sendSignal } from '../task/signal';

export interface BreakRequest {
  task: Process;
  inode: Inode;
  /** The breaker writes (open for write, truncate) or only reads. */
  write: boolean;
  /** break_layout(): only layout leases conflict; otherwise only classic ones do. */
  layout: boolean;
  nonblock: boolean;
  /** /proc/<pid>/stack of the sleeping breaker. */
  stack: readonly string[];
}

export type BreakOutcome = { proceed: true } | { errno: Errno } | { block: BlockSpec };

/** Lazily applies expired breaks: downgrade to READ or remove (lease_modify on timeout). */
export function timeOutLeases(k: Kernel, inode: Inode): void {
  const now = k.clock.now();
  for (const lease of [...inode.leases]) {
    if (!lease.breaking || lease.breaking.deadline > now) continue;
    if (lease.breaking.target === 'READ') {
      lease.breaking = null;
      lease.level = 'READ';
      k.emit('lease.modify', { lease: lease.id, type: lease.type, level: 'READ' });
    } else {
      removeLease(k, lease, 'revoked');
    }
  }
}

function conflicts(lease: Lease, req: BreakRequest): boolean {
  if (lease.layout !== req.layout) return false;
  if (lease.layout && lease.exclusive) return false; // exclusive ones are the policy's decision
  return req.write || lease.level === 'WRITE';
}

/** One attempt of __break_lease(); re-run by the breaker on every wake. */
export function breakLeases(k: Kernel, req: BreakRequest, token: number): BreakOutcome {
  timeOutLeases(k, req.inode);
  dropBreaker(req.inode, token);
  const hit = req.inode.leases.filter((l) => conflicts(l, req));
  if (hit.length === 0) return { proceed: true };
  const breakTime = k.sysctlNumber('fs.lease-break-time') * NS_PER_SEC;
  for (const lease of hit) {
    if (lease.breaking) continue;
    const target = req.write || lease.layout ? 'UNLCK' : 'READ';
    lease.breaking = { target, deadline: k.clock.now() + breakTime };
    k.emit('lease.break', { lease: lease.id, path: lease.file.path(), breaker: req.task.pid, target, deadline: lease.breaking.deadline });
    const owner = k.proc(lease.file.owner);
    if (owner) sendSignal(k, 0, owner, lease.file.sig || 'SIGIO');
  }
  if (req.nonblock) return { errno: 'EAGAIN' };
  const first = hit[0]!;
  const deadline = Math.min(...hit.map((l) => l.breaking!.deadline));
  first.breakers.push({ pid: req.task.pid, type: req.write ? 'WRITE' : 'READ', wait: token });
  return {
    block: {
      key: inodeKey(req.inode),
      wchan: '__break_lease',
      stack: req.stack,
      deadline,
      onCancel: () => dropBreaker(req.inode, token),
    },
  };
}

/** The breaker stopped waiting (done, interrupted or killed): its `->` line goes. */
export function dropBreaker(inode: Inode, wait: number): void {
  for (const lease of inode.leases) {
    const i = lease.breakers.findIndex((b) => b.wait === wait);
    if (i >= 0) lease.breakers.splice(i, 1);
  }
}
