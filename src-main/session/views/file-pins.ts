// File pins panel rows: the union of every /proc/<pid>/file_pins, read from the same entry list
// procfs renders (filePinEntries), split by page range and annotated with MRs and leases.
import type { Host } from '../../host';
import type { FilePin, PinSegment } from '../../host/rdma/uverbs';
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

/** Segments by the file pin they count in, for every context at once (one pass over the MRs). */
function segmentsByFilePin(host: Host): Map<FilePin, PinSegment[]> {
  const out = new Map<FilePin, PinSegment[]>();
  for (const seg of host.kernel.segments.values()) {
    if (!seg.filePin) continue;
    const list = out.get(seg.filePin);
    if (list) list.push(seg);
    else out.set(seg.filePin, [seg]);
  }
  return out;
}

export function filePinRows(host: Host): FilePinRow[] {
  const k = host.kernel;
  const bySeg = segmentsByFilePin(host);
  const rows: FilePinRow[] = [];
  for (const task of k.procs.values()) {
    if (task.state === 'Z') continue;
    for (const entry of filePinEntries(task)) {
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
            ctx: entry.owner?.uverbs?.id ?? null,
            file: inode.path(),
            dev: inode.devHex,
            ino: inode.ino,
            first: run.first,
            last: run.last,
            mrs: mrIds.slice(0, 16),
            mrCount: mrIds.length,
            lease: lease?.id ?? null,
            leaseState: lease && host.kernel.leases.has(lease.id) ? lease.state : null,
          });
        }
      }
    }
  }
  return rows;
}
