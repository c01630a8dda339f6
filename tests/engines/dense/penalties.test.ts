/**
 * The L1 and L2 penalties (issue 25's live regularisation): one full-batch step with η = 1 and no
 * momentum moves every weight by minus the gradient of J(W) + λ/2‖W‖² + λ₁‖W‖₁ (biases not
 * penalised); that gradient is checked against central finite differences of the penalised loss.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { createNetwork } from '../../../src/engines/dense/index.js';

describe('the L1 and L2 penalties', () => {
  it('step along the gradient of J + λ/2‖W‖² + λ₁‖W‖₁ (finite differences, biases unpenalised)', () => {
    const rng = createRng('penalties');
    const sizes = [2, 3, 1];
    const n = 6;
    const X = Float64Array.from({ length: n * 2 }, () => rng.range(-1, 1));
    const T = Float64Array.from({ length: n }, () => rng.int(2));
    const lambda = 0.03;
    const lambda1 = 0.02;
    const net = createNetwork({ sizes, hidden: 'tanh', output: 'sigmoid', loss: 'mse', maxBatch: n }, createRng('w'));
    // bias positions: the first entry of every row [bias, w…]
    const bias = new Set<number>();
    for (let k = 1, p = 0; k < sizes.length; k++) for (let j = 0; j < sizes[k]!; j++, p += sizes[k - 1]! + 1) bias.add(p);
    const penalised = (w: Float64Array): number => {
      const saved = Float64Array.from(net.w);
      net.w.set(w);
      let J = net.evaluate(X, T, n).loss;
      net.w.set(saved);
      w.forEach((wi, p) => {
        if (!bias.has(p)) J += (lambda / 2) * wi * wi + lambda1 * Math.abs(wi);
      });
      return J;
    };
    const w0 = Float64Array.from(net.w);
    const h = 1e-6;
    const fd = Array.from(w0, (wi, p) => {
      const up = Float64Array.from(w0);
      const down = Float64Array.from(w0);
      up[p] = wi + h;
      down[p] = wi - h;
      return (penalised(up) - penalised(down)) / (2 * h);
    });
    net.trainBatch(X, T, null, 0, n, { eta: 1, weightDecay: lambda, l1: lambda1, average: true });
    const step = Array.from(net.w, (w, p) => w0[p]! - w);
    let checked = 0;
    step.forEach((g, p) => {
      expect(Math.abs(w0[p]!)).toBeGreaterThan(10 * h);
      expect(Math.abs(g - fd[p]!), `weight ${p}: ${g} vs ${fd[p]}`).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(g), 1e-2));
      checked++;
    });
    expect(checked).toBe(13);
    // the L1 term is there: without it the step differs by λ₁ sign W on every non-bias weight
    const plain = createNetwork({ sizes, hidden: 'tanh', output: 'sigmoid', loss: 'mse', maxBatch: n }, createRng('w'));
    plain.trainBatch(X, T, null, 0, n, { eta: 1, weightDecay: lambda, average: true });
    for (let p = 0; p < w0.length; p++) expect(plain.w[p]! - net.w[p]!).toBeCloseTo(bias.has(p) ? 0 : lambda1 * Math.sign(w0[p]!), 12);
  });
});
