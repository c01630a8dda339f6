import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { type NetworkConfig, createNetwork } from '../../../src/engines/dense/index.js';

/** Bits of every entry, so −0 / NaN payloads count as differences. */
const bits = (x: Float64Array): bigint[] => [...new BigUint64Array(Float64Array.from(x).buffer)];

const SHAPES = [[2, 8, 8, 1], [3, 5, 2], [4, 16, 3], [1, 4, 4, 4, 2], [5, 3, 7, 4]] as const;
const HIDDEN = ['tanh', 'sigmoid', 'relu', 'leaky-relu', 'linear'] as const;
const OUTPUTS = [['sigmoid', 'mse'], ['sigmoid', 'bce'], ['linear', 'mse'], ['tanh', 'mse'], ['relu', 'mse']] as const;

function pair(config: NetworkConfig): ReturnType<typeof createNetwork>[] {
  const fast = createNetwork(config, createRng('compiled'));
  const slow = createNetwork(config, createRng('compiled'));
  slow.chunk = null;
  return [fast, slow];
}

describe('specialised training chunks', () => {
  it('match the generic kernels bit for bit (weights, gradient, buffers, losses)', () => {
    const rng = createRng('compiled-data');
    let cases = 0;
    for (const sizes of SHAPES) {
      const n = 23;
      // some exact zeros in the inputs and targets, and relu units that die, exercise the skips
      const X = Float64Array.from({ length: n * sizes[0] }, () => (rng.uniform() < 0.15 ? 0 : rng.range(-2, 2)));
      const out = sizes[sizes.length - 1]!;
      const T = Float64Array.from({ length: n * out }, () => (rng.uniform() < 0.5 ? 0 : 1));
      for (const [hi, hidden] of HIDDEN.entries()) {
        const [output, loss] = OUTPUTS[hi]!;
        for (const maxBatch of [4, 10]) {
          for (const [batchSize, momentum, weightDecay, shuffle] of [[1, 0, 0, false], [3, 0.9, 0, true], [10, 0.5, 1e-3, false], [5, 0, 0, true], [4, 0, 0, false]] as const) {
            const [fast, slow] = pair({ sizes: [...sizes], hidden, output, loss, init: 'glorot-uniform', maxBatch });
            expect(fast!.chunk).not.toBeNull();
            const opts = { eta: 0.3, batchSize, momentum, weightDecay, shuffle, average: batchSize !== 3 };
            for (let e = 0; e < 4; e++) expect(fast!.trainEpoch(X, T, n, opts)).toBe(slow!.trainEpoch(X, T, n, opts));
            expect(bits(fast!.w)).toEqual(bits(slow!.w));
            expect(bits(fast!.g)).toEqual(bits(slow!.g));
            for (const k of sizes.keys()) {
              expect(bits(fast!.a[k]!)).toEqual(bits(slow!.a[k]!));
              expect(bits(fast!.z[k]!)).toEqual(bits(slow!.z[k]!));
              expect(bits(fast!.delta[k]!)).toEqual(bits(slow!.delta[k]!));
            }
            expect(bits(fast!.t)).toEqual(bits(slow!.t));
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(SHAPES.length * HIDDEN.length * 2 * 5);
  });

  it('fall back to the generic kernels with dropout, softmax, wide layers or forward-only nets', () => {
    const base = { sizes: [2, 8, 1], hidden: 'tanh', output: 'sigmoid', loss: 'mse' } as const;
    const rng = (): ReturnType<typeof createRng> => createRng('fallback');
    expect(createNetwork(base, rng()).chunk).not.toBeNull();
    expect(createNetwork({ ...base, keepHidden: 0.8 }, rng()).chunk).toBeNull();
    expect(createNetwork({ ...base, sizes: [2, 8, 3], output: 'softmax', loss: 'ce' }, rng()).chunk).toBeNull();
    expect(createNetwork({ ...base, sizes: [2, 64, 1] }, rng()).chunk).toBeNull();
    expect(createNetwork({ ...base, hidden: 'step-bipolar', trainable: false }, rng()).chunk).toBeNull();
  });

  it('with dropout the generic path gives the same results as before (masks from the Rng)', () => {
    const X = Float64Array.from({ length: 20 }, (_, i) => Math.sin(i));
    const T = Float64Array.from({ length: 10 }, (_, i) => i % 2);
    const [a, b] = pair({ sizes: [2, 6, 1], hidden: 'relu', output: 'sigmoid', loss: 'mse', keepHidden: 0.7, maxBatch: 3 });
    const opts = { eta: 0.1, batchSize: 3 };
    expect(a!.trainEpoch(X, T, 10, opts)).toBe(b!.trainEpoch(X, T, 10, opts));
    expect(bits(a!.w)).toEqual(bits(b!.w));
  });
});
