// `pinsim export` and `pinsim script --timeline` as a user runs them: formats by name and by file
// extension, errors that say what is wrong, and nothing written (or overwritten) on an error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src-main/cli/main';
import { drive, incident } from '../record/drive';
import { sessionDoc } from '../../../src-main/session/record/replay';
import { serializeSession } from '../../../src-main/session/record/session-file';

let dir = '';
let out = '';
let err = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pinsim-cli-'));
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function savedSession(): Promise<string> {
  const d = drive();
  await incident(d);
  d.s.dispose();
  const path = join(dir, 'incident.pinsim-session.json');
  writeFileSync(path, serializeSession(sessionDoc(d.s, { seed: 1, policy: 'rfc-v2', scenario: null, started: Date.UTC(2024, 4, 1, 10) }, 'pinsim test', 0)));
  return path;
}

describe('pinsim export', () => {
  it('replays a saved session and writes each format', async () => {
    const session = await savedSession();
    expect(await main(['export', session, '--format', 'md', '-o', join(dir, 'pm.md')])).toBe(0);
    expect(readFileSync(join(dir, 'pm.md'), 'utf8')).toMatch(/^# Postmortem: \/mnt\/pmem\/data \(ETXTBSY\)\n[\s\S]*## Root cause chain/);
    expect(await main(['export', session, '--format', 'cast', '--terminal', '1'])).toBe(0);
    expect(JSON.parse(out.split('\n')[0]!)).toMatchObject({ version: 2, width: 80, height: 24 });
    out = '';
    expect(await main(['export', session, '-f', 'json', '-o', join(dir, 'tl.json')])).toBe(0);
    // A JSON export is itself exportable, without a replay.
    expect(await main(['export', join(dir, 'tl.json'), '--format', 'csv'])).toBe(0);
    expect(out.split('\r\n')[0]).toBe('id,t_ns,time_s,wall,source,kind,pid,path,term,text');
  });

  it('says what is wrong and writes nothing on an error', async () => {
    const session = await savedSession();
    const target = join(dir, 'keep.md');
    writeFileSync(target, 'precious');
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, readFileSync(session, 'utf8').replace('"version": 1', '"version": 9'));
    expect(await main(['export', damaged, '--format', 'md', '-o', target])).toBe(1);
    expect(err).toMatch(/^pinsim: export: .*damaged\.json: this session file was written by a newer pinsim \(format version 9; this pinsim reads version 1\)/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    err = '';
    expect(await main(['export', session, '--format', 'pdf'])).toBe(1);
    expect(err).toMatch(/PDF is printed by the desktop app/);
    expect(await main(['export', session, '--format', 'cast', '--terminal', '3'])).toBe(1);
    expect(err).toMatch(/no terminal 3: the session has 1 \(t1\)/);
    expect(await main(['export', join(dir, 'missing.json'), '--format', 'md'])).toBe(1);
    expect(err).toMatch(/missing\.json: No such file or directory/);
    expect(await main(['export', '--format', 'md'])).toBe(2);
    expect(err).toMatch(/pinsim: export needs a SESSION file \(see pinsim --help\)/);
  });
});

describe('pinsim script --timeline', () => {
  it('writes the run as the file name says, and refuses a name it cannot tell', async () => {
    const script = join(dir, 'incident.sh');
    writeFileSync(script, 'truncate -s 1M /mnt/pmem/data\nrdma-app --file /mnt/pmem/data &\nsleep 1\ntruncate -s 0 /mnt/pmem/data\nexit 3\n');
    expect(await main(['script', script, '--timeline', join(dir, 'run.html')])).toBe(3);
    expect(out).toContain('Text file busy');
    const html = readFileSync(join(dir, 'run.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Postmortem: /mnt/pmem/data (ETXTBSY)</title>');
    expect(await main(['script', script, '--timeline', join(dir, 'run.txt')])).toBe(2);
    expect(err).toMatch(/--timeline needs a file ending in \.md, \.html, \.json or \.csv/);
    expect(existsSync(join(dir, 'run.txt'))).toBe(false);
  });
});
