// The closed union of host events: every kernel state change emits exactly one, stamped with
// virtual time and a sequence number, to subscribers and to an in-memory log.
import type { Errno } from './abi/errno';
import type { Signal } from './abi/signals';

export type ProcState = 'R' | 'S' | 'D' | 'T' | 'Z';
export type LeaseType = 'READ' | 'WRITE' | 'LAYOUT';
export type LayoutOp = 'truncate' | 'allocate' | 'punch' | 'collapse' | 'insert' | 'zero' | 'cow' | 'clone' | 'extend';
export type SignalAction = 'handler' | 'ignore' | 'terminate' | 'core' | 'stop' | 'continue' | 'pending';

/** Event payloads by kind; the emitted event adds `seq`, `t` and `kind`. */
export interface EventPayloads {
  'host.boot': { hostname: string; release: string; policy: string; seed: number };
  'policy.switch': { from: string; to: string };
  'sysctl.set': { name: string; value: string };

  'process.spawn': { pid: number; ppid: number; uid: number; comm: string; argv: string[] };
  'process.fork': { pid: number; child: number };
  'process.exec': { pid: number; comm: string; argv: string[] };
  /** A syscall went to sleep (state S). */
  'process.block': { pid: number; syscall: string; wchan: string; wait: number };
  /** A sleeping syscall completed; `errno` set when it failed (EINTR when interrupted). */
  'process.wake': { pid: number; syscall: string; wait: number; errno?: Errno; killed?: boolean };
  'process.stop': { pid: number; sig: Signal };
  'process.cont': { pid: number };
  /** do_exit() begins: code for exit(2), sig when a signal killed it. */
  'process.exit': { pid: number; code?: number; sig?: Signal; core?: boolean };
  'process.zombie': { pid: number; status: number };
  'process.reparent': { pid: number; from: number; to: number };
  'process.reap': { pid: number; by: number; status: number };

  signal: { pid: number; from: number; sig: Signal; action: SignalAction };

  'fd.open': { pid: number; fd: number; file: number; path: string; flags: number };
  'fd.dup': { pid: number; fd: number; newfd: number; file: number };
  'fd.close': { pid: number; fd: number; file: number; path: string };
  /** An fd installed by recvmsg(SCM_RIGHTS). */
  'fd.receive': { pid: number; fd: number; file: number; path: string; from: number };
  /** The last reference to an open file description went away (__fput). */
  'file.release': { file: number; path: string };
  'file.write': { pid: number; path: string; offset: number; length: number; size: number };

  'inode.create': { path: string; dev: string; ino: number; type: string };
  'inode.unlink': { path: string; ino: number };
  'inode.rename': { from: string; to: string; ino: number };
  /** Last link and last reference gone: the blocks return to the allocator. */
  'inode.evict': { path: string; ino: number; blocks: number };
  'inode.chmod': { path: string; mode: number };

  'layout.change': { pid: number; path: string; op: LayoutOp; offset: number; length: number; sizeBefore: number; sizeAfter: number };
  /** offset and length as in layout.change: enough for the console to retry the same op. */
  'layout.refused': { pid: number; path: string; op: LayoutOp; offset: number; length: number; errno: Errno; reason: string };
  /** The block map became sealed or unsealed (seed 004): by fallocate or by MAP_DIRECT mappings. */
  'layout.seal': { pid: number; path: string; sealed: boolean; by: 'fallocate' | 'map-direct' };

  'lease.set': { lease: number; pid: number; fd: number; file: number; path: string; type: LeaseType; exclusive: boolean; level: 'READ' | 'WRITE' };
  'lease.modify': { lease: number; type: LeaseType; level: 'READ' | 'WRITE' };
  'lease.zombie': { lease: number; path: string };
  'lease.break': { lease: number; path: string; breaker: number; target: 'READ' | 'UNLCK'; deadline: number };
  'lease.release': { lease: number; path: string; reason: 'unlock' | 'close' | 'revoked' | 'downgraded' };

  'mm.map': { pid: number; start: number; end: number; path: string; flags: number; prot: number };
  'mm.unmap': { pid: number; start: number; end: number; path: string };
  /** exit_mm(): the whole address space is torn down at once. */
  'mm.exit': { pid: number; vmas: number };

  'rdma.context': { pid: number; fd: number; ctx: number; file: number };
  'rdma.pd': { ctx: number; pd: number };
  'rdma.mr': { ctx: number; mr: number; pid: number; lkey: number; rkey: number; addr: number; length: number; access: number; odp: boolean };
  'rdma.mr.refused': { ctx: number; pid: number; addr: number; length: number; errno: Errno; path: string };
  'rdma.dereg': { ctx: number; mr: number; reason: 'dereg' | 'context-release' };
  'rdma.context.release': { ctx: number; file: number; mrs: number };
  'rdma.odp.invalidate': { mr: number; path: string; first: number; last: number };
  /** The HCA touched invalidated ODP pages: re-faulted from the file, or failed where the file has none. */
  'rdma.odp.fault': { mr: number; path: string; first: number; last: number; resolved: boolean };

  /** A long-term pin on pages [first, last) of a file, owned by an open file (fd) or an mm. */
  'pin.take': { pin: number; mr: number; owner: 'file' | 'mm'; ownerFile?: number; pid: number; path: string; first: number; last: number; lease?: number };
  'pin.release': { pin: number; mr: number; path: string; first: number; last: number };
  /** A page-cache file changed under a pin that holds copies (seed 000: "inconsistent"). */
  'data.divergence': { mr: number; path: string; first: number; last: number; op: LayoutOp };

  'socket.send': { pid: number; fd: number; files: number[] };
  'socket.recv': { pid: number; fd: number; fds: number[] };
}

export type EventKind = keyof EventPayloads;

export type HostEvent = {
  [K in EventKind]: { readonly seq: number; readonly t: number; readonly kind: K } & Readonly<EventPayloads[K]>;
}[EventKind];

export type EventOf<K extends EventKind> = Extract<HostEvent, { kind: K }>;

export interface Disposable {
  dispose(): void;
}

export type EventListener = (event: HostEvent) => void;

/** Fan-out to listeners plus an in-memory log (bounded when `limit` is given: oldest dropped). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly log: HostEvent[] = [];
  private seq = 0;
  private dropped = 0;

  constructor(
    private readonly now: () => number,
    private readonly limit = Infinity,
  ) {}

  emit<K extends EventKind>(kind: K, payload: EventPayloads[K]): HostEvent {
    const event = { seq: ++this.seq, t: this.now(), kind, ...payload } as unknown as HostEvent;
    this.log.push(event);
    // Trim in batches so that a bounded log costs O(1) amortised per event.
    if (this.log.length >= 2 * this.limit) {
      const excess = this.log.length - this.limit;
      this.log.splice(0, excess);
      this.dropped += excess;
    }
    for (const l of this.listeners) l(event);
    return event;
  }

  on(listener: EventListener): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  events(): readonly HostEvent[] {
    return this.log.length > this.limit ? this.log.slice(this.log.length - this.limit) : this.log;
  }

  /** Events dropped from the front of a bounded log. */
  droppedCount(): number {
    return this.dropped + Math.max(0, this.log.length - this.limit);
  }

  lastSeq(): number {
    return this.seq;
  }
}
