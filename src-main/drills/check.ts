// What the schema cannot say about a scenario: names that must be unique, references that must
// resolve, programs the host must know. Each finding names the path of the node at fault.
import { findProgram } from '../host/programs/registry';
import type { Path } from './problems';
import type { Predicate, ScenarioInput, Selector } from './schema';
import { durationNs } from './drill';

export interface Finding {
  path: Path;
  message: string;
}

function duplicates(names: string[], at: (i: number) => Path, what: string): Finding[] {
  return names.flatMap((n, i) => (names.indexOf(n) < i ? [{ path: at(i), message: `${what} "${n}" is already used by an earlier entry` }] : []));
}

/** Every selector inside a predicate, with its path relative to the predicate. */
function selectors(p: Predicate, base: Path): Array<{ sel: Selector; path: Path }> {
  if ('any_of' in p) return p.any_of.flatMap((q, i) => selectors(q, [...base, 'any_of', i]));
  if ('process_alive' in p) return [{ sel: p.process_alive, path: [...base, 'process_alive'] }];
  if ('process_gone' in p) return [{ sel: p.process_gone, path: [...base, 'process_gone'] }];
  return [];
}

export function checkScenario(s: ScenarioInput, fileId: string): Finding[] {
  const out: Finding[] = [];
  if (s.id !== undefined && s.id !== fileId) out.push({ path: ['id'], message: `the id "${s.id}" differs from the file name "${fileId}.yaml"; name the file after the id` });
  const programs = s.programs ?? [];
  out.push(...duplicates(programs.map((p) => p.name), (i) => ['programs', i, 'name'], 'program name'));
  out.push(...duplicates(s.objectives.map((o) => o.id), (i) => ['objectives', i, 'id'], 'objective id'));
  const limit = durationNs(s.time_limit) + durationNs(s.warmup ?? 0);
  if (limit <= 0) out.push({ path: ['time_limit'], message: 'the time limit must be more than zero' });
  programs.forEach((p, i) => {
    const name = p.argv[0]!;
    if (!findProgram(name)) out.push({ path: ['programs', i, 'argv', 0], message: `"${name}" is not a program the host can run (rdma-app, rdma-keeper, logrotate-sim, backup-sim, db-sim, lease-hold, sleep)` });
    if (p.at !== undefined && durationNs(p.at) >= limit) out.push({ path: ['programs', i, 'at'], message: 'starts after the time limit is over' });
  });
  const known = new Set(programs.map((p) => p.name));
  const refs = [
    ...s.objectives.flatMap((o, i) => selectors(o.check, ['objectives', i, 'check'])),
    ...(s.penalties ?? []).flatMap((p, i) => (p.on === 'kill' ? [{ sel: p.target, path: ['penalties', i, 'target'] as Path }] : [])),
  ];
  for (const { sel, path } of refs) {
    if ('program' in sel && !known.has(sel.program)) out.push({ path: [...path, 'program'], message: `no program named "${sel.program}" in programs` });
  }
  const base = s.scoring?.base ?? 100;
  const pass = s.scoring?.pass ?? 70;
  if (pass > base) out.push({ path: ['scoring', 'pass'], message: `the pass mark ${pass} is above the base score ${base}` });
  return out;
}
