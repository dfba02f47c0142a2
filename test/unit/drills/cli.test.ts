// `pinsim drill list|run|check` in process: what goes to stdout and stderr, and the exit status
// a CI job grades on.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drillCommand, DrillUsageError } from '../../../src-main/drills/cli';

let dir = '';
const saved = process.env.PINSIM_SCENARIOS_DIR;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pinsim-cli-'));
  process.env.PINSIM_SCENARIOS_DIR = join(dir, 'none');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.PINSIM_SCENARIOS_DIR;
  else process.env.PINSIM_SCENARIOS_DIR = saved;
});

async function pinsim(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const status = await drillCommand(args, { out: (s) => void (out += s), err: (s) => void (err += s), readStdin: async () => stdin, tty: false });
  return { status, out, err };
}

describe('pinsim drill', () => {
  test('list: id, difficulty, design and title of every drill', async () => {
    const r = await pinsim(['list']);
    expect(r.status).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +DIFFICULTY +POLICY +TITLE$/);
    expect(lines).toContainEqual(expect.stringMatching(/^etxtbsy-basic +easy +rfc-v2 +Text file busy$/));
    expect(lines).toContainEqual(expect.stringMatching(/^legacy-hang +medium +legacy-hang +The truncate that hangs$/));
    expect(lines).toHaveLength(15);
    expect(r.err).toBe('');
  });

  test('run with the reference answers: terminal, result, debrief; status 0', async () => {
    const r = await pinsim(['run', 'etxtbsy-basic', '--answers', 'resources/scenarios/solutions/etxtbsy-basic.sh']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^== drill etxtbsy-basic: Text file busy \(easy, design rfc-v2, 10:00 of virtual time\) ==\n/);
    expect(r.out).toContain("root@pinsim:~# kill $(pgrep -f 'rdma-app.*applog')\n");
    expect(r.out).toContain('  [x] A truncate of /mnt/pmem/applog succeeds (yours or the rotation job\'s) (met at 0:01)\n');
    expect(r.out).toContain('Penalties: none\n');
    expect(r.out).toMatch(/ {2}total +100\n {2}PASSED \(pass mark 70\)\n/);
    expect(r.out).toContain('\nDebrief:\n\n## What happened\n');
    expect(r.out).toContain('  seed 003: Ira Weiny, 9 Aug 2019 — [RFC,v2,00/19] RDMA/FS DAX truncate proposal, and its 35 replies\n    - cover letter, items 1-3 and 9');
  });

  test('answers from standard input; a run that does not pass exits 1', async () => {
    const r = await pinsim(['run', 'fork-shared'], "kill $(pgrep -f 'rdma-app.*applog' | head -1)\n");
    expect(r.status).toBe(1);
    expect(r.out).toContain('Score (time limit reached):');
    expect(r.out).toContain('NOT PASSED (pass mark 70)');
  });

  test('run of an unknown drill: a message and status 2', async () => {
    const r = await pinsim(['run', 'no-such-drill', '--answers', '/dev/null']);
    expect(r).toMatchObject({ status: 2, out: '', err: 'pinsim: no drill named no-such-drill (pinsim drill list shows them)\n' });
  });

  test('check: ok for a good file, file:line:column problems and status 1 for a bad one', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'title: x\nsummary: y\ndifficulty: simple\n');
    const good = await pinsim(['check', 'resources/scenarios/odp.yaml']);
    expect(good).toMatchObject({ status: 0, out: 'resources/scenarios/odp.yaml: ok (odp: No pins needed; 3 objectives, rfc-v2)\n' });
    const r = await pinsim(['check', bad]);
    expect(r.status).toBe(1);
    expect(r.err.split('\n')[0]).toBe(`${bad}:1:1: policy: missing (expected one of "rfc-v2"|"longterm-disabled"|"legacy-hang"|"close-blocks"|"fs-reject"|"immutable")`);
    expect(r.err).toContain(`${bad}:3:13: difficulty: expected one of "easy"|"medium"|"hard"`);
  });

  test('usage errors are thrown for the command line to report', async () => {
    await expect(pinsim([])).rejects.toThrow(DrillUsageError);
    await expect(pinsim(['frobnicate'])).rejects.toThrow(/unknown drill subcommand 'frobnicate'/);
    await expect(pinsim(['run'])).rejects.toThrow(/needs a drill NAME/);
    await expect(pinsim(['run', 'odp', '--bogus'])).rejects.toThrow(/Unknown option '--bogus'/);
    await expect(pinsim(['check'])).rejects.toThrow(/needs a scenario FILE/);
  });
});
