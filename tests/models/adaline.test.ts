import { describe, expect, it } from 'vitest';
import { gate } from '../../src/data/datasets.js';
import { adaline, lmsBound } from '../../src/models/adaline.js';
import { build, train, vectorOf } from './helpers.js';

const OR = [-0.4, 0.6, 0.6];

describe('adaline', () => {
  it("one batch step from the OR weights on AND gives the lecture's (−0.54, 0.55, 0.55)", () => {
    const m = build(adaline, gate('AND'), { mode: 'batch', learningRate: 0.05, weights: OR });
    const rec = m.step!()!;
    rec.net.forEach((v, i) => expect(Math.abs(v - [-0.4, 0.2, 0.2, 0.8][i]!)).toBeLessThanOrEqual(1e-12));
    const w = vectorOf(m);
    [-0.54, 0.55, 0.55].forEach((v, j) => expect(Math.abs(w[j]! - v)).toBeLessThanOrEqual(1e-12));
  });

  it('the LMS bound for AND is 2/λmax with λmax = (7 + √33)/2', () => {
    const { lambdaMax, bound } = lmsBound(gate('AND').inputs);
    expect(lambdaMax).toBeCloseTo((7 + Math.sqrt(33)) / 2, 12);
    expect(bound).toBeCloseTo(4 / (7 + Math.sqrt(33)), 12);
  });

  it('diverges just above the bound with a reason that cites it, converges just below', () => {
    const { bound } = lmsBound(gate('AND').inputs);
    const above = train(adaline, gate('AND'), { mode: 'batch', learningRate: bound * 1.05 }, 2000);
    expect(above.status.outcome).toBe('diverged');
    expect(above.status.reason).toMatch(/above the stability bound 2\/λmax\(XᵀX\)/);
    const below = train(adaline, gate('AND'), { mode: 'batch', learningRate: bound * 0.95 }, 5000);
    expect(below.status.outcome).toBe('solved');
  });

  it('a huge learning rate is stopped as soon as a weight leaves the bound', () => {
    const run = train(adaline, gate('AND'), { mode: 'online', learningRate: 50 }, 1000);
    expect(run.status.outcome).toBe('diverged');
    // stopped at the first epoch whose weights leave the bound: the one before is still inside it
    const before = run.history.at(-2)!.weights!;
    expect(before.every((w) => Math.abs(w) <= 1e6)).toBe(true);
    expect(run.status.reason).toMatch(new RegExp(`at epoch ${run.epoch}$`));
  });

  it('online LMS on XOR settles near the least-squares weights and misclassifies', () => {
    const run = train(adaline, gate('XOR'), { mode: 'batch', learningRate: 0.1, weights: [0.3, -0.2, 0.5], tolerance: 1e-15 }, 3000);
    vectorOf(run.model).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-6));
    expect(run.latest.accuracy).toBeLessThanOrEqual(0.75);
  });

  it('learns AND online and classifies by the sign of w·x', () => {
    const run = train(adaline, gate('AND'), { mode: 'online', learningRate: 0.05 }, 3000);
    expect(run.status.outcome).toBe('solved');
    expect(run.model.evaluate(gate('AND')).predictions).toEqual([0, 0, 0, 1]);
  });
});
