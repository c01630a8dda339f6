import { describe, expect, it } from 'vitest';
import { novikoff } from '../../src/theory/novikoff.js';
import { createRng } from '../../src/core/rng.js';
import type { Dataset } from '../../src/core/types.js';
import { perceptron } from '../../src/models/perceptron.js';
import { train } from '../models/helpers.js';

/** Separable 2D data: labels by a random line, points nearer than `gap` to it dropped. */
function separable(seed: number, n: number, gap: number): Dataset {
  const rng = createRng(`novikoff-${seed}`);
  const [a, b, c] = [rng.normal(), rng.normal(), rng.normal() * 0.5];
  const inputs: number[][] = [];
  const labels: number[] = [];
  while (inputs.length < n) {
    const x = [rng.range(-2, 2), rng.range(-2, 2)];
    const v = (c + a * x[0]! + b * x[1]!) / Math.hypot(a, b);
    if (Math.abs(v) < gap) continue;
    inputs.push(x);
    labels.push(v > 0 ? 1 : 0);
  }
  return {
    name: 'separable', inputs, labels, targets: labels.map((l) => [l ? 1 : -1]), classes: 2,
    inputEncoding: 'real', targetEncoding: 'bipolar', featureNames: ['x1', 'x2'],
  };
}

describe('Novikoff (1962): mistakes ≤ the bound', () => {
  it('R counts the bias input: R = max ‖(1, x)‖', () => {
    const b = novikoff([[1, 3, 4]], [1], { rule: 'difference', theta: 0, eta: 1, zeroStart: true });
    expect(b.radius).toBeCloseTo(Math.sqrt(26), 14);
    expect(b.bound).toBeCloseTo(1, 12);
  });

  it('holds on random separable sets for both rules, any η, with and without an undecided band, in any order', () => {
    let tight = 0;
    for (let seed = 0; seed < 60; seed++) {
      const data = separable(seed, 10 + (seed % 5) * 8, 0.02 + (seed % 4) * 0.05);
      const rule = seed % 2 === 0 ? 'difference' : 'mistake';
      const theta = seed % 3 === 0 ? 0 : 0.1 * (seed % 7);
      const learningRate = [0.05, 0.5, 1, 3][seed % 4]!;
      const run = train(perceptron, data, { rule, theta, learningRate, shuffle: seed % 5 === 0 }, 5000, seed);
      const m = { ...run.latest.metrics, ...run.model.finalReport!().metrics };
      expect(run.status.outcome, `seed ${seed}`).toBe('solved');
      expect(m['mistakes']!, `seed ${seed}`).toBeLessThanOrEqual(m['mistakeBound']!);
      if (m['mistakes']! > m['mistakeBound']! / 10) tight++;
    }
    // not a vacuous check: some runs come within a factor of 10 of the bound
    expect(tight).toBeGreaterThan(0);
  });

  it('gives no bound when training does not start at w = 0, or the data are not separable', () => {
    const z = novikoff([[1, 0], [1, 1]], [1, -1], { rule: 'difference', theta: 0, eta: 1, zeroStart: false });
    expect(z.bound).toBeNull();
    expect(z.formula).toMatch(/w = 0/);
    const xor = novikoff([[1, 0, 0], [1, 0, 1], [1, 1, 0], [1, 1, 1]], [-1, 1, 1, -1], { rule: 'difference', theta: 0, eta: 1, zeroStart: true });
    expect(xor.separable).toBe(false);
    expect(xor.bound).toBeNull();
  });
});

describe('the max-margin solve is bounded', () => {
  it('declines data beyond its size with a reason instead of running for ever', () => {
    const X = Array.from({ length: 300 }, (_, i) => Array.from({ length: 400 }, (_, j) => ((i * 7 + j * 13) % 5) - 2));
    const b = novikoff(X, X.map((_, i) => (i % 2 ? 1 : -1)), { rule: 'difference', theta: 0, eta: 1, zeroStart: true });
    expect(b.bound).toBeNull();
    expect(b.formula).toMatch(/^margin not computed: 300 patterns of 400 numbers/);
  });
});
