/**
 * The layered network: dense layers over Float64Array buffers preallocated for maxBatch rows.
 * Layers are numbered as in the lecture: a^0 is the input, z^k = W^k a^{k−1}, a^k = f(z^k),
 * k = 1 … L. Weights of layer k are row-major [out][1 + in] with the bias first (w0 on a0 = 1),
 * all layers in one flat vector. Nothing in the training loop allocates.
 */
import type { Rng } from '../../core/rng.js';
import { ModelConfigError } from '../../core/types.js';
import { SOFTMAX, activate, timesDerivative } from './activations.js';
import { type NetworkConfig, type TrainOptions, resolveLayers } from './config.js';
import { initWeights, layerOffsets, loadWeights } from './init.js';
import { type ChunkFn, compileChunk } from './compiled.js';
import { denseBackward, denseForward } from './kernels.js';
import { type Loss, type LossName, type OutputActivation, outputDelta, softmaxRows } from './losses.js';

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
  /** Generated load + forward + backward of a training chunk (compiled.ts); null runs the generic kernels. */
  chunk: ChunkFn | null;
  private readonly act: Int8Array;
  private readonly loss: Loss;
  private readonly rng: Rng;
  private order = new Uint32Array(0);

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
    this.chunk = this.trainable ? compileChunk(sizes, this.act, this.loss, this.mask.some((m) => m !== null)) : null;
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
    const sizes = this.sizes;
    const w = this.w;
    if (training && this.mask[0]) this.drop(0, B);
    for (let k = 1; k <= this.depth; k++) {
      const nin = sizes[k - 1]!;
      const nout = sizes[k]!;
      const aPrev = training ? this.dropped[k - 1]! : this.a[k - 1]!;
      const z = this.z[k]!;
      // z^k = W^k a^{k−1}, the bias w0 on a0 = 1
      denseForward(w, this.offsets[k - 1]!, nin, nout, aPrev, z, B);
      // a^k = f(z^k)
      if (this.act[k] === SOFTMAX) softmaxRows(z, this.a[k]!, B, nout);
      else activate(this.act[k]!, z, this.a[k]!, B * nout);
      if (training && this.mask[k]) this.drop(k, B);
    }
    return { rows: B, training };
  }

  /** Inverted dropout of a^k: m = 1/keep with probability keep, else 0. */
  private drop(k: number, B: number): void {
    const m = this.mask[k]!;
    const a = this.a[k]!;
    const out = this.dropped[k]!;
    const p = this.keep[k]!;
    const inv = 1 / p;
    const rng = this.rng;
    for (let e = 0, len = B * this.sizes[k]!; e < len; e++) {
      const mk = rng.uniform() < p ? inv : 0;
      m[e] = mk;
      out[e] = a[e]! * mk;
    }
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

  /** Numeric activation code of layer k (what the loops switch on). */
  activationCode(k: number): number {
    return this.act[k]!;
  }

  /** One update from g: gradient ∇ = scale·g (+ λW on non-bias weights). */
  update(scale: number, eta: number, mu: number, lambda: number): void {
    const w = this.w;
    const g = this.g;
    const v = this.v;
    if (mu === 0 && lambda === 0) {
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
          // v ← μv − η (∂J/∂W + λW);  W ← W + v
          v[p] = mu * v[p]! - eta * (scale * g[p]! + lambda * w[p]!);
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
    if (!this.trainable) throw new ModelConfigError('this network was built forward-only (trainable: false)');
    this.g.fill(0);
    let loss = 0;
    for (let c = 0; c < count; c += this.maxBatch) {
      const B = Math.min(this.maxBatch, count - c);
      if (this.chunk !== null) {
        loss += this.chunk(this.w, this.g, X, T, order, start + c, B, this.a, this.z, this.delta, this.t);
        continue;
      }
      this.load(X, T, order, start + c, B);
      loss += this.backward(this.forward(B, true));
    }
    const scale = (opts.average ?? true) ? 1 / count : 1;
    this.update(scale, opts.eta, opts.momentum ?? 0, opts.weightDecay ?? 0);
    return loss;
  }

  /** One epoch over n row-major rows of X (n × in) and T (n × out); returns the mean loss. */
  trainEpoch(X: Float64Array, T: Float64Array, n: number, opts: TrainOptions): number {
    const size = (opts.batchSize ?? 1) <= 0 ? n : Math.min(opts.batchSize ?? 1, n);
    const order = opts.shuffle ? this.shuffledOrder(n) : null;
    let loss = 0;
    for (let start = 0; start < n; start += size) {
      loss += this.trainBatch(X, T, order, start, Math.min(size, n - start), opts);
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
    const L = this.depth;
    const nout = this.sizes[L]!;
    const aL = this.a[L]!;
    const t = this.t;
    const thr = this.threshold;
    let loss = 0;
    let correct = 0;
    let pass: Pass = { rows: 0, training: false };
    for (let start = 0; start < n; start += this.maxBatch) {
      const B = Math.min(this.maxBatch, n - start);
      this.load(X, T, null, start, B);
      pass = this.forward(B, false);
      loss += this.loss.sum(this.z[L]!, aL, t, B, nout);
      if (out) for (let e = 0, len = B * nout, dst = start * nout; e < len; e++) out[dst + e] = aL[e]!;
      for (let s = 0; s < B; s++) {
        if (nout === 1) {
          if ((aL[s]! >= thr) === (t[s]! >= thr)) correct++;
        } else if (argmax(aL, s * nout, nout) === argmax(t, s * nout, nout)) correct++;
      }
    }
    return { loss: loss / n, accuracy: correct / n, pass };
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
