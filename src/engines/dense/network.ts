/**
 * The layered network: dense layers over Float64Array buffers preallocated for maxBatch rows.
 * Layers are numbered as in the lecture: a^0 is the input, z^k = W^k a^{k−1}, a^k = f(z^k),
 * k = 1 … L. Weights of layer k are row-major [out][1 + in] with the bias first (w0 on a0 = 1),
 * all layers in one flat vector. Nothing in the training loop allocates.
 */
import type { Rng } from '../../core/rng.js';
import { ModelConfigError } from '../../core/types.js';
import { ACTIVATIONS, type ActivationName, SOFTMAX, activate, timesDerivative } from './activations.js';
import { type NetworkConfig, type TrainOptions, resolveLayers } from './config.js';
import { initWeights, layerOffsets, loadWeights } from './init.js';
import { type ChunkFn, compileChunk } from './compiled.js';
import { type Dropout, type Stack, denseBackward, forwardPass } from './kernels.js';
import { type Loss, type LossName, type OutputActivation, outputDelta } from './losses.js';

/**
 * What a forward pass left in the layer buffers: how many rows z^k and a^k hold, and whether they
 * were drawn with dropout masks (then the backward pass reads a^k ∘ m^k). A value, not a field of
 * the network: whoever reads the buffers (the backward pass, the instruments) is handed the pass
 * that filled them. Valid until the next forward pass over the same network.
 */
export interface Pass {
  readonly rows: number;
  readonly training: boolean;
}

export class Network {
  readonly sizes: readonly number[];
  /** L, the number of weight layers. */
  readonly depth: number;
  readonly maxBatch: number;
  readonly trainable: boolean;
  readonly threshold: number;
  /** Activation name of layer k (index 0, the input, is 'linear'). */
  readonly activations: readonly OutputActivation[];
  readonly lossName: LossName;
  /** Every weight; layer k starts at offsets[k − 1]. */
  readonly w: Float64Array;
  /** ∂J/∂W summed over the rows of the last batch (times the scale of the update or of computeGradients' pass for the gradient). */
  readonly g: Float64Array;
  /** Momentum velocity. */
  readonly v: Float64Array;
  readonly offsets: Int32Array;
  /** Per layer k, rows × units row-major: z^k, a^k = f(z^k), delta^k = ∂J/∂z^k. */
  readonly z: Float64Array[];
  readonly a: Float64Array[];
  readonly delta: Float64Array[];
  /** Dropout mask of a^k (0 or 1/keep), null when layer k keeps every unit. */
  readonly mask: (Float64Array | null)[];
  /** a^k ∘ m^k, what layer k + 1 reads while training with dropout (else a^k itself). */
  readonly dropped: Float64Array[];
  readonly keep: Float64Array;
  /** Target rows of the loaded batch. */
  readonly t: Float64Array;
  /**
   * Generated load + forward + backward of a training chunk (compiled.ts), with or without its
   * buffer writes (without where a later chunk overwrites its rows) and the batch's plain SGD step;
   * null runs the generic kernels.
   */
  chunk: ChunkFn | null = null;
  private readonly act: Int8Array;
  private readonly loss: Loss;
  private readonly rng: Rng;
  private order = new Uint32Array(0);
  /** The layers and the dropout of the forward pass (kernels.ts). */
  private readonly stack: Stack;
  private readonly dropout: Dropout;

  constructor(config: NetworkConfig, rng: Rng) {
    const r = resolveLayers(config);
    const sizes = r.sizes;
    const L = r.depth;
    this.sizes = sizes;
    this.depth = L;
    this.rng = rng;
    this.maxBatch = r.maxBatch;
    this.trainable = r.trainable;
    this.activations = r.activations;
    this.lossName = r.lossName;
    this.loss = r.loss;
    this.act = r.act;
    this.keep = r.keep;
    this.threshold = r.threshold;
    this.offsets = layerOffsets(sizes);
    const count = this.offsets[L]!;
    this.w = new Float64Array(count);
    this.g = new Float64Array(count);
    this.v = new Float64Array(count);
    if (config.weights !== undefined && config.weights !== null) loadWeights(this.w, sizes, config.weights);
    else initWeights(this.w, sizes, config.init ?? 'standard', config.initRange ?? 0.5, rng);
    const B = this.maxBatch;
    const buf = (k: number): Float64Array => new Float64Array(B * sizes[k]!);
    this.z = sizes.map((_, k) => (k === 0 ? new Float64Array(0) : buf(k)));
    this.a = sizes.map((_, k) => buf(k));
    this.delta = sizes.map((_, k) => (k === 0 ? new Float64Array(0) : buf(k)));
    this.mask = sizes.map((_, k) => (k < L && this.keep[k]! < 1 ? buf(k) : null));
    this.dropped = sizes.map((_, k) => (this.mask[k] ? buf(k) : this.a[k]!));
    this.t = new Float64Array(B * sizes[L]!);
    this.stack = { sizes, offsets: this.offsets, act: this.act, w: this.w };
    this.dropout = { rng, keep: this.keep, mask: this.mask, dropped: this.dropped };
    this.recompile();
  }

  /** Copies rows (order[start …] or start … when order is null) of X and T into a^0 and t. */
  load(X: Float64Array, T: Float64Array | null, order: Uint32Array | null, start: number, B: number): void {
    const nin = this.sizes[0]!;
    const nout = this.sizes[this.depth]!;
    const a0 = this.a[0]!;
    const t = this.t;
    for (let s = 0; s < B; s++) {
      const r = order === null ? start + s : order[start + s]!;
      for (let i = 0, src = r * nin, dst = s * nin; i < nin; i++) a0[dst + i] = X[src + i]!;
      if (T !== null) for (let c = 0, src = r * nout, dst = s * nout; c < nout; c++) t[dst + c] = T[src + c]!;
    }
  }

  /** Forward pass over the B loaded rows; training draws dropout masks from the Rng. Returns what it left in the buffers. */
  forward(B: number, training: boolean): Pass {
    forwardPass(this.stack, this.z, this.a, B, training ? this.dropout : null);
    return { rows: B, training };
  }

  /** Backward pass over the chunk the forward `pass` left: adds its rows' ∂J/∂W to g; returns their loss. */
  backward(pass: Pass): number {
    const B = pass.rows;
    const L = this.depth;
    const sizes = this.sizes;
    const w = this.w;
    const g = this.g;
    const loss = outputDelta(this.act[L]!, this.loss, this.z[L]!, this.a[L]!, this.t, this.delta[L]!, B, sizes[L]!);
    for (let k = L; k >= 1; k--) {
      const nin = sizes[k - 1]!;
      const nout = sizes[k]!;
      const delta = this.delta[k]!;
      const aPrev = pass.training ? this.dropped[k - 1]! : this.a[k - 1]!;
      const dPrev = k > 1 ? this.delta[k - 1]! : null;
      if (dPrev) dPrev.fill(0, 0, B * nin);
      // ∂J/∂W^k += delta^k (a^{k−1})^T, and (W^k)^T delta^k into dPrev, in one sweep over W^k
      denseBackward(w, g, this.offsets[k - 1]!, nin, nout, delta, aPrev, dPrev, B);
      if (dPrev === null) break;
      // delta^{k−1} = f'(z^{k−1}) ∘ (W^k)^T delta^k  (∘ m^{k−1} under dropout)
      timesDerivative(this.act[k - 1]!, this.z[k - 1]!, this.a[k - 1]!, dPrev, B * nin);
      const m = pass.training ? this.mask[k - 1] : null;
      if (m) for (let e = 0, len = B * nin; e < len; e++) dPrev[e]! *= m[e]!;
    }
    return loss;
  }

  /**
   * A live change (issue 25): every hidden layer computes a^k = f(z^k) with the activation `name`
   * from the next forward pass on (and f′ backward); the weights and the velocity stay.
   */
  setHiddenActivation(name: ActivationName): void {
    const f = Object.hasOwn(ACTIVATIONS, name) ? ACTIVATIONS[name] : undefined;
    if (f === undefined) throw new ModelConfigError(`unknown activation "${String(name)}"`, 'hidden');
    const names = this.activations as OutputActivation[];
    for (let k = 1; k < this.depth; k++) {
      this.act[k] = f.code;
      names[k] = name;
    }
    this.recompile();
  }

  /**
   * A live change of the dropout keep probabilities (issue 25): p of the input units and of every
   * hidden layer's, in (0, 1]; a layer dropped for the first time gets its mask buffers here.
   */
  setKeep(keepInput: number, keepHidden: number): void {
    for (let k = 0; k < this.depth; k++) {
      const p = k === 0 ? keepInput : keepHidden;
      if (!(p > 0 && p <= 1)) throw new ModelConfigError(`keep probability of layer ${k} must be in (0, 1], got ${p}`);
    }
    const B = this.maxBatch;
    for (let k = 0; k < this.depth; k++) {
      const p = k === 0 ? keepInput : keepHidden;
      this.keep[k] = p;
      if (p < 1 && this.mask[k] === null) {
        this.mask[k] = new Float64Array(B * this.sizes[k]!);
        this.dropped[k] = new Float64Array(B * this.sizes[k]!);
      } else if (p === 1 && this.mask[k] !== null) {
        this.mask[k] = null;
        this.dropped[k] = this.a[k]!;
      }
    }
    this.recompile();
  }

  /** The generated training chunk for the activations and dropout now (none under dropout). */
  private recompile(): void {
    this.chunk = this.trainable ? compileChunk(this.sizes, this.act, this.loss, this.mask.some((m) => m !== null)) : null;
  }

  /** Numeric activation code of layer k (what the loops switch on). */
  activationCode(k: number): number {
    return this.act[k]!;
  }

  /** One update from g: gradient ∇ = scale·g (+ λW + λ₁ sign W on non-bias weights). */
  update(scale: number, eta: number, mu: number, lambda: number, lambda1 = 0): void {
    const w = this.w;
    const g = this.g;
    const v = this.v;
    if (mu === 0 && lambda === 0 && lambda1 === 0) {
      const step = eta * scale;
      // W^k ← W^k − η Σ_rows delta^k (a^{k−1})^T, the sum held in g (times 1/B when averaging)
      for (let p = 0, n = w.length; p < n; p++) w[p]! -= step * g[p]!;
      return;
    }
    const sizes = this.sizes;
    for (let k = 1, p = 0; k <= this.depth; k++) {
      const nin = sizes[k - 1]!;
      for (let j = 0; j < sizes[k]!; j++) {
        // v ← μv − η ∂J/∂w0;  w0 ← w0 + v  (no decay on the bias)
        v[p] = mu * v[p]! - eta * scale * g[p]!;
        w[p]! += v[p]!;
        p++;
        for (let i = 0; i < nin; i++, p++) {
          // v ← μv − η (∂J/∂W + λW + λ₁ sign W);  W ← W + v  (J + λ/2 ‖W‖² + λ₁ ‖W‖₁)
          v[p] = mu * v[p]! - eta * (scale * g[p]! + lambda * w[p]! + lambda1 * Math.sign(w[p]!));
          w[p]! += v[p]!;
        }
      }
    }
  }

  /**
   * One update from `count` rows (order[start …], or start … when order is null), accumulated
   * in chunks of maxBatch. Returns the summed loss of those rows before the update.
   */
  trainBatch(
    X: Float64Array, T: Float64Array, order: Uint32Array | null, start: number, count: number, opts: TrainOptions,
  ): number {
    return this.batch(X, T, order, start, count, opts, 0);
  }

  /**
   * trainBatch, where the chunks of at most `later` rows need not write the buffers: a chunk of the
   * same epoch after this batch writes at least that many rows (trainEpoch), so its writes would be
   * overwritten. Chunks within the batch are counted too: a chunk writes its buffers only when it
   * has more rows than any chunk after it, exactly the rows the generic path leaves at the end.
   */
  private batch(
    X: Float64Array, T: Float64Array, order: Uint32Array | null, start: number, count: number, opts: TrainOptions, later: number,
  ): number {
    if (!this.trainable) throw new ModelConfigError('this network was built forward-only (trainable: false)');
    this.g.fill(0);
    let loss = 0;
    const maxBatch = this.maxBatch;
    const scale = (opts.average ?? true) ? 1 / count : 1;
    const mu = opts.momentum ?? 0;
    const lambda = opts.weightDecay ?? 0;
    const lambda1 = opts.l1 ?? 0;
    if (this.chunk !== null && count <= maxBatch && count <= later && mu === 0 && lambda === 0 && lambda1 === 0) {
      // one quiet chunk (a later one writes the buffers) that also makes the plain SGD step of update()
      loss += this.chunk(this.w, this.g, X, T, order, start, count, this.a, this.z, this.delta, this.t, opts.eta * scale, false, true);
      return loss;
    }
    for (let c = 0; c < count; c += maxBatch) {
      const B = Math.min(maxBatch, count - c);
      if (this.chunk !== null) {
        // the most rows any later chunk writes: the next one of this batch, or the epoch's later batches
        const after = Math.max(Math.min(maxBatch, count - c - B), later);
        loss += this.chunk(this.w, this.g, X, T, order, start + c, B, this.a, this.z, this.delta, this.t, 0, B > after, false);
        continue;
      }
      this.load(X, T, order, start + c, B);
      loss += this.backward(this.forward(B, true));
    }
    this.update(scale, opts.eta, mu, lambda, lambda1);
    return loss;
  }

  /** One epoch over n row-major rows of X (n × in) and T (n × out); returns the mean loss. */
  trainEpoch(X: Float64Array, T: Float64Array, n: number, opts: TrainOptions): number {
    const size = (opts.batchSize ?? 1) <= 0 ? n : Math.min(opts.batchSize ?? 1, n);
    const order = opts.shuffle ? this.shuffledOrder(n) : null;
    let loss = 0;
    for (let start = 0; start < n; start += size) {
      const next = start + size;
      // the first chunk of the next batch is the largest of the batches after this one
      const later = next < n ? Math.min(this.maxBatch, size, n - next) : 0;
      loss += this.batch(X, T, order, start, Math.min(size, n - start), opts, later);
    }
    return loss / n;
  }

  /** 0 … n − 1 reshuffled with the Rng (the buffer is reused while n stays the same). */
  shuffledOrder(n: number): Uint32Array {
    if (this.order.length !== n) this.order = new Uint32Array(n);
    const order = this.order;
    for (let i = 0; i < n; i++) order[i] = i;
    this.rng.shuffleIndices(order);
    return order;
  }

  /** Output activations of n rows into out (n × units), no dropout; returns the last chunk's pass. */
  predictInto(X: Float64Array, n: number, out: Float64Array): Pass {
    const nout = this.sizes[this.depth]!;
    const aL = this.a[this.depth]!;
    let pass: Pass = { rows: 0, training: false };
    for (let start = 0; start < n; start += this.maxBatch) {
      const B = Math.min(this.maxBatch, n - start);
      this.load(X, null, null, start, B);
      pass = this.forward(B, false);
      for (let e = 0, len = B * nout, dst = start * nout; e < len; e++) out[dst + e] = aL[e]!;
    }
    return pass;
  }

  /** Mean loss and accuracy on n rows, no dropout, no update; the outputs (n × units) also into `out` when given; `pass`: the last chunk's. */
  evaluate(X: Float64Array, T: Float64Array, n: number, out?: Float64Array): { loss: number; accuracy: number; pass: Pass } {
    const score = { loss: 0, correct: 0 };
    let pass: Pass = { rows: 0, training: false };
    for (let start = 0; start < n; start += this.maxBatch) {
      const B = Math.min(this.maxBatch, n - start);
      this.load(X, T, null, start, B);
      pass = this.forward(B, false);
      this.scoreChunk(start, B, score, out);
    }
    return { loss: score.loss / n, accuracy: score.correct / n, pass };
  }

  /**
   * Adds the chunk in the buffers (rows start … start + B − 1, loaded with their targets and run
   * forward) to a running score: the loss summed, the rows classified right counted; copies its
   * outputs to out.
   */
  scoreChunk(start: number, B: number, score: { loss: number; correct: number }, out?: Float64Array): void {
    const L = this.depth;
    const nout = this.sizes[L]!;
    const aL = this.a[L]!;
    const t = this.t;
    const thr = this.threshold;
    score.loss += this.loss.sum(this.z[L]!, aL, t, B, nout);
    if (out) for (let e = 0, len = B * nout, dst = start * nout; e < len; e++) out[dst + e] = aL[e]!;
    for (let s = 0; s < B; s++) {
      if (nout === 1) {
        if ((aL[s]! >= thr) === (t[s]! >= thr)) score.correct++;
      } else if (argmax(aL, s * nout, nout) === argmax(t, s * nout, nout)) score.correct++;
    }
  }
}

/** Index of the largest of len entries from o (the first on ties). */
export function argmax(x: Float64Array, o: number, len: number): number {
  let best = 0;
  for (let k = 1; k < len; k++) if (x[o + k]! > x[o + best]!) best = k;
  return best;
}

export function createNetwork(config: NetworkConfig, rng: Rng): Network {
  return new Network(config, rng);
}
