/**
 * History: Jeffrey Elman's simple recurrent network (1990): a hidden layer that reads its own
 *   previous state through "context units", so the net carries information along a sequence. Trained
 *   by back-propagation through time (Rumelhart, Hinton & Williams 1986; Werbos 1990), it met the
 *   obstacle Hochreiter (1991) and Bengio, Simard & Frasconi (1994) analysed: the error signal flowing
 *   back through time is multiplied at each step by W_hhᵀ diag f′, so it shrinks (or explodes)
 *   exponentially with the span it must bridge.
 * Update rule: a_t = W_xh x_t + W_hh h_{t−1} + b, h_t = f(a_t), y = W_hy h_{T−1} + b_y;
 *   δ_t = ∂J/∂h_t ⊙ f′(a_t), ∂J/∂h_{t−1} = W_hhᵀ δ_t; θ ← θ − η ∂J/∂θ after each sequence.
 * What it cannot do: learn a dependency across many steps — its gradient vanishes exactly when it can
 *   store a bit robustly (|w| f′ < 1 around an attractor), the latching trade-off of Bengio et al.
 * Parameters: hidden, activation (tanh | sigmoid), recurrentInit (orthogonal | identity),
 *   recurrentScale, learningRate, truncate (k steps; 0 = full BPTT), clip, initRange, shuffle.
 */
import { definePlugin, param } from '../core/plugin.js';
import { num } from '../core/format.js';
import { said } from '../core/said.js';
import type { Dataset, ModelInstance, ParamsOf } from '../core/types.js';
import type { Rng } from '../core/rng.js';
import { maxDerivative, spectralNorm } from '../engines/recurrent/common.js';
import { ElmanNet, elmanInit, elmanLayout } from '../engines/recurrent/elman.js';
import { RECURRENT_PARAMS, blockRows, recurrentInstance, sequenceShape } from './recurrent-shared.js';

const PARAMS = {
  hidden: param.integer({ default: 4, min: 1, max: 64, help: 'hidden (context) units' }),
  activation: param.oneOf(['tanh', 'sigmoid'], { default: 'tanh', help: 'the hidden units’ squashing function f (max f′ = 1 for tanh, ¼ for the sigmoid)' }),
  recurrentInit: param.oneOf(['orthogonal', 'identity'], { default: 'orthogonal', help: 'W_hh starts as a random orthogonal matrix or the identity, times recurrentScale' }),
  recurrentScale: param.number({ default: 1, min: 0, max: 100, help: 'the spectral norm ‖W_hh‖ at the start (one unit: its weight w)' }),
  ...RECURRENT_PARAMS,
};

function create(data: Dataset, params: ParamsOf<typeof PARAMS>, rng: Rng, lean: boolean): ModelInstance {
  const seq = sequenceShape(data, 'elman-rnn');
  const shape = { inputs: seq.width, hidden: params.hidden, outputs: seq.outputs, activation: params.activation };
  const L = elmanLayout(shape);
  const theta = elmanInit(shape, { range: params.initRange, recurrent: params.recurrentInit, scale: params.recurrentScale }, rng);
  const net = new ElmanNet(shape, theta);
  const H = shape.hidden;
  const rows = (at: number, r: number, c: number) => blockRows(theta, at, r, c);
  const factor = (at: Float64Array = theta) => {
    const norm = spectralNorm(at, L.Whh, H);
    const fmax = maxDerivative(params.activation);
    // the text is written only when read (an epoch's result reads the value alone)
    const text = (): string => {
      const w = H === 1 ? `|w| · max f′ = ${num(Math.abs(at[L.Whh]!), 4)} · ${fmax === 1 ? '1' : '¼'}` : `‖W_hh‖ · max f′ = ${num(norm, 4)} · ${fmax === 1 ? '1' : '¼'}`;
      return `${w} = ${num(norm * fmax, 4)}`;
    };
    return { get text() { return text(); }, value: norm * fmax };
  };
  return recurrentInstance(
    data,
    seq,
    {
      net,
      state: 'h',
      blocks: () => [
        { name: 'Wxh', rows: rows(L.Wxh, H, shape.inputs) },
        { name: 'Whh', rows: rows(L.Whh, H, H) },
        { name: 'bh', vector: Array.from(theta.subarray(L.bh, L.Why)) },
        { name: 'Why', rows: rows(L.Why, shape.outputs, H) },
        { name: 'by', vector: Array.from(theta.subarray(L.by, L.size)) },
      ],
      factor,
      firstUnit: (t) => net.hidden(t)[0]!,
      strips: (T) => [{ name: 'h', values: Array.from({ length: T }, (_, t) => Array.from(net.hidden(t))) }],
      describe: () => [
        said('elman.head', {
          hidden: H,
          activation: params.activation,
          steps: seq.steps,
          inputs: seq.width > 1 ? said('rnn.inputN', { n: seq.width }) : said('rnn.input1'),
          bptt: params.truncate > 0 ? said('bptt.truncated', { k: params.truncate }) : said('bptt.full'),
        }),
        said('elman.factor', { factor: factor().text }),
      ],
    },
    { eta: params.learningRate, clip: params.clip, truncate: params.truncate, shuffle: params.shuffle, lean },
    rng,
  );
}

export const elmanRnn = definePlugin({
  meta: {
    id: 'elman-rnn',
    name: 'Elman simple recurrent network (BPTT)',
    year: 1990,
    authors: ['Jeffrey L. Elman'],
    citation: 'Elman, J. L. (1990). Finding structure in time. Cognitive Science, 14(2), 179–211.',
    summary: 'A hidden layer that reads its own previous state, trained by back-propagation through time.',
    cannot: 'Bridge long time lags: the error signal shrinks by ‖W_hh‖·f′ per step back (Hochreiter 1991; Bengio, Simard & Frasconi 1994).',
    rules: [
      'h_t = f(W_xh x_t + W_hh h_{t−1} + b_h),  y = W_hy h_{T−1} + b_y,  J = ½‖y − target‖²',
      '∂J/∂h_{t−1} = W_hhᵀ (∂J/∂h_t ⊙ f′(a_t)): one factor per step back, at most ‖W_hh‖ · max f′',
      'truncated BPTT (truncate = k) carries the gradient back k steps only',
    ],
    notes: [
      'Bengio, Y., Simard, P. & Frasconi, P. (1994). Learning long-term dependencies with gradient descent is difficult. IEEE Transactions on Neural Networks, 5(2), 157–166.',
      'Hochreiter, S. (1991). Untersuchungen zu dynamischen neuronalen Netzen. Diploma thesis, TU München.',
    ],
    learns: true,
    defaultTarget: { accuracy: { min: 1 } },
    params: PARAMS,
  },
  create: ({ data, params, rng, lean }) => create(data, params, rng, lean ?? false),
});
