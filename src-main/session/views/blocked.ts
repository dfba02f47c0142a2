// Blocked truncates: layout changes refused at once (layout.refused) or sleeping in the kernel
// (process.block of a layout syscall), kept after they end so the window shows how they ended.
import { strerror, type Errno, type Host, type HostEvent, type LayoutOp } from '../../host';
import type { Inode } from '../../host/vfs/inode';
import { lookup } from '../../host/vfs/namei';
import type { BlockedRow, BlockedStatus } from '../../protocol/views';

const LAYOUT_SYSCALLS = new Set(['truncate', 'ftruncate', 'fallocate', 'ioctl']);
/** Ops the console can run again from a path alone (FICLONE and CoW writes need the caller's fds). */
export const RETRYABLE_OPS: ReadonlySet<string> = new Set<LayoutOp>(['truncate', 'punch', 'zero', 'collapse', 'insert', 'allocate']);
const KEEP = 200;
const ALL_PAGES = Number.MAX_SAFE_INTEGER;

export interface BlockedEntry {
  id: number;
  kind: 'refused' | 'waiting';
  status: BlockedStatus;
  op: string;
  path: string;
  pid: number;
  comm: string;
  t: number;
  errno: Errno | null;
  reason: string;
  wchan: string | null;
  /** The refused op's bytes, so that Retry runs the same op. */
  offset: number | null;
  length: number | null;
  wait: number | null;
  /** What a waiting op sleeps on, found once when it starts to wait. */
  inode: Inode | null;
  resolvedAt: number | null;
}

function keyOf(inode: Inode): string {
  return `inode:${inode.sb.id}:${inode.ino}`;
}

export class BlockedTracker {
  private readonly entries = new Map<number, BlockedEntry>();
  private nextId = 1;

  constructor(private readonly host: Host) {}

  get(id: number): BlockedEntry | undefined {
    return this.entries.get(id);
  }

  /** Feeds one host event; true when an entry was added or ended. */
  observe(e: HostEvent): boolean {
    switch (e.kind) {
      case 'layout.refused':
        this.add({ kind: 'refused', status: 'refused', op: e.op, path: e.path, pid: e.pid, t: e.t, errno: e.errno, reason: e.reason, wchan: null, offset: e.offset, length: e.length, wait: null, inode: null });
        return true;
      case 'process.block': {
        if (!LAYOUT_SYSCALLS.has(e.syscall)) return false;
        const key = this.host.kernel.proc(e.pid)?.wait?.spec.key ?? null;
        const inode = key ? (this.inodeByKey(key) ?? null) : null;
        this.add({ kind: 'waiting', status: 'waiting', op: e.syscall, path: inode?.path() ?? '?', pid: e.pid, t: e.t, errno: null, reason: `sleeps in ${e.wchan}`, wchan: e.wchan, offset: null, length: null, wait: e.wait, inode });
        return true;
      }
      case 'process.wake':
        return this.end((x) => x.wait === e.wait, e.t, e.killed ? 'gone' : e.errno ? 'failed' : 'done', e.errno ?? null);
      case 'layout.change':
        return this.end((x) => x.kind === 'refused' && x.path === e.path && x.op === e.op, e.t, 'done', null);
      default:
        return false;
    }
  }

  /** Entries not ended yet: what pins and leases stand in their way may change with any unwind. */
  hasOpen(): boolean {
    for (const x of this.entries.values()) if (x.resolvedAt === null) return true;
    return false;
  }

  rows(): BlockedRow[] {
    const k = this.host.kernel;
    const init = k.proc(1);
    return [...this.entries.values()].map((x) => {
      const open = x.status === 'refused' || x.status === 'clear' || x.status === 'waiting';
      const inode = !open ? undefined : x.kind === 'waiting' ? (x.inode ?? undefined) : init ? okInode(lookup(k, init, x.path)) : undefined;
      const pinIds = inode ? inode.pins.collect(0, ALL_PAGES) : [];
      const pins = pinIds.slice(0, 32).flatMap((id) => {
        const s = k.segments.get(id);
        return s ? [{ pid: s.mr.pid, mr: s.mr.id, first: s.first, last: s.last }] : [];
      });
      const leases = inode ? inode.leases.filter((l) => l.layout && l.exclusive).map((l) => l.id).slice(0, 16) : [];
      if (x.kind === 'refused' && open) x.status = leases.length > 0 || pinIds.length > 0 ? 'refused' : 'clear';
      return {
        id: x.id,
        kind: x.kind,
        status: x.status,
        op: x.op,
        path: x.path,
        pid: x.pid,
        comm: x.comm,
        t: x.t,
        errno: x.errno,
        message: x.errno ? strerror(x.errno) : x.status === 'done' ? 'done' : '',
        reason: x.reason,
        wchan: x.wchan,
        pins,
        pinCount: pinIds.length,
        leases,
        resolvedAt: x.resolvedAt,
        retryable: x.kind === 'refused' && open && RETRYABLE_OPS.has(x.op) && x.offset !== null,
      };
    });
  }

  private add(x: Omit<BlockedEntry, 'id' | 'comm' | 'resolvedAt'>): void {
    const id = this.nextId++;
    this.entries.set(id, { ...x, id, comm: this.host.kernel.proc(x.pid)?.comm ?? '?', resolvedAt: null });
    if (this.entries.size > KEEP) {
      const oldest = [...this.entries.values()].find((y) => y.resolvedAt !== null) ?? this.entries.values().next().value;
      if (oldest) this.entries.delete(oldest.id);
    }
  }

  private end(match: (x: BlockedEntry) => boolean, t: number, status: BlockedStatus, errno: Errno | null): boolean {
    let changed = false;
    for (const x of this.entries.values()) {
      if (x.resolvedAt !== null || !match(x)) continue;
      x.status = status;
      x.resolvedAt = t;
      if (errno) x.errno = errno;
      changed = true;
    }
    return changed;
  }

  /** The wait key names an inode; what blocks a layout change (pins, leases) leads back to it. */
  private inodeByKey(key: string): Inode | undefined {
    const k = this.host.kernel;
    for (const l of k.leases.values()) if (keyOf(l.inode) === key) return l.inode;
    for (const s of k.segments.values()) if (s.inode && keyOf(s.inode) === key) return s.inode;
    return undefined;
  }
}

function okInode(r: { ok: true; value: Inode } | { ok: false }): Inode | undefined {
  return r.ok ? r.value : undefined;
}
