// The complete example of docs/drills.md loads and its answers pass: the reference stays true.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../../src-main/drills/load';
import { runHeadless } from '../../../src-main/drills/headless';

test('the example drill of docs/drills.md passes with its answers file', async () => {
  const doc = readFileSync('docs/drills.md', 'utf8');
  const example = doc.slice(doc.indexOf('## A complete example'));
  const yaml = /```yaml\n([\s\S]*?)```/.exec(example)?.[1];
  const answers = /```sh\n([\s\S]*?)```/.exec(example)?.[1];
  expect(yaml && answers).toBeTruthy();
  const r = loadScenario(yaml!, 'zombie.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('\n'));
  const run = await runHeadless(r.drill, answers!, { write: () => {} });
  expect(run.status).toBe('complete');
  expect(run.score()).toMatchObject({ total: 100, passed: true });
});
