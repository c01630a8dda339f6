import { describe, expect, it } from 'vitest';
import { gate, generate } from '../../src/data/datasets.js';
import { createRng } from '../../src/core/rng.js';
import { perceptron } from '../../src/models/perceptron.js';
import type { Dataset } from '../../src/core/types.js';
import { build, train, vectorOf } from './helpers.js';
import { saidText } from '../../src/core/said.js';

const OR = [-0.4, 0.6, 0.6];

describe('perceptron', () => {
  it("computes OR with the lecture's weights: outputs −1, 1, 1, 1", () => {
    const m = build(perceptron, gate('OR'), { weights: OR });
    expect(m.evaluate(gate('OR')).outputs.map((o) => o[0])).toEqual([-1, 1, 1, 1]);
  });

  it("replays the lecture's epoch pattern by pattern: OR weights + AND targets → (−0.6, 0.5, 0.5)", () => {
    const m = build(perceptron, gate('AND'), { weights: OR, learningRate: 0.05 });
    const steps = [m.step!()!, m.step!()!, m.step!()!, m.step!()!];
    expect(steps.map((s) => s.changed)).toEqual([false, true, true, false]);
    expect(steps[1]!.after[0]).toBeCloseTo(-0.5, 12);
    expect(steps[1]!.explain()).toBe('w ← w + η(t − o)x = (−0.4, 0.6, 0.6) + 0.05·(−1 − 1)·(1, 0, 1) = (−0.5, 0.6, 0.5)');
    const w = vectorOf(m);
    [-0.6, 0.5, 0.5].forEach((v, j) => expect(Math.abs(w[j]! - v)).toBeLessThanOrEqual(1e-12));
    expect(m.evaluate(gate('AND')).outputs.map((o) => o[0])).toEqual([-1, -1, -1, 1]);
    expect(m.describe!().map(saidText)[0]).toBe('decision boundary: −0.6 + 0.5·x1 + 0.5·x2 = 0');
  });

  it('converges on linearly separable blobs (any seed)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const data = generate('blobs', { n: 120, noise: 0.05, targets: 'bipolar' }, createRng(seed));
      const run = train(perceptron, data, { init: 'random', shuffle: true }, 200, seed);
      expect(run.status.outcome).toBe('solved');
      expect(run.latest.accuracy).toBe(1);
    }
  });

  it('cycles on XOR and is never better than 3 of 4', () => {
    for (const w of [[0, 0, 0], [0.3, -0.7, 0.2], [-1, 2, 0.5]]) {
      const run = train(perceptron, gate('XOR'), { weights: w, learningRate: 0.1 }, 1000);
      expect(run.status.outcome).toBe('cycling');
      expect(Math.max(...run.history.map((h) => h.accuracy))).toBeLessThanOrEqual(0.75);
    }
  });

  it('with reshuffling it cannot be called cycling: XOR is truncated', () => {
    const run = train(perceptron, gate('XOR'), { shuffle: true }, 50);
    expect(run.status.outcome).toBe('truncated');
  });

  it('works with 0/1 targets: o = 1 if w·x ≥ 0 else 0', () => {
    const run = train(perceptron, gate('AND', 'binary', 'binary'), { learningRate: 0.1 }, 100);
    expect(run.status.outcome).toBe('solved');
  });

  it('has a dead zone: |w·x| ≤ θ outputs 0, which counts as an error', () => {
    const m = build(perceptron, gate('AND'), { theta: 0.5, weights: OR });
    expect(m.evaluate(gate('AND')).outputs.map((o) => o[0])).toEqual([0, 0, 0, 1]);
    expect(() => build(perceptron, gate('AND', 'binary', 'binary'), { theta: 0.5 })).toThrow(/bipolar/);
  });

  it('photoperceptron: random association units make XOR learnable; same seed, same wiring', () => {
    const run = train(perceptron, gate('XOR'), { associationUnits: 40 }, 200, 5);
    expect(run.status.outcome).toBe('solved');
    const again = train(perceptron, gate('XOR'), { associationUnits: 40 }, 200, 5);
    expect(again.model.snapshot()).toEqual(run.model.snapshot());
  });

  /** Fausett's AND: binary inputs, bipolar targets, in her order (1,1), (1,0), (0,1), (0,0). */
  const fausett: Dataset = {
    name: 'AND', inputs: [[1, 1], [1, 0], [0, 1], [0, 0]], targets: [[1], [-1], [-1], [-1]], labels: [1, 0, 0, 0], classes: 2,
    inputEncoding: 'binary', targetEncoding: 'bipolar', featureNames: ['x1', 'x2'],
  };

  it("the mistake form with Fausett's undecided band: epoch 1 ends at (b, w1, w2) = (−1, 0, 0), training at (−4, 2, 3)", () => {
    const m = build(perceptron, fausett, { rule: 'mistake', learningRate: 1, theta: 0.2 });
    const steps = [m.step!()!, m.step!()!, m.step!()!, m.step!()!];
    expect(steps[0]!.explain()).toBe('o = 0 ≠ t: w ← w + η·t·x = (0, 0, 0) + 1·1·(1, 1, 1) = (1, 1, 1)');
    expect(steps[1]!.explain()).toBe('o = 1 ≠ t: w ← w + η·t·x = (1, 1, 1) + 1·(−1)·(1, 1, 0) = (0, 0, 1)');
    expect(steps[3]!.explain()).toBe('o = t = −1: no mistake, w unchanged (−1, 0, 0)');
    expect(vectorOf(m)).toEqual([-1, 0, 0]);
    const run = train(perceptron, fausett, { rule: 'mistake', learningRate: 1, theta: 0.2 }, 100);
    expect(vectorOf(run.model)).toEqual([-4, 2, 3]);
    expect(run.epoch).toBe(9);
    expect(run.latest.metrics['mistakes']).toBe(22);
  });

  it('with ±1 targets and no band the difference form is the mistake form with 2η, step for step', () => {
    const a = build(perceptron, gate('AND'), { rule: 'difference', learningRate: 0.5 });
    const b = build(perceptron, gate('AND'), { rule: 'mistake', learningRate: 1 });
    for (let k = 0; k < 40; k++) {
      const [sa, sb] = [a.step!()!, b.step!()!];
      expect(sa.o).toEqual(sb.o);
      expect(sa.after).toEqual(sb.after);
    }
    expect(() => build(perceptron, gate('AND', 'binary', 'binary'), { rule: 'mistake' })).toThrow(/bipolar/);
  });

  it("Novikoff's bound on the lecture's AND from w = 0: 11 mistakes ≤ (R/γ)² = 3 · 17 = 51, on screen and in the report", () => {
    const run = train(perceptron, gate('AND'), { learningRate: 1 }, 100);
    const report = run.model.finalReport!();
    expect(run.latest.metrics['mistakes']).toBe(11);
    expect(report.metrics!['mistakeBound']).toBeCloseTo(51, 10);
    expect(report.metrics!['radius']).toBeCloseTo(Math.sqrt(3), 14);
    expect(report.metrics!['margin']).toBeCloseTo(1 / Math.sqrt(17), 14);
    expect(run.model.describe!().map(saidText).at(-1)).toBe('Novikoff: 11 mistakes ≤ (R/γ)² = 51, R = max ‖(x0 = 1, x)‖ = 1.73205, γ = 0.242536');
    expect(build(perceptron, gate('XOR')).finalReport!().metrics!['separable']).toBe(0);
  });

  it("Rosenblatt's wiring: 0/1 inputs only; the firing share and P_a are reported", () => {
    expect(() => build(perceptron, gate('AND', 'bipolar', 'bipolar'), { associationUnits: 10, associationWiring: 'rosenblatt' })).toThrow(/0\/1/);
    const m = build(perceptron, gate('XOR'), { associationUnits: 2000, associationWiring: 'rosenblatt', excitatory: 2, inhibitory: 0, associationThreshold: 1 });
    const r = m.finalReport!().metrics!;
    // (0,0) fires nothing; one lit point of two: 1 − ½² = ¾; both lit: every unit. Mean (0 + ¾ + ¾ + 1)/4
    expect(r['firingProbability']).toBeCloseTo(0.625, 14);
    expect(Math.abs(r['firingShare']! - 0.625)).toBeLessThan(0.03);
  });

  it('refuses explicit weights of the wrong length', () => {
    expect(() => build(perceptron, gate('AND'), { weights: [1, 2] })).toThrow('weights: perceptron has 2 values here but this data needs 3');
  });
});

describe('the max-margin solve: only when asked, and bounded (issue 18)', () => {
  it('200,000 rows build and report at once: no Math.max(...rows), the margin beyond the solver is "not computed"', () => {
    const n = 200_000;
    const data: Dataset = {
      name: 'many', inputs: Array.from({ length: n }, (_, i) => [i % 2 ? 1 : -1, (i % 7) / 7]), targets: Array.from({ length: n }, (_, i) => [i % 2 ? 1 : -1]),
      labels: Array.from({ length: n }, (_, i) => i % 2), classes: 2, inputEncoding: 'real', targetEncoding: 'bipolar', featureNames: ['x1', 'x2'],
    };
    const model = perceptron.create({ data, params: { ...defaults(), learningRate: 1 } as never, rng: createRng(1) });
    const report = model.finalReport!();
    expect(report.metrics).not.toHaveProperty('separable');
    expect((report.sections!['novikoff'] as { formula: string }).formula).toMatch(/^margin not computed: 200000 patterns of 3 numbers/);
  });

  it('200 rows × 10,000 features: beyond the solver\'s work bound, so never minutes of solving', () => {
    const rng = createRng(2);
    const data: Dataset = {
      name: 'wide', inputs: Array.from({ length: 200 }, () => Array.from({ length: 10_000 }, () => rng.normal())), targets: Array.from({ length: 200 }, (_, i) => [i % 2 ? 1 : -1]),
      labels: Array.from({ length: 200 }, (_, i) => i % 2), classes: 2, inputEncoding: 'real', targetEncoding: 'bipolar', featureNames: Array.from({ length: 10_000 }, (_, j) => `x${j + 1}`),
    };
    const model = perceptron.create({ data, params: defaults() as never, rng: createRng(1) });
    expect((model.finalReport!().sections!['novikoff'] as { formula: string }).formula).toMatch(/^margin not computed/);
  });
});

function defaults() {
  return Object.fromEntries(Object.entries(perceptron.meta.params).map(([k, spec]) => [k, spec.default]));
}
