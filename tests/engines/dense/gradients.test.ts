import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import {
  type ActivationName, type LossName, type OutputActivation, computeGradients, createNetwork,
} from '../../../src/engines/dense/index.js';

const h = 1e-5;

/** Random rows X (n × d) and targets T (n × c) of the kind each loss expects. */
function randomData(seed: string, n: number, d: number, c: number, loss: LossName, output: OutputActivation) {
  const rng = createRng(seed);
  const X = Float64Array.from({ length: n * d }, () => rng.range(-2, 2));
  const T = new Float64Array(n * c);
  for (let r = 0; r < n; r++) {
    if (loss === 'ce') T[r * c + rng.int(c)] = 1;
    else for (let k = 0; k < c; k++) T[r * c + k] = output === 'sigmoid' ? rng.uniform() : rng.range(-1, 1);
  }
  return { X, T };
}

const pairings: { output: OutputActivation; loss: LossName; hidden: ActivationName[] }[] = [
  { output: 'sigmoid', loss: 'mse', hidden: ['sigmoid', 'tanh'] },
  { output: 'sigmoid', loss: 'bce', hidden: ['relu', 'sigmoid'] },
  { output: 'softmax', loss: 'ce', hidden: ['tanh', 'leaky-relu'] },
  { output: 'linear', loss: 'mse', hidden: ['leaky-relu', 'relu'] },
  { output: 'tanh', loss: 'mse', hidden: ['linear', 'sigmoid'] },
];
const shapes = [
  [3, 4, 5, 2],
  [2, 3, 6, 3],
  [4, 5, 2, 4],
];

describe('backward pass against central finite differences of the loss', () => {
  for (const { output, loss, hidden } of pairings) {
    for (const [si, shape] of shapes.entries()) {
      it(`${output} + ${loss}, hidden ${hidden.join('/')}, ${shape.join('-')}`, () => {
        const seed = `${output}/${loss}/${si}`;
        const net = createNetwork(
          { sizes: shape, hidden, output, loss, init: 'glorot-normal', maxBatch: 4 },
          createRng(seed),
        );
        // biases start at 0 under glorot: give them values so their gradients are tested too
        const rng = createRng(`${seed}/w`);
        net.w.forEach((_, p) => (net.w[p] = rng.range(-1, 1)));
        const n = 7; // more rows than maxBatch: the gradient is accumulated over chunks
        const { X, T } = randomData(seed, n, shape[0]!, shape.at(-1)!, loss, output);
        const { pass } = computeGradients(net, X, T, n, true);
        const grad = Float64Array.from(net.g, (v) => v * pass.scale);
        for (let p = 0; p < net.w.length; p++) {
          const w0 = net.w[p]!;
          net.w[p] = w0 + h;
          const jPlus = net.evaluate(X, T, n).loss;
          net.w[p] = w0 - h;
          const jMinus = net.evaluate(X, T, n).loss;
          net.w[p] = w0;
          const fd = (jPlus - jMinus) / (2 * h);
          const g = grad[p]!;
          expect(Math.abs(g - fd), `weight ${p}: ${g} vs ${fd}`).toBeLessThanOrEqual(
            1e-6 * Math.max(Math.abs(g), Math.abs(fd), 1e-3),
          );
        }
      });
    }
  }

  it('one momentum-free step moves every weight by −η ∂J/∂W', () => {
    const shape = [3, 4, 2];
    const net = createNetwork({ sizes: shape, hidden: 'tanh', output: 'sigmoid', loss: 'mse', maxBatch: 8 }, createRng(5));
    const { X, T } = randomData('step', 6, 3, 2, 'mse', 'sigmoid');
    const w0 = Float64Array.from(net.w);
    computeGradients(net, X, T, 6, true);
    const grad = Float64Array.from(net.g, (v) => v / 6);
    net.trainEpoch(X, T, 6, { eta: 0.3, batchSize: 0 });
    net.w.forEach((w, p) => expect(w).toBeCloseTo(w0[p]! - 0.3 * grad[p]!, 14));
  });
});

describe('softmax + cross-entropy', () => {
  it('delta of the output layer is p − y exactly', () => {
    const net = createNetwork({ sizes: [3, 5, 4], hidden: 'tanh', output: 'softmax', loss: 'ce' }, createRng(2));
    const { X, T } = randomData('softmax', 5, 3, 4, 'ce', 'softmax');
    net.load(X, T, null, 0, 5);
    const pass = net.forward(5, false);
    net.g.fill(0);
    net.backward(pass);
    const p = net.a[2]!;
    for (let e = 0; e < 20; e++) expect(net.delta[2]![e]).toBe(p[e]! - T[e]!);
    for (let r = 0; r < 5; r++) expect(p.subarray(r * 4, r * 4 + 4).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
  });
});
