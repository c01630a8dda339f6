/**
 * What a student checks by hand on a trained network, computed over every row of a data set (not
 * only the last chunk the instruments see): per layer the share of exactly-zero activations (ReLU
 * sparsity: about half at initialisation, Glorot, Bordes & Bengio 2011), the units that are 0 on
 * every row (dead), the variance of the weights W^k (bias column excluded: the quantity Glorot and
 * He initialisations set), how far each layer moved from its initial weights; the output net
 * inputs z^L per row; and, when every hidden layer is linear, the one affine map the stack
 * collapses to (the lecture's "why nonlinearity").
 * Layers are numbered as in the lecture: k = 1 … L, a^k the activations of layer k, W^k its weights.
 */
import { ACTIVATIONS, type ActivationName, SOFTMAX } from './activations.js';
import { type Stack, forwardPass } from './kernels.js';
import type { Network } from './network.js';

export interface LayerStatistics {
  /** Layer k = 1 … L. */
  readonly layer: number;
  readonly units: number;
  readonly activation: string;
  /** Share of (row, unit) pairs with a^k exactly 0. */
  readonly zeroShare: number;
  /** Units of layer k whose a^k is 0 on every row. */
  readonly deadUnits: number;
  /** Population variance of the entries of W^k without the bias column. */
  readonly weightVariance: number;
  /** ‖W^k − W^k(0)‖ (Frobenius, bias column included), when the initial weights are given. */
  readonly weightChange?: number;
}

const stacks = new WeakMap<Network, Stack>();
/** The net's layers as the forward pass reads them (its weights by reference, so they stay current). */
export function stackOf(net: Network): Stack {
  let s = stacks.get(net);
  if (!s) {
    const act = Int8Array.from(net.activations, (name) => (name === 'softmax' ? SOFTMAX : ACTIVATIONS[name as ActivationName].code));
    s = { sizes: net.sizes, offsets: net.offsets, act, w: net.w };
    stacks.set(net, s);
  }
  return s;
}

/** a^k = f(W^k a^{k−1}) of every hidden layer k for one input row (buffers of its own: the net's are left as they are). */
export function hiddenActivations(net: Network, x: readonly number[]): number[][] {
  const a = net.sizes.map((units) => new Float64Array(units));
  const z = net.sizes.map((units) => new Float64Array(units));
  a[0]!.set(x);
  forwardPass(stackOf(net), z, a, 1, null);
  return a.slice(1, -1).map((layer) => Array.from(layer));
}

/** Runs rows 0 … n − 1 through the net chunk by chunk (no dropout) and calls visit after each chunk. */
function sweep(net: Network, X: Float64Array, n: number, visit: (start: number, B: number) => void): void {
  for (let start = 0; start < n; start += net.maxBatch) {
    const B = Math.min(net.maxBatch, n - start);
    net.load(X, null, null, start, B);
    net.forward(B, false);
    visit(start, B);
  }
}

/** Variance of W^k's non-bias entries. */
function weightVariance(net: Network, k: number): number {
  const nin = net.sizes[k - 1]!;
  const from = net.offsets[k - 1]!;
  let sum = 0;
  let sq = 0;
  let count = 0;
  for (let p = from; p < net.offsets[k]!; p += nin + 1) {
    for (let i = 1; i <= nin; i++) {
      const v = net.w[p + i]!;
      sum += v;
      sq += v * v;
      count++;
    }
  }
  const mean = sum / count;
  return Math.max(0, sq / count - mean * mean);
}

/** Per-layer statistics over n rows of X (n × inputs); `initial` (the flat weights at the start) adds weightChange. */
export function layerStatistics(net: Network, X: Float64Array, n: number, initial?: Float64Array): LayerStatistics[] {
  const counter = new LayerCounter(net);
  sweep(net, X, n, (_start, B) => counter.visit(B));
  return counter.finish(n, initial);
}

/** layerStatistics' counts, chunk by chunk: visit each chunk after its forward pass, then finish. */
export class LayerCounter {
  private readonly zeros: Float64Array;
  private readonly alive: Uint8Array[];
  constructor(private readonly net: Network) {
    this.zeros = new Float64Array(net.depth + 1);
    this.alive = net.sizes.map((units) => new Uint8Array(units));
  }

  /** Counts the chunk of B rows in the net's buffers. */
  visit(B: number): void {
    const net = this.net;
    for (let k = 1; k <= net.depth; k++) {
      const units = net.sizes[k]!;
      const a = net.a[k]!;
      const alive = this.alive[k]!;
      for (let e = 0; e < B * units; e++) {
        if (a[e] === 0) this.zeros[k]!++;
        else alive[e % units] = 1;
      }
    }
  }

  /** The statistics of the n rows visited (and how far each layer moved from `initial`). */
  finish(n: number, initial?: Float64Array): LayerStatistics[] {
    const net = this.net;
    const stats: LayerStatistics[] = [];
    for (let k = 1; k <= net.depth; k++) {
      const units = net.sizes[k]!;
      let change = 0;
      if (initial) for (let p = net.offsets[k - 1]!; p < net.offsets[k]!; p++) change += (net.w[p]! - initial[p]!) ** 2;
      stats.push({
        layer: k,
        units,
        activation: net.activations[k]!,
        zeroShare: n > 0 ? this.zeros[k]! / (n * units) : 0,
        deadUnits: n > 0 ? units - this.alive[k]!.reduce((s, v) => s + v, 0) : 0,
        weightVariance: weightVariance(net, k),
        ...(initial ? { weightChange: Math.sqrt(change) } : {}),
      });
    }
    return stats;
  }
}

/** The output layer's net inputs z^L of n rows, row-major n × outputs. */
export function outputNetInputs(net: Network, X: Float64Array, n: number): Float64Array {
  const nout = net.sizes[net.depth]!;
  const out = new Float64Array(n * nout);
  const zL = net.z[net.depth]!;
  sweep(net, X, n, (start, B) => out.set(zL.subarray(0, B * nout), start * nout));
  return out;
}

/** [1 0; b W] of layer k: the affine map a^{k−1} ↦ a^k of a linear layer in homogeneous form (bias row first). */
function homogeneous(net: Network, k: number): number[][] {
  const nin = net.sizes[k - 1]!;
  const rows: number[][] = [[1, ...new Array<number>(nin).fill(0)]];
  for (let j = 0; j < net.sizes[k]!; j++) {
    const p = net.offsets[k - 1]! + j * (nin + 1);
    rows.push(Array.from(net.w.subarray(p, p + nin + 1)));
  }
  return rows;
}

const multiply = (A: number[][], B: number[][]): number[][] =>
  A.map((row) => B[0]!.map((_, c) => row.reduce((s, v, i) => s + v * B[i]![c]!, 0)));

/**
 * When every hidden layer is linear, z^L = W^L [1; W^{L−1} [1; … W^1 [1; x]]] is one affine map
 * of x: the product of the layers' homogeneous matrices, [output][1 + inputs] with the bias first.
 * Null when some hidden layer is not linear (or there is none).
 */
export function collapsedMap(net: Network): number[][] | null {
  const L = net.depth;
  if (L < 2 || net.activations.slice(1, L).some((f) => f !== ACTIVATIONS.linear.name)) return null;
  let M = homogeneous(net, 1);
  for (let k = 2; k <= L; k++) M = multiply(homogeneous(net, k), M);
  // drop the homogeneous row [1 0 … 0]
  return M.slice(1);
}
