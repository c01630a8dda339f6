/**
 * History: Hinton & Salakhutdinov (2006), Hinton, Osindero & Teh (2006) — deep sigmoid nets
 *   trained badly from small random weights (vanishing gradients, poor local optima). Greedy
 *   layer-wise pretraining fixed that: train a restricted Boltzmann machine on the data, then
 *   another on its hidden activities, and so on; the stacked weights initialise the deep net,
 *   which back-propagation then fine-tunes. It started the "deep learning" revival.
 * Update rule: each RBM by CD-1 (src/engines/rbm/rbm.ts): ΔW = ε (⟨h v ᵀ⟩_data − ⟨h v ᵀ⟩_recon), the
 *   positive-phase hidden states sampled from the run's Rng; the next RBM learns p(h | v) of the
 *   one below. Then back-propagation as in mlp-backprop (delta^k = σ'(z^k) ∘ (W^{k+1})ᵀ delta^{k+1}),
 *   with W^k = the k-th RBM's weights and hidden biases; the output layer starts random.
 *   The epoch budget covers both phases: the first pretrainEpochs × (hidden layers) epochs train
 *   the RBMs (one RBM epoch each, its reconstruction error in the history), the rest fine-tune.
 * What it cannot do: pretraining costs extra passes and needs inputs in [0, 1]; ReLUs and better
 *   initialisation (2010–2011) later made it unnecessary for supervised nets.
 * Parameters: pretrainEpochs (per RBM; 0 = the same net from random weights), rbmLearningRate,
 *   rbmBatchSize, and the fine-tuning MLP's hidden, output, init, initRange, learningRate,
 *   momentum, weightDecay, batchSize, shuffle, averageGradient (see mlp-shared.ts).
 */
import { Rbm } from '../engines/rbm/rbm.js';
import { toFlat } from '../engines/dense/index.js';
import type { Rng } from '../core/rng.js';
import {
  type Dataset, type EpochResult, type Evaluation, type FilterBank, ModelConfigError, type ModelInstance, type ParamValue, type ParamsOf, type StepRecord, type WeightsSnapshot,
} from '../core/types.js';
import { exact } from '../core/format.js';
import { definePlugin, param } from '../core/plugin.js';
import type { Cause } from '../core/reasons.js';
import { MlpInstance } from './mlp-instance.js';
import { mlpParams } from './mlp-shared.js';
import { said, type Said } from '../core/said.js';

type Rows = Pick<Dataset, 'inputs' | 'targets' | 'labels'>;

const base = mlpParams({
  hidden: [32, 32, 32, 32],
  activation: 'sigmoid',
  output: 'softmax-ce',
  init: 'standard',
  initRange: 0.5,
  learningRate: 0.5,
  momentum: 0,
  weightDecay: 0,
  batchSize: 10,
  shuffle: false,
  averageGradient: true,
  keepInput: 1,
  keepHidden: 1,
});
const { activation: _a, keepInput: _k, keepHidden: _h, shift: _s, weights: _w, ...fineTuning } = base;

const PARAMS = {
  pretrainEpochs: param.integer({ default: 5, min: 0, max: 1000, help: 'CD-1 epochs per RBM (0: no pretraining, the same net from random weights)' }),
  rbmLearningRate: param.number({ default: 0.1, min: 0, max: 10, help: 'ε, the CD-1 step size' }),
  rbmBatchSize: param.integer({ default: 10, min: 1, max: 10000, help: 'rows per CD-1 update' }),
  ...fineTuning,
};

class PretrainedInstance implements ModelInstance {
  private readonly mlp: MlpInstance;
  private readonly rbms: Rbm[] = [];
  /** Reconstruction error (mean over rows of Σ (v − v₁)²) of each RBM after each of its epochs. */
  readonly reconstruction: number[][] = [];
  private readonly layerSizes: readonly number[];
  private readonly perRbm: number;
  private readonly eta: number;
  private readonly batch: number;
  /** Input of the RBM being trained (the data, or the activities of the RBM below). */
  private V: Float64Array;
  private readonly order: Uint32Array;
  private rbmEpoch = 0;

  constructor(
    private readonly data: Dataset,
    params: ParamsOf<typeof PARAMS>,
    private readonly rng: Rng,
    /** Lean (sweeps, verify): the fine-tuning net skips its per-epoch instruments; the RBMs' errors are kept. */
    lean = false,
  ) {
    if (data.inputs.some((row) => row.some((v) => v < 0 || v > 1))) {
      throw new ModelConfigError('rbm-pretraining: inputs must be probabilities in [0, 1] (use "pixels": "unit" for digits)');
    }
    // the fine-tuning net is built (and randomly initialised) first, so pretrainEpochs 0 is the same net from random weights
    this.mlp = new MlpInstance(data, { ...params, activation: 'sigmoid', keepInput: 1, keepHidden: 1, shift: 0, weights: null }, rng, lean);
    this.layerSizes = params.hidden ?? [];
    this.perRbm = params.pretrainEpochs;
    this.eta = params.rbmLearningRate;
    this.batch = params.rbmBatchSize;
    this.V = toFlat(data.inputs);
    this.order = Uint32Array.from({ length: data.inputs.length }, (_, i) => i);
  }

  get pretraining(): boolean {
    return this.perRbm > 0 && this.reconstruction.flat().length < this.perRbm * this.layerSizes.length;
  }

  get deterministicEpochs(): boolean {
    return !this.pretraining && this.mlp.deterministicEpochs;
  }

  /** One epoch of CD-1 on the current RBM; when it finishes its last epoch, its weights go into the net. */
  private pretrainEpoch(): { updates: number; extra: EpochResult['extra'] } {
    const k = this.reconstruction.length - (this.rbmEpoch > 0 ? 1 : 0);
    if (this.rbmEpoch === 0) {
      const visible = k === 0 ? this.data.inputs[0]!.length : this.layerSizes[k - 1]!;
      this.rbms.push(new Rbm(visible, this.layerSizes[k]!, this.rng));
      this.reconstruction.push([]);
    }
    const rbm = this.rbms[k]!;
    const n = this.order.length;
    let error = 0;
    for (let start = 0; start < n; start += this.batch) error += rbm.cd1(this.V, this.order, start, Math.min(this.batch, n - start), this.eta);
    const reconError = error / n;
    this.reconstruction[k]!.push(reconError);
    this.rbmEpoch++;
    if (this.rbmEpoch === this.perRbm) {
      // W^{k+1} of the net = this RBM's weights, rows [c_j, W_j1 … W_jn]
      const rows = new Float64Array(rbm.hidden * (rbm.visible + 1));
      for (let j = 0; j < rbm.hidden; j++) {
        rows[j * (rbm.visible + 1)] = rbm.c[j]!;
        rows.set(rbm.W.subarray(j * rbm.visible, (j + 1) * rbm.visible), j * (rbm.visible + 1) + 1);
      }
      this.mlp.overwrite(this.mlp.layerOffset(k + 1), rows);
      this.V = rbm.transform(this.V, n);
      this.rbmEpoch = 0;
    }
    return { updates: Math.ceil(n / this.batch), extra: { rbm: k + 1, reconError } };
  }

  /** A result of the fine-tuning net with the phase and each RBM's latest reconstruction error added to its metrics. */
  private withRbm(r: EpochResult): EpochResult {
    const rbm: Record<string, number> = {};
    this.reconstruction.forEach((errors, k) => (rbm[`reconError${k + 1}`] = errors[errors.length - 1]!));
    return { ...r, metrics: { ...r.metrics, ...rbm, pretraining: this.pretraining ? 1 : 0 } };
  }

  epoch(): EpochResult {
    if (this.pretraining) {
      const { updates, extra } = this.pretrainEpoch();
      return { ...this.withRbm(this.mlp.measure()), updates, extra };
    }
    return this.withRbm(this.mlp.epoch());
  }

  measure(): EpochResult {
    return this.withRbm(this.mlp.measure());
  }

  step(): StepRecord | null {
    if (this.pretraining) return null;
    const record = this.mlp.step();
    return record.closes ? { ...record, closes: this.withRbm(record.closes) } : record;
  }

  /** A live change (issue 25) of the fine-tuning net's η, μ, penalties or batch size: it trains with it from the next update it makes. */
  setLive(param: string, value: ParamValue): void {
    this.mlp.setLive(param, value);
  }

  evaluate(rows: Rows): Evaluation {
    return this.mlp.evaluate(rows);
  }

  predict(x: readonly number[]): { label: number; score: number } {
    return this.mlp.predict(x);
  }

  snapshot(): WeightsSnapshot {
    return this.mlp.snapshot();
  }

  flatWeights(): Float64Array {
    return this.mlp.flatWeights();
  }

  /** The first RBM's features: each hidden unit's weights to the pixels, as an image. */
  filters(): FilterBank | null {
    const image = this.data.image;
    const rbm = this.rbms[0];
    if (!image || !rbm) return null;
    const filters = Array.from({ length: rbm.hidden }, (_, j) => Array.from(rbm.W.subarray(j * rbm.visible, (j + 1) * rbm.visible)));
    return { title: said('rbm.filters'), width: image.width, height: image.height, filters };
  }

  describe(): (string | Said)[] {
    const done = this.reconstruction.map((e, k) => said(e.length === 1 ? 'rbm.done1' : 'rbm.doneN', { k: k + 1, n: e.length, error: exact(e[e.length - 1]!) }));
    return [
      this.perRbm > 0
        ? said('rbm.greedy', { n: this.layerSizes.length, epochs: this.perRbm, eps: exact(this.eta), batch: this.batch })
        : said('rbm.none'),
      ...done,
      ...this.mlp.describe(),
    ];
  }
}

export const rbmPretraining = definePlugin({
  meta: {
    id: 'rbm-pretraining',
    name: 'Deep belief net pretraining (stacked RBMs + back-propagation)',
    year: 2006,
    authors: ['Geoffrey E. Hinton', 'Ruslan R. Salakhutdinov', 'Simon Osindero', 'Yee-Whye Teh'],
    citation:
      'Hinton, G. E., & Salakhutdinov, R. R. (2006). Reducing the dimensionality of data with neural networks. Science, 313(5786), 504–507. ' +
      'Hinton, G. E., Osindero, S., & Teh, Y.-W. (2006). A fast learning algorithm for deep belief nets. Neural Computation, 18(7), 1527–1554.',
    summary: 'Greedy layer-wise RBM pretraining (CD-1) gives a deep sigmoid net weights from which back-propagation can train.',
    cannot: 'Pretraining costs extra passes and needs inputs in [0, 1]; ReLUs and better initialisation later made it unnecessary.',
    learns: true,
    defaultTarget: { accuracy: { min: 1 } },
    params: PARAMS,
  },
  create: ({ data, params, rng, lean }) => new PretrainedInstance(data, params, rng, Boolean(lean)),
});
