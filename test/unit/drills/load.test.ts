// A scenario file is validated with precise errors — file, line, column, what was expected —
// and a broken file never throws.
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../../src-main/drills/load';
import { formatProblem, type Problem } from '../../../src-main/drills/problems';

const GOOD = `title: Minimal
summary: The smallest valid drill.
difficulty: easy
policy: rfc-v2
time_limit: 90s
host:
  files:
    - { path: /mnt/pmem/log, size: 1M }
programs:
  - name: app
    argv: [rdma-app, --pages=4, /mnt/pmem/log]
    at: 2s
briefing: Free the log.
objectives:
  - id: freed
    text: Nothing pins the log
    check: { no_pins_on: /mnt/pmem/log }
debrief: The lease made truncate fail.
cites:
  - { seed: '003', where: cover letter }
`;

function problems(text: string, file = 'x/minimal.yaml'): Problem[] {
  const r = loadScenario(text, file);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

/** GOOD with one line replaced. */
const edit = (from: string, to: string) => {
  if (!GOOD.includes(from)) throw new Error(`no ${from}`);
  return GOOD.replace(from, to);
};

describe('loading scenarios', () => {
  test('a valid file gives the drill with its units resolved', () => {
    const r = loadScenario(GOOD, 'x/minimal.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.drill).toMatchObject({ id: 'minimal', trainee: 'root', timeLimit: 90e9, warmup: 0, base: 100, pass: 70, source: 'user' });
    expect(r.drill.host.files).toEqual([{ path: '/mnt/pmem/log', size: 1 << 20 }]);
    expect(r.drill.programs).toEqual([{ name: 'app', argv: ['rdma-app', '--pages=4', '/mnt/pmem/log'], at: 2e9, uid: 0 }]);
  });

  test('a YAML syntax error names its line and column', () => {
    const [p] = problems(edit('briefing: Free the log.', 'briefing: [unclosed'));
    expect(p).toMatchObject({ file: 'x/minimal.yaml', line: 14 });
    expect(p!.message).toMatch(/^YAML: /);
  });

  test('an unknown field points at the key itself, with a suggestion and the fields allowed', () => {
    const [p] = problems(edit('difficulty: easy', 'dificulty: easy\ndifficulty: easy'));
    expect(formatProblem(p!)).toBe('x/minimal.yaml:3:1: dificulty: unknown field "dificulty" (did you mean "difficulty"?); expected one of id, title, summary, difficulty, policy, trainee, time_limit, warmup, host, programs, briefing, objectives, penalties, hints, scoring, debrief, cites');
  });

  test('a misspelt predicate lists the vocabulary', () => {
    const [p] = problems(edit('{ no_pins_on: /mnt/pmem/log }', '{ no_pin_on: /mnt/pmem/log }'));
    expect(p).toMatchObject({ line: 17, column: 12, where: 'objectives[0].check' });
    expect(p!.message).toMatch(/^expected exactly one of no_pins_on, lease_absent, process_alive, .*any_of; got "no_pin_on" \(did you mean "no_pins_on"\?\)$/);
  });

  test('a wrong value inside a predicate is reported where it is', () => {
    const [p] = problems(edit('{ no_pins_on: /mnt/pmem/log }', '{ file_size: { path: /mnt/pmem/log, size: lots } }'));
    expect(formatProblem(p!)).toBe('x/minimal.yaml:17:54: objectives[0].check.file_size.size: expected a size: bytes as a number, or a string such as 4096, 64K, 1M, 2G');
  });

  test('a nested selector is reported inside the branch the trainer chose', () => {
    const [p] = problems(edit('{ no_pins_on: /mnt/pmem/log }', '{ process_alive: { program: App } }'));
    expect(p).toMatchObject({ line: 17, column: 40, where: 'objectives[0].check.process_alive.program' });
    expect(p!.message).toMatch(/lowercase letters/);
  });

  test('a missing field is reported at the mapping that lacks it', () => {
    const [p] = problems(edit('summary: The smallest valid drill.\n', ''));
    expect(p).toMatchObject({ line: 1, column: 1, where: 'summary' });
    expect(p!.message).toBe('missing (expected string)');
  });

  test('an unknown penalty kind names the kinds there are', () => {
    const [p] = problems(`${GOOD}penalties:\n  - { on: murder, cost: 5 }\n`);
    expect(formatProblem(p!)).toBe('x/minimal.yaml:22:11: penalties[0].on: unknown "murder"; expected one of kill, divergence, signal_init, signal_shell, policy_change');
  });

  test('bad durations, enums and seeds say what is expected', () => {
    const ps = problems(edit('time_limit: 90s', 'time_limit: soon').replace("seed: '003'", "seed: '009'").replace('policy: rfc-v2', 'policy: rfc-v3'));
    expect(ps.map(formatProblem)).toEqual([
      'x/minimal.yaml:4:9: policy: expected one of "rfc-v2"|"longterm-disabled"|"legacy-hang"|"close-blocks"|"fs-reject"|"immutable"',
      'x/minimal.yaml:5:13: time_limit: expected a duration: seconds as a number, or a string such as 90s, 10m, 1h',
      'x/minimal.yaml:20:13: cites[0].seed: expected one of "000"|"001"|"002"|"003"|"004"',
    ]);
  });

  test('references are checked: programs, ids, file name', () => {
    const text = edit('{ no_pins_on: /mnt/pmem/log }', '{ process_gone: { program: ghost } }').replace('argv: [rdma-app,', 'argv: [rdma-ap,').replace('title: Minimal', 'id: other\ntitle: Minimal');
    expect(problems(text).map(formatProblem)).toEqual([
      'x/minimal.yaml:1:5: id: the id "other" differs from the file name "minimal.yaml"; name the file after the id',
      'x/minimal.yaml:12:12: programs[0].argv[0]: "rdma-ap" is not a program the host can run (rdma-app, rdma-keeper, logrotate-sim, backup-sim, db-sim, lease-hold, sleep)',
      'x/minimal.yaml:18:39: objectives[0].check.process_gone.program: no program named "ghost" in programs',
    ]);
  });

  test('duplicate objective ids and a pass mark above the base are refused', () => {
    const text = `${GOOD.replace('cites:', 'scoring: { base: 50, pass: 60 }\ncites:')}`.replace('debrief:', '  - id: freed\n    text: again\n    check: { lease_absent: /mnt/pmem/log }\ndebrief:');
    const ps = problems(text).map((p) => `${p.where}: ${p.message}`);
    expect(ps).toEqual(['objectives[1].id: objective id "freed" is already used by an earlier entry', 'scoring.pass: the pass mark 60 is above the base score 50']);
  });

  test('whatever the bytes, the loader answers with problems and never throws', () => {
    for (const text of ['', '---\n---\n', '- a list\n', 'just text', '\u0000\u0001\u0002', 'a: *nope', 'x: &a [*a]', '{'.repeat(5000), `title: ${'x'.repeat(100000)}`]) {
      const r = loadScenario(text, 'junk.yaml');
      expect(r.ok).toBe(false);
      if (!r.ok) for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
    }
  });
});
