// What the host events since the last flush touched, by the ids the panels' rows hang on: pids,
// open files, leases, inodes and paths. MR, context and pin ids are resolved to the open file or
// lease they belong to when the event arrives, from the kernel or from maps this class keeps (an
// unwind releases pins after the kernel has forgotten their MR, and the rows are computed later).
import type { HostEvent } from '../../host';
import type { Kernel } from '../../host/kernel';

export class Touched {
  /** Everything must be computed again (start, host boot). */
  all = true;
  readonly pids = new Set<number>();
  /** Open files whose holders' rows change (a context's MRs, a lease's state). */
  readonly files = new Set<number>();
  /** Open files an fd event named: their holders' rows change only if the file is an RDMA context or leased. */
  readonly fdFiles = new Set<number>();
  readonly leases = new Set<number>();
  readonly inodes = new Set<number>();
  /** Paths renamed or unlinked: rows showing them, or anything below them, change. */
  readonly paths = new Set<string>();

  private readonly ctxFile = new Map<number, number>();
  /** The MR deregistered last: its pins are released after the kernel has dropped it. */
  private dereg = { mr: -1, ctx: -1 };
  private readonly leaseFile = new Map<number, number>();
  private readonly pinLease = new Map<number, number>();
  /** Ids the kernel released: forgotten at the next clear, after later events of the same unwind. */
  private readonly forget: Array<[Map<number, number>, number]> = [];

  /** Learns the objects that exist before the first event is seen. */
  constructor(private readonly k: Kernel) {
    for (const ctx of k.contexts.values()) this.ctxFile.set(ctx.id, ctx.file.id);
    for (const l of k.leases.values()) this.leaseFile.set(l.id, l.file.id);
    for (const s of k.segments.values()) if (s.lease) this.pinLease.set(s.id, s.lease.id);
  }

  get empty(): boolean {
    return !this.all && this.pids.size + this.files.size + this.fdFiles.size + this.leases.size + this.inodes.size + this.paths.size === 0;
  }

  clear(): void {
    this.all = false;
    for (const set of [this.pids, this.files, this.fdFiles, this.leases, this.inodes, this.paths]) set.clear();
    for (const [map, id] of this.forget.splice(0)) map.delete(id);
  }

  /** Records what `e` touched; false when no panel row can have changed. */
  observe(e: HostEvent): boolean {
    switch (e.kind) {
      case 'host.boot':
        this.all = true;
        return true;
      case 'policy.switch':
      case 'sysctl.set':
      case 'file.write':
      case 'inode.create':
      case 'inode.chmod':
      case 'rdma.pd':
      case 'rdma.mr.refused':
      case 'rdma.odp.invalidate':
      case 'rdma.odp.fault':
      case 'data.divergence':
        return false;
      case 'process.spawn':
      case 'process.exec':
      case 'process.block':
      case 'process.wake':
      case 'process.stop':
      case 'process.cont':
      case 'process.exit':
      case 'process.zombie':
      case 'process.reparent':
      case 'signal':
      case 'mm.map':
      case 'mm.unmap':
      case 'mm.exit':
      case 'socket.send':
      case 'socket.recv':
        this.pids.add(e.pid);
        return true;
      case 'process.fork':
        this.pids.add(e.pid).add(e.child);
        return true;
      case 'process.reap':
        this.pids.add(e.pid).add(e.by);
        return true;
      case 'fd.open':
      case 'fd.dup':
      case 'fd.close':
      case 'fd.receive':
        this.pids.add(e.pid);
        this.fdFiles.add(e.file);
        return true;
      case 'file.release':
        this.fdFiles.add(e.file);
        return true;
      case 'inode.unlink':
      case 'inode.evict':
        this.inodes.add(e.ino);
        this.paths.add(e.path);
        return true;
      case 'inode.rename':
        this.inodes.add(e.ino);
        this.paths.add(e.from).add(e.to);
        return true;
      case 'layout.change':
      case 'layout.refused':
      case 'layout.seal':
        this.pids.add(e.pid);
        return true;
      case 'lease.set':
        this.leaseFile.set(e.lease, e.file);
        this.pids.add(e.pid);
        this.files.add(e.file);
        this.leases.add(e.lease);
        return true;
      case 'lease.modify':
      case 'lease.zombie':
      case 'lease.break':
      case 'lease.release':
        this.lease(e.lease);
        if (e.kind === 'lease.release') this.forget.push([this.leaseFile, e.lease]);
        return true;
      case 'rdma.context':
        this.ctxFile.set(e.ctx, e.file);
        this.pids.add(e.pid);
        this.files.add(e.file);
        return true;
      case 'rdma.mr':
        this.pids.add(e.pid);
        this.context(e.ctx);
        return true;
      case 'rdma.dereg':
        this.dereg = { mr: e.mr, ctx: e.ctx };
        this.context(e.ctx);
        return true;
      case 'rdma.context.release':
        this.files.add(e.file);
        this.forget.push([this.ctxFile, e.ctx]);
        return true;
      case 'pin.take':
        if (e.lease !== undefined) {
          this.pinLease.set(e.pin, e.lease);
          this.lease(e.lease);
        }
        if (e.ownerFile !== undefined) this.files.add(e.ownerFile);
        this.pids.add(e.pid);
        this.mr(e.mr);
        return true;
      case 'pin.release': {
        const lease = this.pinLease.get(e.pin);
        if (lease !== undefined) {
          this.lease(lease);
          this.forget.push([this.pinLease, e.pin]);
        }
        this.mr(e.mr);
        return true;
      }
    }
  }

  private lease(id: number): void {
    this.leases.add(id);
    const file = this.leaseFile.get(id);
    if (file !== undefined) this.files.add(file);
  }

  private context(id: number): void {
    const file = this.ctxFile.get(id);
    if (file !== undefined) this.files.add(file);
  }

  private mr(id: number): void {
    const ctx = this.k.mrs.get(id)?.ctx.id ?? (this.dereg.mr === id ? this.dereg.ctx : undefined);
    if (ctx !== undefined) this.context(ctx);
  }
}
