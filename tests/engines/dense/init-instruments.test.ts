import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { computeGradients, createNetwork, instruments, toFlat, weightsToJson } from '../../../src/engines/dense/index.js';

describe('initial weights', () => {
  it('explicit weights are [out][1 + in] rows with the bias first, and round-trip', () => {
    const weights = [[[-0.4, 0.6, 0.6], [0.6, -0.5, -0.5]], [[-0.4, 0.6, 0.6]]];
    const net = createNetwork({ sizes: [2, 2, 1], weights }, createRng(1));
    expect(weightsToJson(net.w, net.sizes)).toEqual(weights);
    // z = w0 + w1 x1 + w2 x2 on x = (1, 0)
    net.load(toFlat([[1, 0]]), null, null, 0, 1);
    net.forward(1, false);
    expect(net.z[1]![0]).toBeCloseTo(0.2, 15);
    expect(net.z[1]![1]).toBeCloseTo(0.1, 15);
  });

  it('explains shapes that do not fit', () => {
    const rng = createRng(1);
    expect(() => createNetwork({ sizes: [2, 2, 1], weights: [[[0, 1]], [[0, 1]]] }, rng)).toThrow(/describe layers 1-1-1/);
    expect(() => createNetwork({ sizes: [2, 1], weights: [[[0, 1, 'x']]] }, rng)).toThrow(/weights\[0\]\[0\]\[2\]/);
    expect(() => createNetwork({ sizes: [2, 2, 1], weights: [[[0, 1, 2], [0, 1]], [[0, 1, 2]]] }, rng)).toThrow(
      /weights\[0\]\[1\]: expected 3 numbers/,
    );
  });

  it.each([
    ['uniform', 0.3, 0.3],
    ['standard', 0, 1 / Math.sqrt(50)],
    ['glorot-uniform', 0, Math.sqrt(6 / 80)],
  ] as const)('%s draws stay inside their bound', (init, initRange, bound) => {
    const net = createNetwork({ sizes: [50, 30], init, initRange }, createRng(init));
    const max = net.w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(max).toBeLessThanOrEqual(bound);
    expect(max).toBeGreaterThan(0.9 * bound);
  });

  it('he has sd √(2/fan_in) and zero biases; same seed, same weights', () => {
    const net = createNetwork({ sizes: [200, 100], init: 'he' }, createRng(5));
    const ws = net.w.filter((_, p) => p % 201 !== 0);
    const sd = Math.sqrt(ws.reduce((s, v) => s + v * v, 0) / ws.length);
    expect(sd).toBeGreaterThan(0.95 * Math.sqrt(2 / 200));
    expect(sd).toBeLessThan(1.05 * Math.sqrt(2 / 200));
    expect(net.w.filter((_, p) => p % 201 === 0).every((b) => b === 0)).toBe(true);
    expect([...createNetwork({ sizes: [200, 100], init: 'he' }, createRng(5)).w]).toEqual([...net.w]);
  });
});

describe('instruments', () => {
  it('reads dead ReLUs, zeros and saturation from the last chunk', () => {
    // hidden unit 0 is dead (z = −1 − x1 − x2 < 0 on positive inputs), unit 1 is alive; the
    // sigmoid output sees z = 10 + … : saturated (|z| > 4)
    const weights = [[[-1, -1, -1], [0, 1, 1]], [[10, 1, 1]]];
    const net = createNetwork({ sizes: [2, 2, 1], hidden: 'relu', weights }, createRng(1));
    const X = toFlat([[1, 2], [0.5, 0.5], [2, 0]]);
    const T = toFlat([[1], [1], [0]]);
    // the instruments read the chunk the pass they are handed left in the buffers (no backward here)
    const { pass } = net.evaluate(X, T, 3);
    const m = instruments(net, { ...pass, deltaRows: 0, scale: 1 });
    expect(m.rows).toBe(3);
    expect(m.deadRelu).toEqual([0.5, 0]);
    expect(m.zeroShare).toEqual([0.5, 0]);
    expect(m.saturation).toEqual([0, 1]);
    expect(m.weightNorm[1]).toBeCloseTo(Math.sqrt(102), 14);
  });

  it('computeGradients leaves the weights alone and matches the training gradient', () => {
    const net = createNetwork({ sizes: [2, 3, 1], hidden: 'tanh', init: 'glorot-uniform' }, createRng(2));
    const X = toFlat([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const T = toFlat([[0], [1], [1], [0]]);
    const w0 = [...net.w];
    const grads = computeGradients(net, X, T, 4);
    expect([...net.w]).toEqual(w0);
    expect(grads.gradNorm).toHaveLength(2);
    expect(grads.meanAbsDelta[1]).toBeGreaterThan(0);
    net.trainEpoch(X, T, 4, { eta: 0, batchSize: 0 });
    // the full-batch update averaged the gradient: scale 1/4
    expect(instruments(net, { ...grads.pass, scale: 1 / 4 }).gradNorm).toEqual(grads.gradNorm);
  });
});
