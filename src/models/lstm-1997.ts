/**
 * History: Long Short-Term Memory (Hochreiter & Schmidhuber 1997), the answer to the vanishing error
 *   of Hochreiter's 1991 thesis: a memory cell whose state s feeds itself with weight 1 — the
 *   constant error carousel — so an error signal reaching it flows back through any number of steps
 *   unchanged; multiplicative input and output gates learn when to write to and read from it. The
 *   forget gate, which lets a cell reset itself, came later (Gers, Schmidhuber & Cummins 2000): the
 *   `forgetGate` parameter adds it.
 * Update rule: s_t = s_{t−1} + i_t g_t (with the forget gate f_t s_{t−1} + i_t g_t), h_t = o_t tanh(s_t),
 *   y = W_hy h_{T−1} + b_y; back-propagation through time, θ ← θ − η ∂J/∂θ after each sequence.
 * What it cannot do: without the forget gate a cell never empties, so on one long stream its state
 *   can only grow (Gers et al. 2000); each cell costs four times an Elman unit's weights.
 * Parameters: cells, forgetGate, inputBias, outputBias, forgetBias, learningRate, truncate, clip,
 *   initRange, shuffle.
 */
import { definePlugin, param } from '../core/plugin.js';
import { said } from '../core/said.js';
import type { Dataset, ModelInstance, ParamsOf } from '../core/types.js';
import type { Rng } from '../core/rng.js';
import { GATE_NAMES, LstmNet, lstmInit, lstmLayout } from '../engines/recurrent/lstm.js';
import { RECURRENT_PARAMS, blockRows, recurrentInstance, sequenceShape } from './recurrent-shared.js';

const PARAMS = {
  cells: param.integer({ default: 2, min: 1, max: 32, help: 'memory cells (one block each, with its own gates)' }),
  forgetGate: param.boolean({ default: false, help: 'add the forget gate of Gers, Schmidhuber & Cummins (2000); the 1997 cell has none' }),
  inputBias: param.number({ default: 0, min: -20, max: 20, help: 'initial bias of every input gate (negative: starts shut)' }),
  outputBias: param.number({ default: 0, min: -20, max: 20, help: 'initial bias of every output gate (negative: starts shut)' }),
  forgetBias: param.number({ default: 1, min: -20, max: 20, help: 'initial bias of every forget gate (positive: starts remembering)' }),
  ...RECURRENT_PARAMS,
};

function create(data: Dataset, params: ParamsOf<typeof PARAMS>, rng: Rng, lean: boolean): ModelInstance {
  const seq = sequenceShape(data, 'lstm-1997');
  const shape = { inputs: seq.width, cells: params.cells, outputs: seq.outputs, forgetGate: params.forgetGate };
  const L = lstmLayout(shape);
  const init = { range: params.initRange, inputBias: params.inputBias, outputBias: params.outputBias, forgetBias: params.forgetBias };
  const theta = lstmInit(shape, init, rng);
  const net = new LstmNet(shape, theta);
  const H = shape.cells;
  const rows = (at: number, r: number, c: number) => blockRows(theta, at, r, c);
  const gates = GATE_NAMES.slice(0, L.G);
  return recurrentInstance(
    data,
    seq,
    {
      net,
      state: 's',
      blocks: () => [
        ...gates.map((q, k) => ({ name: `W${q}`, rows: rows(L.W + k * H * L.Z, H, L.Z) })),
        ...gates.map((q, k) => ({ name: `b${q}`, vector: Array.from(theta.subarray(L.b + k * H, L.b + k * H + H)) })),
        { name: 'Why', rows: rows(L.Why, shape.outputs, H) },
        { name: 'by', vector: Array.from(theta.subarray(L.by, L.size)) },
      ],
      factor: () => null,
      carry: params.forgetGate ? 'the cell’s error is carried back by ∂s_t/∂s_{t−1} = f_t (the forget gate)' : 'the cell’s error is carried back by ∂s_t/∂s_{t−1} = 1 (the constant error carousel)',
      firstUnit: (t) => net.hs[(t + 1) * H]!,
      strips: (T) => {
        const per = (get: (t: number, j: number) => number) => Array.from({ length: T }, (_, t) => Array.from({ length: H }, (_, j) => get(t, j)));
        const gate = (q: number) => per((t, j) => net.acts[t * L.G * H + q * H + j]!);
        return [
          { name: 's', values: per((t, j) => net.ss[(t + 1) * H + j]!) },
          { name: 'h', values: per((t, j) => net.hs[(t + 1) * H + j]!) },
          { name: 'i', values: gate(1) },
          { name: 'o', values: gate(2) },
          ...(params.forgetGate ? [{ name: 'f', values: gate(3) }] : []),
        ];
      },
      describe: () => [
        said(H > 1 ? 'lstm.headN' : 'lstm.head1', { cells: H, forget: said(params.forgetGate ? 'lstm.forget' : 'lstm.noForget'), steps: seq.steps }),
        said(params.forgetGate ? 'lstm.forgetCarry' : 'lstm.carousel'),
      ],
    },
    { eta: params.learningRate, clip: params.clip, truncate: params.truncate, shuffle: params.shuffle, lean },
    rng,
  );
}

export const lstm1997 = definePlugin({
  meta: {
    id: 'lstm-1997',
    name: 'Long Short-Term Memory',
    year: 1997,
    authors: ['Sepp Hochreiter', 'Jürgen Schmidhuber'],
    citation: 'Hochreiter, S. & Schmidhuber, J. (1997). Long short-term memory. Neural Computation, 9(8), 1735–1780.',
    summary: 'Memory cells with a self-connection of weight 1 (the constant error carousel) behind input and output gates.',
    cannot: 'Reset a cell (no forget gate before Gers et al. 2000); it pays four weight sets per cell.',
    rules: [
      'g = tanh(W_g z + b_g), i = σ(W_i z + b_i), o = σ(W_o z + b_o), z_t = [x_t; h_{t−1}]',
      's_t = s_{t−1} + i_t g_t  (∂s_t/∂s_{t−1} = 1: the constant error carousel),  h_t = o_t tanh(s_t)',
      'forgetGate: s_t = f_t s_{t−1} + i_t g_t, f = σ(W_f z + b_f) (Gers, Schmidhuber & Cummins 2000)',
    ],
    notes: [
      'Gers, F. A., Schmidhuber, J. & Cummins, F. (2000). Learning to forget: continual prediction with LSTM. Neural Computation, 12(10), 2451–2471.',
      'The gradient here follows every path; the 1997 paper cut the paths through the gates (a truncated gradient) — the carousel is the same.',
    ],
    learns: true,
    defaultTarget: { accuracy: { min: 1 } },
    params: PARAMS,
  },
  create: ({ data, params, rng, lean }) => create(data, params, rng, lean ?? false),
});
