// Collateral the trainee causes, seen in the host's events: a listed process killed, a page-cache
// pin left diverged by the trainee's layout change, a signal to pid 1 or to a shell, the design
// switched. A kill costs once per process; every other penalty once per drill.
import type { HostEvent } from '../host';
import type { Probe } from './probe';
import type { Penalty } from './schema';

export interface Incurred {
  on: Penalty['on'];
  cost: number;
  text: string;
  /** Virtual ns. */
  t: number;
  pid: number | null;
}

const DEFAULT_TEXT: Record<Penalty['on'], string> = {
  kill: 'killed a process that had to keep running',
  divergence: 'a layout change left an RDMA pin holding stale page copies (data divergence)',
  signal_init: 'sent a signal to pid 1 (init)',
  signal_shell: 'sent a signal to a shell',
  policy_change: 'switched the design in force instead of fixing the host',
};

/** Signals that do not end a process when sent to it. */
const HARMLESS = new Set(['SIGCHLD', 'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGWINCH', 'SIGURG']);

export class PenaltyWatch {
  private readonly charged = new Set<string>();
  /** pid → the trainee process that last sent it a signal that can end it. */
  private readonly signalledBy = new Map<number, number>();
  private divergencePending = false;

  constructor(
    private readonly penalties: readonly Penalty[],
    private readonly probe: Probe,
    private readonly byTrainee: (pid: number) => boolean,
  ) {}

  /** Penalties the event incurs (most events incur none). */
  observe(e: HostEvent): Incurred[] {
    switch (e.kind) {
      case 'signal': {
        if (!this.byTrainee(e.from) || HARMLESS.has(e.sig)) return [];
        if (e.action !== 'ignore') this.signalledBy.set(e.pid, e.from);
        if (e.pid === 1) return this.charge('signal_init', 'init', e.t, 1);
        if (this.probe.comm(e.pid) === 'bash') return this.charge('signal_shell', 'shell', e.t, e.pid);
        return [];
      }
      case 'process.exit': {
        if (!this.signalledBy.has(e.pid)) return [];
        return this.penalties.flatMap((p, i) => (p.on === 'kill' && this.probe.means(p.target, e.pid) ? this.one(p, `kill ${i} ${e.pid}`, e.t, e.pid) : []));
      }
      case 'data.divergence':
        this.divergencePending = true;
        return [];
      case 'layout.change': {
        // The kernel reports the divergence just before the change that caused it.
        const caused = this.divergencePending && this.byTrainee(e.pid);
        this.divergencePending = false;
        return caused ? this.charge('divergence', 'divergence', e.t, e.pid) : [];
      }
      case 'policy.switch':
        return this.charge('policy_change', 'policy', e.t, null);
      default:
        return [];
    }
  }

  private charge(on: Penalty['on'], key: string, t: number, pid: number | null): Incurred[] {
    return this.penalties.flatMap((p) => (p.on === on ? this.one(p, key, t, pid) : []));
  }

  private one(p: Penalty, key: string, t: number, pid: number | null): Incurred[] {
    if (this.charged.has(key)) return [];
    this.charged.add(key);
    return [{ on: p.on, cost: p.cost, text: p.text ?? DEFAULT_TEXT[p.on], t, pid }];
  }
}
