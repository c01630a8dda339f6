/**
 * The API (src/api.ts) as a script uses it: the README's example (examples/api.mjs, importing
 * 'neural-eras' from the built package) prints the numbers `run --json` has, and runScenario,
 * verify and sweep return the documents their commands print.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, runScenario, sweep, verify } from '../../src/api.js';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'api.mjs');

async function cliJson(...argv: string[]) {
  const io = bufferIo();
  const code = await main([...argv, '--json'], io);
  expect(io.stderr()).toBe('');
  return { code, doc: JSON.parse(io.stdout()) };
}

describe('the README API example', () => {
  it('is the README text, and prints the numbers of run --json', async () => {
    const source = readFileSync(example, 'utf8');
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`\`\`\`js\n${source}\`\`\``);
    const r = spawnSync(process.execPath, [example], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { doc } = await cliJson('run', 'perceptron-xor', '-m', 'perceptron', '-m', 'mlp-backprop', '-s', '1');
    const want = [
      ...doc.runs.flatMap((run: { id: string; outcome: string; epochs: number; metrics: Record<string, number>; claims: { holds: boolean; metric: string; relation: string; bound: unknown; actual: unknown }[] }) => [
        `${run.id}: ${run.outcome} after ${run.epochs} epochs, loss ${run.metrics['loss']}, accuracy ${run.metrics['accuracy']}`,
        ...run.claims.map((c) => `  ${c.holds ? 'holds' : 'fails'}: ${c.metric} ${c.relation} ${c.bound} (actual ${c.actual})`),
      ]),
      // onEpoch saw every trained epoch of both runs
      `${doc.runs.reduce((n: number, run: { epochs: number }) => n + run.epochs, 0)} epochs trained; share ${doc.share}`,
    ];
    expect(r.stdout.trim().split('\n')).toEqual(want);
  });
});

describe('the API returns what the commands print', () => {
  it('runScenario: the run --json document, with a tried model, a seed, epochs and a parameter', async () => {
    const api = runScenario(loadScenario('perceptron-separable'), { seed: 4, models: ['logistic'], epochs: 30, params: ['learningRate=0.2'] });
    const { doc } = await cliJson('run', 'perceptron-separable', '-s', '4', '-m', 'logistic', '-e', '30', '-p', 'learningRate=0.2');
    expect(JSON.parse(JSON.stringify(api))).toEqual(doc);
  });

  it('verify and sweep', async () => {
    const { code, doc } = await cliJson('verify', 'seed-adaline-step');
    expect(code).toBe(0);
    expect(verify(['seed-adaline-step'])).toEqual(doc);
    const s = await sweep('perceptron-xor', { seeds: 3, epochs: 20, workers: 1 });
    const cli = (await cliJson('sweep', 'perceptron-xor', '--seeds', '3', '-e', '20', '--workers', '1')).doc;
    expect(JSON.parse(JSON.stringify(s))).toEqual(cli);
  });
});
