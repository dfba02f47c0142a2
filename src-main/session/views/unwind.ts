// Which events belong to the unwind a console signal started: everything about the target's
// process, open files, RDMA contexts, MRs, pins and leases as they stood when the signal was sent.
import type { Host, HostEvent } from '../../host';

export class UnwindWatch {
  private readonly files = new Set<number>();
  private readonly contexts = new Set<number>();
  private readonly mrs = new Set<number>();
  private readonly leases = new Set<number>();
  private readonly paths = new Set<string>();

  constructor(
    readonly action: number,
    readonly pid: number,
    host: Host,
  ) {
    const task = host.kernel.proc(pid);
    for (const [, slot] of task?.fds.entries() ?? []) {
      const f = slot.file;
      this.files.add(f.id);
      for (const l of f.leases) this.leases.add(l.id);
      const ctx = f.uverbs;
      if (!ctx) continue;
      this.contexts.add(ctx.id);
      for (const mr of ctx.mrs.values()) {
        this.mrs.add(mr.id);
        for (const s of mr.segments) {
          if (!s.lease) continue;
          // The lease a pin keeps alive ends with the pin (zombie lease released).
          this.leases.add(s.lease.id);
          this.files.add(s.lease.file.id);
          if (s.inode) this.paths.add(s.inode.path());
        }
      }
    }
  }

  /** True when `e` is a step of this unwind. */
  claims(e: HostEvent): boolean {
    switch (e.kind) {
      case 'signal':
      case 'process.exit':
      case 'process.zombie':
      case 'mm.exit':
      case 'fd.close':
      case 'process.reap':
        return e.pid === this.pid;
      case 'file.release':
        return this.files.has(e.file);
      case 'rdma.context.release':
        return this.contexts.has(e.ctx);
      case 'rdma.dereg':
      case 'pin.release':
        return this.mrs.has(e.mr);
      case 'lease.zombie':
      case 'lease.release':
        return this.leases.has(e.lease);
      case 'layout.change':
        return this.paths.has(e.path);
      default:
        return false;
    }
  }
}
