// RDMA objects of one uverbs context (an open file of /dev/infiniband/uverbs0): protection
// domains, memory regions, and the file pins an MR holds for its whole life (RFC v2 patch 13).
import type { OpenFile } from '../fd/file';
import type { Inode } from '../vfs/inode';
import type { Extent } from '../vfs/blockmap';
import type { Lease } from '../lease/lease';

/** What vouches for a pin besides a lease: the filesystem (fs-reject) or a sealed block map (immutable). */
export type PinGuard = 'fs' | 'seal';

/** What kind of memory a piece of an MR covers. */
export type SegmentKind = 'fsdax' | 'pagecache' | 'devdax' | 'anon';

/**
 * One file's worth of an MR: pages [first, last) of `inode`. Non-ODP fsdax and page-cache
 * segments are long-term pins and sit in the inode's interval tree under `id`.
 */
export interface PinSegment {
  readonly id: number;
  readonly mr: Mr;
  readonly kind: SegmentKind;
  readonly inode: Inode | null;
  readonly first: number;
  readonly last: number;
  /** fsdax: the device blocks pinned, as mapped at registration (the invariant checks them). */
  readonly extents: readonly Extent[];
  /** The layout lease whose open file this pin keeps alive (rfc-v2), if any. */
  readonly lease: Lease | null;
  readonly filePin: FilePin | null;
  /**
   * The design's guard the pin was taken under. A policy switch clears it: the pin is then left
   * without an exclusive lease, and layout changes over it wait (kernel.md §4).
   */
  guard: PinGuard | null;
  /** Page cache only: the file changed under the pinned copies. */
  diverged: boolean;
}

/** The /proc/<pid>/file_pins entry: (owning file | mm) × pinned file, with how many pins. */
export interface FilePin {
  readonly id: number;
  readonly owner: { kind: 'file'; file: OpenFile } | { kind: 'mm'; pid: number };
  readonly inode: Inode;
  count: number;
}

export interface Pd {
  readonly handle: number;
  /** Global PD number (`pdn` in `rdma resource show`). */
  readonly pdn: number;
}

export class Mr {
  readonly segments: PinSegment[] = [];
  /** ODP: page ranges invalidated by layout changes; RDMA access there faults. */
  readonly invalidated: Array<[Inode, number, number]> = [];

  constructor(
    /** Global MR number (`mrn`). */
    readonly id: number,
    /** Handle within its context. */
    readonly handle: number,
    readonly ctx: UverbsContext,
    readonly pd: Pd,
    readonly addr: number,
    readonly length: number,
    readonly access: number,
    readonly odp: boolean,
    readonly lkey: number,
    readonly rkey: number,
    /** pid and comm of the registering process (restrack keeps them). */
    readonly pid: number,
    readonly comm: string,
  ) {}
}

export class UverbsContext {
  readonly pds = new Map<number, Pd>();
  readonly mrs = new Map<number, Mr>();
  /** File pins owned by this context's open file, in the order first taken. */
  readonly filePins: FilePin[] = [];
  nextHandle = 1;

  constructor(
    readonly id: number,
    readonly file: OpenFile,
    readonly device: string,
  ) {}
}
