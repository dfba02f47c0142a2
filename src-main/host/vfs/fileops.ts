// Block-map and content changes of a regular file — what truncate, fallocate and write do once the
// layout path has let them through. Bytes live in `inode.data`; pages past it read as zeros.
import type { Inode } from './inode';
import { fail, OK_VOID, type SysResult } from '../sim/result';
import { PAGE_SIZE } from '../abi/fcntl';
import { toRun } from './blockmap';

/** s_maxbytes of ext4/xfs is far larger; 2^53 keeps every offset an exact JS number. */
export const MAX_FILE_SIZE = Number.MAX_SAFE_INTEGER;
/** Content kept in memory; bytes written past it are accepted and read back as zeros. */
export const MAX_DATA = 64 * 1024 * 1024;
const END = Number.MAX_SAFE_INTEGER;

function freePages(inode: Inode, first: number, last: number): void {
  const alloc = inode.sb.allocator;
  for (const piece of inode.blocks.unmap(first, last)) alloc?.release(toRun(piece));
}

function zeroData(inode: Inode, from: number, to: number): void {
  const end = Math.min(to, inode.data.length);
  if (from >= end) return;
  inode.data = inode.data.slice(0, from) + '\0'.repeat(end - from) + inode.data.slice(end);
}

export function pageFloor(off: number): number {
  return Math.floor(off / PAGE_SIZE);
}
export function pageCeil(off: number): number {
  return Math.ceil(off / PAGE_SIZE);
}

export function setSize(inode: Inode, size: number): SysResult<void> {
  if (size > MAX_FILE_SIZE) return fail('EFBIG');
  if (size < inode.size) {
    freePages(inode, pageCeil(size), END);
    if (inode.data.length > size) inode.data = inode.data.slice(0, size);
  }
  inode.size = size;
  return OK_VOID;
}

/** Plain allocation (mode 0 / KEEP_SIZE): fills holes, moves nothing. */
export function allocate(inode: Inode, off: number, len: number, keepSize: boolean): SysResult<void> {
  const alloc = inode.sb.allocator;
  if (alloc && !inode.blocks.fill(pageFloor(off), pageCeil(off + len), alloc)) return fail('ENOSPC');
  if (!keepSize && off + len > inode.size) inode.size = off + len;
  return OK_VOID;
}

/** PUNCH_HOLE|KEEP_SIZE: whole pages lose their blocks, partial pages are zeroed. */
export function punchHole(inode: Inode, off: number, len: number): SysResult<void> {
  freePages(inode, pageCeil(off), pageFloor(off + len));
  zeroData(inode, off, off + len);
  return OK_VOID;
}

/** ZERO_RANGE: xfs frees and reallocates the range (so its blocks may move), zeroing the bytes. */
export function zeroRange(inode: Inode, off: number, len: number, keepSize: boolean): SysResult<void> {
  freePages(inode, pageCeil(off), pageFloor(off + len));
  zeroData(inode, off, off + len);
  return allocate(inode, off, len, keepSize);
}

/** COLLAPSE_RANGE: the range's blocks are freed and every later page shifts down. */
export function collapseRange(inode: Inode, off: number, len: number): SysResult<void> {
  const first = off / PAGE_SIZE;
  const n = len / PAGE_SIZE;
  freePages(inode, first, first + n);
  inode.blocks.shift(first + n, -n);
  if (inode.data.length > off) inode.data = inode.data.slice(0, off) + inode.data.slice(Math.min(off + len, inode.data.length));
  inode.size -= len;
  return OK_VOID;
}

/** INSERT_RANGE: every page from `off` shifts up, leaving a hole. */
export function insertRange(inode: Inode, off: number, len: number): SysResult<void> {
  if (inode.size + len > MAX_FILE_SIZE) return fail('EFBIG');
  inode.blocks.shift(off / PAGE_SIZE, len / PAGE_SIZE);
  if (inode.data.length > off) {
    const grown = inode.data.slice(0, off) + '\0'.repeat(len) + inode.data.slice(off);
    inode.data = grown.length <= MAX_DATA ? grown : grown.slice(0, MAX_DATA);
  }
  inode.size += len;
  return OK_VOID;
}

/** True when some block behind pages [first, last) is shared with another file (reflink). */
export function rangeShared(inode: Inode, first: number, last: number): boolean {
  const alloc = inode.sb.allocator;
  if (!alloc) return false;
  return inode.blocks.mapped(first, last).some((p) => alloc.anyShared(toRun(p)));
}

/** Copy-on-write: shared blocks under [first, last) are replaced by private copies. */
export function unshare(inode: Inode, first: number, last: number): SysResult<void> {
  const alloc = inode.sb.allocator!;
  const shared = inode.blocks.mapped(first, last).filter((p) => alloc.anyShared(toRun(p)));
  for (const p of shared) {
    inode.blocks.unmap(p.page, p.page + p.len);
    alloc.release(toRun(p));
    if (!inode.blocks.fill(p.page, p.page + p.len, alloc)) return fail('ENOSPC');
  }
  return OK_VOID;
}

/** Stores written bytes and allocates the pages they land on (the caller handled CoW). */
export function writeBytes(inode: Inode, off: number, bytes: string): SysResult<void> {
  const end = off + bytes.length;
  if (end > MAX_FILE_SIZE) return fail('EFBIG');
  const alloc = inode.sb.allocator;
  if (alloc && bytes.length > 0 && !inode.blocks.fill(pageFloor(off), pageCeil(end), alloc)) return fail('ENOSPC');
  if (end <= MAX_DATA) {
    const d = inode.data;
    inode.data = (d.length >= off ? d.slice(0, off) : d + '\0'.repeat(off - d.length)) + bytes + d.slice(end);
  }
  if (end > inode.size) inode.size = end;
  return OK_VOID;
}

/** Bytes [off, off+count) clipped to the size; holes and unstored tails read as zeros. */
export function readBytes(inode: Inode, off: number, count: number): string {
  const end = Math.min(inode.size, off + count);
  if (off >= end) return '';
  const stored = inode.data.slice(off, end);
  return stored.length === end - off ? stored : stored + '\0'.repeat(end - off - stored.length);
}
