// Sessions in the simulation: a crash leaves a journal the next start offers back; restoring
// replays it into the window's tabs; a bad session file changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation } from '../../../src-main/session/simulation';
import { SessionStore } from '../../../src-main/session/journal/store';
import { canonicalLog } from '../../../src-main/session/record/digest';
import { serializeSession } from '../../../src-main/session/record/session-file';
import type { HostMessage } from '../../../src-main/protocol/messages';

let dir = '';
const sims: Simulation[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pinsim-sim-'));
});
afterEach(() => {
  for (const s of sims.splice(0)) s.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(): { sim: Simulation; out: HostMessage[] } {
  const out: HostMessage[] = [];
  const sim = new Simulation({ seed: 2, store: new SessionStore(dir) }, (m) => out.push(m));
  sims.push(sim);
  return { sim, out };
}

async function until<T>(f: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

const screen = (out: HostMessage[], term: string) => out.flatMap((m) => (m.type === 'term.output' && m.term === term ? [m.data] : [])).join('');

describe('Simulation sessions', () => {
  it('restores a crashed session into the window tab, with everything typed', async () => {
    const first = start();
    first.sim.handle({ type: 'term.open', term: 'c1xt1', cols: 80, rows: 24 });
    first.sim.handle({ type: 'term.input', term: 'c1xt1', data: 'echo before-the-crash > /root/kept\r' });
    first.sim.handle({ type: 'timeline.annotate', text: 'about to crash', at: null });
    await sleep(50);
    first.sim.handle({ type: 'term.input', term: 'c1xt1', data: 'cat /root/ke' });
    await sleep(50);
    const before = canonicalLog(first.sim.session.recorder);
    first.sim.crash();
    sims.splice(sims.indexOf(first.sim), 1);

    const second = start();
    const offer = await until(() => second.out.find((m): m is Extract<HostMessage, { type: 'restore.offer' }> => m.type === 'restore.offer' && m.offer !== null));
    expect(offer.offer).toMatchObject({ inputs: 4, commands: ['echo before-the-crash > /root/kept'], error: null });
    second.sim.handle({ type: 'term.open', term: 'c1xt1', cols: 100, rows: 30 });
    second.sim.handle({ type: 'session.restore', id: offer.offer!.id });
    const result = await until(() => second.out.find((m) => m.type === 'session.result'));
    expect(result).toMatchObject({ action: 'restore', ok: true });
    // The same host and stream, up to the moment of the crash.
    expect(canonicalLog(second.sim.session.recorder).slice(0, before.length)).toEqual(before);
    const restoredScreen = second.out.findLast((m) => m.type === 'term.output' && m.term === 'c1xt1' && typeof m.data === 'string' && m.data.startsWith('\x1bc'));
    expect(restoredScreen).toBeDefined();
    expect((restoredScreen as { data: string }).data).toContain('cat /root/ke');
    second.sim.handle({ type: 'term.input', term: 'c1xt1', data: 'pt\r' });
    await until(() => (screen(second.out, 'c1xt1').includes('before-the-crash\r\n') ? true : undefined));
    expect(second.sim.session.recorder.entries().some((e) => e.source === 'annotation' && e.text === 'about to crash')).toBe(true);
    // Nothing more to offer: the crashed session is marked restored.
    expect(second.out.findLast((m) => m.type === 'restore.offer')).toEqual({ type: 'restore.offer', offer: null });
    expect(new SessionStore(dir).unfinished(second.sim.journalId)).toEqual([]);
  });

  it('opens a saved session, and refuses a damaged or newer one without touching the live host', async () => {
    const a = start();
    a.sim.handle({ type: 'term.open', term: 't1', cols: 80, rows: 24 });
    a.sim.handle({ type: 'term.input', term: 't1', data: 'echo saved > /root/saved\r' });
    await sleep(50);
    a.sim.handle({ type: 'timeline.export', format: 'session' });
    const file = a.out.find((m) => m.type === 'export') as Extract<HostMessage, { type: 'export' }>;
    expect(file).toMatchObject({ format: 'session', encoding: 'utf8', error: null, filename: expect.stringMatching(/\.pinsim-session\.json$/) });

    const b = start();
    b.sim.handle({ type: 'term.open', term: 't1', cols: 80, rows: 24 });
    b.sim.handle({ type: 'term.input', term: 't1', data: 'echo live > /root/live\r' });
    await sleep(50);
    const host = b.sim.session.host;
    const events = host.events().length;
    b.sim.handle({ type: 'session.open', name: 'bad.json', text: file.data!.slice(0, 200) });
    b.sim.handle({ type: 'session.open', name: 'new.json', text: file.data!.replace('"version": 1', '"version": 7') });
    await sleep(20);
    const results = b.out.filter((m) => m.type === 'session.result');
    expect(results).toEqual([
      { type: 'session.result', action: 'open', ok: false, message: expect.stringMatching(/^bad\.json: not a session file: the JSON is damaged/) },
      { type: 'session.result', action: 'open', ok: false, message: expect.stringMatching(/^new\.json: this session file was written by a newer pinsim \(format version 7/) },
    ]);
    expect(b.sim.session.host).toBe(host);
    expect(host.events().length).toBe(events);

    b.sim.handle({ type: 'session.open', name: 'ok.json', text: file.data! });
    const ok = await until(() => b.out.find((m) => m.type === 'session.result' && m.ok));
    expect(ok).toMatchObject({ message: expect.stringMatching(/the replay matches the recorded event log/) });
    expect(b.sim.session.host).not.toBe(host);
    expect(b.sim.session.host.vfs.exists(1, '/root/saved')).toBe(true);
    expect(b.sim.session.host.vfs.exists(1, '/root/live')).toBe(false);
    expect(canonicalLog(b.sim.session.recorder).slice(0, a.sim.session.recorder.host.events().length)).toEqual(canonicalLog(a.sim.session.recorder).slice(0, a.sim.session.recorder.host.events().length));
    expect(serializeSession(b.sim.doc()).length).toBeGreaterThan(0);
  });

  it('keeps a detached terminal for the next window, which takes it over with its screen', async () => {
    const { sim, out } = start();
    sim.handle({ type: 'term.open', term: 'c1xt1', cols: 80, rows: 24 });
    sim.handle({ type: 'term.input', term: 'c1xt1', data: 'echo kept-across-windows\r' });
    await sleep(50);
    const pid = sim.session.terminals.get('c1xt1')!.terminal.pid;
    sim.handle({ type: 'term.detach', term: 'c1xt1' });
    sim.handle({ type: 'term.open', term: 'c2xt1', cols: 90, rows: 30 });
    expect(out.findLast((m) => m.type === 'term.opened')).toEqual({ type: 'term.opened', term: 'c2xt1', pid });
    expect(screen(out, 'c2xt1').startsWith('\x1bcroot@pinsim:~# echo kept-across-windows\r\nkept-across-windows\r\n')).toBe(true);
    expect([...sim.session.terminals.keys()]).toEqual(['c2xt1']);
    expect(sim.session.inputs.slice(-2).map((i) => i.type)).toEqual(['term.rename', 'term.resize']);
    // A second new tab gets a shell of its own.
    sim.handle({ type: 'term.open', term: 'c2xt2', cols: 80, rows: 24 });
    expect(sim.session.terminals.get('c2xt2')!.terminal.pid).not.toBe(pid);
  });
});
