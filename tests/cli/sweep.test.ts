import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';
import { quantile, summarise, sweep } from '../../src/commands/sweep.js';

describe('sweep', () => {
  it('quantiles interpolate between order statistics', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([7], 0.75)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises outcomes and epochs-to-solve over solved runs only', () => {
    const s = summarise([
      { seed: 1, outcome: 'solved', epochs: 10, loss: 0, accuracy: 1 },
      { seed: 2, outcome: 'solved', epochs: 30, loss: 0, accuracy: 1 },
      { seed: 3, outcome: 'truncated', epochs: 99, loss: 1, accuracy: 0.5 },
    ]);
    expect(s.solved).toBe(2);
    expect(s.solvedShare).toBeCloseTo(2 / 3, 12);
    expect(s.outcomes).toEqual({ solved: 2, truncated: 1, finished: 0, inert: 0, cycling: 0, diverged: 0 });
    expect(s.epochsToSolve).toEqual({ median: 20, q1: 15, q3: 25, min: 10, max: 30 });
  });

  it('per-seed results are identical whatever the worker count', async () => {
    const job = { ref: 'perceptron-separable', run: 'perceptron', params: {}, seeds: [1, 2, 3, 4, 5, 6, 7] };
    const one = await sweep(job, 1);
    const three = await sweep(job, 3);
    expect(three).toEqual(one);
    expect(one.map((r) => r.seed)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('lean sweep runs train exactly like full runs: same outcome, epochs, loss and accuracy per seed', async () => {
    const { executeScenario } = await import('../../src/scenarios/execute.js');
    const { loadScenario } = await import('../../src/scenarios/loader.js');
    const scenario = loadScenario('xor-backprop');
    const seeds = [1, 2, 10];
    const swept = await sweep({ ref: 'xor-backprop', run: 'mlp-backprop', params: {}, seeds }, 1);
    for (const r of swept) {
      const full = executeScenario(scenario, { seed: r.seed, only: ['mlp-backprop'] }).runs[0]!;
      expect(r).toEqual({ seed: r.seed, outcome: full.outcome, epochs: full.epochs, loss: full.metrics['loss'], accuracy: full.metrics['accuracy'] });
    }
    expect(swept.map((r) => r.outcome)).toEqual(['solved', 'solved', 'truncated']);
  });

  it('--json gives a stable document; --model is required when a scenario runs several models', async () => {
    const io = bufferIo();
    expect(await main(['sweep', 'perceptron-xor', '--seeds', '5', '--workers', '1', '--json'], io)).toBe(0);
    const doc = JSON.parse(io.stdout());
    expect(doc).toMatchObject({ scenario: 'perceptron-xor', run: 'perceptron', seeds: 5, firstSeed: 1, solved: 0, solvedShare: 0, epochsToSolve: null });
    expect(doc.outcomes.cycling).toBe(5);
    const bad = bufferIo();
    expect(await main(['sweep', 'adaline-divergence', '--seeds', '3'], bad)).toBe(2);
    expect(bad.stderr()).toMatch(/--model is needed: scenario adaline-divergence runs above, below/);
  });
});

describe('sweep: several models, pinned seeds, histories and a grid', () => {
  const json = async (...argv: string[]) => {
    const io = bufferIo();
    expect(await main(['sweep', ...argv, '--workers', '1', '--json'], io)).toBe(0);
    return JSON.parse(io.stdout());
  };

  it('-m repeats: each model swept on its own, as alone; a model the scenario does not run is tried on its data', async () => {
    const both = await json('perceptron-separable', '-m', 'perceptron', '-m', 'logistic', '--seeds', '3', '-e', '30');
    expect(both.sweeps.map((d: { run: string }) => d.run)).toEqual(['perceptron', 'logistic']);
    expect(both.sweeps[0]).toEqual(await json('perceptron-separable', '-m', 'perceptron', '--seeds', '3', '-e', '30'));
    expect(both.sweeps[1]).toEqual(await json('perceptron-separable', '-m', 'logistic', '--seeds', '3', '-e', '30'));
  });

  it('a run pinned to its own seed: the sweep starts there, varies the model seed, and seed 10 is the run itself', async () => {
    const doc = await json('xor-backprop', '-m', 'stalled', '--seeds', '2', '-e', '300');
    expect(doc).toMatchObject({ run: 'stalled', firstSeed: 10, seedVaries: 'model' });
    const io = bufferIo();
    await main(['run', 'xor-backprop', '-m', 'stalled', '-e', '300', '--json'], io);
    const run = JSON.parse(io.stdout()).runs[0];
    expect(doc.runs[0]).toEqual({ seed: 10, outcome: run.outcome, epochs: run.epochs, loss: run.metrics.loss, accuracy: run.metrics.accuracy });
  });

  it('--histories: every seed\'s per-epoch history, ending at its result', async () => {
    const doc = await json('perceptron-separable', '--seeds', '2', '--histories');
    for (const r of doc.runs) {
      expect(r.history.map((h: { epoch: number }) => h.epoch)).toEqual(Array.from({ length: r.epochs + 1 }, (_, e) => e));
      expect(r.history.at(-1)).toMatchObject({ loss: r.loss, accuracy: r.accuracy });
    }
  });

  it('--grid: one row per combination, each the sweep with those parameters; final loss mean and sd over the seeds', async () => {
    const doc = await json('perceptron-separable', '--seeds', '3', '-e', '20', '--grid', 'learningRate=0.1,1', 'shuffle=true,false');
    expect(doc.grid).toEqual({ learningRate: [0.1, 1], shuffle: [true, false] });
    expect(doc.cells.map((c: { params: object }) => c.params)).toEqual([
      { learningRate: 0.1, shuffle: true },
      { learningRate: 0.1, shuffle: false },
      { learningRate: 1, shuffle: true },
      { learningRate: 1, shuffle: false },
    ]);
    const cell = doc.cells[2];
    const alone = await json('perceptron-separable', '--seeds', '3', '-e', '20', '-p', 'learningRate=1', '-p', 'shuffle=true');
    expect(cell.runs).toEqual(alone.runs);
    const losses = alone.runs.map((r: { loss: number }) => r.loss);
    const m = losses.reduce((a: number, b: number) => a + b, 0) / 3;
    expect(cell.finalLoss.mean).toBeCloseTo(m, 12);
    expect(cell.finalLoss.sd).toBeCloseTo(Math.sqrt(losses.reduce((a: number, v: number) => a + (v - m) ** 2, 0) / 2), 12);
    const bad = bufferIo();
    expect(await main(['sweep', 'perceptron-separable', '--grid', 'learningRat=1,2'], bad)).toBe(2);
  });
});
