/**
 * The fuzz suite in CI: 1,500 scenario documents (1,000 mutations of the shipped scenarios, 500
 * random JSON documents) and 400 random command lines, each through main() in-process (sized so
 * the whole suite keeps to its 3 minutes; the soak, `npm run fuzz`, runs 100,000 and 10,000). Every
 * case ends in success or exit 2 with one located line; no crash, internal error, bare null or
 * long run. Seeds are fixed, so a failure replays; `npm run fuzz` runs more with fresh seeds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { commandLine, mutatedScenario, randomDocument, runCommandLine, runDocument } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'neural-eras-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a property numRuns times from a fixed seed; returns how many cases ran. */
async function fuzz<T>(arb: fc.Arbitrary<T>, numRuns: number, seed: number, check: (value: T, i: number) => Promise<string | null>): Promise<number> {
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(arb, fc.nat(), async (value, choice) => {
      cases++;
      const p = await check(value, choice);
      if (p) throw new Error(p);
    }),
    { numRuns, seed, endOnFailure: true },
  );
  return cases;
}

describe('fuzzing the CLI', () => {
  it('1,000 mutated shipped scenarios: success or one located line', async () => {
    const path = join(dir, 'mutated.json');
    expect(await fuzz(mutatedScenario, 1000, 13, (doc, choice) => runDocument(path, doc, choice))).toBe(1000);
  }, 240_000);

  it('500 random JSON documents: one located line each', async () => {
    const path = join(dir, 'random.json');
    expect(await fuzz(randomDocument, 500, 1313, (doc, choice) => runDocument(path, doc, choice))).toBe(500);
  }, 120_000);

  it('400 random command lines over every command: success, exit 1 from verify, or one line', async () => {
    expect(await fuzz(commandLine, 400, 131313, (argv) => runCommandLine(argv))).toBe(400);
  }, 240_000);
});
