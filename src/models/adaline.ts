/**
 * History: Widrow & Hoff (1960) — ADALINE, the adaptive linear element, trained by the
 *   least-mean-squares (LMS) "delta rule"; the ancestor of every gradient-descent learner.
 * Update rule: J(w) = ½ Σ (t − w·x)²; online w_j ← w_j + eta (t − w·x) x_j per pattern,
 *   batch w_j ← w_j + eta Σ (t − w·x) x_j (summed, no averaging). Classified by the sign of w·x.
 * What it cannot do: it is still one linear unit — it finds the least-squares line, which on XOR
 *   misclassifies; in batch mode eta ≥ 2/λmax(XᵀX) makes every step overshoot and diverge.
 * Parameters: learningRate (eta), mode (online | batch), init, initRange, weights, shuffle,
 *   tolerance (solved once |ΔJ| between epochs is at most this and every pattern is classified).
 */
import type { Dataset, Evaluation, ModelInstance, ParamsOf, StepRecord } from '../core/types.js';
import { definePlugin, param } from '../core/plugin.js';
import type { Rng } from '../core/rng.js';
import { dot, gram, symmetricEigen } from '../theory/linalg.js';
import { boundaryEquation, exact, operand, vector } from '../core/format.js';
import { cause } from '../core/reasons.js';
import { sigmoid } from '../core/sigmoid.js';
import { Presenter, augment, checkEncoding, countCorrect, initialWeights, epochProtocol, labelOf, midpoint, singleTargets, INIT_PARAMS } from './single-unit.js';
import { said } from '../core/said.js';

/** Epochs of growing loss above the bound before the run is called diverged. */
const GROWTH_EPOCHS = 5;

/** The batch stability bound 2/λmax(XᵀX), with x0 = 1 included in X. */
export function lmsBound(rows: readonly (readonly number[])[]): { lambdaMax: number; bound: number } {
  const lambdaMax = symmetricEigen(gram(rows.map(augment))).values[0] ?? 0;
  return { lambdaMax, bound: 2 / lambdaMax };
}

const PARAMS = {
  learningRate: param.number({ default: 0.05, min: 0, max: 100, help: 'η, the gradient step size' }),
  mode: param.oneOf(['online', 'batch'], { default: 'online', help: 'update per pattern, or once per epoch with the summed gradient' }),
  ...INIT_PARAMS,
  shuffle: param.boolean({ default: false, help: 'reshuffle the presentation order every epoch (online mode)' }),
  tolerance: param.number({ default: 1e-9, min: 0, max: 1, help: 'converged once the loss changes by at most this between epochs' }),
};

function create(data: Dataset, params: ParamsOf<typeof PARAMS>, rng: Rng): ModelInstance {
  checkEncoding(data, 'adaline', ['bipolar', 'binary']);
  const t = singleTargets(data, 'adaline');
  const X = data.inputs.map(augment);
  const eta = params.learningRate;
  const batch = params.mode === 'batch';
  const tolerance = params.tolerance;
  const w = initialWeights(params, X[0]!.length, rng, 'adaline');
  const presenter = new Presenter(X.length, params.shuffle, rng);
  const { lambdaMax, bound } = lmsBound(data.inputs);
  // J(w) = ½ Σ (t − w·x)²
  const J = (): number => X.reduce((s, x, i) => s + 0.5 * (t[i]! - dot(w, x)) ** 2, 0);
  let lastJ = J();
  let deltaJ = Infinity;
  let growing = 0;

  const online = (): StepRecord => {
    const i = presenter.next();
    const x = X[i]!;
    const ti = t[i]!;
    const net = dot(w, x);
    const before = Array.from(w);
    // w_j ← w_j + eta (t − w·x) x_j
    for (let j = 0; j < w.length; j++) w[j]! += eta * (ti - net) * x[j]!;
    const after = Array.from(w);
    const explain = () => `w ← w + η(t − w·x)x = ${vector(before)} + ${exact(eta)}·(${exact(ti)} − ${operand(net)})·${vector(x)} = ${vector(after)}`;
    return { pattern: i, x, t: [ti], net: [net], o: [net], before, after, changed: net !== ti, rule: 'gradient', explain };
  };

  const batchStep = (): StepRecord => {
    const before = Array.from(w);
    const nets = X.map((x) => dot(w, x));
    const errors = nets.map((net, i) => t[i]! - net);
    // w_j ← w_j + eta Σ_i (t_i − w·x_i) x_ij
    for (let j = 0; j < w.length; j++) w[j]! += eta * X.reduce((s, x, i) => s + errors[i]! * x[j]!, 0);
    const after = Array.from(w);
    const explain = () => `w ← w + η Σ(t − w·x)x, net = ${vector(nets)}, t − net = ${vector(errors)}: w = ${vector(after)}`;
    return { pattern: 0, x: [], t, net: nets, o: nets, before, after, changed: errors.some((e) => e !== 0), rule: 'gradient', batch: X.length, explain };
  };

  const step = (): StepRecord => {
    const record = batch ? batchStep() : online();
    if (batch || presenter.atBoundary) {
      const j = J();
      deltaJ = Math.abs(j - lastJ);
      growing = j > lastJ ? growing + 1 : 0;
      lastJ = j;
    }
    return record;
  };

  const evaluate = (rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Evaluation => {
    const outputs = rows.inputs.map((x) => [dot(w, augment(x))]);
    const predictions = outputs.map(([o]) => labelOf(o!, data.targetEncoding));
    const loss = outputs.reduce((s, [o], i) => s + 0.5 * ((rows.targets[i]![0] ?? 0) - o!) ** 2, 0);
    const correct = countCorrect(predictions, rows.labels);
    // Adaline's output is its net input w·x (the threshold only classifies)
    return { loss, accuracy: correct / rows.inputs.length, outputs, predictions, net: outputs };
  };

  return {
    deterministicEpochs: batch || !params.shuffle,
    ...epochProtocol({
      data,
      step,
      atBoundary: () => batch || presenter.atBoundary,
      score: evaluate,
      weights: () => w,
      metrics: () => ({ lossChange: deltaJ, converged: deltaJ <= tolerance ? 1 : 0, lambdaMax, etaBound: bound }),
      stop() {
        if (!batch || eta < bound || growing < GROWTH_EPOCHS) return null;
        const factor = Math.abs(1 - eta * lambdaMax);
        return cause('adaline-unstable', { eta, lambdaMax, bound, factor, J: lastJ });
      },
    }),
    evaluate,
    predict(x) {
      const net = dot(w, augment(x));
      return { label: labelOf(net, data.targetEncoding), score: sigmoid(4 * (net - midpoint(data.targetEncoding))) };
    },
    snapshot: () => ({ kind: 'vector', w: Array.from(w) }),
    flatWeights: () => w,
    describe: () => [
      said('boundary', { equation: boundaryEquation(w, undefined, data.lifted ? data.featureNames : undefined) }),
      said('w.eta.J', { w: vector(w), eta: exact(eta), J: exact(lastJ) }),
      said('adaline.lms', { mode: said(batch ? 'mode.batch' : 'mode.online'), bound: exact(bound) }),
    ],
  };
}

export const adaline = definePlugin({
  meta: {
    id: 'adaline',
    name: 'Adaline (Widrow-Hoff LMS)',
    year: 1960,
    authors: ['Bernard Widrow', 'Marcian E. Hoff'],
    citation: 'Widrow, B., & Hoff, M. E. (1960). Adaptive switching circuits. IRE WESCON Convention Record, Part 4, 96–104.',
    summary: 'The delta rule: descend the squared error of the linear output, w ← w + η(t − w·x)x.',
    cannot: 'Still one linear unit: least squares on XOR misclassifies, and a batch step above 2/λmax(XᵀX) diverges.',
    learns: true,
    defaultTarget: { converged: { min: 1 }, accuracy: { min: 1 } },
    params: PARAMS,
  },
  create: ({ data, params, rng }) => create(data, params, rng),
});
