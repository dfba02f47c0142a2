// The objectives' vocabulary evaluated: facts of the host now (through the probe) and things that
// happened since the drill started (latched from the host's events).
import type { HostEvent } from '../host';
import type { Probe } from './probe';
import type { Predicate } from './schema';
import { sizeBytes } from './drill';

/** What has happened since the start that objectives may ask about. */
export class History {
  /** `op path` of every layout change that went through. */
  private readonly changes = new Set<string>();
  /** Every command the trainee ran (its argv at exec), with the virtual time. */
  readonly commands: Array<{ t: number; argv: string[] }> = [];
  divergence = false;

  /** `byTrainee`: the event's process is the trainee's (not the kernel's, not a scenario program's). */
  observe(e: HostEvent, byTrainee: (pid: number) => boolean): void {
    switch (e.kind) {
      case 'layout.change':
        this.changes.add(`${e.op} ${e.path}`);
        return;
      case 'data.divergence':
        this.divergence = true;
        return;
      case 'process.exec':
        if (byTrainee(e.pid)) this.commands.push({ t: e.t, argv: [...e.argv] });
        return;
      default:
        return;
    }
  }

  changed(op: string, path: string, probe: Probe): boolean {
    if (this.changes.has(`${op} ${path}`)) return true;
    // The same file by another name (a symlink, `..`): compare what the paths lead to.
    const target = probe.inode(path);
    if (!target) return false;
    for (const c of this.changes) {
      const [o, p] = [c.slice(0, c.indexOf(' ')), c.slice(c.indexOf(' ') + 1)];
      if (o === op && probe.inode(p) === target) return true;
    }
    return false;
  }

  ran(command: string, args: readonly string[]): boolean {
    return this.commands.some(({ argv }) => {
      const name = (argv[0] ?? '').split('/').pop();
      return name === command && args.every((a) => argv.slice(1).some((x) => x.includes(a)));
    });
  }
}

export function holds(p: Predicate, probe: Probe, h: History): boolean {
  if ('any_of' in p) return p.any_of.some((q) => holds(q, probe, h));
  if ('no_pins_on' in p) return probe.pins(p.no_pins_on) === 0;
  if ('lease_absent' in p) return probe.leases(p.lease_absent) === 0;
  if ('process_alive' in p) return probe.matching(p.process_alive).length > 0;
  if ('process_gone' in p) return probe.matching(p.process_gone).length === 0;
  if ('file_size' in p) return probe.size(p.file_size.path) === sizeBytes(p.file_size.size);
  if ('mr_registered' in p) return probe.mr(p.mr_registered);
  if ('sealed' in p) return probe.sealed(p.sealed);
  if ('pins_consistent' in p) return probe.diverged(p.pins_consistent) === 0;
  if ('sysctl' in p) return sysctlHolds(probe.sysctl(p.sysctl.name), p.sysctl);
  if ('truncate_succeeded' in p) return h.changed('truncate', p.truncate_succeeded, probe);
  if ('layout_changed' in p) return h.changed(p.layout_changed.op, p.layout_changed.path, probe);
  if ('command_ran' in p) return h.ran(p.command_ran.command, p.command_ran.args ?? []);
  return !h.divergence;
}

function sysctlHolds(value: string | undefined, want: { value?: string | undefined; min?: number | undefined; max?: number | undefined }): boolean {
  if (value === undefined) return false;
  if (want.value !== undefined && value.trim() !== want.value) return false;
  const n = Number(value);
  if (want.min !== undefined && !(n >= want.min)) return false;
  if (want.max !== undefined && !(n <= want.max)) return false;
  return true;
}
