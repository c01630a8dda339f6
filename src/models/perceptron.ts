/**
 * History: Rosenblatt (1958) — the first neural network that learns its weights from examples.
 *   Built as the Mark I "photoperceptron": sensory points feed a layer of fixed association units
 *   with excitatory and inhibitory connections and a threshold, whose outputs feed a trainable
 *   response unit. Novikoff (1962) bounded its mistakes on separable data by (R/γ)².
 * Update rule: o = phi(w·x) = 1 if w·x ≥ 0 else −1 (online, per pattern), and either
 *   the lecture's w_j ← w_j + eta (t − o) x_j (rule "difference"), or the error-correction form of
 *   Rosenblatt and Fausett, w_j ← w_j + eta t x_j on a mistake only (rule "mistake").
 *   With an undecided band theta > 0: o = 1 if w·x > theta, −1 if w·x < −theta, else 0.
 * What it cannot do: draw anything but a straight line (a hyperplane), so XOR is out of reach;
 *   on data that is not linearly separable the weights cycle forever (Minsky & Papert 1969).
 * Parameters: learningRate (eta), rule, init (zero | random | explicit weights), initRange, weights,
 *   shuffle, theta, associationUnits (0 = plain perceptron), associationWiring (random | rosenblatt),
 *   associationConnectivity (random), excitatory, inhibitory, associationThreshold (rosenblatt).
 */
import type { Dataset, Evaluation, ModelInstance, ParamsOf, StepRecord } from '../core/types.js';
import type { Rng } from '../core/rng.js';
import { ModelConfigError } from '../core/types.js';
import { definePlugin, param } from '../core/plugin.js';
import { dot, norm } from '../theory/linalg.js';
import { MEMORY_LIMIT, megabytes } from '../engines/dense/config.js';
import { TABLE, boundaryEquation, exact, num, operand, percent, vector } from '../core/format.js';
import { type AssociationUnit, associate, firingProbability, firingShare, litShare, wireRandom, wireRosenblatt } from '../theory/association.js';
import { type NovikoffBound, type PerceptronRule, novikoff } from '../theory/novikoff.js';
import { sigmoid } from '../core/sigmoid.js';
import { Presenter, augment, checkEncoding, countCorrect, initialWeights, epochProtocol, labelOf, singleTargets, INIT_PARAMS } from './single-unit.js';
import { said, type Said } from '../core/said.js';

const PARAMS = {
  learningRate: param.number({ default: 0.1, min: 0, max: 100, help: 'η, the step size of each correction' }),
  rule: param.oneOf(['difference', 'mistake'], { default: 'difference', help: 'difference: w ← w + η(t − o)x (the lecture); mistake: w ← w + η·t·x only when o ≠ t (Rosenblatt, Fausett)' }),
  ...INIT_PARAMS,
  shuffle: param.boolean({ default: false, help: 'reshuffle the presentation order every epoch (from the run seed)' }),
  theta: param.number({ default: 0, min: 0, max: 100, help: 'undecided band: output 0 when |w·x| ≤ θ (0 = the lecture\'s plain step)' }),
  associationUnits: param.integer({ default: 0, min: 0, max: 10000, help: 'photoperceptron: number of fixed association units (0 = none)' }),
  associationWiring: param.oneOf(['random', 'rosenblatt'], { default: 'random', help: 'random connections and thresholds, or Rosenblatt\'s x excitatory + y inhibitory connections and threshold θ' }),
  associationConnectivity: param.number({ default: 0.8, min: 0, max: 1, help: 'random wiring: probability that an association unit connects to each input' }),
  excitatory: param.integer({ default: 5, min: 0, max: 1000, help: 'rosenblatt wiring: x, excitatory connections per association unit' }),
  inhibitory: param.integer({ default: 5, min: 0, max: 1000, help: 'rosenblatt wiring: y, inhibitory connections per association unit' }),
  associationThreshold: param.integer({ default: 1, min: -1000, max: 1000, help: 'rosenblatt wiring: θ, an A-unit fires when (lit excitatory) − (lit inhibitory) ≥ θ' }),
};
type Params = ParamsOf<typeof PARAMS>;

function wire(data: Dataset, params: Params, rng: Rng): { units: AssociationUnit[]; rosenblatt: boolean } {
  const nA = params.associationUnits;
  const d = data.inputs[0]!.length;
  if (nA === 0) return { units: [], rosenblatt: false };
  if (params.associationWiring !== 'rosenblatt') return { units: wireRandom(nA, d, params.associationConnectivity, rng), rosenblatt: false };
  if (data.inputs.some((x) => x.some((v) => v !== 0 && v !== 1))) {
    throw new ModelConfigError("Rosenblatt's association units count lit sensory points, so the inputs must be 0/1 (binary)", 'associationWiring');
  }
  const wiring = { excitatory: params.excitatory, inhibitory: params.inhibitory, theta: params.associationThreshold };
  return { units: wireRosenblatt(nA, d, wiring, rng), rosenblatt: true };
}

function create(data: Dataset, params: Params, rng: Rng): ModelInstance {
  checkEncoding(data, 'perceptron', ['bipolar', 'binary']);
  const t = singleTargets(data, 'perceptron');
  const eta = params.learningRate;
  const theta = params.theta;
  const rule: PerceptronRule = params.rule;
  const low = data.targetEncoding === 'binary' ? 0 : -1;
  if (theta > 0 && low === 0) throw new ModelConfigError('an undecided band (theta > 0) needs bipolar targets, since its "undecided" output is 0', 'theta');
  if (rule === 'mistake' && low === 0) throw new ModelConfigError('the mistake form w ← w + η·t·x needs bipolar (±1) targets: with t = 0 a mistake would change nothing', 'rule');
  const nA0 = params.associationUnits;
  // every row's association-layer response is kept: rows × (units + 1) numbers, checked before wiring
  const bytes = 8 * (data.inputs.length + (data.test?.inputs.length ?? 0)) * (nA0 + 1) + 8 * nA0 * (data.inputs[0]?.length ?? 0);
  if (bytes > MEMORY_LIMIT) throw new ModelConfigError(`${nA0} units over ${data.inputs.length} rows need about ${megabytes(bytes)}, over the limit of ${megabytes(MEMORY_LIMIT)}`, 'associationUnits');
  const { units, rosenblatt } = wire(data, params, rng);
  const nA = units.length;
  const features = (x: readonly number[]): number[] => augment(nA > 0 ? associate(units, x) : x);
  const X = data.inputs.map(features);
  const w = initialWeights(params, X[0]!.length, rng, 'perceptron');
  const presenter = new Presenter(X.length, params.shuffle, rng);
  // s_i = ±1, the class sign the convergence bound works with (2t − 1 for 0/1 targets).
  // Solved only when asked (the card's line, the final report): never while building or training.
  const zeroStart = w.every((v) => v === 0);
  let solved: NovikoffBound | undefined;
  const margin = (): NovikoffBound => (solved ??= novikoff(X, t.map((ti) => (ti === 1 ? 1 : -1)), { rule, theta, eta, zeroStart }));
  const wiring = { excitatory: params.excitatory, inhibitory: params.inhibitory, theta: params.associationThreshold };
  const firing = data.inputs.map((x) => ({ lit: litShare(x), share: firingShare(units, x), ...(rosenblatt ? { probability: firingProbability(wiring, litShare(x)) } : {}) }));
  const mean = (key: 'share' | 'probability'): number => firing.reduce((s, f) => s + (f[key] ?? 0), 0) / firing.length;
  let mistakes = 0;

  // phi(net): the lecture's step, with an optional undecided band of half-width theta.
  const phi = (net: number): number => {
    if (theta > 0) return net > theta ? 1 : net < -theta ? low : 0;
    return net >= 0 ? 1 : low;
  };

  const step = (): StepRecord => {
    const i = presenter.next();
    const x = X[i]!;
    const ti = t[i]!;
    const net = dot(w, x);
    const o = phi(net);
    const before = Array.from(w);
    const mistake = o !== ti;
    if (mistake) mistakes++;
    const err = ti - o;
    if (rule === 'mistake') {
      // w_j ← w_j + eta t x_j, on a mistake only (Rosenblatt; Fausett)
      if (mistake) for (let j = 0; j < w.length; j++) w[j]! += eta * ti * x[j]!;
    } else {
      // w_j ← w_j + eta (t − o) x_j
      for (let j = 0; j < w.length; j++) w[j]! += eta * err * x[j]!;
    }
    const after = Array.from(w);
    const explain = (): string => {
      if (rule === 'mistake') {
        return mistake
          ? `o = ${exact(o)} ≠ t: w ← w + η·t·x = ${vector(before)} + ${exact(eta)}·${operand(ti)}·${vector(x)} = ${vector(after)}`
          : `o = t = ${exact(o)}: no mistake, w unchanged ${vector(after)}`;
      }
      return err === 0
        ? `t = o = ${exact(o)}: no error, w unchanged ${vector(after)}`
        : `w ← w + η(t − o)x = ${vector(before)} + ${exact(eta)}·(${exact(ti)} − ${operand(o)})·${vector(x)} = ${vector(after)}`;
    };
    return { pattern: i, x, t: [ti], net: [net], o: [o], before, after, changed: before.some((v, j) => v !== after[j]), rule: 'error-correction', explain };
  };

  const evaluate = (rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Evaluation => {
    const net = rows.inputs.map((x) => [dot(w, features(x))]);
    const outputs = net.map(([n]) => [phi(n!)]);
    // An undecided output of 0 names no class, so it counts as an error.
    const predictions = outputs.map(([o]) => (o === 1 ? 1 : o === low ? 0 : -1));
    const errors = rows.inputs.length - countCorrect(predictions, rows.labels);
    // The perceptron's loss here is its error rate: the share of misclassified patterns.
    return { loss: errors / rows.inputs.length, accuracy: 1 - errors / rows.inputs.length, outputs, predictions, net };
  };

  return {
    deterministicEpochs: !params.shuffle,
    ...epochProtocol({ data, step, atBoundary: () => presenter.atBoundary, score: evaluate, weights: () => w, metrics: () => ({ weightNorm: norm(w), mistakes }) }),
    evaluate,
    predict(x) {
      const net = dot(w, features(x));
      return { label: labelOf(phi(net), data.targetEncoding), score: sigmoid(net) };
    },
    snapshot: () => ({ kind: 'vector', w: Array.from(w) }),
    flatWeights: () => w,
    describe() {
      const a = rosenblatt ? said('perceptron.rosenblatt', { x: wiring.excitatory, y: wiring.inhibitory, theta: String(wiring.theta) }) : said('perceptron.random');
      const lines: Said[] = [nA > 0 ? said('perceptron.units', { n: nA, wiring: a }) : said('boundary', { equation: boundaryEquation(w, undefined, data.lifted ? data.featureNames : undefined) })];
      lines.push(said('w.eta', { w: vector(w), eta: exact(eta), band: theta > 0 ? said('perceptron.band', { theta: exact(theta) }) : '' }));
      if (nA > 0) lines.push(said('perceptron.firing', { share: percent(mean('share')), pa: rosenblatt ? said('perceptron.pa', { pa: percent(mean('probability')) }) : '' }));
      const bound = margin();
      if (bound.bound !== null) {
        const x = nA > 0 ? '(1, a)' : '(x0 = 1, x)';
        lines.push(said('perceptron.novikoff', { mistakes, formula: bound.formula, bound: num(bound.bound, TABLE), x, R: num(bound.radius, TABLE), gamma: num(bound.margin, TABLE) }));
      }
      return lines;
    },
    finalReport: (bound = margin()) => ({
      // Constants of the data (and of the fixed A-layer), so they are reported once, not every epoch.
      metrics: {
        radius: bound.radius,
        ...(bound.computed ? { separable: bound.separable ? 1 : 0 } : {}),
        ...(bound.separable ? { margin: bound.margin } : {}),
        ...(bound.bound !== null ? { mistakeBound: bound.bound } : {}),
        ...(nA > 0 ? { firingShare: mean('share') } : {}),
        ...(rosenblatt ? { firingProbability: mean('probability') } : {}),
      },
      sections: {
        novikoff: {
          mistakes,
          radius: bound.radius,
          ...(bound.computed ? { separable: bound.separable } : {}),
          // absent rather than null: JSON nulls stand for nothing here
          ...(bound.separable ? { margin: bound.margin, separator: bound.separator } : {}),
          ...(bound.bound !== null ? { bound: bound.bound } : {}),
          formula: bound.formula,
        },
        ...(nA > 0 ? { association: { units: nA, wiring: rosenblatt ? { ...wiring } : 'random', firing } } : {}),
      },
    }),
  };
}

export const perceptron = definePlugin({
  meta: {
    id: 'perceptron',
    name: "Rosenblatt's perceptron",
    year: 1958,
    authors: ['Frank Rosenblatt'],
    citation:
      'Rosenblatt, F. (1958). The perceptron: A probabilistic model for information storage and organization in the brain. Psychological Review, 65(6), 386–408. ' +
      'Novikoff, A. B. J. (1962). On convergence proofs on perceptrons. Symposium on the Mathematical Theory of Automata, 12, 615–622.',
    summary: 'A weighted sum and a threshold whose weights learn from their errors: w ← w + η(t − o)x.',
    cannot: 'Only straight-line (linear) decision boundaries: it can never learn XOR, and on such data its weights cycle forever.',
    rules: [
      'difference (the lecture): w ← w + η(t − o)x after every pattern; no change when o = t.',
      'mistake (Rosenblatt; Fausett): w ← w + η·t·x only when o ≠ t, with ±1 targets and the optional undecided band (o = 0 when |net| ≤ θ).',
      'They coincide up to η: with ±1 targets and no band, t − o = 2t on a mistake, so the difference form is the mistake form with 2η (from w = 0 the same outputs, weights twice as large); with a band, an undecided pattern (o = 0) gives t − o = t, the same step, and a wrong one twice the step.',
      'Novikoff (1962): on separable data, from w = 0, at most (R/γ)² mistakes — R the largest ‖x‖ with the bias input x0 = 1 included, γ the margin of the best unit-norm separator.',
    ],
    learns: true,
    defaultTarget: { accuracy: { min: 1 } },
    params: PARAMS,
  },
  create: ({ data, params, rng }) => create(data, params, rng),
});
