// YAML text → a validated drill, or the problems with file, line and column. Never throws: a
// trainer's broken file is reported, it does not stop the console.
import { LineCounter, parseDocument } from 'yaml';
import { Scenario } from './schema';
import { toDrill, type Drill } from './drill';
import { checkScenario } from './check';
import { issueProblems, Locator, pathText, type Problem } from './problems';

export type LoadResult = { ok: true; drill: Drill } | { ok: false; problems: Problem[] };

/** The id a file stands for: its name without the directory and `.yaml`/`.yml`. */
export function fileId(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.ya?ml$/, '');
}

export function loadScenario(text: string, file: string, source: Drill['source'] = 'user'): LoadResult {
  try {
    return load(text, file, source);
  } catch (e) {
    // A bug of ours must not take the console down with the file.
    return { ok: false, problems: [{ file, line: 1, column: 1, where: '', message: `cannot read the scenario: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function load(text: string, file: string, source: Drill['source']): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const loc = new Locator(doc, lines);
  const yamlErrors = [...doc.errors];
  if (yamlErrors.length > 0) {
    return {
      ok: false,
      problems: yamlErrors.map((e) => ({ file, ...loc.pos(e.pos[0]), where: '', message: `YAML: ${e.message}` })),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ file, ...loc.at([]), where: '', message: 'expected a mapping of scenario fields (title, summary, policy, objectives, …)' }] };
  }
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) {
    const problems = issueProblems(Scenario, parsed.error.issues, data, (p, key) => loc.at(p, key), file);
    return { ok: false, problems: sortProblems(problems) };
  }
  const id = fileId(file);
  const findings = checkScenario(parsed.data, id);
  if (findings.length > 0) {
    return { ok: false, problems: sortProblems(findings.map((f) => ({ file, ...loc.at(f.path), where: pathText(f.path), message: f.message }))) };
  }
  return { ok: true, drill: toDrill(parsed.data, id, file, source) };
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
