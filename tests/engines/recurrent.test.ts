/**
 * The recurrent engines (src/engines/recurrent): every parameter's BPTT gradient against central
 * finite differences, the carried gradient's norms against their definition, and the fast paths
 * trained bit for bit against the short reference (reference.ts) on random configurations.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/core/rng.js';
import { sgdStep, type RecurrentNet } from '../../src/engines/recurrent/common.js';
import { ElmanNet, elmanInit, elmanLayout, type ElmanShape } from '../../src/engines/recurrent/elman.js';
import { LstmNet, lstmInit, lstmLayout, type LstmShape } from '../../src/engines/recurrent/lstm.js';
import { elmanReferenceStep, lstmReferenceStep } from '../../src/engines/recurrent/reference.js';

const sequence = (rng: Rng, T: number, D: number): number[] => Array.from({ length: T * D }, () => rng.range(-1, 1));

/** J = ½‖y − target‖² at θ. */
function loss(net: RecurrentNet, x: number[], T: number, target: number[]): number {
  const y = net.forward(x, T);
  return target.reduce((s, v, k) => s + 0.5 * (y[k]! - v) ** 2, 0);
}

/** The largest relative error of ∂J/∂θ_j against (J(θ + h e_j) − J(θ − h e_j)) / 2h, over every j. */
function gradientError(net: RecurrentNet, x: number[], T: number, target: number[]): number {
  const y = net.forward(x, T);
  const dy = target.map((v, k) => y[k]! - v);
  net.grad.fill(0);
  net.backward(dy, 0);
  const analytic = Array.from(net.grad);
  let worst = 0;
  const h = 1e-6;
  for (let j = 0; j < net.theta.length; j++) {
    const w = net.theta[j]!;
    net.theta[j] = w + h;
    const plus = loss(net, x, T, target);
    net.theta[j] = w - h;
    const minus = loss(net, x, T, target);
    net.theta[j] = w;
    const numeric = (plus - minus) / (2 * h);
    worst = Math.max(worst, Math.abs(numeric - analytic[j]!) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[j]!)));
  }
  return worst;
}

const elmanShapes: ElmanShape[] = [
  { inputs: 1, hidden: 1, outputs: 1, activation: 'tanh' },
  { inputs: 2, hidden: 3, outputs: 1, activation: 'sigmoid' },
  { inputs: 3, hidden: 4, outputs: 2, activation: 'tanh' },
];
const lstmShapes: LstmShape[] = [
  { inputs: 1, cells: 1, outputs: 1, forgetGate: false },
  { inputs: 2, cells: 3, outputs: 1, forgetGate: false },
  { inputs: 2, cells: 2, outputs: 2, forgetGate: true },
];

describe('Elman BPTT', () => {
  it.each(elmanShapes)('matches finite differences for every parameter (D=$inputs, H=$hidden, O=$outputs, $activation)', (shape) => {
    const rng = createRng('elman-grad');
    const net = new ElmanNet(shape, elmanInit(shape, { range: 0.8, recurrent: 'orthogonal', scale: 1.2 }, rng));
    expect(gradientError(net, sequence(rng, 6, shape.inputs), 6, [0.5, -0.3].slice(0, shape.outputs))).toBeLessThan(1e-6);
  });

  it('records ‖∂J/∂h_{T−1−k}‖ as the carried gradient: one unit, ∂h_{T−1}/∂h_{t} = ∏ w (1 − h²)', () => {
    const shape: ElmanShape = { inputs: 1, hidden: 1, outputs: 1, activation: 'tanh' };
    const rng = createRng('elman-norms');
    const net = new ElmanNet(shape, elmanInit(shape, { range: 0.5, recurrent: 'identity', scale: 1.5 }, rng));
    const L = elmanLayout(shape);
    const T = 8;
    const x = sequence(rng, T, 1);
    const y = net.forward(x, T);
    const norms = new Float64Array(T);
    net.backward([y[0]! - 0.8], 0, norms);
    const w = net.theta[L.Whh]!;
    let product = Math.abs((y[0]! - 0.8) * net.theta[L.Why]!);
    for (let k = 0; k < T; k++) {
      expect(norms[k]).toBeCloseTo(product, 14);
      const h = net.hidden(T - 1 - k)[0]!;
      product *= Math.abs(w * (1 - h * h));
    }
  });

  it('truncated BPTT with k steps gives exactly the full gradient of the last k steps', () => {
    const shape: ElmanShape = { inputs: 2, hidden: 3, outputs: 1, activation: 'tanh' };
    const rng = createRng('elman-trunc');
    const net = new ElmanNet(shape, elmanInit(shape, { range: 0.5, recurrent: 'orthogonal', scale: 1 }, rng));
    const x = sequence(rng, 10, 2);
    const y = net.forward(x, 10);
    const norms = new Float64Array(10);
    net.backward([y[0]! - 1], 3, norms);
    // the carried gradient stops after 3 steps back
    expect(Array.from(norms.subarray(3))).toEqual(new Array(7).fill(0));
    // the input weights' gradient is the sum over the last 3 steps only: the step before adds nothing
    const truncated = Array.from(net.grad);
    net.grad.fill(0);
    net.backward([y[0]! - 1], 0);
    expect(truncated).not.toEqual(Array.from(net.grad));
  });
});

describe('LSTM BPTT', () => {
  it.each(lstmShapes)('matches finite differences for every parameter (D=$inputs, cells=$cells, O=$outputs, forget gate $forgetGate)', (shape) => {
    const rng = createRng('lstm-grad');
    const net = new LstmNet(shape, lstmInit(shape, { range: 0.8, inputBias: 0.2, outputBias: -0.3, forgetBias: 1 }, rng));
    expect(gradientError(net, sequence(rng, 6, shape.inputs), 6, [0.5, -0.3].slice(0, shape.outputs))).toBeLessThan(1e-6);
  });

  it('without the forget gate the cell carries its error back unchanged: ∂J/∂s_t is the same at every step when the output gate reads only the end', () => {
    const shape: LstmShape = { inputs: 1, cells: 1, outputs: 1, forgetGate: false };
    const L = lstmLayout(shape);
    const theta = new Float64Array(L.size);
    // the output gate's weights are 0 and its bias −30: o ≈ 0 until … it never opens but at the end
    theta[L.b + 2] = -30;
    theta[L.Why] = 1;
    const net = new LstmNet(shape, theta);
    const T = 12;
    const x = sequence(createRng('carousel'), T, 1);
    const y = net.forward(x, T);
    const norms = new Float64Array(T);
    net.backward([y[0]! - 1], 0, norms);
    // h_t = o tanh(s_t) reaches J only at the last step; before it, only the carousel carries the error
    for (let k = 1; k < T; k++) expect(norms[k]).toBe(norms[0]);
  });
});

/** Trains the fast path and the reference side by side for a few epochs; returns both θ. */
function trainBoth(
  fast: RecurrentNet,
  refStep: (theta: number[], x: number[], target: number[]) => number[],
  rng: Rng,
  T: number,
  D: number,
  O: number,
  opt: { eta: number; clip: number; truncate: number },
): [number[], number[]] {
  const seqs = Array.from({ length: 5 }, () => ({ x: sequence(rng, T, D), t: Array.from({ length: O }, () => rng.range(-1, 1)) }));
  let theta = Array.from(fast.theta);
  const dy = new Float64Array(O);
  for (let epoch = 0; epoch < 4; epoch++) {
    for (const s of seqs) {
      sgdStep(fast, s.x, T, s.t, opt, dy);
      theta = refStep(theta, s.x, s.t);
    }
  }
  return [Array.from(fast.theta), theta];
}

describe('fast paths against the references, bit for bit, on random configurations', () => {
  const configs = Array.from({ length: 12 }, (_, i) => i);
  it.each(configs)('configuration %i: Elman and LSTM', (i) => {
    const rng = createRng(`differential/${i}`);
    const opt = { eta: rng.range(0.01, 0.5), clip: rng.uniform() < 0.5 ? 0 : rng.range(0.05, 1), truncate: rng.uniform() < 0.5 ? 0 : 1 + rng.int(5) };
    const T = 1 + rng.int(9);
    const D = 1 + rng.int(3);
    const O = 1 + rng.int(2);
    const es: ElmanShape = { inputs: D, hidden: 1 + rng.int(5), outputs: O, activation: rng.uniform() < 0.5 ? 'tanh' : 'sigmoid' };
    const elman = new ElmanNet(es, elmanInit(es, { range: rng.range(0.1, 1.5), recurrent: rng.uniform() < 0.5 ? 'orthogonal' : 'identity', scale: rng.range(0.5, 2) }, rng));
    const [fe, re] = trainBoth(elman, (th, x, t) => elmanReferenceStep(th, es, x, t, opt), rng, T, D, O, opt);
    expect(fe).toEqual(re);
    const ls: LstmShape = { inputs: D, cells: 1 + rng.int(4), outputs: O, forgetGate: rng.uniform() < 0.5 };
    const lstm = new LstmNet(ls, lstmInit(ls, { range: rng.range(0.1, 1.5), inputBias: rng.range(-2, 2), outputBias: rng.range(-2, 2), forgetBias: rng.range(-1, 3) }, rng));
    const [fl, rl] = trainBoth(lstm, (th, x, t) => lstmReferenceStep(th, ls, x, t, opt), rng, T, D, O, opt);
    expect(fl).toEqual(rl);
    // a real training: the weights moved
    expect(fl).not.toEqual(Array.from(lstmInit(ls, { range: 0, inputBias: 0, outputBias: 0, forgetBias: 0 }, createRng(0))));
  });
});
