// The HCA's side of an MR: a peer's RDMA READ or WRITE touching part of it. Pinned MRs always
// reach their pages (a page-cache pin reaches its copies, however stale). An ODP MR holds no pins:
// pages a layout change invalidated are faulted in again on access (mlx5 page-fault handling) —
// which works while the file still has those pages, and fails where it no longer does (past EOF).
import type { Kernel } from '../kernel';
import type { Inode } from '../vfs/inode';
import type { Mr } from './uverbs';
import { fail, ok, type SysResult } from '../sim/result';
import { PAGE_SIZE } from '../abi/fcntl';

/** Invalidated pages [first, last) of `inode` the access meets: faults them in, false if some cannot be. */
function fault(k: Kernel, mr: Mr, inode: Inode, first: number, last: number): boolean {
  let ok = true;
  const keep: Array<[Inode, number, number]> = [];
  for (const inv of mr.invalidated) {
    const [ino, s, e] = inv;
    const fs = Math.max(s, first);
    const fe = Math.min(e, last);
    if (ino !== inode || fs >= fe) {
      keep.push(inv);
      continue;
    }
    const present = inode.evicted ? fs : Math.max(fs, Math.min(fe, inode.pages));
    if (present > fs) k.emit('rdma.odp.fault', { mr: mr.id, path: inode.path(), first: fs, last: present, resolved: true });
    if (present < fe) {
      k.emit('rdma.odp.fault', { mr: mr.id, path: inode.path(), first: present, last: fe, resolved: false });
      ok = false;
    }
    // The faulted pages are mapped again; what lies outside this access stays invalidated.
    if (s < fs) keep.push([ino, s, fs]);
    if (present < fe) keep.push([ino, present, fe]);
    if (fe < e) keep.push([ino, fe, e]);
  }
  mr.invalidated.splice(0, mr.invalidated.length, ...coalesce(keep));
  return ok;
}

/** Merges touching ranges of the same file, so that one access over them is one fault. */
function coalesce(ranges: Array<[Inode, number, number]>): Array<[Inode, number, number]> {
  const out: Array<[Inode, number, number]> = [];
  for (const r of [...ranges].sort((a, b) => a[0].ino - b[0].ino || a[1] - b[1])) {
    const prev = out[out.length - 1];
    if (prev && prev[0] === r[0] && r[1] <= prev[2]) prev[2] = Math.max(prev[2], r[2]);
    else out.push([r[0], r[1], r[2]]);
  }
  return out;
}

/**
 * A remote access to bytes [offset, offset + length) of MR `mrn` (offsets from the MR's start).
 * EINVAL for an unknown MR or a range outside it (a remote access error); EFAULT when an ODP
 * page there cannot be faulted in.
 */
export function remoteAccess(k: Kernel, mrn: number, offset: number, length: number): SysResult<number> {
  const mr = k.mrs.get(mrn);
  if (!mr || !(length > 0) || offset < 0 || offset + length > mr.length) return fail('EINVAL');
  if (!mr.odp || mr.invalidated.length === 0) return ok(length);
  const base = Math.floor(mr.addr / PAGE_SIZE) * PAGE_SIZE;
  const from = Math.floor((mr.addr + offset - base) / PAGE_SIZE);
  const to = Math.ceil((mr.addr + offset + length - base) / PAGE_SIZE);
  let at = 0;
  let reached = true;
  for (const seg of mr.segments) {
    const n = seg.last - seg.first;
    const s = Math.max(at, from);
    const e = Math.min(at + n, to);
    if (seg.inode && s < e && !fault(k, mr, seg.inode, seg.first + (s - at), seg.first + (e - at))) reached = false;
    at += n;
  }
  return reached ? ok(length) : fail('EFAULT');
}
