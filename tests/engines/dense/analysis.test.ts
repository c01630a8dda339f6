/**
 * Per-layer statistics, the collapsed map of linear layers, Monte-Carlo dropout and the per-unit
 * view's hidden activations against the reference engine's passes, and step hidden units trained with derivative 0.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { computeGradients, createNetwork, toFlat, weightsToJson } from '../../../src/engines/dense/index.js';
import { collapsedMap, hiddenActivations, layerStatistics, outputNetInputs } from '../../../src/engines/dense/analysis.js';
import { meanAbsGap, monteCarlo, referenceOf } from '../../../src/engines/dense/monte-carlo.js';
import { type ReferenceNet, forward, trainEpoch } from '../../../src/engines/dense/reference.js';

const bits = (x: ArrayLike<number>): bigint[] => [...new BigUint64Array(Float64Array.from(x).buffer)];
const XOR = toFlat([[0, 0], [0, 1], [1, 0], [1, 1]]);

describe('layer statistics', () => {
  it('counts exact zeros, dead units and the weight variance of a hand-wired ReLU layer', () => {
    // unit 1: z = x1 − x2 (0 on three of four rows); unit 2: z = −1 − x1 (always < 0: dead); unit 3: z = 1 (never 0)
    const weights = [[[0, 1, -1], [-1, -1, 0], [1, 0, 0]], [[0, 1, 1, 1]]];
    const net = createNetwork({ sizes: [2, 3, 1], hidden: 'relu', weights }, createRng(1));
    const [h, o] = layerStatistics(net, XOR, 4, Float64Array.from(net.w));
    expect(h).toMatchObject({ layer: 1, units: 3, activation: 'relu', zeroShare: 7 / 12, deadUnits: 1, weightChange: 0 });
    // the six non-bias weights 1, −1, −1, 0, 0, 0: mean −1/6, mean square 1/2, variance 1/2 − 1/36
    expect(h!.weightVariance).toBeCloseTo(1 / 2 - 1 / 36, 15);
    expect(o).toMatchObject({ layer: 2, zeroShare: 0, deadUnits: 0 });
    expect(o!.weightVariance).toBe(0);
  });

  it('gives the output net inputs z^L of every row, chunk by chunk', () => {
    const weights = [[[0.5, 1, -2]], [[-1, 3]]];
    const net = createNetwork({ sizes: [2, 1, 1], hidden: 'linear', weights, maxBatch: 3 }, createRng(1));
    // z² = −1 + 3·(0.5 + x1 − 2·x2)
    expect(Array.from(outputNetInputs(net, XOR, 4))).toEqual([0.5, -5.5, 3.5, -2.5]);
  });
});

describe('the collapsed map of linear hidden layers', () => {
  it('is the product of the homogeneous weight matrices, and equals z^L on every input', () => {
    const rng = createRng('collapse');
    for (let c = 0; c < 20; c++) {
      const sizes = [1 + rng.int(4), 1 + rng.int(5), 1 + rng.int(5), 1 + rng.int(3)];
      const net = createNetwork({ sizes, hidden: 'linear', output: 'sigmoid', init: 'uniform', initRange: 1 }, createRng(`c${c}`));
      const map = collapsedMap(net)!;
      expect(map.length).toBe(sizes[3]);
      const X = Float64Array.from({ length: 5 * sizes[0]! }, () => rng.range(-2, 2));
      const z = outputNetInputs(net, X, 5);
      for (let r = 0; r < 5; r++) {
        map.forEach((w, j) => {
          const v = w.reduce((s, wi, i) => s + wi * (i === 0 ? 1 : X[r * sizes[0]! + i - 1]!), 0);
          expect(Math.abs(v - z[r * sizes[3]! + j]!)).toBeLessThan(1e-12);
        });
      }
    }
    expect(collapsedMap(createNetwork({ sizes: [2, 3, 1], hidden: 'tanh' }, createRng(1)))).toBeNull();
  });

  it('by hand: W¹ = [1 2 3] (bias 1), W² = [4 5] (bias 4) collapse to 4 + 5·(1 + 2x1 + 3x2) = (9, 10, 15)', () => {
    const net = createNetwork({ sizes: [2, 1, 1], hidden: 'linear', weights: [[[1, 2, 3]], [[4, 5]]] }, createRng(1));
    expect(collapsedMap(net)).toEqual([[9, 10, 15]]);
  });
});

describe('Monte-Carlo dropout', () => {
  it('draws the reference engine\'s masks: each average is the mean of the reference\'s masked passes, bit for bit', () => {
    const rng = createRng('mc');
    for (let c = 0; c < 30; c++) {
      const sizes = [1 + rng.int(4), 1 + rng.int(8), ...(rng.uniform() < 0.5 ? [1 + rng.int(6)] : []), rng.uniform() < 0.3 ? 3 : 1];
      const L = sizes.length - 1;
      const output = sizes[L] === 3 ? 'softmax' : 'sigmoid';
      const hidden = (['relu', 'tanh', 'sigmoid', 'linear', 'leaky-relu'] as const)[rng.int(5)]!;
      const keepInput = rng.uniform() < 0.5 ? 1 : 0.6 + rng.uniform() * 0.4;
      const keepHidden = 0.3 + rng.uniform() * 0.7;
      const net = createNetwork({ sizes, hidden, output, loss: output === 'softmax' ? 'ce' : 'mse', keepInput, keepHidden, init: 'he' }, createRng(`w${c}`));
      const rows = Array.from({ length: 1 + rng.int(6) }, () => Array.from({ length: sizes[0]! }, () => rng.range(-2, 2)));
      const ks = [1, 2, 5];
      const curve = monteCarlo(net, rows, ks, createRng(`m${c}`));
      const ref: ReferenceNet = referenceOf(net);
      const refRng = createRng(`m${c}`);
      expect(bits(curve.scaled.flat())).toEqual(bits(forward(ref, rows, null).a[L]!.flat()));
      const sum = new Float64Array(rows.length * sizes[L]!);
      for (let s = 1; s <= 5; s++) {
        forward(ref, rows, refRng).a[L]!.flat().forEach((v, e) => (sum[e]! += v));
        if (ks.includes(s)) expect(bits(curve.averages.get(s)!.flat()), `config ${c}, k = ${s}`).toEqual(bits(Array.from(sum, (v) => v * (1 / s))));
      }
    }
  });

  it('with every unit kept, each masked pass is the weight-scaled pass: the gap is exactly 0', () => {
    const net = createNetwork({ sizes: [2, 6, 1], hidden: 'relu' }, createRng(3));
    const curve = monteCarlo(net, [[0.1, 0.2], [-1, 1]], [1, 7], createRng(4));
    expect(meanAbsGap(curve.averages.get(7)!, curve.scaled)).toBeLessThan(1e-15);
  });
});

describe('hidden activations of one row (the lab\'s per-unit view)', () => {
  it('are the reference\'s hidden a^k bit for bit, and leave the network\'s own buffers untouched', () => {
    const rng = createRng('hidden');
    for (let c = 0; c < 30; c++) {
      const sizes = [1 + rng.int(4), 1 + rng.int(8), ...(rng.uniform() < 0.5 ? [1 + rng.int(6)] : []), rng.uniform() < 0.3 ? 3 : 1];
      const L = sizes.length - 1;
      const output = sizes[L] === 3 ? 'softmax' : 'sigmoid';
      const hidden = (['relu', 'tanh', 'sigmoid', 'linear', 'leaky-relu'] as const)[rng.int(5)]!;
      const net = createNetwork({ sizes, hidden, output, loss: output === 'softmax' ? 'ce' : 'mse', keepHidden: 0.5, init: 'he' }, createRng(`h${c}`));
      const before = net.a.map((a) => Float64Array.from(a));
      const x = Array.from({ length: sizes[0]! }, () => rng.range(-2, 2));
      const want = forward(referenceOf(net), [x], null).a.slice(1, L).map((rows) => rows[0]!);
      const got = hiddenActivations(net, x);
      expect(got.map((a) => bits(a)), `config ${c}`).toEqual(want.map((a) => bits(a)));
      expect(net.a.map((a) => bits(a))).toEqual(before.map((a) => bits(a)));
    }
  });
});

describe('step hidden units under back-propagation', () => {
  it('train bit for bit as the reference engine does, and ∂J/∂W¹ is 0, as finite differences say', () => {
    const config = { sizes: [2, 4, 3, 1], hidden: ['step-bipolar', 'tanh'] as ['step-bipolar', 'tanh'], init: 'uniform' as const, initRange: 1 };
    const weights = weightsToJson(createNetwork(config, createRng('init')).w, config.sizes);
    const net = createNetwork({ ...config, weights }, createRng('s'));
    const T = toFlat([[0], [1], [1], [0]]);
    const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const ref = referenceOf(net);
    const opts = { eta: 0.3, momentum: 0.5, weightDecay: 0, batchSize: 1, average: true, shuffle: false };
    for (let e = 0; e < 5; e++) {
      trainEpoch(ref, X, [[0], [1], [1], [0]], opts, createRng('r'));
      net.trainEpoch(XOR, T, 4, opts);
      expect(bits(net.w)).toEqual(bits(ref.W.flat(2)));
    }
    const { loss } = computeGradients(net, XOR, T, 4, false);
    const w1 = net.offsets[1]!;
    expect(Array.from(net.g.subarray(0, w1)).every((g) => g === 0)).toBe(true);
    for (let p = 0; p < w1; p++) {
      const keep = net.w[p]!;
      // a step small enough that no z^1 crosses 0: the loss does not change at all
      net.w[p] = keep + 1e-7;
      const up = computeGradients(net, XOR, T, 4, false).loss;
      net.w[p] = keep - 1e-7;
      const down = computeGradients(net, XOR, T, 4, false).loss;
      net.w[p] = keep;
      expect((up - down) / 2e-7).toBe(0);
      expect(up).toBe(loss);
    }
  });
});
