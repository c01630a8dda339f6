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
    expect(s.outcomes).toEqual({ solved: 2, truncated: 1, cycling: 0, diverged: 0 });
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
