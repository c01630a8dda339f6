// Measures what `verify` costs per shipped scenario (CPU milliseconds on one worker thread, each
// scenario checked alone, in list order) and writes src/commands/verify-costs.ts, the costs verify
// plans its worker threads with. Run after `node scripts/build.mjs` when scenarios change a lot:
//   node scripts/verify-costs.mjs
import { readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
const worker = new Worker(join(root, 'dist', 'verify-worker.js'));
const ask = (path) =>
  new Promise((ok, fail) => {
    worker.once('message', (m) => (m.ok ? ok(m) : fail(new Error(`${path}: ${m.error}`))));
    worker.postMessage({ path, plugins: [] });
  });
// warm-up: the worker's start-up and first compilation are not any scenario's
await ask(join(dir, files[0]));
const costs = {};
for (const f of files) {
  const id = f.replace(/\.json$/, '');
  const c0 = process.cpuUsage();
  await ask(join(dir, f));
  const c = process.cpuUsage(c0);
  costs[id] = Math.max(1, Math.round((c.user + c.system) / 1000));
  console.log(`${id.padEnd(32)} ${String(costs[id]).padStart(6)} ms`);
}
await worker.terminate();
const lines = Object.entries(costs).map(([id, ms]) => `  '${id}': ${ms},`);
writeFileSync(
  join(root, 'src', 'commands', 'verify-costs.ts'),
  `/**\n * What \`verify\` costs per shipped scenario, in CPU milliseconds on one worker thread, measured by\n * \`node scripts/verify-costs.mjs\` (${new Date().toISOString().slice(0, 10)}): verify plans its threads with it\n * (planVerify). A scenario not listed gets an estimate from its runs.\n */\nexport const VERIFY_COSTS: Readonly<Record<string, number>> = {\n${lines.join('\n')}\n};\n`,
);
