// File pins panel rows: the union of every /proc/<pid>/file_pins, read from the same entry list
// procfs renders (filePinEntries), split by page range and annotated with MRs and leases.
import type { Host } from '../../host';
import type { Kernel } from '../../host/kernel';
import type { Process } from '../../host/task/process';
import type { FilePin, PinSegment, UverbsContext } from '../../host/rdma/uverbs';
import { filePinEntries } from '../../host/procfs/task-files';
import type { FilePinRow } from '../../protocol/views';

interface Run {
  first: number;
  last: number;
  segs: PinSegment[];
}

/** Overlapping or touching segments of one file pin merge into one range (a row). */
function runsOf(segs: PinSegment[]): Run[] {
  const sorted = [...segs].sort((a, b) => a.first - b.first || a.last - b.last);
  const runs: Run[] = [];
  for (const s of sorted) {
    const cur = runs[runs.length - 1];
    if (cur && s.first <= cur.last) {
      cur.last = Math.max(cur.last, s.last);
      cur.segs.push(s);
    } else runs.push({ first: s.first, last: s.last, segs: [s] });
  }
  return runs;
}

/**
 * The pinned segments of one context by the file pin they count in. A file pin's segments all
 * belong to MRs of the context that owns it (pins.ts filePinFor), so one context's MRs suffice;
 * a segment counts while it is in the kernel's pin table.
 */
function segmentsByFilePin(k: Kernel, ctx: UverbsContext): Map<FilePin, PinSegment[]> {
  const out = new Map<FilePin, PinSegment[]>();
  for (const mr of ctx.mrs.values()) {
    for (const seg of mr.segments) {
      if (!seg.filePin || k.segments.get(seg.id) !== seg) continue;
      const list = out.get(seg.filePin);
      if (list) list.push(seg);
      else out.set(seg.filePin, [seg]);
    }
  }
  return out;
}

const NONE = new Map<FilePin, PinSegment[]>();

/** The rows of one process: its /proc/<pid>/file_pins, entry by entry, range by range. */
export function filePinRowsOf(k: Kernel, task: Process): FilePinRow[] {
  if (task.state === 'Z') return [];
  const rows: FilePinRow[] = [];
  for (const entry of filePinEntries(task)) {
    const ctx = entry.owner?.uverbs ?? null;
    const bySeg = ctx ? segmentsByFilePin(k, ctx) : NONE;
    for (const fp of entry.pins) {
      const inode = fp.inode;
      const segs = bySeg.get(fp) ?? [];
      // mm-owned pins have no MR segments: one row for the file, range unknown.
      const runs = segs.length > 0 ? runsOf(segs) : [{ first: 0, last: 0, segs }];
      for (const run of runs) {
        const mrIds = [...new Set(run.segs.map((s) => s.mr.id))].sort((a, b) => a - b);
        const lease = run.segs.find((s) => s.lease)?.lease ?? null;
        rows.push({
          key: `${task.pid}:${entry.fd ?? 'mm'}:${inode.sb.id}:${inode.ino}:${run.first}`,
          pid: task.pid,
          comm: task.comm,
          fd: entry.fd,
          owner: entry.owner ? `${entry.fd}: ${entry.owner.path()}` : 'mm',
          ctx: ctx?.id ?? null,
          file: inode.path(),
          dev: inode.devHex,
          ino: inode.ino,
          first: run.first,
          last: run.last,
          mrs: mrIds.slice(0, 16),
          mrCount: mrIds.length,
          lease: lease?.id ?? null,
          leaseState: lease && k.leases.has(lease.id) ? lease.state : null,
        });
      }
    }
  }
  return rows;
}

/** Every row from scratch, by pid: the reference the incremental projection must always equal. */
export function filePinRows(host: Host): FilePinRow[] {
  const k = host.kernel;
  return [...k.procs.values()].sort((a, b) => a.pid - b.pid).flatMap((task) => filePinRowsOf(k, task));
}
