// Milestones derived from the kernel's own events: the first refused layout change is the incident
// being detected, a `why` about its file identifies it, the last pin on the file going mitigates it,
// and the same layout change succeeding resolves it. Each derived milestone happens once.
import { explainPath, renderExplanation, type Host, type HostEvent } from '../../host';
import type { MilestoneName } from './stream';

export interface Incident {
  path: string;
  op: string;
  errno: string;
  /** Pins on the file when the change was refused: with none, the lease going mitigates. */
  pinsAtDetection: number;
}

/** Facts a derived milestone carries: the trigger and, where it helps, `why` at that moment. */
export interface Derived {
  name: MilestoneName;
  event: HostEvent | null;
  text: string;
  data: Record<string, unknown>;
}

export class MilestoneTracker {
  private readonly pins = new Map<number, string>();
  private readonly perPath = new Map<string, number>();
  private readonly done = new Set<MilestoneName>();
  incident: Incident | null = null;

  constructor(
    private readonly host: Host,
    private readonly derive: (d: Derived) => void,
  ) {}

  observe(e: HostEvent): void {
    switch (e.kind) {
      case 'host.boot':
        return this.once({ name: 'started', event: e, text: `session started: host ${e.hostname} booted`, data: {} });
      case 'pin.take':
        this.pins.set(e.pin, e.path);
        this.perPath.set(e.path, (this.perPath.get(e.path) ?? 0) + 1);
        return;
      case 'pin.release': {
        const path = this.pins.get(e.pin) ?? e.path;
        this.pins.delete(e.pin);
        const left = Math.max(0, (this.perPath.get(path) ?? 1) - 1);
        this.perPath.set(path, left);
        const inc = this.incident;
        if (inc && left === 0 && path === inc.path && inc.pinsAtDetection > 0) {
          this.once({ name: 'mitigated', event: e, text: `mitigated: the last pin on ${path} was released`, data: { path } });
        }
        return;
      }
      case 'lease.release': {
        const inc = this.incident;
        if (inc && inc.pinsAtDetection === 0 && e.path === inc.path) {
          this.once({ name: 'mitigated', event: e, text: `mitigated: lease ${e.lease} on ${e.path} released`, data: { path: e.path } });
        }
        return;
      }
      case 'layout.refused':
        if (this.incident) return;
        this.incident = { path: e.path, op: e.op, errno: e.errno, pinsAtDetection: this.perPath.get(e.path) ?? 0 };
        return this.once({ name: 'detected', event: e, text: `detected: ${e.op} of ${e.path} failed with ${e.errno}`, data: { path: e.path, errno: e.errno, ...this.why(e.path) } });
      case 'layout.change': {
        const inc = this.incident;
        if (inc && this.done.has('detected') && e.path === inc.path && e.op === inc.op) {
          this.once({ name: 'resolved', event: e, text: `resolved: ${e.op} of ${e.path} succeeded`, data: { path: e.path } });
        }
        return;
      }
      default:
        return;
    }
  }

  /** Someone asked `why` about a file (the command or the Why panel). */
  asked(path: string): void {
    const inc = this.incident;
    if (!inc || !sameFile(path, inc.path)) return;
    this.once({ name: 'identified', event: null, text: `identified: why ${inc.path} was asked`, data: { path: inc.path, ...this.why(inc.path) } });
  }

  has(name: MilestoneName): boolean {
    return this.done.has(name);
  }

  private once(d: Derived): void {
    if (this.done.has(d.name)) return;
    this.done.add(d.name);
    this.derive(d);
  }

  /** `why` as the shell prints it, taken when the milestone happens: later the chain may be gone. */
  private why(path: string): Record<string, unknown> {
    const r = explainPath(this.host, 1, path);
    return r.ok ? { explanation: r.value, why: renderExplanation(r.value) } : {};
  }
}

/** `why data` asked from /mnt/pmem is the same file as /mnt/pmem/data: compare the last components. */
function sameFile(asked: string, path: string): boolean {
  return asked === path || (!asked.startsWith('/') && path.endsWith(`/${asked.replace(/^\.\//, '')}`));
}
