/**
 * The reference engine: a multilayer perceptron and back-propagation as the papers write them, on
 * plain arrays — the code a student should read. Forward and local chain rule side by side:
 *   forward    z^k = W^k a^{k−1} (the bias w_j0 on a_0 = 1),  a^k = f(z^k),  ã^k = a^k ∘ m^k (dropout)
 *   output     delta^L = (a^L − t) ∘ f'(z^L) (½·MSE),  a^L − t (sigmoid + BCE, softmax + CE)
 *   backward   delta^{k−1} = ((W^k)ᵀ delta^k) ∘ f'(z^{k−1}) ∘ m^{k−1}
 *   gradient   ∂J/∂W^k = Σ_rows delta^k (ã^{k−1})ᵀ
 *   update     W ← W − η ∂J/∂W (÷ B when averaging), or with momentum v ← μv − η(∇ + λW), W ← W + v
 * A batch goes through layer by layer (the matrix form), so dropout masks are drawn layer by layer,
 * row by row, unit by unit. The fast engine (network.ts over kernels.ts, and the generated chunks
 * of compiled.ts) must give the same numbers bit for bit on random configurations, and this file's
 * gradient must match finite differences (tests/engines/dense/reference.test.ts).
 */
import type { Rng } from '../../core/rng.js';
import type { Activation } from './activations.js';
import { LOSSES, type LossName } from './losses.js';

/** W[k − 1][j] = [w_j0 (bias), w_j1, …] of layer k = 1 … L. */
export type Weights = number[][][];

export interface ReferenceNet {
  /** f of layers 1 … L (softmax at the output only). */
  readonly f: readonly (Activation | 'softmax')[];
  readonly loss: LossName;
  /** Probability of keeping each unit of layers 0 … L − 1 under dropout (1 keeps all). */
  readonly keep: readonly number[];
  readonly W: Weights;
  /** Momentum velocity, the shape of W. */
  readonly v: Weights;
}

export interface Step {
  readonly eta: number;
  readonly momentum: number;
  readonly weightDecay: number;
  /** λ₁ of the L1 penalty λ₁ ‖W‖₁ (biases excluded). @default 0 */
  readonly l1?: number;
  readonly average: boolean;
}

/** p_k = e^{z_k − max z} / Σ_j e^{z_j − max z}. */
const softmax = (z: number[]): number[] => {
  const m = Math.max(...z);
  const e = z.map((zk) => Math.exp(zk - m));
  const sum = e.reduce((s, ek) => s + ek, 0);
  return e.map((ek) => ek / sum);
};

/** The batch X through the layers; with an Rng, dropout masks m^k are drawn (training). */
export function forward(net: ReferenceNet, X: readonly (readonly number[])[], rng: Rng | null) {
  const L = net.W.length;
  const z: number[][][] = [[]];
  const a: number[][][] = [X.map((x) => [...x])];
  const m: number[][][] = [];
  const dropped: number[][][] = [];
  for (let k = 0; k <= L; k++) {
    if (k > 0) {
      z[k] = dropped[k - 1]!.map((x) => net.W[k - 1]!.map((w) => x.reduce((zj, xi, i) => zj + w[i + 1]! * xi, w[0]!)));
      const f = net.f[k - 1]!;
      a[k] = z[k]!.map((zs) => (f === 'softmax' ? softmax(zs) : zs.map(f.output)));
    }
    if (k === L) break;
    const p = net.keep[k]!;
    // m = 1/p with probability p, else 0 (inverted dropout: the expected ã^k is a^k)
    m[k] = a[k]!.map((row) => row.map(() => (rng !== null && p < 1 ? (rng.uniform() < p ? 1 / p : 0) : 1)));
    dropped[k] = rng !== null && p < 1 ? a[k]!.map((row, s) => row.map((aj, j) => aj * m[k]![s]![j]!)) : a[k]!;
  }
  return { z, a, m, dropped };
}

/** J of a batch, as the loss sums it: ½ Σ (a − t)², Σ softplus(z) − t z (sigmoid + BCE), or −Σ t log p (softmax + CE). */
const batchLoss = (net: ReferenceNet, z: number[][], a: number[][], T: readonly (readonly number[])[]): number =>
  LOSSES[net.loss].sum(z.flat(), a.flat(), T.flat(), z.length, z[0]?.length ?? 0);

/** ∂J/∂W summed over the batch (the forward pass given), and J. */
export function backward(net: ReferenceNet, pass: ReturnType<typeof forward>, T: readonly (readonly number[])[]): { loss: number; g: Weights } {
  const { z, a, m, dropped } = pass;
  const L = net.W.length;
  const out = net.f[L - 1]!;
  const loss = LOSSES[net.loss];
  // delta^L = ∂J/∂z^L: a^L − t where f cancels against the loss (sigmoid + BCE, softmax + CE), else f'(z^L) ∘ ∂J/∂a^L
  let delta = a[L]!.map((row, s) =>
    row.map((ak, c) => (out === 'softmax' || loss.cancels === out.code ? ak - T[s]![c]! : loss.grad(ak, T[s]![c]!) * out.der(z[L]![s]![c]!))),
  );
  const g: Weights = net.W.map((layer) => layer.map((w) => w.map(() => 0)));
  for (let k = L; k >= 1; k--) {
    const W = net.W[k - 1]!;
    // ∂J/∂w_ji += delta_j ã_i, row after row (the bias: ã_0 = 1)
    delta.forEach((d, s) => d.forEach((dj, j) => {
      const gj = g[k - 1]![j]!;
      gj[0] = gj[0]! + dj;
      dropped[k - 1]![s]!.forEach((ai, i) => (gj[i + 1] = gj[i + 1]! + dj * ai));
    }));
    if (k === 1) break;
    const f = net.f[k - 2] as Activation;
    // delta^{k−1}_i = (Σ_j w_ji delta_j) f'(z_i) m_i: the local chain rule
    delta = delta.map((d, s) =>
      a[k - 1]![s]!.map((_, i) => d.reduce((sum, dj, j) => sum + W[j]![i + 1]! * dj, 0) * f.der(z[k - 1]![s]![i]!) * m[k - 1]![s]![i]!),
    );
  }
  return { loss: batchLoss(net, z[L]!, a[L]!, T), g };
}

/** One update from the batch's summed gradient g; returns nothing, changes W (and v). */
export function update(net: ReferenceNet, g: Weights, rows: number, o: Step): void {
  const scale = o.average ? 1 / rows : 1;
  const step = o.eta * scale;
  net.W.forEach((layer, k) => layer.forEach((w, j) => w.forEach((wi, i) => {
    const gi = g[k]![j]![i]!;
    const l1 = o.l1 ?? 0;
    if (o.momentum === 0 && o.weightDecay === 0 && l1 === 0) return void (w[i] = wi - step * gi);
    const v = net.v[k]![j]!;
    // v ← μv − η(∇ + λW + λ₁ sign W), no decay on the bias;  W ← W + v
    v[i] = i === 0 ? o.momentum * v[i]! - o.eta * scale * gi : o.momentum * v[i]! - o.eta * (scale * gi + o.weightDecay * wi + l1 * Math.sign(wi));
    w[i] = wi + v[i]!;
  })));
}

/**
 * One epoch over rows X with targets T: batches of `batchSize` rows (0: all), in a fixed order or
 * reshuffled from the Rng; masks from the same Rng. Returns the mean loss, each batch's measured
 * before its own update.
 */
export function trainEpoch(
  net: ReferenceNet, X: readonly (readonly number[])[], T: readonly (readonly number[])[], o: Step & { batchSize: number; shuffle: boolean }, rng: Rng,
): number {
  const n = X.length;
  const size = o.batchSize <= 0 ? n : Math.min(o.batchSize, n);
  const order = Uint32Array.from(X, (_, i) => i);
  if (o.shuffle) rng.shuffleIndices(order);
  let loss = 0;
  for (let start = 0; start < n; start += size) {
    const rows = Array.from(order.subarray(start, Math.min(start + size, n)));
    const { loss: J, g } = backward(net, forward(net, rows.map((r) => X[r]!), rng), rows.map((r) => T[r]!));
    update(net, g, rows.length, o);
    loss += J;
  }
  return loss / n;
}

/** J of the rows and ∂J/∂W summed over them, no dropout, no update (for gradient checks). */
export function gradient(net: ReferenceNet, X: readonly (readonly number[])[], T: readonly (readonly number[])[]): { loss: number; g: Weights } {
  return backward(net, forward(net, X, null), T);
}

/** The output activations a^L of the rows, no dropout. */
export const predict = (net: ReferenceNet, X: readonly (readonly number[])[]): number[][] => forward(net, X, null).a[net.W.length]!;
