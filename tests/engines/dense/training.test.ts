import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { type NetworkConfig, createNetwork, toFlat } from '../../../src/engines/dense/index.js';

const xorX = toFlat([[0, 0], [0, 1], [1, 0], [1, 1]]);
const xorT = toFlat([[0], [1], [1], [0]]);
const rumelhart: NetworkConfig = {
  sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid', loss: 'mse', init: 'uniform', initRange: 0.5, maxBatch: 4,
};

function learnXor(seed: number) {
  const net = createNetwork(rumelhart, createRng(seed));
  const losses: number[] = [];
  for (let e = 0; e < 400; e++) losses.push(net.trainEpoch(xorX, xorT, 4, { eta: 0.5, momentum: 0.9, batchSize: 1 }));
  return { net, losses };
}

describe('training', () => {
  it('a 2-2-1 sigmoid net with momentum learns XOR (seed 0), identically on a replay', () => {
    const first = learnXor(0);
    const result = first.net.evaluate(xorX, xorT, 4);
    expect(result.accuracy).toBe(1);
    expect(result.loss).toBeLessThan(0.01);
    const second = learnXor(0);
    expect([...second.net.w]).toEqual([...first.net.w]);
    expect(second.losses).toEqual(first.losses);
  });

  it('the buffer size does not change the arithmetic: chunked batches give identical weights', () => {
    const rng = createRng('chunks');
    const X = Float64Array.from({ length: 50 * 3 }, () => rng.range(-1, 1));
    const T = Float64Array.from({ length: 50 }, () => rng.int(2));
    const run = (maxBatch: number) => {
      const net = createNetwork({ sizes: [3, 5, 1], hidden: 'tanh', maxBatch }, createRng(1));
      for (let e = 0; e < 3; e++) net.trainEpoch(X, T, 50, { eta: 0.2, batchSize: 16, momentum: 0.5, weightDecay: 1e-3 });
      return [...net.w];
    };
    expect(run(3)).toEqual(run(16));
  });

  it('a summed gradient with η/n is the averaged gradient with η', () => {
    const run = (eta: number, average: boolean) => {
      const net = createNetwork(rumelhart, createRng(2));
      net.trainEpoch(xorX, xorT, 4, { eta, batchSize: 0, average });
      return [...net.w];
    };
    const summed = run(0.1, false);
    run(0.4, true).forEach((w, p) => expect(w).toBeCloseTo(summed[p]!, 14));
  });

  it('fixed order is the identity; shuffled order is a seeded permutation', () => {
    const seen = (seed: number) => {
      const net = createNetwork(rumelhart, createRng(seed));
      return [0, 1, 2].map(() => [...net.shuffledOrder(10)]);
    };
    expect(seen(1)).toEqual(seen(1));
    expect(seen(1)[0]).not.toEqual(seen(1)[1]);
    expect([...seen(1)[0]!].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('momentum: v ← μv − η∇, W ← W + v over two steps', () => {
    const net = createNetwork(rumelhart, createRng(3));
    const w0 = Float64Array.from(net.w);
    net.g.fill(1);
    net.update(1, 0.1, 0.9, 0);
    net.update(1, 0.1, 0.9, 0);
    // v1 = −0.1, v2 = 0.9·(−0.1) − 0.1 = −0.19: W moved by −0.29
    net.w.forEach((w, p) => expect(w).toBeCloseTo(w0[p]! - 0.29, 14));
  });

  it('weight decay shrinks weights but not biases', () => {
    const net = createNetwork({ ...rumelhart, weights: [[[1, 2, 3], [1, 2, 3]], [[1, 2, 3]]] }, createRng(1));
    net.g.fill(0);
    net.update(1, 0.5, 0, 0.1);
    expect([...net.w.subarray(0, 3)]).toEqual([1, 2 - 0.1, 3 - 0.15]);
  });
});
