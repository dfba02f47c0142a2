// ioctl(fd, FS_IOC_FIEMAP) (fs/ioctl.c ioctl_fiemap → iomap_fiemap): a regular file's extents in
// bytes, what `xfs_io -c fiemap` and `filefrag` print. Reflinked blocks carry FIEMAP_EXTENT_SHARED.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import { fail, ok, type SysResult } from '../sim/result';
import { PAGE_SIZE } from '../abi/fcntl';
import { fdFile } from './common';
import { toRun } from '../vfs/blockmap';

export const FIEMAP_EXTENT_LAST = 0x1;
export const FIEMAP_EXTENT_SHARED = 0x2000;

export interface FiemapExtent {
  logical: number;
  physical: number;
  length: number;
  flags: number;
}

export function sysFiemap(_k: Kernel, task: Process, fd: number): SysResult<FiemapExtent[]> {
  const f = fdFile(task, fd);
  if (!f.ok) return f;
  const inode = f.value.inode;
  if (inode.type === 'chr' || inode.type === 'blk' || f.value.socket) return fail('ENOTTY');
  if (inode.type !== 'reg' || inode.proc || !inode.sb.allocator) return fail('EOPNOTSUPP');
  const alloc = inode.sb.allocator;
  const out = inode.blocks.extents().map((e) => ({
    logical: e.page * PAGE_SIZE,
    physical: e.block * PAGE_SIZE,
    length: e.len * PAGE_SIZE,
    flags: alloc.anyShared(toRun(e)) ? FIEMAP_EXTENT_SHARED : 0,
  }));
  const last = out[out.length - 1];
  if (last) last.flags |= FIEMAP_EXTENT_LAST;
  return ok(out);
}
