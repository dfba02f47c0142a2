// Inodes and superblocks: the objects every path, open file, lease and pin ends at.
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFLNK, S_IFREG, S_IFSOCK, PAGE_SIZE } from '../abi/fcntl';
import type { BlockAllocator } from './allocator';
import { BlockMap } from './blockmap';
import { IntervalTree } from '../rdma/interval-tree';
import type { Lease } from '../lease/lease';
import type { OpenFile } from '../fd/file';
import type { PinSegment } from '../rdma/uverbs';
import type { ProcNode } from '../procfs/node';

export type InodeType = 'reg' | 'dir' | 'chr' | 'blk' | 'lnk' | 'sock';
export type FsType = 'ext4' | 'xfs' | 'tmpfs' | 'proc' | 'devtmpfs' | 'sockfs';
/** What a character or block device node does when opened. */
export type DeviceKind = 'null' | 'zero' | 'uverbs' | 'devdax' | 'pmem' | 'disk' | 'tty';

export interface SuperBlock {
  readonly id: number;
  readonly fstype: FsType;
  /** Device number as (major, minor): /proc/locks prints it as `%02x:%02x`. */
  readonly major: number;
  readonly minor: number;
  /** What /proc/mounts shows in its first column: `/dev/pmem0`, `tmpfs`, `proc`. */
  readonly source: string;
  readonly dax: boolean;
  readonly reflink: boolean;
  readonly options: string;
  readonly allocator: BlockAllocator | null;
  nextIno: number;
  root: Inode | null;
  mountpoint: string;
  /** The inode this filesystem is mounted over (null for `/`). */
  coveredInode: Inode | null;
}

export class Inode {
  /** Primary dentry: parent directory and name, kept current by rename; null parent at a root. */
  parent: Inode | null = null;
  name = '';
  nlink = 1;
  size = 0;
  atime: number;
  mtime: number;
  ctime: number;
  /** Directory entries, in creation order. */
  readonly entries: Map<string, Inode> | null;
  /** Symlink target. */
  target = '';
  readonly blocks = new BlockMap();
  /** Bytes written so far, as a latin1 string; bytes past its end read as zeros. */
  data = '';
  /** Filesystem mounted on this directory. */
  mounted: SuperBlock | null = null;
  /** Open file descriptions of this inode (for lease conflict checks and eviction). */
  readonly openFiles = new Set<OpenFile>();
  /** References other than open files and links (pins, cwd). */
  extraRefs = 0;
  readonly leases: Lease[] = [];
  /** Long-term pins of this file's pages (non-ODP MRs): page ranges keyed by pin segment id. */
  readonly pins = new IntervalTree();
  /** ODP MR segments over this file: no pin, but layout changes invalidate them. */
  readonly odpSegments = new Set<PinSegment>();
  /** Block map sealed (seed 004): by FALLOC_FL_SEAL_BLOCK_MAP (`by`: its pid) and by MAP_DIRECT mappings. */
  readonly seal = { explicit: false, by: 0, directMaps: 0 };
  evicted = false;
  /** procfs inodes: the table entry that generates their content on each read. */
  proc: ProcNode | null = null;

  constructor(
    readonly sb: SuperBlock,
    readonly ino: number,
    readonly type: InodeType,
    public mode: number,
    public uid: number,
    public gid: number,
    now: number,
    readonly device: { kind: DeviceKind; major: number; minor: number } | null = null,
  ) {
    this.atime = this.mtime = this.ctime = now;
    this.entries = type === 'dir' ? new Map() : null;
    if (type === 'dir') this.nlink = 2;
  }

  /** st_mode: type bits | permission bits. */
  get fullMode(): number {
    const t = { reg: S_IFREG, dir: S_IFDIR, chr: S_IFCHR, blk: S_IFBLK, lnk: S_IFLNK, sock: S_IFSOCK }[this.type];
    return t | (this.mode & 0o7777);
  }

  get isDax(): boolean {
    return this.type === 'reg' && this.sb.dax;
  }

  /** Pages covering the file size. */
  get pages(): number {
    return Math.ceil(this.size / PAGE_SIZE);
  }

  /** `/dev/pmem0`-style device of the filesystem, as /proc/locks prints it: `103:00`. */
  get devHex(): string {
    return `${this.sb.major.toString(16).padStart(2, '0')}:${this.sb.minor.toString(16).padStart(2, '0')}`;
  }

  /** Absolute path through primary dentries and mount points, with ` (deleted)` once unlinked. */
  path(): string {
    const parts: string[] = [];
    let n: Inode | null = this.self();
    while (n) {
      if (n.parent) {
        parts.push(n.name);
        n = n.parent;
      } else if (n.sb.coveredInode) {
        n = n.sb.coveredInode;
      } else break;
    }
    const p = '/' + parts.reverse().join('/');
    return this.nlink === 0 && this.type !== 'dir' && this.sb.fstype !== 'sockfs' ? `${p} (deleted)` : p;
  }

  private self(): Inode {
    return this;
  }

  /** The kernel keeps an inode while a link, an open file or another reference (a pin) holds it. */
  get inUse(): boolean {
    return this.nlink > 0 || this.openFiles.size > 0 || this.extraRefs > 0;
  }
}
