// Long-term page pins (RFC v2 vaddr_pin_pages / file_pins): each pinned segment sits in its
// inode's interval tree, counts in a FilePin of its owner, keeps the inode (and, under rfc-v2, the
// lease's open file) alive, and records the device blocks it holds so the invariant can check them.
import type { Kernel } from '../kernel';
import type { Process } from '../task/process';
import type { Inode } from '../vfs/inode';
import type { Lease } from '../lease/lease';
import type { FilePin, Mr, PinGuard, PinSegment, SegmentKind, UverbsContext } from './uverbs';
import { fget, fput, inodeKey } from '../fd/lifecycle';
import { maybeEvict } from '../vfs/namespace';

export interface SegmentPlan {
  kind: SegmentKind;
  inode: Inode | null;
  first: number;
  last: number;
  lease: Lease | null;
  guard?: PinGuard | null;
}

/** True for segments that hold pages long-term (the ones layout changes must respect). */
export function isLongTerm(seg: { kind: SegmentKind; mr: Mr }): boolean {
  return !seg.mr.odp && (seg.kind === 'fsdax' || seg.kind === 'pagecache');
}

function filePinFor(k: Kernel, ctx: UverbsContext, inode: Inode): FilePin {
  let fp = ctx.filePins.find((p) => p.inode === inode);
  if (!fp) {
    fp = { id: k.nextId('filepin'), owner: { kind: 'file', file: ctx.file }, inode, count: 0 };
    ctx.filePins.push(fp);
  }
  return fp;
}

/** Adds one segment to `mr`; long-term ones become pins (the caller already faulted the pages in). */
export function pinSegment(k: Kernel, task: Process, mr: Mr, plan: SegmentPlan): PinSegment {
  const longTerm = !mr.odp && (plan.kind === 'fsdax' || plan.kind === 'pagecache');
  const inode = plan.inode;
  const filePin = longTerm && inode ? filePinFor(k, mr.ctx, inode) : null;
  const seg: PinSegment = {
    id: k.nextId('segment'),
    mr,
    kind: plan.kind,
    inode,
    first: plan.first,
    last: plan.last,
    extents: longTerm && plan.kind === 'fsdax' && inode ? inode.blocks.mapped(plan.first, plan.last) : [],
    lease: longTerm ? plan.lease : null,
    filePin,
    guard: longTerm ? (plan.guard ?? null) : null,
    diverged: false,
  };
  mr.segments.push(seg);
  if (mr.odp && inode && plan.kind !== 'devdax') inode.odpSegments.add(seg);
  if (!longTerm || !inode) return seg;
  k.segments.set(seg.id, seg);
  inode.pins.insert(seg.first, seg.last, seg.id);
  inode.extraRefs++;
  filePin!.count++;
  if (seg.lease) {
    // RFC v2 patch 14: the file_pin takes get_file(fl->fl_file), so the lease outlives its fds.
    seg.lease.pinRefs++;
    fget(seg.lease.file, 'pin');
  }
  k.emit('pin.take', {
    pin: seg.id,
    mr: mr.id,
    owner: 'file',
    ownerFile: mr.ctx.file.id,
    pid: task.pid,
    path: inode.path(),
    first: seg.first,
    last: seg.last,
    ...(seg.lease ? { lease: seg.lease.id } : {}),
  });
  return seg;
}

/** Unpins one segment: the tree entry, the FilePin count, the inode and lease-file references. */
export function unpinSegment(k: Kernel, seg: PinSegment): void {
  if (!k.segments.delete(seg.id)) return;
  const inode = seg.inode!;
  inode.pins.remove(seg.first, seg.id);
  const fp = seg.filePin!;
  fp.count--;
  if (fp.count === 0) {
    const list = fp.owner.kind === 'file' ? fp.owner.file.uverbs?.filePins : undefined;
    if (list) list.splice(list.indexOf(fp), 1);
  }
  k.emit('pin.release', { pin: seg.id, mr: seg.mr.id, path: inode.path(), first: seg.first, last: seg.last });
  if (seg.lease) {
    seg.lease.pinRefs--;
    fput(k, seg.lease.file, 'pin');
  }
  inode.extraRefs--;
  maybeEvict(k, inode);
  k.waits.wake(inodeKey(inode));
}

/** exit_mm() drops the mm-owned pins (the cover letter's bare-path entries). */
export function releaseMmPins(k: Kernel, task: Process): void {
  for (const fp of task.mmPins.splice(0)) {
    fp.inode.extraRefs -= fp.count;
    maybeEvict(k, fp.inode);
    k.waits.wake(inodeKey(fp.inode));
  }
}

/** Long-term segments overlapping pages [first, last) of `inode`. */
export function segmentsIn(k: Kernel, inode: Inode, first: number, last: number): PinSegment[] {
  return inode.pins.collect(first, last).map((id) => k.segments.get(id)!);
}

/**
 * An mm-owned pin (the cover letter's second flavour, e.g. io_uring fixed buffers). No syscall of
 * the simulated ABI takes one yet; kept so that file_pins and the invariants cover the format.
 */
export function addMmPin(k: Kernel, task: Process, inode: Inode): FilePin {
  const fp: FilePin = { id: k.nextId('filepin'), owner: { kind: 'mm', pid: task.pid }, inode, count: 1 };
  task.mmPins.push(fp);
  inode.extraRefs++;
  return fp;
}
