// truncate/ftruncate/fallocate/FICLONE (fs/open.c do_sys_truncate, vfs_fallocate, the xfs/ext4
// fallocate checks, vfs_clone_file_range): validate, then take the layout path.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { Inode } from '../vfs/inode';
import type { OpenFile } from '../fd/file';
import { fail, OK_VOID, type Blocking, type SysResult } from '../sim/result';
import { canRead, canWrite, FALLOC_FL_COLLAPSE_RANGE, FALLOC_FL_INSERT_RANGE, FALLOC_FL_KEEP_SIZE, FALLOC_FL_PUNCH_HOLE, FALLOC_FL_ZERO_RANGE, PAGE_SIZE } from '../abi/fcntl';
import { lookup, MAY_WRITE, permission } from '../vfs/namei';
import { layoutAttempt, TO_EOF, type LayoutPlan } from '../vfs/layout';
import * as fops from '../vfs/fileops';
import { fdFile } from './common';
import { toRun } from '../vfs/blockmap';
import { SEAL_MODES, sysSealBlockMap } from '../vfs/seal';

const FALLOC_SUPPORTED = FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE | FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_ZERO_RANGE | FALLOC_FL_INSERT_RANGE;

function runLayout(k: Kernel, task: Process, inode: Inode, syscall: string, plan: () => LayoutPlan): Blocking<void> {
  const token = k.nextId('breaker');
  return k.waits.run(task, syscall, () => layoutAttempt(k, task, inode, plan(), token));
}

function truncatePlan(inode: Inode, length: number, breakClassic: boolean): LayoutPlan {
  const first = fops.pageCeil(Math.min(length, inode.size));
  const last = length < inode.size ? inode.pages : first;
  return { op: 'truncate', first, last, offset: length, length: Math.abs(inode.size - length), breakClassic, apply: () => fops.setSize(inode, length) };
}

/** truncate(2): EISDIR for directories, EINVAL for anything not regular (a char device included). */
export function sysTruncate(k: Kernel, task: Process, path: string, length: number): Blocking<void> {
  const r = lookup(k, task, path);
  if (!r.ok) return r;
  const inode = r.value;
  if (inode.type === 'dir') return fail('EISDIR');
  if (inode.type !== 'reg' || inode.proc) return inode.proc ? fail('EACCES') : fail('EINVAL');
  if (!permission(task, inode, MAY_WRITE)) return fail('EACCES');
  if (!(length >= 0)) return fail('EINVAL');
  if (length > fops.MAX_FILE_SIZE) return fail('EFBIG');
  return runLayout(k, task, inode, 'truncate', () => truncatePlan(inode, length, true));
}

/** ftruncate(2): EINVAL unless the fd is a regular file open for writing. */
export function sysFtruncate(k: Kernel, task: Process, fd: number, length: number): Blocking<void> {
  if (!(length >= 0)) return fail('EINVAL');
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  const inode = f.value.inode;
  if (inode.type !== 'reg' || inode.proc || !canWrite(f.value.flags)) return fail('EINVAL');
  if (length > fops.MAX_FILE_SIZE) return fail('EFBIG');
  return runLayout(k, task, inode, 'ftruncate', () => truncatePlan(inode, length, true));
}

function fallocateChecks(file: OpenFile, mode: number, offset: number, len: number): SysResult<void> {
  if (offset < 0 || !(len > 0)) return fail('EINVAL');
  if (mode & ~FALLOC_SUPPORTED) return fail('EOPNOTSUPP');
  if ((mode & (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) === (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) return fail('EOPNOTSUPP');
  if (mode & FALLOC_FL_PUNCH_HOLE && !(mode & FALLOC_FL_KEEP_SIZE)) return fail('EOPNOTSUPP');
  if (mode & FALLOC_FL_COLLAPSE_RANGE && mode & ~FALLOC_FL_COLLAPSE_RANGE) return fail('EINVAL');
  if (mode & FALLOC_FL_INSERT_RANGE && mode & ~FALLOC_FL_INSERT_RANGE) return fail('EINVAL');
  if (!canWrite(file.flags)) return fail('EBADF');
  const inode = file.inode;
  if (file.socket) return fail('ESPIPE');
  if (inode.type === 'dir') return fail('EISDIR');
  if (inode.type !== 'reg') return fail('ENODEV');
  if (offset + len > fops.MAX_FILE_SIZE) return fail('EFBIG');
  if (inode.proc) return fail('EOPNOTSUPP');
  // shmem_fallocate() knows only KEEP_SIZE and PUNCH_HOLE.
  if (inode.sb.fstype === 'tmpfs' && mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE)) return fail('EOPNOTSUPP');
  if (mode & (FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_INSERT_RANGE)) {
    if (offset % PAGE_SIZE !== 0 || len % PAGE_SIZE !== 0) return fail('EINVAL');
    if (mode & FALLOC_FL_COLLAPSE_RANGE && offset + len >= inode.size) return fail('EINVAL');
    if (mode & FALLOC_FL_INSERT_RANGE && offset >= inode.size) return fail('EINVAL');
  }
  return OK_VOID;
}

function fallocatePlan(inode: Inode, mode: number, offset: number, len: number): LayoutPlan {
  const keep = (mode & FALLOC_FL_KEEP_SIZE) !== 0;
  const base = { offset, length: len, breakClassic: false };
  if (mode & FALLOC_FL_PUNCH_HOLE) return { ...base, op: 'punch', first: fops.pageCeil(offset), last: fops.pageFloor(offset + len), apply: () => fops.punchHole(inode, offset, len) };
  if (mode & FALLOC_FL_ZERO_RANGE) return { ...base, op: 'zero', first: fops.pageCeil(offset), last: fops.pageFloor(offset + len), apply: () => fops.zeroRange(inode, offset, len, keep) };
  if (mode & FALLOC_FL_COLLAPSE_RANGE) return { ...base, op: 'collapse', first: offset / PAGE_SIZE, last: TO_EOF, apply: () => fops.collapseRange(inode, offset, len) };
  if (mode & FALLOC_FL_INSERT_RANGE) return { ...base, op: 'insert', first: offset / PAGE_SIZE, last: TO_EOF, apply: () => fops.insertRange(inode, offset, len) };
  // Plain allocation moves nothing, but xfs_file_fallocate() still breaks layouts first.
  return { ...base, op: 'allocate', first: 0, last: 0, apply: () => fops.allocate(inode, offset, len, keep) };
}

export function sysFallocate(k: Kernel, task: Process, fd: number, mode: number, offset: number, len: number): Blocking<void> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  if (mode & SEAL_MODES) return sysSealBlockMap(k, task, f.value, mode, offset, len);
  const ok = fallocateChecks(f.value, mode, offset, len);
  if (!ok.ok) return ok;
  const inode = f.value.inode;
  return runLayout(k, task, inode, 'fallocate', () => fallocatePlan(inode, mode, offset, len));
}

/**
 * ioctl(dest, FICLONE, src): dest's blocks are replaced by shared references to src's. xfs breaks
 * the layouts of both files first (xfs_iolock_two_inodes_and_break_layout).
 */
export function sysFiclone(k: Kernel, task: Process, destFd: number, srcFd: number): Blocking<void> {
  const d = fdFile(task, destFd);
  if (!d.ok) return d;
  const s = fdFile(task, srcFd);
  if (!s.ok) return s;
  const dest = d.value.inode;
  const src = s.value.inode;
  if (!canRead(s.value.flags) || !canWrite(d.value.flags)) return fail('EBADF');
  if (dest.type === 'dir' || src.type === 'dir') return fail('EISDIR');
  if (dest.type !== 'reg' || src.type !== 'reg') return fail('EINVAL');
  if (dest.sb !== src.sb) return fail('EXDEV');
  if (!dest.sb.reflink || !dest.sb.allocator) return fail('EOPNOTSUPP');
  if (dest === src) return fail('EINVAL');
  const token = k.nextId('breaker');
  const alloc = dest.sb.allocator;
  let srcBroken = false;
  return k.waits.run(task, 'ioctl', () => {
    if (!srcBroken) {
      const a = layoutAttempt(k, task, src, { op: 'clone', first: 0, last: 0, offset: 0, length: src.size, breakClassic: false, apply: () => OK_VOID }, token);
      if ('block' in a || !a.done.ok) return a;
      srcBroken = true;
    }
    return layoutAttempt(k, task, dest, {
      op: 'clone',
      first: 0,
      last: TO_EOF,
      offset: 0,
      length: src.size,
      breakClassic: false,
      apply: () => {
        fops.setSize(dest, 0);
        const pieces = src.blocks.mapped(0, TO_EOF);
        for (const p of pieces) alloc.share(toRun(p));
        dest.blocks.place(pieces);
        dest.size = src.size;
        dest.data = src.data;
        return OK_VOID;
      },
    }, token);
  });
}
