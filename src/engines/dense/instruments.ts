/**
 * Instruments: pure functions of the weights, the gradient and the buffers a given pass left
 * (cheap: one pass over weights and one chunk's activations; nothing is tracked inside the training
 * loop, and the network keeps no record of its last pass: the caller hands it in). Arrays have one
 * entry per weight layer: index 0 is W^1 (input → first hidden), the last is the output layer.
 */
import { activationOf } from './activations.js';
import type { Network, Pass } from './network.js';

/**
 * The passes the instruments read: `rows` of z^k and a^k (the forward pass that filled them),
 * `deltaRows` of delta^k (the last backward pass), and `scale`, the factor of the gradient in g
 * (1/n when averaged, else 1).
 */
export interface GradientPass extends Pass {
  readonly deltaRows: number;
  readonly scale: number;
}

export interface Instruments {
  /** ‖∂J/∂W^k‖ (Frobenius, bias column included) of the last computed gradient, as applied (mean or sum). */
  readonly gradNorm: number[];
  /** Mean |delta^k| over the rows × units of the last backward chunk. */
  readonly meanAbsDelta: number[];
  /** ‖W^k‖ (Frobenius, bias column included). */
  readonly weightNorm: number[];
  /**
   * Share of (row, unit) pairs of sigmoid / tanh layers in the flat tails: |z| > 4 for sigmoid,
   * |z| > 2 for tanh (derivative below 7% of its peak); 0 for other activations.
   */
  readonly saturation: number[];
  /** Share of ReLU units whose output is 0 for every row of the last chunk; 0 for non-ReLU layers. */
  readonly deadRelu: number[];
  /** Share of activations a^k exactly 0 (before any dropout mask). */
  readonly zeroShare: number[];
  /** Rows of the forward chunk the activation statistics come from. */
  readonly rows: number;
}

/** Frobenius norm of scale · x over [from, to). */
export function blockNorm(x: Float64Array, from: number, to: number, scale = 1): number {
  let s = 0;
  for (let p = from; p < to; p++) s += x[p]! * x[p]!;
  return Math.abs(scale) * Math.sqrt(s);
}

function meanAbs(x: Float64Array, len: number): number {
  if (len === 0) return 0;
  let s = 0;
  for (let e = 0; e < len; e++) s += Math.abs(x[e]!);
  return s / len;
}

/** ‖∂J/∂W^k‖ of every weight layer, the gradient being scale · g: the one definition of the gradient norms. */
export function gradientNorms(net: Network, scale: number): number[] {
  const norms: number[] = [];
  for (let k = 1; k <= net.depth; k++) norms.push(blockNorm(net.g, net.offsets[k - 1]!, net.offsets[k]!, scale));
  return norms;
}

/** ‖W^k‖ of every weight layer (Frobenius, bias column included). */
export function weightNorms(net: Network): number[] {
  const norms: number[] = [];
  for (let k = 1; k <= net.depth; k++) norms.push(blockNorm(net.w, net.offsets[k - 1]!, net.offsets[k]!));
  return norms;
}

/** The instruments at the current weights, of the gradient and chunks `pass` describes. */
export function instruments(net: Network, pass: GradientPass): Instruments {
  const L = net.depth;
  const B = pass.rows;
  const out: Instruments = {
    gradNorm: gradientNorms(net, pass.scale), meanAbsDelta: [], weightNorm: [], saturation: [], deadRelu: [], zeroShare: [], rows: B,
  };
  for (let k = 1; k <= L; k++) {
    const from = net.offsets[k - 1]!;
    const to = net.offsets[k]!;
    const units = net.sizes[k]!;
    const len = B * units;
    out.weightNorm.push(blockNorm(net.w, from, to));
    out.meanAbsDelta.push(meanAbs(net.delta[k]!, pass.deltaRows * units));
    const z = net.z[k]!;
    const a = net.a[k]!;
    const f = activationOf(net.activationCode(k));
    const zSat = f?.saturationZ;
    let saturated = 0;
    let zeros = 0;
    for (let e = 0; e < len; e++) {
      if (zSat !== undefined && Math.abs(z[e]!) > zSat) saturated++;
      if (a[e] === 0) zeros++;
    }
    let dead = 0;
    if (f?.canDie && B > 0) {
      for (let j = 0; j < units; j++) {
        let s = 0;
        while (s < B && a[s * units + j] === 0) s++;
        if (s === B) dead++;
      }
    }
    out.saturation.push(len ? saturated / len : 0);
    out.zeroShare.push(len ? zeros / len : 0);
    out.deadRelu.push(dead / units);
  }
  return out;
}

/**
 * ∂J/∂W of n rows (full batch) at the current weights, without dropout and without updating:
 * per-layer gradient norms (mean over the rows when average, else summed) and mean |delta|
 * over all rows. Leaves the gradient in net.g; `pass` describes it (and the last chunk it left in
 * the buffers), so instruments(net, pass) reports it afterwards. `visit` reads each chunk's forward
 * pass on the way (a trained epoch's fit and layer statistics: the same rows at the same weights,
 * in the same chunks, so one forward pass serves all three).
 */
export function computeGradients(
  net: Network, X: Float64Array, T: Float64Array, n: number, average = true,
  /** Called after each chunk's forward pass, before its backward pass (the buffers hold the chunk's rows start … start + B − 1). */
  visit?: (start: number, B: number, pass: Pass) => void,
): { loss: number; gradNorm: number[]; meanAbsDelta: number[]; pass: GradientPass } {
  const L = net.depth;
  const absDelta = new Float64Array(L + 1);
  let loss = 0;
  let last: Pass = { rows: 0, training: false };
  net.g.fill(0);
  for (let start = 0; start < n; start += net.maxBatch) {
    const B = Math.min(net.maxBatch, n - start);
    net.load(X, T, null, start, B);
    last = net.forward(B, false);
    visit?.(start, B, last);
    loss += net.backward(last);
    for (let k = 1; k <= L; k++) absDelta[k]! += meanAbs(net.delta[k]!, B * net.sizes[k]!) * B;
  }
  const scale = average ? 1 / n : 1;
  const meanAbsDelta: number[] = [];
  for (let k = 1; k <= L; k++) meanAbsDelta.push(absDelta[k]! / n);
  return { loss: loss / n, gradNorm: gradientNorms(net, scale), meanAbsDelta, pass: { ...last, deltaRows: last.rows, scale } };
}

/**
 * The instruments as named numbers (for targets and claims): gradNorm0 … gradNorm{L−1} per layer,
 * gradRatio = first layer / last layer (the vanishing-gradient ratio; 0 when the last is 0),
 * saturation and deadRelu pooled over the hidden units, weightNorm of all weights.
 */
export function summaryMetrics(net: Network, pass: GradientPass): Record<string, number> {
  const m = instruments(net, pass);
  const L = net.depth;
  const out: Record<string, number> = {};
  m.gradNorm.forEach((g, k) => (out[`gradNorm${k}`] = g));
  const last = m.gradNorm[L - 1]!;
  out['gradRatio'] = last > 0 ? m.gradNorm[0]! / last : 0;
  let units = 0;
  let saturated = 0;
  let reluUnits = 0;
  let dead = 0;
  for (let k = 1; k < L; k++) {
    const h = net.sizes[k]!;
    units += h;
    saturated += m.saturation[k - 1]! * h;
    if (activationOf(net.activationCode(k))?.canDie) {
      reluUnits += h;
      dead += m.deadRelu[k - 1]! * h;
    }
  }
  out['saturation'] = units ? saturated / units : 0;
  out['deadRelu'] = reluUnits ? dead / reluUnits : 0;
  out['weightNorm'] = Math.hypot(...m.weightNorm);
  return out;
}
