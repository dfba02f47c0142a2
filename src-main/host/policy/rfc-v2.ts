// `rfc-v2`: Ira Weiny's RFC v2 (seed 003 cover letter), with F_UNLCK refused while pins exist as
// Ira promised in reply #4 ("I'm going to add a patch to fail releasing the lease").
import type { LayoutRequest, LayoutVerdict, Policy } from './policy';
import { activeExclusiveLayout, exclusiveLayouts } from '../lease/leases';
import { ALLOW, COMPLETE, PROCEED } from './common';

/**
 * RFC v2 patch 02: __break_lease() on an exclusive layout lease returns -ETXTBSY, or -EDEADLOCK
 * when the breaker is the lease owner itself; active and zombie leases alike (cover letter 3, 5).
 * Null when no exclusive layout lease stands in the way.
 */
function exclusiveLeaseVeto(req: LayoutRequest): LayoutVerdict | null {
  const held = exclusiveLayouts(req.inode);
  if (held.length === 0) return null;
  const own = held.find((l) => l.pid === req.task.pid);
  if (own) return { action: 'fail', errno: 'EDEADLK', reason: `exclusive layout lease ${own.id} is held by the caller (pid ${own.pid})`, cause: 'lease' };
  const l = held[0]!;
  return { action: 'fail', errno: 'ETXTBSY', reason: `exclusive layout lease ${l.id} (${l.state}) held by pid ${l.pid}`, cause: 'lease' };
}

export const rfcV2: Policy = {
  name: 'rfc-v2',
  summary: 'pins need an exclusive layout lease; layout changes fail with ETXTBSY while it exists',
  source: 'seed 003: RFC v2 cover letter; Jan Kara #1/#3, Ira Weiny #2/#4',

  pin(req) {
    // Cover letter 1–2 and patch 04: page pins fail unless the caller holds an ACTIVE exclusive
    // layout lease (mapping_inode_has_layout checks fl_pid == current->tgid).
    if (req.kind !== 'fsdax') return { allow: true, lease: null };
    const lease = activeExclusiveLayout(req.inode, req.task.pid);
    return lease ? { allow: true, lease } : { allow: false, errno: 'EPERM' };
  },

  layoutChange(req) {
    // The series breaks layouts in truncate, fallocate and the reflink paths; a write that only
    // extends the file allocates new blocks and moves none.
    if (req.op === 'extend') return PROCEED;
    return exclusiveLeaseVeto(req) ?? PROCEED;
  },

  releaseLease(req) {
    return req.pins > 0 ? { allow: false, errno: 'EBUSY' } : ALLOW;
  },

  lastClose() {
    // Cover letter 5: "Closing the file is ok" — the lease lives on as a zombie.
    return COMPLETE;
  },

  passFd() {
    // Replies #16/#28: pins travel with the RDMA context's open file.
    return ALLOW;
  },
};
