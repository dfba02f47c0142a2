// statfs(2) (fs/statfs.c vfs_statfs → the filesystem's ->statfs): what df and stat -f read.
// Block counts come from the filesystem's allocator; ext4 keeps 5% for root (reserved blocks,
// so f_bavail < f_bfree), xfs and tmpfs do not; pseudo filesystems report zeros (procfs) or the
// size of their mount option (devtmpfs `size=…k`).
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { SuperBlock } from '../vfs/inode';
import { ok, type SysResult } from '../sim/result';
import { lookup } from '../vfs/namei';

/** struct statfs (x86-64). */
export interface StatFs {
  /** Filesystem magic: EXT4_SUPER_MAGIC, XFS_SUPER_MAGIC, TMPFS_MAGIC, PROC_SUPER_MAGIC… */
  type: number;
  bsize: number;
  frsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
  namelen: number;
}

const MAGIC: Record<SuperBlock['fstype'], number> = {
  ext4: 0xef53,
  xfs: 0x58465342,
  tmpfs: 0x01021994,
  devtmpfs: 0x01021994,
  proc: 0x9fa0,
  sockfs: 0x534f434b,
};

const BLOCK = 4096;

function option(sb: SuperBlock, name: string): number | null {
  const m = new RegExp(`(?:^|,)${name}=(\\d+)(k?)(?:,|$)`).exec(sb.options);
  if (!m) return null;
  return Number(m[1]) * (m[2] ? 1024 : 1);
}

export function statfsOf(sb: SuperBlock): StatFs {
  const base = { type: MAGIC[sb.fstype], bsize: BLOCK, frsize: BLOCK, namelen: 255 };
  const alloc = sb.allocator;
  // Inodes handed out so far (numbers are never reused, so deleted ones still count); ext4
  // counts its reserved inodes 1–10, xfs starts at its root inode.
  const inodesUsed = sb.nextIno - (sb.fstype === 'xfs' ? (sb.root?.ino ?? 0) : 1);
  if (!alloc) {
    const size = option(sb, 'size');
    const blocks = size === null ? 0 : Math.floor(size / BLOCK);
    const files = option(sb, 'nr_inodes') ?? 0;
    return { ...base, blocks, bfree: blocks, bavail: blocks, files, ffree: Math.max(0, files - inodesUsed) };
  }
  const blocks = alloc.firstBlock + alloc.totalBlocks;
  const bfree = alloc.freeBlocks();
  const reserved = sb.fstype === 'ext4' ? Math.floor(blocks / 20) : 0;
  // mkfs.ext4 makes one inode per 16 KiB; xfs allocates inodes on demand up to imaxpct=25%.
  const files = sb.fstype === 'ext4' ? Math.floor(blocks / 4) : sb.fstype === 'xfs' ? Math.min(inodesUsed + bfree * 8, Math.floor((blocks * 8) / 4)) : option(sb, 'nr_inodes') ?? blocks;
  return { ...base, blocks, bfree, bavail: Math.max(0, bfree - reserved), files, ffree: Math.max(0, files - inodesUsed) };
}

/** statfs(path): follows symlinks; ENOENT/ENOTDIR/EACCES from the walk. */
export function sysStatfs(k: Kernel, task: Process, path: string): SysResult<StatFs> {
  const r = lookup(k, task, path, true);
  return r.ok ? ok(statfsOf(r.value.sb)) : r;
}
