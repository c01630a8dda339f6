/**
 * Test-time prediction of a dropout network, the two ways Srivastava et al. (2014, §7.5) compare:
 *   weight scaling  one pass without masks. With inverted dropout (ã = a ∘ m, m ∈ {0, 1/p}) the
 *                   training pass already scales, so this is their "scale the weights by p";
 *   Monte-Carlo     the average output over k passes, each with fresh random masks: an estimate
 *                   of the mean prediction of the thinned networks.
 * The masked passes run on the reference engine (reference.ts), drawing masks layer by layer,
 * row by row, unit by unit from an Rng of their own, so evaluating never disturbs training's
 * stream and the same weights always give the same averages.
 */
import type { Rng } from '../rng.js';
import { ACTIVATIONS, type ActivationName } from './activations.js';
import { weightsToJson } from './init.js';
import type { Network } from './network.js';
import { type ReferenceNet, forward } from './reference.js';

/** The network's current weights as a reference net (plain arrays). */
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
 * Averages over the first k masked passes for every k in ks (one sequence of max(ks) passes, so
 * the average at 100 extends the one at 10), beside the weight-scaled outputs.
 */
export function monteCarlo(net: Network, X: readonly (readonly number[])[], ks: readonly number[], rng: Rng): MonteCarloCurve {
  const ref = referenceOf(net);
  const L = ref.W.length;
  const scaled = forward(ref, X, null).a[L]!;
  const sum = scaled.map((row) => row.map(() => 0));
  const wanted = [...new Set(ks)].filter((k) => k >= 1).sort((a, b) => a - b);
  const averages = new Map<number, number[][]>();
  const K = wanted.at(-1) ?? 0;
  for (let s = 1; s <= K; s++) {
    const out = forward(ref, X, rng).a[L]!;
    out.forEach((row, r) => row.forEach((v, c) => (sum[r]![c]! += v)));
    if (wanted.includes(s)) averages.set(s, sum.map((row) => row.map((v) => v / s)));
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
