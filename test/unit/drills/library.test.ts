// The library: the shipped drills, the trainer's folder beside them, and clashes reported.
import { afterEach, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDrill, loadLibrary, scenarioHostFor, userScenarioDir } from '../../../src-main/drills/library';
import { formatProblem } from '../../../src-main/drills/problems';

const ISSUE_LIST = [
  'etxtbsy-basic',
  'longterm-disabled',
  'reflink-cow',
  'zombie-lease',
  'fork-shared',
  'scm-rights-handoff',
  'legacy-hang',
  'breakable-lease',
  'close-blocks',
  'fs-reject-reflink',
  'immutable',
  'pagecache-divergence',
  'odp',
  'device-dax',
];

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function userDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinsim-drills-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const basic = readFileSync('resources/scenarios/etxtbsy-basic.yaml', 'utf8');

describe('the drill library', () => {
  test('ships the fourteen drills of the issue, each citing the seeds', () => {
    const lib = loadLibrary({ PINSIM_SCENARIOS_DIR: '/nonexistent/pinsim-test' });
    expect(lib.drills.map((d) => d.id).sort()).toEqual([...ISSUE_LIST].sort());
    for (const d of lib.drills) {
      expect(d.source).toBe('shipped');
      expect(d.file).toBe(`resources/scenarios/${d.id}.yaml`);
      expect(d.cites.length).toBeGreaterThan(0);
      expect(d.debrief).toMatch(/seed|reply|cover letter|Dave|Jan|Ira|Jason|Dan|Darrick|Christoph/);
    }
    const designs = new Set(lib.drills.map((d) => d.policy));
    expect([...designs].sort()).toEqual(['close-blocks', 'fs-reject', 'immutable', 'legacy-hang', 'longterm-disabled', 'rfc-v2']);
  });

  test("adds the trainer's own drills and reports their broken files", () => {
    const dir = userDir({ 'my-drill.yaml': basic, 'broken.yaml': 'title: [', 'notes.txt': 'not a scenario' });
    const lib = loadLibrary({ PINSIM_SCENARIOS_DIR: dir });
    const mine = lib.drills.find((d) => d.id === 'my-drill');
    expect(mine).toMatchObject({ source: 'user', file: join(dir, 'my-drill.yaml') });
    expect(lib.problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`^${join(dir, 'broken.yaml')}:1:9: YAML: `))]);
    expect(findDrill(lib, 'broken')).toEqual({ error: expect.stringMatching(/^drill broken has errors:\n {2}.*broken\.yaml:1:9: YAML:/) });
  });

  test('a trainer drill with a shipped id is reported and the shipped one is kept', () => {
    const dir = userDir({ 'etxtbsy-basic.yaml': basic.replace('title: Text file busy', 'title: My own') });
    const lib = loadLibrary({ PINSIM_SCENARIOS_DIR: dir });
    expect(lib.drills.filter((d) => d.id === 'etxtbsy-basic').map((d) => d.title)).toEqual(['Text file busy']);
    expect(lib.problems.map(formatProblem)).toEqual([`${join(dir, 'etxtbsy-basic.yaml')}:1:1: id: the id "etxtbsy-basic" is already taken by resources/scenarios/etxtbsy-basic.yaml; this file is not used until it is renamed`]);
  });

  test('the folder: PINSIM_SCENARIOS_DIR, else XDG_CONFIG_HOME, else ~/.config', () => {
    expect(userScenarioDir({ PINSIM_SCENARIOS_DIR: '/a', XDG_CONFIG_HOME: '/b' })).toBe('/a');
    expect(userScenarioDir({ XDG_CONFIG_HOME: '/b' })).toBe('/b/pinsim/scenarios');
    expect(userScenarioDir({})).toMatch(/\.config\/pinsim\/scenarios$/);
  });

  test('an unreadable folder is a problem, not a crash', () => {
    const dir = userDir({});
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    mkdirSync(join(dir, 'x.yaml'));
    expect(loadLibrary({ PINSIM_SCENARIOS_DIR: file }).problems).toEqual([]);
    expect(loadLibrary({ PINSIM_SCENARIOS_DIR: dir }).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^cannot read the file: EISDIR/)]);
  });

  test('a session labelled with a drill id boots that drill; other labels boot the ordinary host', () => {
    const boot = scenarioHostFor('odp', { PINSIM_SCENARIOS_DIR: '/nonexistent/pinsim-test' });
    expect(boot).toMatchObject({ id: 'odp', policy: 'rfc-v2', trainee: 1000, warmup: 5e9 });
    expect(boot?.programs.map((p) => p.name)).toEqual(['server-a', 'server-b']);
    expect(scenarioHostFor('incident-42', {})).toBeUndefined();
    expect(scenarioHostFor(null)).toBeUndefined();
  });
});
