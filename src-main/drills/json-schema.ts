// The published JSON Schema of scenario files, generated from the schema the loader validates
// with (scripts/gen-scenario-schema.ts writes it to resources/scenarios/schema.json).
import { z } from 'zod';
import { Scenario } from './schema';

export const SCHEMA_PATH = 'resources/scenarios/schema.json';

/** The schema as the committed file holds it: the input form (durations and sizes as written). */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(Scenario, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
