// The session file: written one input a line, read back the same; a newer or damaged file is
// refused with a message that says which.
import { describe, expect, it } from 'vitest';
import { parseSession, serializeSession, SessionFileError, SESSION_VERSION, type SessionDoc } from '../../../src-main/session/record/session-file';
import { sessionDoc } from '../../../src-main/session/record/replay';
import { drive, incident } from './drive';

async function recorded(): Promise<SessionDoc> {
  const d = drive();
  await incident(d);
  d.s.dispose();
  return sessionDoc(d.s, { seed: 1, policy: 'rfc-v2', scenario: null, started: 1_714_557_600_000 }, 'pinsim test', 1_714_557_700_000);
}

const refused = (text: string) => {
  try {
    parseSession(text);
  } catch (e) {
    expect(e).toBeInstanceOf(SessionFileError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('session file', () => {
  it('round-trips, one input a line', async () => {
    const doc = await recorded();
    const text = serializeSession(doc);
    expect(parseSession(text)).toEqual(doc);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('  {"n":')).length).toBe(doc.inputs.length);
    expect(doc.inputs.map((i) => i.type)).toContain('proc.signal');
    expect(doc.inputs.map((i) => i.type)).toContain('annotate');
  });

  it('refuses a file from a newer pinsim and says so', async () => {
    const doc = await recorded();
    const newer = serializeSession({ ...doc, version: SESSION_VERSION + 1 });
    expect(refused(newer)).toBe(`this session file was written by a newer pinsim (format version ${SESSION_VERSION + 1}; this pinsim reads version ${SESSION_VERSION}): update pinsim to open it`);
  });

  it('refuses damaged files with where the damage is', async () => {
    const doc = await recorded();
    const text = serializeSession(doc);
    expect(refused(text.slice(0, text.length / 2))).toMatch(/^not a session file: the JSON is damaged \(/);
    expect(refused('[]')).toBe('not a session file: expected a JSON object');
    expect(refused('{"format":"other"}')).toBe('not a session file: "format" is not "pinsim-session"');
    expect(refused(text.replace('"seed": 1', '"seed": "one"'))).toBe('damaged session file: "seed" must be a whole number');
    const bad = { ...doc, inputs: doc.inputs.map((i, k) => (k === 3 ? { ...i, type: 'term.explode' } : i)) };
    expect(refused(JSON.stringify(bad))).toMatch(/^damaged session file: input 4: type: /);
    const swapped = { ...doc, inputs: [doc.inputs[1], doc.inputs[0], ...doc.inputs.slice(2)] };
    expect(refused(JSON.stringify(swapped))).toBe('damaged session file: input 2 (n 1) is out of order');
  });
});
