// The journal: inputs on disk as they are applied, snapshots by atomic rename with a new segment
// after them, recovery that drops only a line torn at the very end, and crashed sessions offered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionStore, stateDir } from '../../../src-main/session/journal/store';
import { readSession } from '../../../src-main/session/journal/recover';
import { Journal } from '../../../src-main/session/journal/journal';
import { sessionDoc } from '../../../src-main/session/record/replay';
import { settled } from '../../../src-main/session/record/gate';
import { drive, type Driven } from './drive';

let dir = '';
let d: Driven | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pinsim-journal-'));
});
afterEach(() => {
  d?.s.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const meta = { seed: 1, policy: 'rfc-v2', scenario: null, started: 1_714_557_600_000 };

async function journalled(): Promise<{ store: SessionStore; journal: Journal; d: Driven }> {
  const store = new SessionStore(dir);
  d = drive();
  const journal = store.begin(sessionDoc(d.s, meta, 'test', 0, false));
  d.s.onInput = (i) => journal.append(i);
  await d.apply({ type: 'term.open', term: 't1', cols: 80, rows: 24 });
  await d.type('t1', 'echo one > /root/one\r');
  await d.type('t1', 'echo half-typ');
  return { store, journal, d };
}

describe('journal', () => {
  it('has every input on disk by the next turn of the event loop', async () => {
    const { journal, d } = await journalled();
    await settled();
    const back = readSession(journal.dir);
    expect(back.inputs).toEqual(d.s.inputs);
    expect(back.inputs.at(-1)).toMatchObject({ type: 'term.input', data: 'echo half-typ' });
  });

  it('snapshots atomically and starts a new segment after the snapshot', async () => {
    const { journal, d } = await journalled();
    journal.snapshot(sessionDoc(d.s, meta, 'test', 0, false));
    const n = d.s.inputs.length;
    await d.type('t1', 'ped\r');
    await settled();
    const files = readdirSync(journal.dir).sort();
    expect(files).toEqual(['journal-' + String(n + 1).padStart(9, '0') + '.jsonl', 'owner', 'session.json']);
    expect(readSession(journal.dir).inputs).toEqual(d.s.inputs);
  });

  it('drops a line torn at the end, and refuses damage anywhere else', async () => {
    const { journal, d } = await journalled();
    await settled();
    const seg = join(journal.dir, readdirSync(journal.dir).find((f) => f.startsWith('journal-'))!);
    appendFileSync(seg, '{"n":99,"t":1,"wa');
    expect(readSession(journal.dir).inputs).toEqual(d.s.inputs);
    const lines = readFileSync(seg, 'utf8').split('\n');
    lines[1] = '{"n": 2, garbage';
    writeFileSync(seg, lines.join('\n'));
    expect(() => readSession(journal.dir)).toThrow(/^damaged journal: journal-000000001\.jsonl line 2 is not JSON$/);
  });

  it('offers a crashed session back, not a closed one, and describes it', async () => {
    const { store, journal } = await journalled();
    journal.abandon();
    const offers = store.unfinished();
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ id: journal.id, inputs: 3, commands: ['echo one > /root/one'], error: null });
    store.finish(journal.id, 'discarded');
    expect(store.unfinished()).toEqual([]);
    expect(readFileSync(join(journal.dir, 'state'), 'utf8')).toBe('discarded\n');
  });

  it('finds its directory from the environment', () => {
    expect(stateDir({ PINSIM_STATE_DIR: '/x/y' }, '/home/u')).toBe('/x/y');
    expect(stateDir({ XDG_STATE_HOME: '/s' }, '/home/u')).toBe('/s/pinsim');
    expect(stateDir({}, '/home/u', 'linux')).toBe('/home/u/.local/state/pinsim');
  });
});
