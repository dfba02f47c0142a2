// `legacy-hang`: long-term pins need no lease, and a truncate or hole punch over pinned DAX pages
// waits in dax_layout_busy_page() until the pins go — seed 003 #2, Ira Weiny: "by 'fail' I mean
// hang. Right now the 'normal' page pincount processing will hang the truncate"; seed 001, Dave
// Chinner: "dax_layout_busy_page can block forever when userspace pins the file for RDMA".
import type { Policy } from './policy';
import { ALLOW, COMPLETE, daxBusyWchan, PROCEED } from './common';

export const legacyHang: Policy = {
  name: 'legacy-hang',
  summary: 'pins need no lease; truncate and hole punch over pinned DAX pages wait until the pins go',
  source: 'seed 003 #2 ("by fail I mean hang"); seed 001 dax_layout_busy_page',

  pin() {
    return { allow: true, lease: null };
  },

  layoutChange(req) {
    // The wait is interruptible (state S): a caught signal returns EINTR, a fatal one kills the
    // waiter. Leases have no veto here — the exclusive flag carries no weight in this design —
    // so a change outside the pinned pages goes through.
    if (req.pinned && req.inode.isDax) return { action: 'wait', wchan: daxBusyWchan(req.inode) };
    return PROCEED;
  },

  releaseLease() {
    return ALLOW;
  },

  lastClose() {
    return COMPLETE;
  },

  passFd() {
    return ALLOW;
  },
};
