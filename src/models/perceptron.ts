/**
 * History: Rosenblatt (1958) — the first neural network that learns its weights from examples.
 *   Built as the Mark I "photoperceptron": sensory points feed a layer of fixed, randomly wired
 *   association units, whose outputs feed a trainable response unit.
 * Update rule: w_j ← w_j + eta (t − o) x_j, o = phi(w·x) = 1 if w·x ≥ 0 else −1 (online, per pattern).
 *   With a dead zone theta > 0: o = 1 if w·x > theta, −1 if w·x < −theta, else 0.
 * What it cannot do: draw anything but a straight line (a hyperplane), so XOR is out of reach;
 *   on data that is not linearly separable the weights cycle forever (Minsky & Papert 1969).
 * Parameters: learningRate (eta), init (zero | random | explicit weights), initRange, weights,
 *   shuffle, theta, associationUnits (0 = plain perceptron), associationConnectivity.
 */
import type { Dataset, Evaluation, ModelInstance, ModelPlugin, Params, StepRecord } from '../core/types.js';
import type { Rng } from '../core/rng.js';
import { ModelConfigError } from '../core/types.js';
import { dot, norm } from '../core/linalg.js';
import { MEMORY_LIMIT, megabytes } from '../core/network/config.js';
import { boundaryEquation, exact, operand, vector } from '../core/format.js';
import { Presenter, augment, checkEncoding, countCorrect, initialWeights, stepping, labelOf, sigmoid, singleTargets } from './single-unit.js';

/** A fixed random threshold unit of the association layer: c_k ∈ {+1 excitatory, −1 inhibitory, 0}. */
interface AssociationUnit {
  c: number[];
  theta: number;
}

function wireAssociationLayer(n: number, inputs: number, connectivity: number, rng: Rng): AssociationUnit[] {
  const units: AssociationUnit[] = [];
  for (let k = 0; k < n; k++) {
    const c = Array.from({ length: inputs }, () => (rng.uniform() < connectivity ? (rng.uniform() < 0.5 ? 1 : -1) : 0));
    units.push({ c, theta: rng.range(-inputs, inputs) });
  }
  return units;
}

/** a_k = 1 if sum_i c_ki x_i ≥ theta_k else 0: the association layer's fixed response. */
const associate = (units: AssociationUnit[], x: readonly number[]): number[] =>
  units.map((u) => (dot(u.c, x) >= u.theta ? 1 : 0));

function create(data: Dataset, params: Params, rng: Rng): ModelInstance {
  checkEncoding(data, 'perceptron', ['bipolar', 'binary']);
  const t = singleTargets(data, 'perceptron');
  const eta = Number(params['learningRate']);
  const theta = Number(params['theta']);
  const low = data.targetEncoding === 'binary' ? 0 : -1;
  if (theta > 0 && low === 0) throw new ModelConfigError('a dead zone (theta > 0) needs bipolar targets, since its "undecided" output is 0', 'theta');
  const nA = Number(params['associationUnits']);
  // every row's association-layer response is kept: rows × (units + 1) numbers, checked before wiring
  const bytes = 8 * (data.inputs.length + (data.test?.inputs.length ?? 0)) * (nA + 1) + 8 * nA * (data.inputs[0]?.length ?? 0);
  if (bytes > MEMORY_LIMIT) throw new ModelConfigError(`${nA} units over ${data.inputs.length} rows need about ${megabytes(bytes)}, over the limit of ${megabytes(MEMORY_LIMIT)}`, 'associationUnits');
  const units = nA > 0 ? wireAssociationLayer(nA, data.inputs[0]!.length, Number(params['associationConnectivity']), rng) : [];
  const features = (x: readonly number[]): number[] => augment(nA > 0 ? associate(units, x) : x);
  const X = data.inputs.map(features);
  const w = initialWeights(params, X[0]!.length, rng, 'perceptron');
  const presenter = new Presenter(X.length, Boolean(params['shuffle']), rng);

  // phi(net): the lecture's step, with an optional dead zone of half-width theta.
  const phi = (net: number): number => {
    if (theta > 0) return net > theta ? 1 : net < -theta ? low : 0;
    return net >= 0 ? 1 : low;
  };

  const step = (): StepRecord => {
    const i = presenter.next();
    const x = X[i]!;
    const net = dot(w, x);
    const o = phi(net);
    const before = Array.from(w);
    const err = t[i]! - o;
    // w_j ← w_j + eta (t − o) x_j
    for (let j = 0; j < w.length; j++) w[j]! += eta * err * x[j]!;
    const equation =
      err === 0
        ? `t = o = ${exact(o)}: no error, w unchanged ${vector(w)}`
        : `w ← w + η(t − o)x = ${vector(before)} + ${exact(eta)}·(${exact(t[i]!)} − ${operand(o)})·${vector(x)} = ${vector(w)}`;
    return { pattern: i, x, t: [t[i]!], net: [net], o: [o], before, after: Array.from(w), equation, changed: err !== 0 };
  };

  const evaluate = (rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Evaluation => {
    const outputs = rows.inputs.map((x) => [phi(dot(w, features(x)))]);
    // A dead-zone output of 0 names no class, so it counts as an error.
    const predictions = outputs.map(([o]) => (o === 1 ? 1 : o === low ? 0 : -1));
    const errors = rows.inputs.length - countCorrect(predictions, rows.labels);
    // The perceptron's loss here is its error rate: the share of misclassified patterns.
    return { loss: errors / rows.inputs.length, accuracy: 1 - errors / rows.inputs.length, outputs, predictions };
  };

  return {
    deterministicEpochs: !params['shuffle'],
    ...stepping(step, () => presenter.atBoundary, () => evaluate(data).loss),
    evaluate,
    predict(x) {
      const net = dot(w, features(x));
      return { label: labelOf(phi(net), data.targetEncoding), score: sigmoid(net) };
    },
    weights: () => Array.from(w),
    flatWeights: () => w,
    metrics: () => ({ weightNorm: norm(w) }),
    describe() {
      const lines = [nA > 0 ? `response unit over ${nA} fixed random association units` : `decision boundary: ${boundaryEquation(w)}`];
      lines.push(`w = ${vector(w)}   η = ${exact(eta)}${theta > 0 ? `   dead zone θ = ${exact(theta)}` : ''}`);
      return lines;
    },
  };
}

export const perceptron: ModelPlugin = {
  meta: {
    id: 'perceptron',
    name: "Rosenblatt's perceptron",
    year: 1958,
    authors: ['Frank Rosenblatt'],
    citation:
      'Rosenblatt, F. (1958). The perceptron: A probabilistic model for information storage and organization in the brain. Psychological Review, 65(6), 386–408.',
    summary: 'A weighted sum and a threshold whose weights learn from their errors: w ← w + η(t − o)x.',
    cannot: 'Only straight-line (linear) decision boundaries: it can never learn XOR, and on such data its weights cycle forever.',
    learns: true,
    defaultTarget: { accuracy: { min: 1 } },
    params: {
      learningRate: { type: 'number', default: 0.1, min: 0, max: 100, help: 'η, the step size of each correction' },
      init: { type: 'enum', default: 'zero', values: ['zero', 'random'], help: 'initial weights when none are given: all zero, or uniform in ±initRange' },
      initRange: { type: 'number', default: 0.5, min: 0, max: 100, help: 'half-width of the uniform initial weights' },
      weights: { type: 'numbers', default: null, help: 'explicit initial weights (w0 bias first, then w1 … wd)' },
      shuffle: { type: 'boolean', default: false, help: 'reshuffle the presentation order every epoch (from the run seed)' },
      theta: { type: 'number', default: 0, min: 0, max: 100, help: 'dead zone: output 0 when |w·x| ≤ θ (0 = the lecture\'s plain step)' },
      associationUnits: { type: 'integer', default: 0, min: 0, max: 10000, help: 'photoperceptron: number of fixed random association units (0 = none)' },
      associationConnectivity: { type: 'number', default: 0.8, min: 0, max: 1, help: 'probability that an association unit connects to each input' },
    },
  },
  create: ({ data, params, rng }) => create(data, params, rng),
};
