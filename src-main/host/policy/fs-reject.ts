// `fs-reject`: the filesystem decides (seed 000/002, Jason Gunthorpe: "the FS itself can reject/
// deny the longterm pin request based on its internal status"; Dan Williams: "audit the
// configuration for legacy RDMA safety"). A DAX file whose filesystem could move its blocks
// (reflink) refuses long-term pins; otherwise pins need no lease, and the filesystem refuses to
// change the layout under them with ETXTBSY (Jason: "we already allow ftruncate to fail").
import type { Policy } from './policy';
import type { Inode } from '../vfs/inode';
import { ALLOW, COMPLETE, PROCEED } from './common';
import { rangeShared } from '../vfs/fileops';

/** The filesystem cannot promise a fixed block map: reflink is on, or the file shares extents. */
function unsafeForLongTermPins(inode: Inode): boolean {
  return inode.sb.reflink || rangeShared(inode, 0, inode.pages);
}

export const fsReject: Policy = {
  name: 'fs-reject',
  summary: 'the filesystem refuses pins where reflink could move blocks; layout changes under pins fail with ETXTBSY',
  source: 'seed 000/002: Jason Gunthorpe, Dan Williams',

  pin(req) {
    if (req.kind !== 'fsdax') return { allow: true, lease: null };
    if (unsafeForLongTermPins(req.inode)) return { allow: false, errno: 'EOPNOTSUPP' };
    return { allow: true, lease: null, guard: 'fs' };
  },

  layoutChange(req) {
    if (req.op === 'extend' || !req.pinned || !req.inode.isDax) return PROCEED;
    // Only the pins this filesystem agreed to: pins left over from another design wait instead.
    const mine = req.segments().filter((s) => s.guard === 'fs');
    if (mine.length === 0) return PROCEED;
    return { action: 'fail', errno: 'ETXTBSY', reason: `pages pinned by MR ${mine[0]!.mr.id} (pid ${mine[0]!.mr.pid}); the filesystem refuses to move them`, cause: 'pins' };
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
