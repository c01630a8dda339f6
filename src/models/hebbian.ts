/**
 * History: Hebb (1949) — "cells that fire together wire together": the first learning rule,
 *   a connection grows when the neurons on both ends are active at once. Oja (1982) bounded it.
 * Update rule: supervised Hebb net Δw_j = eta x_j t (bias as w0 on x0 = 1; the response clamped to t);
 *   unsupervised Δw_j = eta x_j y with y = w·x; Oja's rule Δw_j = eta y (x_j − y w_j), y = w·x.
 *   metrics: weightNorm ‖w‖, and for the unsupervised rules alignment |cos| and angle (degrees) to
 *   the principal axis of the data, every epoch.
 * What it cannot do: plain Hebbian growth is unbounded (‖w‖ grows without limit); the supervised
 *   Hebb net learns AND only with bipolar coding — with 0/1 coding inactive units never change a weight.
 * Parameters: mode (supervised | unsupervised | oja), learningRate (eta), init, initRange, weights, shuffle.
 */
import type { Dataset, Evaluation, ModelInstance, ParamsOf, StepRecord, Target } from '../core/types.js';
import { definePlugin, param } from '../core/plugin.js';
import type { Rng } from '../core/rng.js';
import { ModelConfigError } from '../core/types.js';
import { dot, gram, norm, symmetricEigen } from '../theory/linalg.js';
import { TABLE, boundaryEquation, exact, num, operand, vector } from '../core/format.js';
import { cause } from '../core/reasons.js';
import { sigmoid } from '../core/sigmoid.js';
import { Presenter, augment, countCorrect, initialWeights, epochProtocol } from './single-unit.js';
import { said } from '../core/said.js';

const PARAMS = {
  mode: param.oneOf(['supervised', 'unsupervised', 'oja'], { default: 'supervised', help: 'Hebb net Δw = η·x·t, plain Δw = η·x·y, or Oja Δw = η·y·(x − y·w)' }),
  learningRate: param.number({ default: 1, min: 0, max: 100, help: 'η, the size of each strengthening' }),
  init: param.oneOf(['zero', 'random'], { default: 'zero', help: 'initial weights when none are given (unsupervised modes start random)' }),
  initRange: param.number({ default: 0.5, min: 0, max: 100, help: 'half-width of the uniform initial weights' }),
  weights: param.numbers({ default: null, help: 'explicit initial weights (supervised: w0 bias first)' }),
  shuffle: param.boolean({ default: false, help: 'reshuffle the presentation order every epoch' }),
};

function create(data: Dataset, params: ParamsOf<typeof PARAMS>, rng: Rng): ModelInstance {
  const mode = params.mode;
  const supervised = mode === 'supervised';
  const eta = params.learningRate;
  if (supervised && (data.targetEncoding === 'none' || data.targets[0]?.length !== 1)) {
    throw new ModelConfigError('hebbian: supervised mode needs one target per row; use mode "unsupervised" or "oja" for unlabelled data');
  }
  // Supervised Hebb uses the bias input x0 = 1; the unsupervised rules work on centred inputs.
  const X = data.inputs.map((x) => (supervised ? augment(x) : [...x]));
  const t = data.targets.map((row) => row[0] ?? 0);
  const w = initialWeights(params, X[0]!.length, rng, 'hebbian');
  if (!supervised && !params.weights && params.init === 'zero') {
    // y = w·x stays 0 forever from w = 0, so the unsupervised rules start from small random weights.
    for (let j = 0; j < w.length; j++) w[j] = rng.range(-0.5, 0.5);
  }
  const presenter = new Presenter(X.length, params.shuffle, rng);
  const principal = supervised ? null : (symmetricEigen(gram(X)).vectors[0] ?? null);
  const low = data.targetEncoding === 'bipolar' ? -1 : 0;

  const step = (): StepRecord => {
    const i = presenter.next();
    const x = X[i]!;
    const ti = t[i]!;
    const before = Array.from(w);
    let net: number;
    let o: number;
    if (supervised) {
      // Hebb net (Fausett): the response is clamped to the target, y = t; Δw_j = eta x_j t
      net = dot(w, x);
      o = net >= 0 ? 1 : low;
      for (let j = 0; j < w.length; j++) w[j]! += eta * x[j]! * ti;
    } else {
      // the linear unit's output, y = w·x (Oja 1982 names it y)
      const y = dot(w, x);
      net = o = y;
      if (mode === 'oja') {
        // Δw_j = eta y (x_j − y w_j)
        for (let j = 0; j < w.length; j++) w[j]! += eta * y * (x[j]! - y * before[j]!);
      } else {
        // Δw_j = eta x_j y
        for (let j = 0; j < w.length; j++) w[j]! += eta * x[j]! * y;
      }
    }
    const after = Array.from(w);
    const explain = (): string => {
      if (supervised) return `w ← w + η·x·t = ${vector(before)} + ${exact(eta)}·${vector(x)}·${operand(ti)} = ${vector(after)}`;
      return mode === 'oja' ? `w ← w + η·y·(x − y·w), y = ${exact(net)}: w = ${vector(after)}` : `w ← w + η·x·y, y = ${exact(net)}: w = ${vector(after)}`;
    };
    return { pattern: i, x, t: supervised ? [ti] : [], net: [net], o: [o], before, after, changed: before.some((v, j) => v !== after[j]), rule: 'hebb', explain };
  };

  const evaluate = (rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Evaluation => {
    if (!supervised) {
      // Unsupervised: the loss is the reconstruction error ½ Σ ‖x − y w‖² of the one-unit code.
      // y = w·x per row
      const outputs = rows.inputs.map((x) => [dot(w, x)]);
      const loss = rows.inputs.reduce((s, x, i) => s + 0.5 * x.reduce((a, v, j) => a + (v - outputs[i]![0]! * w[j]!) ** 2, 0), 0);
      return { loss, accuracy: NaN, outputs, predictions: rows.inputs.map(() => 0), net: outputs };
    }
    const net = rows.inputs.map((x) => [dot(w, augment(x))]);
    const outputs = net.map(([n]) => [n! >= 0 ? 1 : low]);
    const predictions = outputs.map(([o]) => (o === 1 ? 1 : 0));
    const errors = rows.inputs.length - countCorrect(predictions, rows.labels);
    return { loss: errors / rows.inputs.length, accuracy: 1 - errors / rows.inputs.length, outputs, predictions, net };
  };

  const weightNorm = () => norm(w);
  // |cos| between w and the data's principal axis (the axis has no sign): 1 on the first principal component.
  const alignment = (): number => (principal ? Math.min(1, Math.abs(dot(w, principal)) / (weightNorm() || 1)) : NaN);
  const target: Target | undefined = mode === 'oja' ? { weightNorm: { min: 0.99, max: 1.01 }, alignment: { min: 0.999 } } : undefined;

  return {
    deterministicEpochs: !params.shuffle,
    ...epochProtocol({
      data,
      step,
      atBoundary: () => presenter.atBoundary,
      score: evaluate,
      weights: () => w,
      metrics: () => ({
        weightNorm: weightNorm(),
        // the angle to the principal axis in degrees, 0 … 90
        ...(principal ? { alignment: alignment(), angle: (Math.acos(alignment()) * 180) / Math.PI } : {}),
      }),
      stop() {
        if (mode !== 'unsupervised') return null;
        const n = weightNorm();
        return n > 1e6 ? cause('hebb-unbounded', { norm: n }) : null;
      },
    }),
    evaluate,
    predict(x) {
      const net = supervised ? dot(w, augment(x)) : dot(w, x);
      return { label: net >= 0 ? 1 : 0, score: sigmoid(net) };
    },
    snapshot: () => ({ kind: 'vector', w: Array.from(w) }),
    flatWeights: () => w,
    ...(target ? { target } : {}),
    describe: () =>
      supervised
        ? [said('boundary', { equation: boundaryEquation(w, undefined, data.lifted ? data.featureNames : undefined) }), said('w.eta', { w: vector(w), eta: exact(eta), band: '' })]
        : [
            said('w.norm', { w: vector(w), norm: exact(weightNorm()) }),
            said('hebb.angle', { axis: vector(principal ?? [], TABLE), degrees: num((Math.acos(alignment()) * 180) / Math.PI, TABLE) }),
            said(mode === 'oja' ? 'hebb.oja' : 'hebb.plain'),
          ],
  };
}

export const hebbian = definePlugin({
  meta: {
    id: 'hebbian',
    name: 'Hebbian learning',
    year: 1949,
    authors: ['Donald O. Hebb'],
    citation: 'Hebb, D. O. (1949). The Organization of Behavior: A Neuropsychological Theory. New York: Wiley. Oja, E. (1982). A simplified neuron model as a principal component analyzer. J. Math. Biology, 15, 267–273.',
    summary: 'Connections strengthen when both ends are active together: Δw = η·x·y — learning by changing weights.',
    cannot: 'Plain Hebbian growth is unbounded, and the Hebb net learns AND only with bipolar (±1) coding.',
    learns: true,
    defaultTarget: { accuracy: { min: 1 } },
    params: PARAMS,
  },
  create: ({ data, params, rng }) => create(data, params, rng),
});
