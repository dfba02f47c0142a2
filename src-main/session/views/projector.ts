// The Processes, File pins and Lease holders rows kept up to date incrementally: each flush
// recomputes only the processes and leases the events since the last one touched (and a small
// rolling sweep, for state that changes without an event), so a host of 10,000 processes and
// 100,000 MRs costs what changed, not what exists. The rows are those of the full projections
// (processRows, filePinRows, leaseRows), which tests check it always equals.
import type { HostEvent } from '../../host';
import type { Kernel } from '../../host/kernel';
import type { FilePinRow, LeaseRow, ProcessRow } from '../../protocol/views';
import { processRow } from './processes';
import { filePinRowsOf } from './file-pins';
import { leaseRow } from './leases';
import { FdIndex } from './fd-index';
import { MultiIndex } from './multi-index';
import { RowStore } from './row-store';
import { Touched } from './touched';

/**
 * Processes (and leases) re-read per flush whether or not an event named them: sigaction(),
 * a program going idle or a write to /proc/<pid>/comm emit no event, so rows converge within
 * (processes / SWEEP) flushes — at once on hosts of up to SWEEP processes.
 */
export const SWEEP = 64;

class Cursor<K> {
  private keys: K[] = [];
  private at = 0;

  /** The next `n` keys of a round over `all()`, starting a new round when one ends. */
  next(n: number, all: () => Iterable<K>, into: Set<K>): void {
    for (let i = 0; i < n; i++) {
      if (this.at >= this.keys.length) {
        this.keys = [...all()];
        this.at = 0;
        if (this.keys.length === 0) return;
        if (i >= this.keys.length) return;
      }
      into.add(this.keys[this.at++]!);
    }
  }
}

export class Projector {
  readonly processes = new RowStore<ProcessRow, number>((r) => r.pid);
  readonly filePins = new RowStore<FilePinRow, string>((r) => r.key);
  readonly leases = new RowStore<LeaseRow, number>((r) => r.id);
  private readonly touched: Touched;
  private readonly fds = new FdIndex();
  /** pid → keys of its File pins rows. */
  private readonly pinKeys = new Map<number, string[]>();
  /** lease → pids whose File pins rows show its state. */
  private readonly pinnersOf = new MultiIndex<number, number>();
  /** pid → leases whose rows name it (owner or breaker); open file → leases on it. */
  private readonly leasesOfPid = new MultiIndex<number, number>();
  private readonly leasesOfFile = new MultiIndex<number, number>();
  private readonly leaseRefs = new Map<number, { file: number; pids: number[] }>();
  private readonly sweepPids = new Cursor<number>();
  private readonly sweepLeases = new Cursor<number>();

  constructor(
    private readonly k: Kernel,
    private readonly sweep = SWEEP,
  ) {
    this.touched = new Touched(k);
  }

  /** Records what an event touched; false when no row can have changed. */
  observe(e: HostEvent): boolean {
    return this.touched.observe(e);
  }

  /** Recomputes what the events since the last call touched (plus the sweep) into the stores. */
  update(): void {
    const t = this.touched;
    const k = this.k;
    const pids = new Set<number>(t.pids);
    const leases = new Set<number>(t.leases);
    if (t.all) {
      for (const pid of [...k.procs.keys(), ...this.processes.keys()]) pids.add(pid);
      for (const id of [...k.leases.keys(), ...this.leases.keys()]) leases.add(id);
    }
    this.sweepPids.next(this.sweep, () => k.procs.keys(), pids);
    this.sweepLeases.next(this.sweep, () => k.leases.keys(), leases);

    // Who holds what by fd, for the processes whose fd tables may have changed.
    const changed = new Set<number>(t.fdFiles);
    for (const pid of [...pids]) this.fds.update(pid, k.proc(pid), changed);
    for (const id of changed) {
      const f = this.fds.file(id);
      // Shared stdio and plain files change nobody else's row; contexts and leased files do.
      if (f && (f.uverbs || f.leases.length > 0)) for (const pid of this.fds.holdersOfId(id)) pids.add(pid);
    }
    for (const id of t.files) for (const pid of this.fds.holdersOfId(id)) pids.add(pid);
    for (const id of [...changed, ...t.files]) for (const l of this.leasesOfFile.get(id)) leases.add(l);
    for (const l of t.leases) for (const pid of this.pinnersOf.get(l)) pids.add(pid);
    if (t.paths.size > 0 || t.inodes.size > 0) this.byPath(t, pids, leases);
    for (const pid of pids) for (const l of this.leasesOfPid.get(pid)) leases.add(l);

    // Leases first: a state that changed with no event of its own (a file back from a socket)
    // shows in the File pins rows that name the lease.
    for (const id of leases) if (this.projectLease(id)) for (const pid of this.pinnersOf.get(id)) pids.add(pid);
    for (const pid of pids) this.project(pid);
    t.clear();
  }

  private project(pid: number): void {
    const task = this.k.proc(pid);
    const rows = task ? filePinRowsOf(this.k, task) : [];
    if (task) this.processes.put(processRow(this.k, task, this.fds.holdersOf));
    else this.processes.drop(pid);
    const keys = rows.map((r) => r.key);
    const kept = new Set(keys);
    for (const key of this.pinKeys.get(pid) ?? []) {
      const old = this.filePins.get(key);
      if (old?.lease != null) this.pinnersOf.remove(old.lease, pid);
      if (!kept.has(key)) this.filePins.drop(key);
    }
    for (const row of rows) {
      this.filePins.put(row);
      if (row.lease !== null) this.pinnersOf.add(row.lease, pid);
    }
    if (keys.length > 0) this.pinKeys.set(pid, keys);
    else this.pinKeys.delete(pid);
  }

  /** Recomputes one lease's row; true when its state changed. */
  private projectLease(id: number): boolean {
    const before = this.leases.get(id)?.state;
    const old = this.leaseRefs.get(id);
    if (old) {
      this.leasesOfFile.remove(old.file, id);
      for (const pid of old.pids) this.leasesOfPid.remove(pid, id);
      this.leaseRefs.delete(id);
    }
    const lease = this.k.leases.get(id);
    if (!lease) {
      this.leases.drop(id);
      return before !== undefined;
    }
    const row = leaseRow(this.k, lease);
    this.leases.put(row);
    const refs = { file: lease.file.id, pids: [lease.pid, ...row.breakers] };
    this.leaseRefs.set(id, refs);
    this.leasesOfFile.add(refs.file, id);
    for (const pid of refs.pids) this.leasesOfPid.add(pid, id);
    return row.state !== before;
  }

  /** Rows that show a renamed or unlinked path (or one below it), or the inode it named. */
  private byPath(t: Touched, pids: Set<number>, leases: Set<number>): void {
    const paths = [...t.paths];
    const shows = (r: { file: string; ino: number }) => t.inodes.has(r.ino) || paths.some((p) => r.file.startsWith(p));
    for (const r of this.filePins.values()) if (shows(r)) pids.add(r.pid);
    for (const r of this.leases.values()) if (shows(r)) leases.add(r.id);
  }
}
