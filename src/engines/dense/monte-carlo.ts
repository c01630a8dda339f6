/**
 * Test-time prediction of a dropout network, the two ways Srivastava et al. (2014, §7.5) compare:
 *   weight scaling  one pass without masks. With inverted dropout (ã = a ∘ m, m ∈ {0, 1/p}) the
 *                   training pass already scales, so this is their "scale the weights by p";
 *   Monte-Carlo     the average output over k passes, each with fresh random masks: an estimate
 *                   of the mean prediction of the thinned networks.
 * The masked passes draw their masks as the reference engine (reference.ts) does — layer by
 * layer, row by row, unit by unit — from an Rng of their own, so evaluating never disturbs
 * training's stream and the same weights always give the same averages; a test checks them
 * against the reference's forward pass bit for bit.
 */
import type { Rng } from '../../core/rng.js';
import { ACTIVATIONS, type ActivationName } from './activations.js';
import { stackOf } from './analysis.js';
import { weightsToJson } from './init.js';
import type { Network } from './network.js';
import { type Dropout, forwardPass } from './kernels.js';
import type { ReferenceNet } from './reference.js';

/** The network's current weights as a reference net (plain arrays): the tests check the fast passes against it. */
export function referenceOf(net: Network): ReferenceNet {
  const W = weightsToJson(net.w, net.sizes);
  return {
    f: net.activations.slice(1).map((name) => (name === 'softmax' ? 'softmax' : ACTIVATIONS[name as ActivationName])),
    loss: net.lossName,
    keep: Array.from(net.keep),
    W,
    v: W.map((layer) => layer.map((row) => row.map(() => 0))),
  };
}

export interface MonteCarloCurve {
  /** Output rows of the weight-scaled pass. */
  readonly scaled: number[][];
  /** For each requested k (ascending): the average output rows over the first k masked passes. */
  readonly averages: ReadonlyMap<number, number[][]>;
}

/**
 * One pass of n rows through the net's weights (the engine's forward pass, kernels.ts): with
 * dropout, masks m^k (0 or 1/p) are drawn for layers 0 … L − 1 from its own Rng, and ã^k = a^k ∘ m^k
 * (in place) is what layer k + 1 reads. Returns a^L (n × outputs).
 */
function pass(net: Network, X: Float64Array, n: number, dropout: Dropout | null, buf: Float64Array[], zbuf: Float64Array[]): Float64Array {
  buf[0]!.set(X.subarray(0, n * net.sizes[0]!));
  forwardPass(stackOf(net), zbuf, buf, n, dropout);
  return buf[net.depth]!;
}

/**
 * Averages over the first k masked passes for every k in ks (one sequence of max(ks) passes, so
 * the average at 100 extends the one at 10), beside the weight-scaled outputs.
 */
export function monteCarlo(net: Network, rows: readonly (readonly number[])[], ks: readonly number[], rng: Rng): MonteCarloCurve {
  const n = rows.length;
  const nout = net.sizes[net.depth]!;
  const X = Float64Array.from(rows.flat());
  const buf = net.sizes.map((units) => new Float64Array(n * units));
  const zbuf = net.sizes.map((units) => new Float64Array(n * units));
  const toRows = (flat: ArrayLike<number>, scale = 1): number[][] =>
    Array.from({ length: n }, (_, r) => Array.from({ length: nout }, (_, c) => flat[r * nout + c]! * scale));
  const scaled = toRows(pass(net, X, n, null, buf, zbuf));
  // masks for the layers that drop units (a^L never does); ã^k overwrites a^k
  const mask = net.sizes.map((units, k) => (k < net.depth && net.keep[k]! < 1 ? new Float64Array(n * units) : null));
  const dropout: Dropout = { rng, keep: net.keep, mask, dropped: buf };
  const sum = new Float64Array(n * nout);
  const wanted = [...new Set(ks)].filter((k) => k >= 1).sort((a, b) => a - b);
  const averages = new Map<number, number[][]>();
  const K = wanted.at(-1) ?? 0;
  for (let s = 1; s <= K; s++) {
    const out = pass(net, X, n, dropout, buf, zbuf);
    for (let e = 0; e < sum.length; e++) sum[e]! += out[e]!;
    if (wanted.includes(s)) averages.set(s, toRows(sum, 1 / s));
  }
  return { scaled, averages };
}

/** Mean |a − b| over every entry of two equally shaped row sets. */
export function meanAbsGap(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let s = 0;
  let count = 0;
  a.forEach((row, r) => row.forEach((v, c) => ((s += Math.abs(v - b[r]![c]!)), count++)));
  return count ? s / count : 0;
}
