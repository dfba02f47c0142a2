// `longterm-disabled`: mainline Linux then and now — FOLL_LONGTERM is refused on fsdax pages (the
// restriction RFC patch 19 would remove), so RDMA over an FS-DAX mapping fails with EOPNOTSUPP
// (seed 000: "the current status quo of taking all of the functionality away"). Since 2023
// mainline also refuses writable long-term pins of page-cache file pages (EFAULT).
import type { Policy } from './policy';
import { ALLOW, COMPLETE, PROCEED } from './common';

export const longtermDisabled: Policy = {
  name: 'longterm-disabled',
  summary: 'long-term pins of fsdax pages fail with EOPNOTSUPP; nothing is pinned, layout changes succeed',
  source: 'seed 003 patch 19 title ("Remove FOLL_LONGTERM DAX exclusion"); seed 000 Dan Williams',

  pin(req) {
    // check_vma_flags()/vma_is_fsdax(): -EOPNOTSUPP for FOLL_LONGTERM on an fsdax VMA.
    if (req.kind === 'fsdax') return { allow: false, errno: 'EOPNOTSUPP' };
    // 2023: writable FOLL_LONGTERM on a file-backed (non-anonymous, non-shmem) mapping → -EFAULT.
    if (req.writable) return { allow: false, errno: 'EFAULT' };
    return { allow: true, lease: null };
  },

  layoutChange() {
    // Nothing on an fsdax file can be pinned under this design, and mainline has no exclusive
    // layout leases: the lease API of the series is present, but the flag has no say here. Pins
    // left over from another design are waited for by the common rule.
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
