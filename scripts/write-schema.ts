// Writes scenarios/schema.json from the zod scenario schema (run: npm run schema).
// A test checks that the committed file matches, so the two cannot drift apart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema } from '../src/scenarios/json-schema.js';
import { scenariosDir } from '../src/scenarios/loader.js';

writeFileSync(join(scenariosDir(), 'schema.json'), scenarioJsonSchema());
console.log('wrote scenarios/schema.json');
