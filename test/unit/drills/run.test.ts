// The drill runtime on a host driven by hand: objectives tick from host events, milestones reach
// listeners, time runs out, hints and give-up are scored, the assessment record keeps it all.
import { describe, expect, test } from 'vitest';
import { bootHost } from '../../../src-main/session/boot';
import { loadScenario } from '../../../src-main/drills/load';
import { scenarioBoot } from '../../../src-main/drills/setup';
import { DrillRun, type DrillMilestone } from '../../../src-main/drills/run';
import type { Drill } from '../../../src-main/drills/drill';

const TEXT = `title: Hand-driven
summary: For the runtime's tests.
difficulty: easy
policy: rfc-v2
time_limit: 60s
warmup: 2s
host:
  files:
    - { path: /mnt/pmem/log, size: 1M }
programs:
  - name: app
    argv: [rdma-app, --pages=4, /mnt/pmem/log]
  - name: late
    argv: [sleep, '1000']
    at: 30s
briefing: b
objectives:
  - id: free
    text: nothing pins the log
    check: { no_pins_on: /mnt/pmem/log }
  - id: ran-why
    text: asked why
    check: { command_ran: { command: why, args: [log] } }
  - id: tuned
    text: lease-break-time lowered
    check: { any_of: [ { sysctl: { name: fs.lease-break-time, max: 10 } }, { sealed: /mnt/pmem/log } ] }
penalties:
  - { on: kill, target: { program: late }, cost: 7 }
hints:
  - { text: first, cost: 3 }
debrief: d
cites:
  - { seed: '003', where: cover letter }
`;

function drill(): Drill {
  const r = loadScenario(TEXT, 'hand-driven.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.drill;
}

function start() {
  const d = drill();
  const booted = bootHost({ scenarioHost: scenarioBoot(d) }, 'step');
  const run = new DrillRun(d, booted.host, booted.scenario);
  const seen: DrillMilestone[] = [];
  run.onMilestone((m) => seen.push(m));
  return { d, booted, host: booted.host, run, seen };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

/** A trainee command: a child of a login shell execs `argv` and exits. */
function command(host: ReturnType<typeof start>['host'], shell: number, argv: string[]): void {
  const child = host.spawnChild(shell, argv);
  if (child.ok) host.sys(child.value).exit(0);
}

describe('DrillRun', () => {
  test('starts after the warm-up, with the scenario programs running', () => {
    const { run, booted, host } = start();
    expect(run.started).toBe(2e9);
    expect(run.deadline).toBe(62e9);
    expect(booted.scenario?.pids.get('app')).toBeGreaterThan(1);
    expect(booted.scenario?.pids.has('late')).toBe(false);
    host.advance(30e9);
    expect(booted.scenario?.pids.get('late')).toBeGreaterThan(1);
    expect(run.milestones.map((m) => m.kind)).toEqual(['drill.start']);
  });

  test('objectives tick from host events; listeners hear each milestone once, in order', async () => {
    const { run, host, seen, booted } = start();
    const shell = host.spawnShell().pid;
    command(host, shell, ['why', '/mnt/pmem/log']);
    await flush();
    expect(seen.map((m) => `${m.kind} ${m.objective ?? ''}`)).toEqual(['objective.met ran-why']);
    expect(host.sys(shell).kill(booted.scenario!.pids.get('app')!, 'SIGKILL').ok).toBe(true);
    await flush();
    expect(run.snapshot().objectives.map((o) => o.met)).toEqual([true, true, false]);
    host.kernel.sysctl.set('fs.lease-break-time', '5');
    run.check();
    expect(run.status).toBe('complete');
    expect(seen.map((m) => m.kind)).toEqual(['objective.met', 'objective.met', 'objective.met', 'drill.end']);
    expect(run.score()).toMatchObject({ total: 100, passed: true });
    expect(run.record()).toMatchObject({ drill: 'hand-driven', outcome: 'complete', commands: [{ t: 2e9, argv: ['why', '/mnt/pmem/log'] }], hints: [], penalties: [] });
  });

  test('a command must carry the arguments the objective names', async () => {
    const { run, host } = start();
    command(host, host.spawnShell().pid, ['why', '/mnt/pmem/foo']);
    await flush();
    expect(run.snapshot().objectives[1]!.met).toBe(false);
  });

  test('an objective can be lost again, and a kill of a listed process is charged once', async () => {
    const { run, host, seen, booted } = start();
    const shell = host.spawnShell().pid;
    host.advance(30e9);
    const late = booted.scenario!.pids.get('late')!;
    host.sys(shell).kill(late, 'SIGTERM');
    await flush();
    expect(run.snapshot().penalties).toMatchObject([{ on: 'kill', cost: 7, pid: late }]);
    const app = booted.scenario!.pids.get('app')!;
    host.sys(shell).kill(app, 'SIGKILL');
    await flush();
    expect(run.snapshot().objectives[0]!.met).toBe(true);
    // The trainee pins the log again: the objective is lost.
    expect(host.spawnChild(shell, ['rdma-app', '--pages=4', '/mnt/pmem/log']).ok).toBe(true);
    await flush();
    expect(run.snapshot().objectives[0]!.met).toBe(false);
    expect(seen.map((m) => `${m.kind} ${m.objective ?? ''}`.trim())).toEqual(['penalty', 'objective.met free', 'objective.lost free']);
  });

  test('time runs out at the deadline; the score counts the objectives met', async () => {
    const { run, host, seen } = start();
    host.advance(70e9);
    await flush();
    run.check();
    expect(run.status).toBe('timeout');
    expect(run.ended).toBe(62e9);
    expect(seen.at(-1)).toMatchObject({ kind: 'drill.end', t: 62e9 });
    expect(run.score()).toMatchObject({ total: 0, passed: false });
  });

  test('a hint costs its price once; giving up ends the drill unpassed', () => {
    const { run } = start();
    expect(run.hint()).toEqual({ text: 'first', cost: 3 });
    expect(run.hint()).toBeNull();
    run.giveUp();
    expect(run.status).toBe('gave-up');
    expect(run.hint()).toBeNull();
    expect(run.score().lines).toEqual([
      { label: 'objectives met: 0 of 3', points: 0 },
      { label: 'hint 1', points: -3 },
    ]);
    expect(run.snapshot().hints).toEqual({ revealed: [{ text: 'first', cost: 3 }], left: 0, nextCost: null });
  });

  test('events stop counting once the run is disposed', async () => {
    const { run, host, seen } = start();
    run.dispose();
    command(host, host.spawnShell().pid, ['why', '/mnt/pmem/log']);
    await flush();
    expect(seen).toEqual([]);
  });
});
