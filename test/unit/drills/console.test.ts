// Drills in the window's simulation: the catalogue, a drill replacing the live host with the
// terminals reopened on it, objectives ticking to a score, hints, reset and give-up.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Simulation } from '../../../src-main/session/simulation';
import type { HostMessage } from '../../../src-main/protocol/messages';
import { parseHostMessage } from '../../../src-main/protocol/messages';
import { serializeSession } from '../../../src-main/session/record/session-file';

type State = Extract<HostMessage, { type: 'drill.state' }>;

const sims: Simulation[] = [];
const saved = process.env.PINSIM_SCENARIOS_DIR;
beforeEach(() => {
  process.env.PINSIM_SCENARIOS_DIR = '/nonexistent/pinsim-test';
});
afterEach(() => {
  for (const s of sims.splice(0)) s.dispose();
  if (saved === undefined) delete process.env.PINSIM_SCENARIOS_DIR;
  else process.env.PINSIM_SCENARIOS_DIR = saved;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(f: () => T | undefined, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

function start() {
  const out: HostMessage[] = [];
  const sim = new Simulation({ seed: 1 }, (m) => {
    // Everything the simulation says must cross the boundary as the protocol allows.
    const parsed = parseHostMessage(JSON.parse(JSON.stringify(m)));
    if (!parsed.ok) throw new Error(`${m.type}: ${parsed.error}`);
    out.push(m);
  });
  sims.push(sim);
  const states = () => out.filter((m): m is State => m.type === 'drill.state');
  const last = () => states().at(-1);
  return { sim, out, states, last };
}

const type = (sim: Simulation, line: string) => sim.handle({ type: 'term.input', term: 't1', data: `${line}\r` });

describe('drills in the simulation', () => {
  test('drill.list answers with the catalogue and no drill yet', () => {
    const { sim, out } = start();
    sim.handle({ type: 'drill.list' });
    const cat = out.find((m) => m.type === 'drill.catalog');
    expect(cat?.type === 'drill.catalog' && cat.drills.find((d) => d.id === 'etxtbsy-basic')).toMatchObject({ title: 'Text file busy', difficulty: 'easy', policy: 'rfc-v2', source: 'shipped', timeLimit: 600e9 });
    expect(cat?.type === 'drill.catalog' && cat.problems).toEqual([]);
    expect(out.at(-1)).toEqual({ type: 'drill.state', state: null, notice: null });
  });

  test('starting a drill replaces the host; the tab gets a shell on it; the solution scores 100', async () => {
    const { sim, out, last } = start();
    sim.handle({ type: 'term.open', term: 't1', cols: 100, rows: 30 });
    const firstHost = sim.booted.host;
    const firstPid = sim.booted.host.processes().find((p) => p.comm === 'bash')?.pid;
    sim.handle({ type: 'drill.start', id: 'etxtbsy-basic' });
    expect(sim.booted.host).not.toBe(firstHost);
    expect(sim.booted.host.now()).toBe(61e9);
    expect(out.filter((m) => m.type === 'ready').at(-1)).toMatchObject({ policy: 'rfc-v2' });
    const opened = out.filter((m) => m.type === 'term.opened' && m.term === 't1').at(-1);
    expect(opened?.type === 'term.opened' && opened.pid).not.toBe(firstPid);
    expect(sim.booted.host.processes().map((p) => p.comm)).toEqual(expect.arrayContaining(['rdma-app', 'logrotate-sim', 'bash']));
    expect(last()?.state).toMatchObject({ id: 'etxtbsy-basic', status: 'running', started: 61e9, deadline: 661e9, score: null, debrief: null });
    expect(last()?.state?.objectives.map((o) => o.met)).toEqual([false, false, true]);

    sim.handle({ type: 'drill.hint' });
    expect(last()?.state?.hints).toEqual({ revealed: [{ text: expect.stringMatching(/^Ask the host/), cost: 5 }], left: 2, nextCost: 10 });

    sim.handle({ type: 'clock.set', speed: 100 });
    type(sim, "kill $(pgrep -f 'rdma-app.*applog')");
    type(sim, 'sleep 1; truncate -s 0 /mnt/pmem/applog');
    const done = await until(() => (last()?.state?.status === 'complete' ? last() : undefined));
    expect(done.state?.score).toEqual({ total: 95, pass: 70, passed: true, lines: [{ label: 'objectives met: 3 of 3', points: 100 }, { label: 'hint 1', points: -5 }] });
    expect(done.state?.debrief).toMatch(/^## What happened/);
    expect(done.state?.cites[0]).toMatchObject({ seed: '003', title: expect.stringMatching(/RFC,v2/) });
    // The assessment is in the session's own stream, for the exported timeline.
    const kinds = sim.session.recorder.entries().map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['drill.start', 'drill.hint', 'drill.objective.met', 'drill.end']));
    const end = sim.session.recorder.entries().find((e) => e.kind === 'drill.end');
    expect(end?.data).toMatchObject({ drill: 'etxtbsy-basic', points: 95 });
    sim.handle({ type: 'timeline.export', format: 'md' });
    const md = out.filter((m) => m.type === 'export').at(-1);
    expect(md?.type === 'export' && md.data).toContain('drill etxtbsy-basic ended (complete): score 95, passed');
  });

  test('reset boots the same drill again; give up ends it with the debrief', async () => {
    const { sim, last } = start();
    sim.handle({ type: 'term.open', term: 't1', cols: 80, rows: 24 });
    sim.handle({ type: 'drill.start', id: 'device-dax' });
    const host = sim.booted.host;
    sim.handle({ type: 'drill.reset' });
    expect(sim.booted.host).not.toBe(host);
    expect(last()?.state).toMatchObject({ id: 'device-dax', status: 'running' });
    sim.handle({ type: 'drill.giveup' });
    expect(last()?.state).toMatchObject({ status: 'gave-up', score: { passed: false, total: 67 } });
    expect(last()?.state?.debrief).toMatch(/device DAX/);
    sim.handle({ type: 'drill.giveup' });
    expect(last()?.notice).toBe('no drill is running');
  });

  test('an unknown drill leaves the host alone and says why', () => {
    const { sim, last } = start();
    const host = sim.booted.host;
    sim.handle({ type: 'drill.start', id: 'no-such-drill' });
    expect(sim.booted.host).toBe(host);
    expect(last()).toEqual({ type: 'drill.state', state: null, notice: 'no drill named no-such-drill (pinsim drill list shows them)' });
  });

  test('a host replaced by something else (a saved session opened) ends the drill', async () => {
    const { sim, last } = start();
    sim.handle({ type: 'drill.start', id: 'odp' });
    const other = start();
    sim.handle({ type: 'session.open', name: 'saved.json', text: serializeSession(other.sim.doc()) });
    await until(() => (sim.booted.scenario === undefined ? true : undefined));
    sim.handle({ type: 'drill.hint' });
    expect(last()).toEqual({ type: 'drill.state', state: null, notice: 'no drill is running' });
  });
});
