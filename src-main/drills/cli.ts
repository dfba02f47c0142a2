// `pinsim drill list|run|check`: drills without a window, so that trainers can grade in CI.
// `run` types the answers into the trainee's terminal and exits 0 only if the drill was passed.
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Drill } from './drill';
import { NS_PER_SEC } from './drill';
import { findDrill, loadLibrary } from './library';
import { fileId, loadScenario } from './load';
import { formatProblem } from './problems';
import { runHeadless } from './headless';
import { playInteractive } from './interactive';
import type { DrillRun } from './run';
import { renderScore } from './score';
import { seedTitle } from './seeds';
import { scenarioBoot, type ScenarioBoot } from './setup';

export interface DrillIo {
  out(s: string): void;
  err(s: string): void;
  /** All of standard input (answers piped in). */
  readStdin(): Promise<string>;
  /** Standard input is a terminal: play interactively. */
  tty: boolean;
}

export class DrillUsageError extends Error {}

const USAGE_LINE = 'drill list | drill run NAME [--answers FILE] [--seed N] [--policy P] | drill check FILE...';

/** `--scenario NAME` of `pinsim script` and `pinsim shell`: the drill's host, or why there is none. */
export function scenarioHostByName(name: string): ScenarioBoot | { error: string } {
  const d = findDrill(loadLibrary(), name);
  return 'error' in d ? d : scenarioBoot(d);
}

export async function drillCommand(args: string[], io: DrillIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list':
      return list(rest, io);
    case 'run':
      return run(rest, io);
    case 'check':
      return check(rest, io);
    default:
      throw new DrillUsageError(sub === undefined ? `drill needs a subcommand: ${USAGE_LINE}` : `unknown drill subcommand '${sub}': ${USAGE_LINE}`);
  }
}

function options(args: string[], spec: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (e) {
    throw new DrillUsageError(e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e));
  }
}

function list(args: string[], io: DrillIo): number {
  const { positionals } = options(args, {});
  if (positionals.length > 0) throw new DrillUsageError(`drill list takes no argument '${positionals[0]}'`);
  const lib = loadLibrary();
  const rows = lib.drills.map((d) => [d.id, d.difficulty, d.policy, `${d.title}${d.source === 'user' ? ' (yours)' : ''}`]);
  const head = ['ID', 'DIFFICULTY', 'POLICY', 'TITLE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) io.out(`${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}\n`);
  for (const p of lib.problems) io.err(`pinsim: ${formatProblem(p)}\n`);
  return 0;
}

async function check(args: string[], io: DrillIo): Promise<number> {
  const { positionals } = options(args, {});
  if (positionals.length === 0) throw new DrillUsageError('drill check needs a scenario FILE');
  let bad = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      io.err(`pinsim: ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String(e)}\n`);
      bad++;
      continue;
    }
    const r = loadScenario(text, file);
    if (r.ok) io.out(`${file}: ok (${r.drill.id}: ${r.drill.title}; ${r.drill.objectives.length} objectives, ${r.drill.policy})\n`);
    else {
      bad++;
      for (const p of r.problems) io.err(`${formatProblem(p)}\n`);
    }
  }
  return bad === 0 ? 0 : 1;
}

async function run(args: string[], io: DrillIo): Promise<number> {
  const { values, positionals } = options(args, { answers: { type: 'string' }, seed: { type: 'string' }, policy: { type: 'string' } });
  if (positionals.length !== 1) throw new DrillUsageError(positionals.length === 0 ? 'drill run needs a drill NAME (pinsim drill list shows them)' : `drill run takes one NAME, got '${positionals[1]}' too`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 31)) throw new DrillUsageError('--seed needs a whole number from 0 to 2147483647');
  const name = fileId(positionals[0]!);
  const found = findDrill(loadLibrary(), name);
  if ('error' in found) {
    io.err(`pinsim: ${found.error}\n`);
    return 2;
  }
  const policy = values.policy as string | undefined;
  io.out(briefing(found));
  let r: DrillRun;
  if (values.answers === undefined && io.tty) {
    r = await playInteractive(found, { seed, policy });
  } else {
    const file = values.answers as string | undefined;
    let answers: string;
    try {
      answers = file === undefined || file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
    } catch (e) {
      throw new DrillUsageError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String(e)}`);
    }
    r = await runHeadless(found, answers, { seed, policy, write: io.out });
  }
  io.out(`\n${report(r)}`);
  return r.score().passed && r.status === 'complete' ? 0 : 1;
}

const clock = (ns: number): string => {
  const s = Math.floor(ns / NS_PER_SEC);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function briefing(d: Drill): string {
  const limit = clock(d.timeLimit);
  return `== drill ${d.id}: ${d.title} (${d.difficulty}, design ${d.policy}, ${limit} of virtual time) ==\n\n${d.briefing.trimEnd()}\n\nObjectives:\n${d.objectives.map((o) => `  - ${o.text}\n`).join('')}\n`;
}

/** Objectives met (and when), penalties, the score breakdown, and the debrief. */
export function report(r: DrillRun): string {
  const s = r.snapshot();
  const metAt = new Map(r.milestones.filter((m) => m.kind === 'objective.met').map((m) => [m.objective, m.t]));
  const lines = [`== result: ${r.drill.id} ==\n`, 'Objectives:\n'];
  for (const o of s.objectives) lines.push(`  [${o.met ? 'x' : ' '}] ${o.text}${o.met && metAt.has(o.id) ? ` (met at ${clock(metAt.get(o.id)! - r.started)})` : ''}\n`);
  lines.push(s.penalties.length === 0 ? 'Penalties: none\n' : `Penalties:\n${s.penalties.map((p) => `  -${p.cost}  ${p.text}${p.pid !== null ? ` (pid ${p.pid})` : ''}\n`).join('')}`);
  if (s.hints.revealed.length > 0) lines.push(`Hints taken: ${s.hints.revealed.length}\n`);
  lines.push(renderScore(r.score(), r.status === 'running' ? 'gave-up' : r.status));
  lines.push(`\nDebrief:\n\n${r.drill.debrief.trimEnd()}\n\nSources:\n`);
  for (const seed of [...new Set(r.drill.cites.map((c) => c.seed))]) {
    lines.push(`  seed ${seed}: ${seedTitle(seed)}\n`);
    for (const c of r.drill.cites.filter((x) => x.seed === seed)) lines.push(`    - ${c.where}\n`);
  }
  return lines.join('');
}
