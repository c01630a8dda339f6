/**
 * History: the logistic unit (Cox 1958; the lecture's unit 02) — the perceptron's weighted sum
 *   passed through a smooth sigmoid, so the output is a probability and the error has a gradient.
 * Update rule: p = σ(w·x), J = −Σ [y log p + (1 − y) log(1 − p)], w_j ← w_j + eta Σ (y − p) x_j.
 * What it cannot do: its boundary p = ½ is still the straight line w·x = 0, so XOR stays out of reach.
 * Parameters: learningRate (eta), mode (batch | online), init, initRange, weights, shuffle.
 */
import type { Dataset, Evaluation, ModelInstance, ParamsOf, StepRecord } from '../core/types.js';
import { definePlugin, param } from '../core/plugin.js';
import type { Rng } from '../core/rng.js';
import { dot } from '../theory/linalg.js';
import { boundaryEquation, exact, vector } from '../core/format.js';
import { sigmoid } from '../core/sigmoid.js';
import { Presenter, augment, checkEncoding, countCorrect, initialWeights, epochProtocol, singleTargets, INIT_PARAMS } from './single-unit.js';
import { said } from '../core/said.js';

export { sigmoid };

/** Cross-entropy of one prediction, clamped so a saturated p of exactly 0 or 1 stays finite. */
const crossEntropy = (y: number, p: number): number => {
  const eps = 1e-15;
  const q = Math.min(1 - eps, Math.max(eps, p));
  return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
};

const PARAMS = {
  learningRate: param.number({ default: 0.5, min: 0, max: 100, help: 'η, the gradient step size' }),
  mode: param.oneOf(['batch', 'online'], { default: 'batch', help: 'summed gradient per epoch (the lecture), or per pattern' }),
  ...INIT_PARAMS,
  shuffle: param.boolean({ default: false, help: 'reshuffle the presentation order every epoch (online mode)' }),
};

function create(data: Dataset, params: ParamsOf<typeof PARAMS>, rng: Rng): ModelInstance {
  checkEncoding(data, 'logistic', ['binary', 'bipolar']);
  // y ∈ {0, 1}: bipolar targets −1 / +1 are read as 0 / 1.
  const y = singleTargets(data, 'logistic').map((v) => (v > 0 ? 1 : 0));
  const X = data.inputs.map(augment);
  const eta = params.learningRate;
  const batch = params.mode === 'batch';
  const w = initialWeights(params, X[0]!.length, rng, 'logistic');
  const presenter = new Presenter(X.length, params.shuffle, rng);

  const step = (): StepRecord => {
    const before = Array.from(w);
    if (batch) {
      const p = X.map((x) => sigmoid(dot(w, x)));
      // w_j ← w_j + eta Σ_i (y_i − p_i) x_ij
      for (let j = 0; j < w.length; j++) w[j]! += eta * X.reduce((s, x, i) => s + (y[i]! - p[i]!) * x[j]!, 0);
      const after = Array.from(w);
      const explain = () => `w ← w + η Σ(y − p)x, p = ${vector(p)}: w = ${vector(after)}`;
      return { pattern: 0, x: [], t: y, net: X.map((x) => dot(before, x)), o: p, before, after, changed: true, rule: 'gradient', batch: X.length, explain };
    }
    const i = presenter.next();
    const x = X[i]!;
    const yi = y[i]!;
    const net = dot(w, x);
    const p = sigmoid(net);
    // w_j ← w_j + eta (y − p) x_j
    for (let j = 0; j < w.length; j++) w[j]! += eta * (yi - p) * x[j]!;
    const after = Array.from(w);
    const explain = () => `w ← w + η(y − p)x = ${vector(before)} + ${exact(eta)}·(${yi} − ${exact(p)})·${vector(x)} = ${vector(after)}`;
    return { pattern: i, x, t: [yi], net: [net], o: [p], before, after, changed: true, rule: 'gradient', explain };
  };

  const evaluate = (rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Evaluation => {
    const net = rows.inputs.map((x) => [dot(w, augment(x))]);
    const outputs = net.map(([z]) => [sigmoid(z!)]);
    const predictions = outputs.map(([p]) => (p! >= 0.5 ? 1 : 0));
    const loss = outputs.reduce((s, [p], i) => s + crossEntropy(rows.labels[i]!, p!), 0);
    const correct = countCorrect(predictions, rows.labels);
    return { loss, accuracy: correct / rows.inputs.length, outputs, predictions, net };
  };

  return {
    deterministicEpochs: batch || !params.shuffle,
    ...epochProtocol({ data, step, atBoundary: () => batch || presenter.atBoundary, score: evaluate, weights: () => w }),
    evaluate,
    predict(x) {
      const p = sigmoid(dot(w, augment(x)));
      return { label: p >= 0.5 ? 1 : 0, score: p };
    },
    snapshot: () => ({ kind: 'vector', w: Array.from(w) }),
    flatWeights: () => w,
    describe: () => [said('boundary.half', { equation: boundaryEquation(w, undefined, data.lifted ? data.featureNames : undefined) }), said('w.eta.mode', { w: vector(w), eta: exact(eta), mode: said(batch ? 'mode.batch' : 'mode.online') })],
  };
}

export const logistic = definePlugin({
  meta: {
    id: 'logistic',
    name: 'Logistic regression unit',
    year: 1958,
    authors: ['David R. Cox'],
    citation: 'Cox, D. R. (1958). The regression analysis of binary sequences. Journal of the Royal Statistical Society B, 20(2), 215–242.',
    summary: 'A sigmoid output read as a probability, trained on cross-entropy: w ← w + η Σ(y − p)x.',
    cannot: 'Its p = ½ boundary is still a straight line: no XOR.',
    learns: true,
    defaultTarget: { accuracy: { min: 1 } },
    params: PARAMS,
  },
  create: ({ data, params, rng }) => create(data, params, rng),
});
