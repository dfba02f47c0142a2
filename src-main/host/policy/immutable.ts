// `immutable`: Dan Williams' 2017 block-map-immutable files (seed 004) — a long-term pin is
// allowed only on a file whose block map is sealed (FALLOC_FL_SEAL_BLOCK_MAP, pinsim's
// `xfs_io -c seal`, or while a MAP_DIRECT mapping exists), and every block-map change of a sealed
// file fails with ETXTBSY: truncate, punch, extending writes, reflink copy-on-write.
import type { Policy } from './policy';
import { ALLOW, COMPLETE, PROCEED } from './common';
import { isSealed, sealHolder } from '../vfs/seal';

export const immutable: Policy = {
  name: 'immutable',
  summary: 'pins only on a sealed block map (seal or MAP_DIRECT); every block-map change of a sealed file fails with ETXTBSY',
  source: 'seed 004: Dan Williams, Christoph Hellwig, Darrick J. Wong (2017)',

  pin(req) {
    if (req.kind !== 'fsdax') return { allow: true, lease: null };
    return isSealed(req.inode) ? { allow: true, lease: null, guard: 'seal' } : { allow: false, errno: 'EPERM' };
  },

  layoutChange(req) {
    // Darrick #1: "an inode flag to make xfs_bmapi_write() fail while any process has a
    // MAP_DIRECT mapping active".
    if (!isSealed(req.inode)) return PROCEED;
    return { action: 'fail', errno: 'ETXTBSY', reason: `the block map is sealed (${sealHolder(req.inode)})`, cause: 'seal' };
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
