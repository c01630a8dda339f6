import { describe, expect, it } from 'vitest';
import { gate } from '../../src/data/datasets.js';
import { logistic, sigmoid } from '../../src/models/logistic.js';
import { build, train, vectorOf } from './helpers.js';

describe('logistic', () => {
  it('the batch step is w_j ← w_j + η Σ (y − p) x_j', () => {
    const m = build(logistic, gate('AND', 'binary', 'binary'), { learningRate: 0.5 });
    m.step!();
    // From w = 0 every p = ½, so y − p = (−½, −½, −½, ½) and Σ (y − p) x = (−1, 0, 0).
    expect(vectorOf(m)).toEqual([-0.5, 0, 0]);
  });

  it('the gradient matches finite differences of the cross-entropy', () => {
    const data = gate('OR', 'binary', 'binary');
    const w = [0.3, -0.2, 0.7];
    const loss = (v: number[]) => build(logistic, data, { weights: v }).evaluate(data).loss;
    const X = data.inputs.map((x) => [1, ...x]);
    const grad = [0, 1, 2].map((j) => -X.reduce((s, x, i) => s + (data.labels[i]! - sigmoid(w[0]! * x[0]! + w[1]! * x[1]! + w[2]! * x[2]!)) * x[j]!, 0));
    grad.forEach((g, j) => {
      const h = 1e-6;
      const plus = [...w];
      const minus = [...w];
      plus[j]! += h;
      minus[j]! -= h;
      expect(Math.abs((loss(plus) - loss(minus)) / (2 * h) - g)).toBeLessThan(1e-6 * Math.max(1, Math.abs(g)));
    });
  });

  it('learns AND and fails XOR', () => {
    expect(train(logistic, gate('AND', 'binary', 'binary'), {}, 500).status.outcome).toBe('solved');
    const xor = train(logistic, gate('XOR', 'binary', 'binary'), {}, 300);
    expect(xor.status.outcome).not.toBe('solved');
    expect(xor.latest.accuracy).toBeLessThanOrEqual(0.75);
  });

  it('reads bipolar targets as 0/1', () => {
    expect(train(logistic, gate('AND'), {}, 500).status.outcome).toBe('solved');
  });
});
