/**
 * The heavier fuzz run, outside CI: `npm run fuzz [documents] [command lines] [seed]` (default
 * 100,000 documents, 10,000 command lines, a fresh seed, printed so a failure replays). Prints
 * the counts and every problem found; exits 1 when there is any.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { commandLine, mutatedScenario, randomDocument, runCommandLine, runDocument } from './harness.js';

const [documents = 100_000, lines = 10_000] = process.argv.slice(2, 4).map(Number);
const seed = process.argv[4] !== undefined ? Number(process.argv[4]) : Date.now() % 2 ** 31;
const dir = mkdtempSync(join(tmpdir(), 'neural-eras-soak-'));
const problems: string[] = [];
const started = performance.now();
let done = 0;

async function each<T>(arb: fc.Arbitrary<T>, n: number, s: number, check: (v: T, i: number) => Promise<string | null>): Promise<void> {
  // sampled in slices: a million documents are never held at once
  for (let from = 0; from < n; from += 1000) {
    const batch = fc.sample(fc.tuple(arb, fc.nat()), { numRuns: Math.min(1000, n - from), seed: s + from });
    for (const [value, choice] of batch) {
      const p = await check(value, choice);
      if (p) problems.push(p);
      if (++done % 5000 === 0) process.stderr.write(`\r${done} cases, ${problems.length} problems, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }
}

const path = join(dir, 'case.json');
await each(mutatedScenario, Math.round(documents * 0.7), seed, (d, c) => runDocument(path, d, c));
await each(randomDocument, documents - Math.round(documents * 0.7), seed + 1, (d, c) => runDocument(path, d, c));
await each(commandLine, lines, seed + 2, (argv) => runCommandLine(argv));
rmSync(dir, { recursive: true, force: true });
process.stderr.write('\n');
console.log(`seed ${seed}: ${documents} documents and ${lines} command lines in ${((performance.now() - started) / 1000).toFixed(1)} s: ${problems.length} problems`);
for (const p of problems.slice(0, 50)) console.log(`  ${p}`);
process.exitCode = problems.length > 0 ? 1 : 0;
