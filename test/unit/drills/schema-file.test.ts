// resources/scenarios/schema.json is what the loader's schema generates (regenerate it with
// `npx tsx scripts/gen-scenario-schema.ts` after changing src-main/drills/schema.ts).
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { SCHEMA_PATH, scenarioJsonSchema } from '../../../src-main/drills/json-schema';
import { PREDICATE_KEYS, PENALTY_KINDS } from '../../../src-main/drills/schema';

test('the committed JSON Schema equals the generated one', () => {
  expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(scenarioJsonSchema());
});

test('the JSON Schema spells out the whole predicate vocabulary and every penalty', () => {
  const schema = JSON.parse(scenarioJsonSchema()) as { $defs: { Predicate: { anyOf: Array<{ required: string[] }> } }; properties: { penalties: { items: { oneOf?: unknown[]; anyOf?: unknown[] } } } };
  expect(schema.$defs.Predicate.anyOf.map((o) => o.required[0])).toEqual(PREDICATE_KEYS);
  const penalties = JSON.stringify(schema.properties.penalties);
  for (const kind of PENALTY_KINDS) expect(penalties).toContain(`"const":"${kind}"`);
});
