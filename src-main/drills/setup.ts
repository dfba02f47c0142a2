// A drill's host: the setup createHost() makes (mount options, HCA capabilities, files), the
// programs started at their virtual times, and who the trainee logs in as. Plain data, so a
// session can boot — and a replay re-boot — the same host from it.
import type { FileSpec, Host, HostSetup } from '../host';
import type { Drill, DrillProgram } from './drill';

export interface ScenarioBoot {
  id: string;
  policy: string;
  /** uid of the trainee's login shells. */
  trainee: number;
  setup: HostSetup;
  programs: DrillProgram[];
  /** Virtual ns the host runs at boot, before anyone logs in. */
  warmup: number;
}

/** The programs of a booted scenario, by their names in the file, as they start. */
export interface ScenarioRun {
  readonly id: string;
  readonly trainee: number;
  readonly pids: ReadonlyMap<string, number>;
  /** The programs and every process they forked: not the trainee's doing. */
  readonly family: ReadonlySet<number>;
}

export function scenarioBoot(drill: Drill): ScenarioBoot {
  const files: FileSpec[] = drill.host.files.map((f) => ({
    path: f.path,
    ...(f.size !== undefined ? { size: f.size } : {}),
    ...(f.content !== undefined ? { content: f.content } : {}),
    ...(f.uid !== undefined ? { uid: f.uid, gid: f.uid } : {}),
    ...(f.mode !== undefined ? { mode: f.mode } : {}),
  }));
  const setup: HostSetup = {
    files,
    ...(drill.host.reflink !== undefined ? { reflink: drill.host.reflink } : {}),
    ...(drill.host.odp !== undefined ? { odp: drill.host.odp } : {}),
    ...(drill.host.leaseBreakTime !== undefined ? { leaseBreakTime: drill.host.leaseBreakTime } : {}),
    ...(drill.host.defaultFiles !== undefined ? { defaultFiles: drill.host.defaultFiles } : {}),
  };
  return { id: drill.id, policy: drill.policy, trainee: drill.trainee === 'operator' ? 1000 : 0, setup, programs: drill.programs, warmup: drill.warmup };
}

/**
 * Starts the programs (then runs the warm-up): those at 0 at once, the others from the host's own timer heap, so that the
 * time they start is part of the host (a replay of the session starts them at the same moment).
 */
export function startScenario(host: Host, boot: ScenarioBoot): ScenarioRun {
  const pids = new Map<string, number>();
  const family = new Set<number>();
  // Programs fork as they start (a helper, a keeper) and may fork later: follow every generation.
  host.onEvent((e) => {
    if (e.kind === 'process.fork' && family.has(e.pid)) family.add(e.child);
  });
  const start = (p: DrillProgram) => {
    const sub = host.onEvent((e) => {
      if (e.kind === 'process.fork' && e.pid === 1) family.add(e.child);
    });
    const r = host.spawn({ argv: p.argv, uid: p.uid, ...(p.uid !== 0 ? { cwd: '/home/operator' } : {}) });
    sub.dispose();
    if (r.ok) {
      pids.set(p.name, r.value);
      family.add(r.value);
    }
  };
  for (const p of boot.programs) {
    if (p.at <= 0) start(p);
    else host.kernel.sched.after(p.at, () => start(p));
  }
  // The trouble has been going on for a while when the trainee arrives.
  if (boot.warmup > 0) host.advance(boot.warmup);
  return { id: boot.id, trainee: boot.trainee, pids, family };
}
