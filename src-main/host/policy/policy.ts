// The decision points where the designs of the 2019 debate differ (kernel.md §4). The kernel asks
// the policy in force; everything around the answers is common to all policies.
import type { Errno } from '../abi/errno';
import type { LayoutOp } from '../events';
import type { Process } from '../task/process';
import type { Inode } from '../vfs/inode';
import type { Lease } from '../lease/lease';
import type { OpenFile } from '../fd/file';
import type { PinGuard, PinSegment, SegmentKind } from '../rdma/uverbs';

export type Verdict = { allow: true } | { allow: false; errno: Errno };

export interface PinRequest {
  task: Process;
  inode: Inode;
  /** fsdax and pagecache reach the policy; devdax and anonymous memory never do. */
  kind: Extract<SegmentKind, 'fsdax' | 'pagecache'>;
  first: number;
  last: number;
  /** The MR asks for remote or local write access. */
  writable: boolean;
}
/**
 * Allowed pins may name the lease that keeps them legitimate (rfc-v2: the exclusive layout lease)
 * or the design's own guard (fs-reject: the filesystem; immutable: the sealed block map). A pin
 * with neither is bare: layout changes over it wait for it, whatever the policy (kernel.md §4).
 */
export type PinVerdict = { allow: true; lease: Lease | null; guard?: PinGuard } | { allow: false; errno: Errno };

export interface LayoutRequest {
  task: Process;
  inode: Inode;
  op: LayoutOp;
  /** Affected pages [first, last). */
  first: number;
  last: number;
  /** Some long-term (non-ODP) pin lies in the range. */
  pinned: boolean;
  /** The long-term pins in the range (computed on demand: a policy that only needs `pinned` pays nothing). */
  segments(): readonly PinSegment[];
}
/** What a refusal rests on: an exclusive layout lease, the pins themselves, or a sealed block map. */
export type RefusalCause = 'lease' | 'pins' | 'seal';
/** proceed: go on (the common rules may still wait for pins); fail: return errno at once; wait: sleep. */
export type LayoutVerdict = { action: 'proceed' } | { action: 'fail'; errno: Errno; reason: string; cause: RefusalCause } | { action: 'wait'; wchan: string };

export interface LeaseReleaseRequest {
  task: Process;
  lease: Lease;
  /** Pins that hang off this lease. */
  pins: number;
}

export interface CloseRequest {
  task: Process;
  file: OpenFile;
  /** The process is exiting or has a fatal signal pending: never block (Dave Chinner, 003 #9). */
  fatal: boolean;
}
export type CloseVerdict = { action: 'complete' } | { action: 'wait'; wchan: string };

export interface PassFdRequest {
  task: Process;
  file: OpenFile;
  /** Processes that hold the receiving end. */
  receivers: Process[];
  /** Every file the same message carries (a lease's file may travel with the context). */
  batch: readonly OpenFile[];
}

export interface Policy {
  readonly name: string;
  /** One line for `pinsim policy list` and the status bar. */
  readonly summary: string;
  /** Where the design comes from (seed and reply). */
  readonly source: string;
  pin(req: PinRequest): PinVerdict;
  layoutChange(req: LayoutRequest): LayoutVerdict;
  releaseLease(req: LeaseReleaseRequest): Verdict;
  lastClose(req: CloseRequest): CloseVerdict;
  passFd(req: PassFdRequest): Verdict;
}
