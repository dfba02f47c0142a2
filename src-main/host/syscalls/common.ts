// Helpers every syscall family uses: fd lookup and the Stat shape.
import type { Process } from '../task/process';
import type { OpenFile } from '../fd/file';
import type { Inode, InodeType } from '../vfs/inode';
import { fail, ok, type SysResult } from '../sim/result';
import type { Kernel } from '../kernel';

export function fdFile(task: Process, fd: number): SysResult<OpenFile> {
  const slot = task.fds.get(fd);
  return slot ? ok(slot.file) : fail('EBADF');
}

/** struct stat, with times as wall-clock ns and device numbers split. */
export interface Stat {
  dev: { major: number; minor: number };
  ino: number;
  /** st_mode: type and permission bits. */
  mode: number;
  type: InodeType;
  nlink: number;
  uid: number;
  gid: number;
  rdev: { major: number; minor: number };
  size: number;
  blksize: number;
  /** 512-byte units actually allocated. */
  blocks: number;
  atimeNs: number;
  mtimeNs: number;
  ctimeNs: number;
}

export function statOf(k: Kernel, inode: Inode): Stat {
  const size = inode.type === 'dir' ? 4096 : inode.type === 'lnk' ? (inode.proc ? 0 : inode.target.length) : inode.size;
  const wall = (t: number) => k.clock.epochNs + t;
  return {
    dev: { major: inode.sb.major, minor: inode.sb.minor },
    ino: inode.ino,
    mode: inode.fullMode,
    type: inode.type,
    nlink: inode.nlink,
    uid: inode.uid,
    gid: inode.gid,
    rdev: inode.device ? { major: inode.device.major, minor: inode.device.minor } : { major: 0, minor: 0 },
    size,
    blksize: 4096,
    blocks: inode.type === 'reg' ? inode.blocks.mappedPages() * 8 : inode.type === 'dir' ? 8 : 0,
    atimeNs: wall(inode.atime),
    mtimeNs: wall(inode.mtime),
    ctimeNs: wall(inode.ctime),
  };
}
