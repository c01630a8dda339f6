import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';
import { loadScenario } from '../../src/scenarios/loader.js';
import { num } from '../../src/core/format.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('neural-eras run', () => {
  it('seed-perceptron-epoch --json prints the weights (−0.6, 0.5, 0.5) in one JSON document', async () => {
    const { code, out, err } = await cli('run', 'seed-perceptron-epoch', '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const doc = JSON.parse(out);
    expect(doc.scenario).toBe('seed-perceptron-epoch');
    expect(doc.seed).toBe(1);
    const [run] = doc.runs;
    expect(run).toMatchObject({ model: 'perceptron', outcome: 'solved', reason: null, epochs: 1 });
    run.weights.forEach((w: number, j: number) => expect(Math.abs(w - [-0.6, 0.5, 0.5][j]!)).toBeLessThanOrEqual(1e-12));
    expect(Object.keys(run.metrics)).toEqual(expect.arrayContaining(['loss', 'accuracy']));
    expect(run.history[0]).toMatchObject({ epoch: 0, loss: 0.5, accuracy: 0.5 });
    expect(run.claims.every((c: { holds: boolean }) => c.holds)).toBe(true);
    expect(run.params.learningRate).toBe(0.05);
  });

  it('same seed ⇒ identical JSON; another seed changes generated data', async () => {
    const a = await cli('run', 'perceptron-separable', '--json', '--seed', '5');
    const b = await cli('run', 'perceptron-separable', '--json', '--seed', '5');
    const c = await cli('run', 'perceptron-separable', '--json', '--seed', '6');
    expect(a.out).toBe(b.out);
    expect(JSON.parse(c.out).runs[0].history).not.toEqual(JSON.parse(a.out).runs[0].history);
  });

  it('--model, --epochs and --param shape the run', async () => {
    const { out } = await cli('run', 'adaline-divergence', '--model', 'below', '--epochs', '3', '--param', 'learningRate=0.1', '--json');
    const doc = JSON.parse(out);
    expect(doc.runs.map((r: { id: string }) => r.id)).toEqual(['below']);
    expect(doc.runs[0]).toMatchObject({ outcome: 'truncated', epochs: 3 });
    expect(doc.runs[0].params.learningRate).toBe(0.1);
    const one = JSON.parse((await cli('run', 'adaline-divergence', '--param', 'above.learningRate=0.2', '--json')).out);
    expect(one.runs.map((r: any) => r.params.learningRate)).toEqual([0.2, 0.3]);
  });

  it('--trace replays the lecture pattern by pattern with the exact weights', async () => {
    const { code, out } = await cli('run', 'seed-perceptron-epoch', '--trace');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('perceptron  epoch 1  pattern 1  x = (1, 0, 0)  t = −1  net = −0.4  o = −1');
    expect(lines[3]).toBe('    w ← w + η(t − o)x = (−0.4, 0.6, 0.6) + 0.05·(−1 − 1)·(1, 0, 1) = (−0.5, 0.6, 0.5)');
    expect(lines[5]).toBe('    w ← w + η(t − o)x = (−0.5, 0.6, 0.5) + 0.05·(−1 − 1)·(1, 1, 0) = (−0.6, 0.5, 0.5)');
    const json = JSON.parse((await cli('run', 'seed-perceptron-epoch', '--trace', '--json')).out);
    expect(json.runs[0].trace.map((s: { changed: boolean }) => s.changed)).toEqual([false, true, true, false]);
  });

  it('--trace writes every number with the digits of a table, however many inputs (256 pixels)', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'ne-')), 'pixels.json');
    const data = { kind: 'digits', size: 16, train: 3, test: 0, classes: [0, 1], pixels: 'unit', targets: 'bipolar' };
    writeFileSync(file, JSON.stringify({ id: 'pixels', title: 't', era: '1958', year: 1958, story: ['s'], seed: 1, epochs: 1, data, models: [{ model: 'perceptron', params: { init: 'random' } }], claims: [] }));
    const { code, out, err } = await cli('run', file, '--trace');
    expect(err).toBe('');
    expect(code).toBe(0);
    const [step] = JSON.parse((await cli('run', file, '--trace', '--json')).out).runs[0].trace as { x: number[]; net: number[] }[];
    expect(step!.x).toHaveLength(257); // x0 = 1, then the pixels
    const first = out.split('\n')[0]!;
    expect(first).toContain(`x = (${step!.x.map((v) => num(v)).join(', ')})`);
    expect(first).toContain(`net = ${num(step!.net[0]!)}  `);
    expect(num(step!.net[0]!).length).toBeGreaterThan(3);
  });

  it('prints a readable report by default', async () => {
    const { code, out } = await cli('run', 'perceptron-xor');
    expect(code).toBe(0);
    expect(out).toMatch(/outcome   cycling: the weights at epoch \d+ equal those at epoch \d+: the epoch's 4 updates bring the weights back to where it began/);
    expect(out).toContain('✓ perceptron ends cycling');
  });

  it('runs a scenario file given by path', async () => {
    const { code, out } = await cli('run', 'scenarios/logistic-and.json', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).runs[0].outcome).toBe('solved');
  });

  it.each([
    [['run', 'nope'], /^neural-eras: unknown scenario "nope"; known scenarios: /],
    [['run', 'perceptron-xor', '--model', 'mlp'], /--model mlp: not a run of scenario perceptron-xor \(it runs: perceptron\), and unknown model "mlp"/],
    [['run', 'perceptron-xor', '--param', 'learningRate=-1'], /learningRate: expected a number in \[0, 100\], got "-1"/],
    [['run', 'perceptron-xor', '--param', 'speed=3'], /perceptron has no parameter "speed"/],
    [['run', 'perceptron-xor', '--param', 'oops'], /--param needs key=value/],
    [['run', 'perceptron-xor', '--epochs', 'many'], /--epochs must be a whole number/],
    [['run', 'missing/file.json'], /missing\/file\.json: cannot read the file/],
    [['run'], /run needs a scenario \(an id from `neural-eras list`, or a \.json file\), --data <file\.csv> or --share <string>/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['run', 'perceptron-xor', '--bogus'], /unknown option '--bogus'/],
    [['info', 'gpt'], /"gpt" is neither a model, a scenario nor an activation/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { code, err, out } = await cli(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('neural-eras verify, list, info', () => {
  // Every shipped claim is checked one by one in tests/scenarios/claims.test.ts; here the command.
  it('verify passes the named scenarios\' claims, exit 0', async () => {
    const { code, out } = await cli('verify', 'seed-perceptron-epoch', 'seed-adaline-step', 'perceptron-xor', '--json');
    const doc = JSON.parse(out);
    expect(doc.failed).toBe(0);
    // every claim, and every receipt that says it matches its paper (checked like a claim)
    const claims = ['seed-perceptron-epoch', 'seed-adaline-step', 'perceptron-xor'].reduce((n, id) => {
      const s = loadScenario(id);
      return n + s.claims.length + (s.receipts ?? []).filter((r) => r.comparison === 'matches').length;
    }, 0);
    expect(doc.passed).toBe(claims);
    expect(doc.ok).toBe(true);
    expect(new Set(doc.claims.map((c: { scenario: string }) => c.scenario))).toEqual(new Set(['seed-perceptron-epoch', 'seed-adaline-step', 'perceptron-xor']));
    expect(code).toBe(0);
  });

  it('verify exits 1 when a claim fails', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'ne-')), 'wrong.json');
    writeFileSync(file, JSON.stringify({ id: 'wrong', title: 't', era: '1958', year: 1958, story: ['s'], seed: 1, epochs: 20, data: { kind: 'gate', gate: 'XOR' }, models: [{ model: 'perceptron' }], claims: [{ run: 'perceptron', outcome: 'solved' }] }));
    const { code, out } = await cli('verify', file);
    expect(code).toBe(1);
    expect(out).toContain('1 claims: 0 hold, 1 fail');
  });

  it('list --json names every model and scenario', async () => {
    const doc = JSON.parse((await cli('list', '--json')).out);
    expect(doc.models.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['mcculloch-pitts', 'hebbian', 'perceptron', 'adaline', 'logistic']));
    expect(doc.scenarios.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['seed-or-unit', 'perceptron-xor']));
  });

  it('info shows a history card with the parameter schema', async () => {
    const { out } = await cli('info', 'perceptron');
    expect(out).toContain("Rosenblatt's perceptron (1958)");
    expect(out).toMatch(/learningRate\s+0\.1\s+a number in \[0, 100\]/);
  });

  it('info <activation> derives the maximum of the derivative: σ′ ≤ ¼ at z = 0, ReLU′ = 1 for z ≥ 0, a step has none', async () => {
    const sigmoid = (await cli('info', 'sigmoid')).out;
    expect(sigmoid).toContain('σ′ maximum     0.25 = 1/4 at z = 0, so σ′(z) ≤ 1/4');
    expect(sigmoid).toContain('range          from 0 (z → −∞) to 1 (z → ∞); σ(0) = 0.5');
    expect((await cli('info', 'tanh')).out).toContain('tanh′ maximum  1 at z = 0');
    expect((await cli('info', 'relu')).out).toContain('f′ maximum     1 for z ≥ 0');
    expect((await cli('info', 'step-bipolar')).out).toContain('φ′(z) = 0: there is no slope to follow');
    expect((await cli('info', 'perceptron')).out).toContain('mistake (Rosenblatt; Fausett): w ← w + η·t·x only when o ≠ t');
  });

  it('--version and --help exit 0', async () => {
    expect((await cli('--version')).code).toBe(0);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('verify');
  });
});
