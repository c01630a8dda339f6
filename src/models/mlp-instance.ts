/**
 * The model instance of the multilayer-perceptron plugins over the engine in src/engines/dense:
 * training by batches (or one pattern), evaluation over flat buffers, each epoch's result in one
 * pass (scores, the fit measures maxError and sse, the gradient instruments), and the step written out.
 */
import {
  ACTIVATIONS,
  type ActivationName, Network, OUTPUT_LOSSES, type Pass, type TargetMap,
  type TrainOptions, classify, computeGradients, mapTargets, summaryMetrics, targetMap, toFlat, weightNorms, weightsToJson,
} from '../engines/dense/index.js';
import { LayerCounter, type LayerStatistics, hiddenActivations, layerStatistics, outputNetInputs } from '../engines/dense/analysis.js';
import { type TestTime, analysisLines, layerMetrics, monteCarloScore, networkReport, testTime } from '../engines/dense/report.js';
import type { Rng } from '../core/rng.js';
import {
  type Dataset, type EpochResult, type Evaluation, type Scores, type FinalReport, ModelConfigError, type ModelInstance, type ParamValue, type StepRecord, type WeightsSnapshot,
} from '../core/types.js';
import { EXACT, exact, vectorHead } from '../core/format.js';
import { cause, type Cause } from '../core/reasons.js';
import { shiftImages } from '../data/augment.js';
import type { MlpParams } from './mlp-shared.js';
import { said, type Said } from '../core/said.js';

/** An MLP's state before an update, as plain numbers (MlpInstance.handState()). */
export interface MlpHandState {
  readonly sizes: readonly number[];
  /** Activation of layer k (index 0, the input, is 'linear'; the last may be 'softmax'). */
  readonly activations: readonly string[];
  readonly loss: 'mse' | 'bce' | 'ce';
  /** Every weight, layer by layer, rows [bias, w…] (flatWeights()). */
  readonly w: readonly number[];
  /** Momentum velocity, same layout. */
  readonly v: readonly number[];
  readonly eta: number;
  readonly momentum: number;
  readonly weightDecay: number;
  /** λ₁ of the L1 penalty λ₁‖W‖₁. */
  readonly l1: number;
  readonly batchSize: number;
  readonly dropout: boolean;
  readonly shuffled: boolean;
}

/** Buffers hold every training row when there are at most this many (one chunk per evaluation). */
const MAX_ROWS = 2048;

/** The network's configuration fields as this plugin's parameters: errors then name what to change. */
const PARAM_OF: Readonly<Record<string, string>> = { sizes: 'hidden', hidden: 'activation' };

function asParams<T>(build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof ModelConfigError) || e.param === undefined || !Object.hasOwn(PARAM_OF, e.param)) throw e;
    throw new ModelConfigError(e.problem, PARAM_OF[e.param]);
  }
}

/** The full-batch gradient at the current weights (computeGradients). */
type Gradients = ReturnType<typeof computeGradients>;

const scoresOf = (s: Scores): Scores => ({ loss: s.loss, accuracy: s.accuracy });

/** The training set's fit at the current weights, and the pass that left its last chunk in the buffers. */
interface Fit {
  readonly pass: Pass;
  readonly loss: number;
  readonly accuracy: number;
  readonly maxError: number;
  readonly sse: number;
}

export class MlpInstance implements ModelInstance {
  private readonly net: Network;
  private opts: TrainOptions;
  private readonly map: TargetMap;
  private readonly X: Float64Array;
  private readonly T: Float64Array;
  private readonly n: number;
  /** Rows per update (a live parameter: it changes only at an epoch's start). */
  private size: number;
  private readonly xRow: Float64Array;
  private readonly oRow: Float64Array;
  private order: Uint32Array | null = null;
  /** Augmentation: max shift in pixels (0 = none) and the epoch's shifted copy of the images. */
  private readonly shift: number;
  private readonly Xshifted: Float64Array | null;
  private readonly rng: Rng;
  private cursor = 0;
  private readonly out: Float64Array;
  /** The weights at the start, for how far each layer moved. */
  private readonly initial: Float64Array;
  /** Dropout's test-time rule and Monte-Carlo report (report.ts): masks, and the seed of their own Rng. */
  private readonly mc: TestTime;
  private readonly flatCache = new WeakMap<object, { X: Float64Array; T: Float64Array }>();

  constructor(
    private readonly data: Dataset,
    params: MlpParams,
    rng: Rng,
    private readonly lean = false,
  ) {
    this.map = targetMap(data, params.output);
    const hidden = params.hidden ?? [];
    if (hidden.some((h) => !Number.isInteger(h) || h < 1)) {
      throw new ModelConfigError(`layer sizes must be positive whole numbers, got [${hidden.slice(0, 8).join(', ')}${hidden.length > 8 ? ', …' : ''}]`, 'hidden');
    }
    this.n = data.inputs.length;
    const batchSize = params.batchSize;
    this.size = batchSize <= 0 ? this.n : Math.min(batchSize, this.n);
    const inputs = data.inputs[0]?.length ?? 0;
    this.net = asParams(() => new Network(
      {
        sizes: [inputs, ...hidden, this.map.units],
        hidden: params.activation,
        ...OUTPUT_LOSSES[this.map.output],
        init: params.init,
        initRange: params.initRange,
        weights: params.weights ?? undefined,
        maxBatch: Math.min(Math.max(this.size, this.n), MAX_ROWS),
        keepInput: params.keepInput,
        keepHidden: params.keepHidden,
        threshold: this.map.threshold,
      },
      rng,
    ));
    this.opts = {
      eta: params.learningRate,
      momentum: params.momentum,
      weightDecay: params.weightDecay,
      l1: params.l1,
      batchSize: this.size,
      average: params.averageGradient,
      shuffle: params.shuffle,
    };
    this.X = toFlat(data.inputs);
    this.T = mapTargets(data, this.map);
    this.xRow = new Float64Array(inputs);
    this.oRow = new Float64Array(this.map.units);
    this.out = new Float64Array(this.n * this.map.units);
    this.rng = rng;
    this.shift = params.shift;
    if (this.shift > 0 && !data.image) throw new ModelConfigError('shift: augmentation by shifting needs image data (a "digits" data set)');
    this.Xshifted = this.shift > 0 ? new Float64Array(this.X.length) : null;
    this.initial = Float64Array.from(this.net.w);
    if (this.map.regression && (params.testTime === 'monte-carlo' || params.mcSamples > 0)) {
      throw new ModelConfigError('Monte-Carlo dropout counts classes over masks; regression data has real-valued targets', params.mcSamples > 0 ? 'mcSamples' : 'testTime');
    }
    this.mc = testTime(params, this.net, Math.max(this.n, data.test?.inputs.length ?? 0), `${rng.seed}/monte-carlo`);
  }

  /** True when an epoch is a function of the weights alone: a fixed order, no shifts, no dropout (now: dropout is live). */
  get deterministicEpochs(): boolean {
    if (this.opts.shuffle || this.shift !== 0) return false;
    // a plain loop: the runner asks every epoch, and `every` with a closure was 4 % of a sweep's time
    const keep = this.net.keep;
    for (let k = 0; k < keep.length; k++) if (keep[k] !== 1) return false;
    return true;
  }

  /** Trains on the next batch of the epoch; returns where it started and how many rows. */
  private advance(): { start: number; count: number } {
    if (this.cursor === 0 && this.opts.shuffle) this.order = this.net.shuffledOrder(this.n);
    const { image } = this.data;
    if (this.cursor === 0 && this.Xshifted && image) {
      shiftImages(this.X, this.Xshifted, this.n, image.width, image.height, this.shift, this.background(), this.rng);
    }
    const start = this.cursor;
    const count = Math.min(this.size, this.n - start);
    this.net.trainBatch(this.Xshifted ?? this.X, this.T, this.order, start, count, this.opts);
    this.cursor = start + count >= this.n ? 0 : start + count;
    return { start, count };
  }

  /** The images' background: the smallest training pixel (0, or −1 for bipolar pixels). */
  private background(): number {
    let m = Infinity;
    for (let i = 0; i < this.X.length; i++) if (this.X[i]! < m) m = this.X[i]!;
    return m;
  }

  /** Overwrites weights from flat index `from` (pretrained layers). */
  overwrite(from: number, values: ArrayLike<number>): void {
    this.net.w.set(values, from);
  }

  /** Start of weight layer k (1 … L) in flatWeights(): rows [bias, w…] of W^k. */
  layerOffset(k: number): number {
    return this.net.offsets[k - 1]!;
  }

  step(): StepRecord {
    const net = this.net;
    const L = net.depth;
    const from = net.offsets[L - 1]!;
    const to = net.offsets[L]!;
    const before = Array.from(net.w.subarray(from, to));
    const { start, count } = this.advance();
    const after = Array.from(net.w.subarray(from, to));
    // the buffers hold the last chunk of the batch: its first row is the one written out
    const first = start + Math.floor((count - 1) / net.maxBatch) * net.maxBatch;
    const pattern = this.order ? this.order[first]! : first;
    const units = net.sizes[L]!;
    const nin = net.sizes[L - 1]!;
    // copies: the buffers change with the next update, the explanation may be read later
    const delta = net.delta[L]!.slice(0, units);
    const aPrev = [1, ...net.dropped[L - 1]!.subarray(0, nin)];
    const { eta, momentum, average } = this.opts;
    const explain = (): string => {
      const mu = momentum ? ` + μΔW${L}, μ = ${exact(momentum)}` : '';
      return count === 1
        ? `W${L} ← W${L} − η δ${L} (a${L - 1})ᵀ${mu}: η = ${exact(eta)}, δ${L} = ${vectorHead(delta, 6, EXACT)}, a${L - 1} = ${vectorHead(aPrev, 6, EXACT)}`
        : `W${L} ← W${L} − η ${average ? '(1/B) ' : ''}Σ δ${L} (a${L - 1})ᵀ${mu}: η = ${exact(eta)}, B = ${count}, first δ${L} = ${vectorHead(delta, 6, EXACT)}`;
    };
    return {
      pattern,
      x: this.data.inputs[pattern]!,
      t: Array.from(this.T.subarray(pattern * units, (pattern + 1) * units)),
      net: Array.from(net.z[L]!.subarray(0, units)),
      o: Array.from(net.a[L]!.subarray(0, units)),
      before,
      after,
      changed: after.some((w, i) => w !== before[i]),
      rule: 'gradient',
      batch: count,
      // measured last: the record's net and o above are read from the buffers the measure overwrites
      ...(this.cursor === 0 ? { closes: this.measure() } : {}),
      explain,
    };
  }

  /**
   * What working the next update by hand needs (the quiz, the problem sheets): copies of the
   * weights and the momentum velocity, the layer sizes and activations, the loss, and the options.
   */
  handState(): MlpHandState {
    const net = this.net;
    return {
      sizes: net.sizes,
      activations: net.activations,
      loss: net.lossName,
      w: Array.from(net.w),
      v: Array.from(net.v),
      eta: this.opts.eta,
      momentum: this.opts.momentum ?? 0,
      weightDecay: this.opts.weightDecay ?? 0,
      l1: this.opts.l1 ?? 0,
      batchSize: this.size,
      dropout: net.keep.some((p) => p < 1),
      shuffled: Boolean(this.opts.shuffle),
    };
  }

  /** One pass over the training set; then what it ended with (result()), the full-batch gradient computed once. */
  epoch(): EpochResult {
    let updates = 0;
    do {
      this.advance();
      updates++;
    } while (this.cursor !== 0);
    if (this.lean) return this.result(updates, null);
    // the full-batch gradient, and on the same forward passes the training set's fit and the layer statistics
    const score = { loss: 0, correct: 0 };
    const layers = new LayerCounter(this.net);
    let pass: Pass = { rows: 0, training: false };
    const grads = computeGradients(this.net, this.X, this.T, this.n, true, (start, B, chunk) => {
      this.net.scoreChunk(start, B, score, this.out);
      layers.visit(B);
      pass = chunk;
    });
    const fit = this.fitOf({ loss: score.loss / this.n, accuracy: score.correct / this.n, pass });
    return this.result(updates, grads, { fit, layers: layers.finish(this.n, this.initial) });
  }

  /** The weights now, without training: epoch 0, and an epoch closed by steps. */
  measure(): EpochResult {
    return this.result(0, null);
  }

  /**
   * The EpochResult at the current weights, in one pass over what it needs: the training set's fit
   * (one forward pass: loss, accuracy, and the era's stopping measures maxError and sse), the test
   * split's scores, then the instruments. `grads` is the full-batch gradient at these weights a
   * trained epoch has just computed (its `extra`); without it the gradient is computed here (so
   * epoch 0 reports the gradient at initialisation). The activation statistics read the chunk of
   * the last forward pass run here, named by its Pass: after a trained epoch with a test split,
   * the test split's last chunk (as the runner's five questions used to leave the buffers).
   * `seen`: a trained epoch's fit and layer statistics, read on the gradient's forward passes
   * (epoch()), which would otherwise be two more passes over the training set at these weights.
   */
  private result(updates: number, grads: Gradients | null, seen?: { readonly fit: Fit; readonly layers: LayerStatistics[] }): EpochResult {
    const mc = this.mc.test > 0;
    let fit = mc ? null : (seen?.fit ?? this.fitNow());
    // the last forward pass through the network's buffers (Monte-Carlo scoring has buffers of its own)
    let last: Pass | null = fit?.pass ?? null;
    const train = fit ? { loss: fit.loss, accuracy: fit.accuracy } : scoresOf(this.scoreRows(this.data));
    let test: Scores | undefined;
    if (this.data.test) {
      const scored = this.scoreRows(this.data.test);
      test = scoresOf(scored);
      last = scored.pass ?? last;
    }
    let metrics: Record<string, number>;
    if (this.lean) {
      fit ??= this.fitNow();
      metrics = { maxError: fit.maxError, sse: fit.sse, ...this.mse(fit.sse) };
    } else {
      const g = grads ?? computeGradients(this.net, this.X, this.T, this.n, true);
      if (!grads) last = g.pass;
      if (!fit) {
        fit = seen?.fit ?? this.fitNow();
        last = fit.pass;
      }
      const pass = { ...g.pass, rows: last!.rows, training: last!.training };
      metrics = { ...summaryMetrics(this.net, pass), maxError: fit.maxError, sse: fit.sse, ...this.mse(fit.sse), ...layerMetrics(seen?.layers ?? layerStatistics(this.net, this.X, this.n, this.initial)) };
    }
    const extra = grads ? { gradNorm: grads.gradNorm, meanAbsDelta: grads.meanAbsDelta, weightNorm: weightNorms(this.net) } : null;
    return { train, ...(test ? { test } : {}), updates, metrics, ...(extra ? { extra } : {}), weights: this.net.w, stop: this.divergence() };
  }

  /** The flat buffers of some rows: the training set's own, or built once per row set (the test split). */
  private flat(rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): { X: Float64Array; T: Float64Array } {
    if (rows.inputs === this.data.inputs) return { X: this.X, T: this.T };
    let flat = this.flatCache.get(rows.inputs);
    if (!flat) this.flatCache.set(rows.inputs, (flat = { X: toFlat(rows.inputs), T: mapTargets(rows, this.map) }));
    return flat;
  }

  /**
   * The training set at the current weights, in one forward pass: loss, accuracy, the outputs (in
   * this.out) and the era's stopping measures, max |o − t| and Σ (o − t)².
   */
  private fitNow(): Fit {
    return this.fitOf(this.net.evaluate(this.X, this.T, this.n, this.out));
  }

  /** The fit from the training set's scores, its outputs in this.out. */
  private fitOf(evaluated: { loss: number; accuracy: number; pass: Pass }): Fit {
    const out = this.out;
    const T = this.T;
    const { loss } = evaluated;
    const accuracy = this.map.regression ? this.withinTolerance(out, T, this.n) : evaluated.accuracy;
    let maxError = 0;
    let sse = 0;
    for (let i = 0; i < out.length; i++) {
      const e = out[i]! - T[i]!;
      sse += e * e;
      if (Math.abs(e) > maxError) maxError = Math.abs(e);
    }
    return { pass: evaluated.pass, loss, accuracy, maxError, sse };
  }

  /** Regression: the share of rows whose output lies within the data's tolerance of its target, |o − t| < tolerance. */
  private withinTolerance(out: Float64Array, T: Float64Array, n: number): number {
    const tol = this.data.regression!.tolerance;
    let right = 0;
    for (let r = 0; r < n; r++) if (Math.abs(out[r]! - T[r]!) < tol) right++;
    return n ? right / n : 0;
  }

  /** Loss and accuracy without per-row arrays (Monte-Carlo dropout's when it tests that way). */
  /** Loss and accuracy of some rows, and the pass that left their last chunk in the buffers (none for Monte-Carlo scoring, which has its own). */
  private scoreRows(rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Scores & { readonly pass: Pass | null } {
    if (this.mc.test > 0) {
      const { loss, accuracy } = monteCarloScore(this.net, rows.inputs, this.flat(rows).T, rows.labels, this.map, this.mc.test, this.mc.seed);
      return { loss, accuracy, pass: null };
    }
    if (rows.inputs === this.data.inputs) return this.fitNow();
    const { X, T } = this.flat(rows);
    if (!this.map.regression) return this.net.evaluate(X, T, rows.inputs.length);
    const out = new Float64Array(rows.inputs.length);
    const { loss, pass } = this.net.evaluate(X, T, rows.inputs.length, out);
    return { loss, accuracy: this.withinTolerance(out, T, rows.inputs.length), pass };
  }

  evaluate(rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Evaluation {
    const n = rows.inputs.length;
    const units = this.map.units;
    const { X, T } = this.flat(rows);
    const targets = rows.inputs.map((_, r) => Array.from(T.subarray(r * units, (r + 1) * units)));
    const z = outputNetInputs(this.net, X, n);
    const net = rows.inputs.map((_, r) => Array.from(z.subarray(r * units, (r + 1) * units)));
    if (this.mc.test > 0) return { ...monteCarloScore(this.net, rows.inputs, T, rows.labels, this.map, this.mc.test, this.mc.seed), targets, net };
    const out = rows.inputs === this.data.inputs ? this.out : new Float64Array(n * units);
    const { loss } = this.net.evaluate(X, T, n, out);
    const outputs: number[][] = [];
    const predictions: number[] = [];
    let correct = 0;
    for (let r = 0; r < n; r++) {
      outputs.push(Array.from(out.subarray(r * units, (r + 1) * units)));
      const label = classify(out, r * units, this.map).label;
      predictions.push(label);
      if (label === rows.labels[r]) correct++;
    }
    // regression: right when within tolerance of the target (the prediction is the side of the range's middle)
    const accuracy = this.map.regression ? this.withinTolerance(out, T, n) : n ? correct / n : 0;
    return { loss, accuracy, outputs, predictions, targets, net };
  }

  predict(x: readonly number[]): { label: number; score: number } {
    this.xRow.set(x);
    this.net.predictInto(this.xRow, 1, this.oRow);
    return classify(this.oRow, 0, this.map);
  }

  predictBatch(X: Float64Array, n: number, labels: Int16Array, scores: Float32Array): void {
    const units = this.map.units;
    const out = new Float64Array(n * units);
    this.net.predictInto(X, n, out);
    for (let r = 0; r < n; r++) {
      const p = classify(out, r * units, this.map);
      labels[r] = p.label;
      scores[r] = p.score;
    }
  }

  snapshot(): WeightsSnapshot {
    return { kind: 'layers', layers: weightsToJson(this.net.w, this.net.sizes) };
  }

  /** a^k = f(W^k a^{k−1} + b^k) for each hidden layer k, one row at a time (the lab's per-unit view). */
  hidden(x: readonly number[]): number[][] {
    return hiddenActivations(this.net, x);
  }

  flatWeights(): Float64Array {
    return this.net.w;
  }

  /** Regression: the mean squared error over the training rows, mse = Σ (o − t)² / n (the loss is ½ of it). */
  private mse(sse: number): { mse?: number } {
    return this.map.regression ? { mse: this.n ? sse / this.n : 0 } : {};
  }

  /**
   * A live parameter from the next update on (the lab's live row, a replayed schedule; the runner
   * has checked the value against the schema): the weights and the momentum velocity are kept.
   */
  setLive(param: string, value: ParamValue): void {
    const v = value as number;
    switch (param) {
      case 'learningRate':
        return void (this.opts = { ...this.opts, eta: v });
      case 'momentum':
        return void (this.opts = { ...this.opts, momentum: v });
      case 'weightDecay':
        return void (this.opts = { ...this.opts, weightDecay: v });
      case 'l1':
        return void (this.opts = { ...this.opts, l1: v });
      case 'batchSize':
        // applied at an epoch's start (cursor 0): the next epoch's batches have the new size
        this.size = v <= 0 ? this.n : Math.min(v, this.n);
        return void (this.opts = { ...this.opts, batchSize: this.size });
      case 'activation':
        return asParams(() => this.net.setHiddenActivation(value as ActivationName));
      case 'keepInput':
        return this.net.setKeep(v, this.net.keep[1] ?? 1);
      case 'keepHidden':
        return this.net.setKeep(this.net.keep[0]!, v);
      default:
        throw new ModelConfigError(`${param} cannot change while the network trains`, param);
    }
  }

  /** The output that ran: softmax-ce for several classes, whatever was asked (targets.ts). */
  ranWith(): Readonly<Record<string, ParamValue>> {
    return { output: this.map.output };
  }

  /** Once at the end: the per-layer statistics, the collapsed map, and the Monte-Carlo comparison (report.ts). */
  finalReport(): FinalReport {
    const rows = this.data.test ?? this.data;
    const mc = { samples: this.mc.samples, seed: this.mc.seed, rows: rows.inputs, T: this.flat(rows).T, labels: rows.labels, map: this.map, split: this.data.test ? 'test' : 'train' };
    return networkReport(this.net, this.X, this.n, this.initial, mc);
  }

  /** The stop reason of a result: a weight that is no longer a finite number (η too large). */
  private divergence(): Cause | null {
    // a plain loop: every epoch's result asks
    const w = this.net.w;
    let p = 0;
    while (p < w.length && Number.isFinite(w[p]!)) p++;
    return p === w.length ? null : cause('eta-too-large', { index: p, value: w[p]!, eta: this.opts.eta });
  }

  describe(): (string | Said)[] {
    const net = this.net;
    const sizes = net.sizes;
    const count = sizes.slice(1).map((h, k) => `(${sizes[k]}+1)·${h}`);
    const hidden = net.activations.slice(1, -1);
    const dropout = net.keep.some((p) => p < 1) ? said('mlp.dropout', { input: exact(net.keep[0]!), hidden: exact(net.keep[1] ?? 1) }) : '';
    const batch = this.size === 1 ? said('batch.online') : this.size === this.n ? said('batch.full') : said('batch.mini', { size: this.size });
    return [
      said('mlp.arch', { sizes: sizes.join('-'), hidden: hidden.length ? said('mlp.hidden', { names: [...new Set(hidden)].join('/') }) : '', output: this.map.output }),
      said('mlp.params', { count: count.join(' + '), total: net.w.length }),
      said('mlp.training', {
        eta: exact(this.opts.eta),
        mu: exact(this.opts.momentum ?? 0),
        lambda: exact(this.opts.weightDecay ?? 0) + (this.opts.l1 ? `, λ₁ = ${exact(this.opts.l1)}` : ''),
        batch,
        order: said(this.opts.shuffle ? 'order.shuffled' : 'order.fixed'),
        dropout,
        shift: this.shift ? said('mlp.shift', { px: this.shift }) : '',
      }),
      ...this.map.notes,
      ...analysisLines(this.net, this.mc.test, this.mc.samples),
    ];
  }
}
