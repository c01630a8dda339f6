/**
 * Records the fingerprint of `run <scenario> --json` (the built CLI, bin/neural-eras.js) for every
 * shipped scenario into tests/fixtures/outputs/run-json.json. Run once on the code before a change
 * that must keep outputs: `node scripts/build.mjs && npx tsx tests/scenarios/record-outputs.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from './outputs.js';

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
const prints: Record<string, unknown> = {};
for (const f of files) {
  const text = execFileSync(process.execPath, ['bin/neural-eras.js', 'run', `scenarios/${f}`, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', NEURAL_ERAS_DATA: mkdtempSync(join(tmpdir(), 'ne-record-')) } });
  const doc = JSON.parse(text) as { scenario: string; seed: unknown; receipts?: unknown; runs: Record<string, unknown>[] };
  prints[doc.scenario] = fingerprint(doc);
  process.stderr.write(`${doc.scenario} `);
}
writeFileSync('tests/fixtures/outputs/run-json.json', `${JSON.stringify(prints, null, 1)}\n`);
