// The drills on offer: the shipped ones (resources/scenarios, bundled into the build so every face
// has them) and the trainer's own folder. A broken file or a clash of ids is a problem to show,
// never a reason to drop the others.
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Drill } from './drill';
import { fileId, loadScenario } from './load';
import type { Problem } from './problems';
import { scenarioBoot, type ScenarioBoot } from './setup';

const SHIPPED = import.meta.glob('../../resources/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

export interface Library {
  drills: Drill[];
  problems: Problem[];
  /** The trainer's folder (it may not exist yet). */
  userDir: string;
}

type Env = Record<string, string | undefined>;

/** PINSIM_SCENARIOS_DIR, else $XDG_CONFIG_HOME/pinsim/scenarios, else ~/.config/pinsim/scenarios. */
export function userScenarioDir(env: Env = process.env): string {
  if (env.PINSIM_SCENARIOS_DIR) return env.PINSIM_SCENARIOS_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'pinsim', 'scenarios');
}

let shipped: { drills: Drill[]; problems: Problem[] } | null = null;

function shippedDrills(): { drills: Drill[]; problems: Problem[] } {
  if (shipped) return shipped;
  const drills: Drill[] = [];
  const problems: Problem[] = [];
  for (const [key, text] of Object.entries(SHIPPED).sort(([a], [b]) => a.localeCompare(b))) {
    const r = loadScenario(text, `resources/scenarios/${key.split('/').pop()}`, 'shipped');
    if (r.ok) drills.push(r.drill);
    else problems.push(...r.problems);
  }
  return (shipped = { drills, problems });
}

function userFiles(dir: string): { files: Array<{ path: string; text: string }>; problems: Problem[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { files: [], problems: [] };
    return { files: [], problems: [{ file: dir, line: 1, column: 1, where: '', message: `cannot read the folder: ${code ?? String(e)}` }] };
  }
  const files: Array<{ path: string; text: string }> = [];
  const problems: Problem[] = [];
  for (const n of names) {
    const path = join(dir, n);
    try {
      files.push({ path, text: readFileSync(path, 'utf8') });
    } catch (e) {
      problems.push({ file: path, line: 1, column: 1, where: '', message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    }
  }
  return { files, problems };
}

export function loadLibrary(env: Env = process.env): Library {
  const base = shippedDrills();
  const drills = [...base.drills];
  const problems = [...base.problems];
  const userDir = userScenarioDir(env);
  const user = userFiles(userDir);
  problems.push(...user.problems);
  for (const f of user.files) {
    const r = loadScenario(f.text, f.path, 'user');
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    const clash = drills.find((d) => d.id === r.drill.id);
    if (clash) {
      problems.push({ file: f.path, line: 1, column: 1, where: 'id', message: `the id "${r.drill.id}" is already taken by ${clash.file}; this file is not used until it is renamed` });
      continue;
    }
    drills.push(r.drill);
  }
  return { drills, problems, userDir };
}

/** The drill called `id`, or the reason there is none. */
export function findDrill(lib: Library, id: string): Drill | { error: string } {
  const d = lib.drills.find((x) => x.id === id);
  if (d) return d;
  const broken = lib.problems.filter((p) => fileId(p.file) === id);
  if (broken.length > 0) return { error: `drill ${id} has errors:\n${broken.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.where ? `${p.where}: ` : ''}${p.message}`).join('\n')}` };
  return { error: `no drill named ${id} (pinsim drill list shows them)` };
}

/**
 * The host a session labelled with scenario `id` boots (a replayed drill session boots the same
 * one); a label that names no drill boots the ordinary host.
 */
export function scenarioHostFor(id: string | null | undefined, env: Env = process.env): ScenarioBoot | undefined {
  if (!id) return undefined;
  const d = findDrill(loadLibrary(env), id);
  return 'error' in d ? undefined : scenarioBoot(d);
}
