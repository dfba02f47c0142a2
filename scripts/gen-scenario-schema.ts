// Writes resources/scenarios/schema.json from the scenario schema (run: npx tsx scripts/gen-scenario-schema.ts).
// test/unit/drills/schema-file.test.ts fails when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { SCHEMA_PATH, scenarioJsonSchema } from '../src-main/drills/json-schema';

writeFileSync(SCHEMA_PATH, scenarioJsonSchema());
process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
