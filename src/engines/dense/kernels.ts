/**
 * The dense-layer kernels: tight loops over row-major Float64Array buffers, four output units at
 * a time so each input a_i is loaded once for four independent sums (the CPU overlaps them
 * instead of waiting on one chain of additions). Each z_j is still summed in input order, so
 * results do not depend on the blocking. Weight rows are [w0 (bias), w1 … w_in].
 * The backward kernels keep the original order of every sum as well (bit-identical results):
 *   g_ji   += delta_j a_i row after row, from g's current value;
 *   dPrev_i = 0 + w_0i d_0 + w_1i d_1 + … + w_ji d_j in output order, as the reference engine
 *   (reference.ts) sums it (outputs in blocks of four, then one by one; a block whose deltas are
 *   all 0 is skipped, as is a row's term when its delta is 0: adding ±0 changes nothing).
 */

import type { Rng } from '../../core/rng.js';
import { SOFTMAX, activate } from './activations.js';
import { softmaxRows } from './losses.js';

/** What a forward pass runs through: layer sizes, weight offsets, activation codes (SOFTMAX for softmax), the flat weights. */
export interface Stack {
  readonly sizes: readonly number[];
  readonly offsets: Int32Array;
  readonly act: ArrayLike<number>;
  readonly w: Float64Array;
}

/** Inverted dropout during a pass: keep probabilities, masks m^k (null where layer k keeps every unit), and ã^k. */
export interface Dropout {
  readonly rng: Rng;
  readonly keep: ArrayLike<number>;
  readonly mask: readonly (Float64Array | null)[];
  /** ã^k = a^k ∘ m^k, what layer k + 1 reads (a^k itself, or the same buffer, where there is no mask). */
  readonly dropped: readonly Float64Array[];
}

/**
 * The forward pass over the B rows in a^0, the one every dense network runs (training, scoring,
 * Monte-Carlo dropout, the per-unit view); reference.ts is the short version it is tested against:
 *   z^k = W^k ã^{k−1} (the bias w0 on a0 = 1),  a^k = f(z^k),  ã^k = a^k ∘ m^k (with dropout)
 * Masks are drawn layer by layer, row by row, unit by unit, as the reference draws them.
 */
export function forwardPass(s: Stack, z: readonly Float64Array[], a: readonly Float64Array[], B: number, dropout: Dropout | null): void {
  const { sizes, w, offsets, act } = s;
  if (dropout?.mask[0]) drop(dropout, a[0]!, 0, B * sizes[0]!);
  for (let k = 1; k < sizes.length; k++) {
    const nout = sizes[k]!;
    // z^k = W^k ã^{k−1}, the bias w0 on a0 = 1
    denseForward(w, offsets[k - 1]!, sizes[k - 1]!, nout, dropout ? dropout.dropped[k - 1]! : a[k - 1]!, z[k]!, B);
    // a^k = f(z^k)
    if (act[k] === SOFTMAX) softmaxRows(z[k]!, a[k]!, B, nout);
    else activate(act[k]!, z[k]!, a[k]!, B * nout);
    if (dropout?.mask[k]) drop(dropout, a[k]!, k, B * nout);
  }
}

/** Inverted dropout of a^k over len entries: m = 1/keep with probability keep, else 0. */
function drop(d: Dropout, a: Float64Array, k: number, len: number): void {
  const m = d.mask[k]!;
  const out = d.dropped[k]!;
  const p = d.keep[k]!;
  const inv = 1 / p;
  const rng = d.rng;
  for (let e = 0; e < len; e++) {
    const mk = rng.uniform() < p ? inv : 0;
    m[e] = mk;
    out[e] = a[e]! * mk;
  }
}

/** z = W a over B rows: z^k = W^k a^{k−1}, the bias w0 on a0 = 1. */
export function denseForward(
  w: Float64Array, off: number, nin: number, nout: number, aPrev: Float64Array, z: Float64Array, B: number,
): void {
  const stride = nin + 1;
  for (let s = 0; s < B; s++) {
    const ai = s * nin;
    const zi = s * nout;
    let j = 0;
    let row = off;
    for (; j + 3 < nout; j += 4, row += 4 * stride) {
      const r1 = row + stride;
      const r2 = r1 + stride;
      const r3 = r2 + stride;
      let net0 = w[row]!;
      let net1 = w[r1]!;
      let net2 = w[r2]!;
      let net3 = w[r3]!;
      for (let i = 0; i < nin; i++) {
        const x = aPrev[ai + i]!;
        net0 += w[row + 1 + i]! * x;
        net1 += w[r1 + 1 + i]! * x;
        net2 += w[r2 + 1 + i]! * x;
        net3 += w[r3 + 1 + i]! * x;
      }
      z[zi + j] = net0;
      z[zi + j + 1] = net1;
      z[zi + j + 2] = net2;
      z[zi + j + 3] = net3;
    }
    for (; j < nout; j++, row += stride) {
      let net = w[row]!;
      for (let i = 0; i < nin; i++) net += w[row + 1 + i]! * aPrev[ai + i]!;
      z[zi + j] = net;
    }
  }
}

/**
 * Over B rows: g += delta (a^{k−1})^T (the bias column gets delta, a0 = 1), and, when dPrev is
 * given, dPrev = (W^k)^T delta. dPrev must be zeroed by the caller.
 */
export function denseBackward(
  w: Float64Array, g: Float64Array, off: number, nin: number, nout: number,
  delta: Float64Array, aPrev: Float64Array, dPrev: Float64Array | null, B: number,
): void {
  if (dPrev === null || nout < 4) {
    denseGradient(g, off, nin, nout, delta, aPrev, B);
    if (dPrev !== null) narrowDeltaBack(w, off, nin, nout, delta, dPrev, B);
    return;
  }
  const stride = nin + 1;
  let s = 0;
  // two rows at a time: each weight, g entry and index is loaded once for both
  for (; s + 1 < B; s += 2) {
    const ai = s * nin;
    const di = s * nout;
    let j = 0;
    let row = off;
    for (; j + 3 < nout; j += 4, row += 4 * stride) {
      if (zeroBlock(delta, di + j) || zeroBlock(delta, di + nout + j)) {
        rowBlock(w, g, row, stride, nin, delta, di + j, aPrev, ai, dPrev);
        rowBlock(w, g, row, stride, nin, delta, di + nout + j, aPrev, ai + nin, dPrev);
      } else pairBlock(w, g, row, stride, nin, delta, di + j, nout, aPrev, ai, dPrev);
    }
    for (let q = j; q < nout; q++, row += stride) {
      rowUnit(w, g, row, nin, delta[di + q]!, aPrev, ai, dPrev);
      rowUnit(w, g, row, nin, delta[di + nout + q]!, aPrev, ai + nin, dPrev);
    }
  }
  for (; s < B; s++) {
    let j = 0;
    let row = off;
    for (; j + 3 < nout; j += 4, row += 4 * stride) rowBlock(w, g, row, stride, nin, delta, s * nout + j, aPrev, s * nin, dPrev);
    for (; j < nout; j++, row += stride) rowUnit(w, g, row, nin, delta[s * nout + j]!, aPrev, s * nin, dPrev);
  }
}

function zeroBlock(delta: Float64Array, d: number): boolean {
  return delta[d] === 0 && delta[d + 1] === 0 && delta[d + 2] === 0 && delta[d + 3] === 0;
}

/** Rows s and s + 1 (deltas at d and d + nout, inputs at ai and ai + nin), outputs j … j + 3. */
function pairBlock(
  w: Float64Array, g: Float64Array, row: number, stride: number, nin: number,
  delta: Float64Array, d: number, nout: number, aPrev: Float64Array, ai: number, dPrev: Float64Array,
): void {
  const d0 = delta[d]!;
  const d1 = delta[d + 1]!;
  const d2 = delta[d + 2]!;
  const d3 = delta[d + 3]!;
  const e0 = delta[d + nout]!;
  const e1 = delta[d + nout + 1]!;
  const e2 = delta[d + nout + 2]!;
  const e3 = delta[d + nout + 3]!;
  const r1 = row + stride;
  const r2 = r1 + stride;
  const r3 = r2 + stride;
  const bi = ai + nin;
  g[row] = g[row]! + d0 + e0;
  g[r1] = g[r1]! + d1 + e1;
  g[r2] = g[r2]! + d2 + e2;
  g[r3] = g[r3]! + d3 + e3;
  for (let i = 1; i <= nin; i++) {
    const x = aPrev[ai + i - 1]!;
    const y = aPrev[bi + i - 1]!;
    const w0 = w[row + i]!;
    const w1 = w[r1 + i]!;
    const w2 = w[r2 + i]!;
    const w3 = w[r3 + i]!;
    // ∂J/∂w_ji += delta_j a_i for row s, then row s + 1
    g[row + i] = g[row + i]! + d0 * x + e0 * y;
    g[r1 + i] = g[r1 + i]! + d1 * x + e1 * y;
    g[r2 + i] = g[r2 + i]! + d2 * x + e2 * y;
    g[r3 + i] = g[r3 + i]! + d3 * x + e3 * y;
    // (W^T delta)_i, one block of four outputs, term by term in output order
    dPrev[ai + i - 1] = dPrev[ai + i - 1]! + w0 * d0 + w1 * d1 + w2 * d2 + w3 * d3;
    dPrev[bi + i - 1] = dPrev[bi + i - 1]! + w0 * e0 + w1 * e1 + w2 * e2 + w3 * e3;
  }
}

/** One row (deltas at d, inputs at ai), outputs j … j + 3; skipped when the four deltas are 0. */
function rowBlock(
  w: Float64Array, g: Float64Array, row: number, stride: number, nin: number,
  delta: Float64Array, d: number, aPrev: Float64Array, ai: number, dPrev: Float64Array,
): void {
  const d0 = delta[d]!;
  const d1 = delta[d + 1]!;
  const d2 = delta[d + 2]!;
  const d3 = delta[d + 3]!;
  if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) return;
  const r1 = row + stride;
  const r2 = r1 + stride;
  const r3 = r2 + stride;
  g[row]! += d0;
  g[r1]! += d1;
  g[r2]! += d2;
  g[r3]! += d3;
  for (let i = 1; i <= nin; i++) {
    const x = aPrev[ai + i - 1]!;
    g[row + i]! += d0 * x;
    g[r1 + i]! += d1 * x;
    g[r2 + i]! += d2 * x;
    g[r3 + i]! += d3 * x;
    dPrev[ai + i - 1] = dPrev[ai + i - 1]! + w[row + i]! * d0 + w[r1 + i]! * d1 + w[r2 + i]! * d2 + w[r3 + i]! * d3;
  }
}

/** One row, one output unit (delta d); skipped when d is 0. */
function rowUnit(
  w: Float64Array, g: Float64Array, row: number, nin: number, d: number, aPrev: Float64Array, ai: number, dPrev: Float64Array,
): void {
  if (d === 0) return;
  g[row]! += d;
  for (let i = 1; i <= nin; i++) {
    g[row + i]! += d * aPrev[ai + i - 1]!;
    dPrev[ai + i - 1]! += w[row + i]! * d;
  }
}

/**
 * g += delta (a^{k−1})^T with the rows innermost: each g entry is summed in a register (row
 * order, as above) while eight (or four) independent sums keep the CPU busy.
 */
export function denseGradient(
  g: Float64Array, off: number, nin: number, nout: number, delta: Float64Array, aPrev: Float64Array, B: number,
): void {
  const stride = nin + 1;
  for (let j = 0, row = off; j < nout; j++, row += stride) {
    // ∂J/∂w_j0 += delta_j (adding a 0 delta changes nothing)
    let gb = g[row]!;
    for (let s = 0, di = j; s < B; s++, di += nout) gb += delta[di]!;
    g[row] = gb;
  }
  let j = 0;
  let row = off + 1;
  for (; j + 3 < nout; j += 4, row += 4 * stride) {
    const r1 = row + stride;
    const r2 = r1 + stride;
    const r3 = r2 + stride;
    let i = 0;
    for (; i + 1 < nin; i += 2) {
      let a0 = g[row + i]!;
      let a1 = g[r1 + i]!;
      let a2 = g[r2 + i]!;
      let a3 = g[r3 + i]!;
      let b0 = g[row + i + 1]!;
      let b1 = g[r1 + i + 1]!;
      let b2 = g[r2 + i + 1]!;
      let b3 = g[r3 + i + 1]!;
      for (let s = 0, di = j, ai = i; s < B; s++, di += nout, ai += nin) {
        const x = aPrev[ai]!;
        const y = aPrev[ai + 1]!;
        const d0 = delta[di]!;
        const d1 = delta[di + 1]!;
        const d2 = delta[di + 2]!;
        const d3 = delta[di + 3]!;
        // ∂J/∂w_ji += delta_j a_i
        if (d0 !== 0) (a0 += d0 * x), (b0 += d0 * y);
        if (d1 !== 0) (a1 += d1 * x), (b1 += d1 * y);
        if (d2 !== 0) (a2 += d2 * x), (b2 += d2 * y);
        if (d3 !== 0) (a3 += d3 * x), (b3 += d3 * y);
      }
      g[row + i] = a0;
      g[r1 + i] = a1;
      g[r2 + i] = a2;
      g[r3 + i] = a3;
      g[row + i + 1] = b0;
      g[r1 + i + 1] = b1;
      g[r2 + i + 1] = b2;
      g[r3 + i + 1] = b3;
    }
    if (i < nin) for (let q = 0; q < 4; q++) gradientColumn(g, row + q * stride + i, delta, j + q, nout, aPrev, i, nin, B);
  }
  for (; j < nout; j++, row += stride) {
    let i = 0;
    for (; i + 3 < nin; i += 4) {
      let a0 = g[row + i]!;
      let a1 = g[row + i + 1]!;
      let a2 = g[row + i + 2]!;
      let a3 = g[row + i + 3]!;
      for (let s = 0, di = j, ai = i; s < B; s++, di += nout, ai += nin) {
        const d = delta[di]!;
        if (d === 0) continue;
        a0 += d * aPrev[ai]!;
        a1 += d * aPrev[ai + 1]!;
        a2 += d * aPrev[ai + 2]!;
        a3 += d * aPrev[ai + 3]!;
      }
      g[row + i] = a0;
      g[row + i + 1] = a1;
      g[row + i + 2] = a2;
      g[row + i + 3] = a3;
    }
    for (; i < nin; i++) gradientColumn(g, row + i, delta, j, nout, aPrev, i, nin, B);
  }
}

/** g_ji += Σ_rows delta_j a_i for one weight at p. */
function gradientColumn(
  g: Float64Array, p: number, delta: Float64Array, j: number, nout: number, aPrev: Float64Array, i: number, nin: number, B: number,
): void {
  let acc = g[p]!;
  for (let s = 0, di = j, ai = i; s < B; s++, di += nout, ai += nin) {
    const d = delta[di]!;
    if (d !== 0) acc += d * aPrev[ai]!;
  }
  g[p] = acc;
}

/** dPrev = (W^k)^T delta for fewer than four outputs (no blocks), overwriting dPrev. */
function narrowDeltaBack(
  w: Float64Array, off: number, nin: number, nout: number, delta: Float64Array, dPrev: Float64Array, B: number,
): void {
  const stride = nin + 1;
  for (let s = 0, di = 0, pi = 0; s < B; s++, di += nout, pi += nin) {
    let i = 0;
    for (; i + 3 < nin; i += 4) {
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      let c3 = 0;
      for (let j = 0, p = off + 1 + i; j < nout; j++, p += stride) {
        const d = delta[di + j]!;
        if (d === 0) continue;
        c0 += w[p]! * d;
        c1 += w[p + 1]! * d;
        c2 += w[p + 2]! * d;
        c3 += w[p + 3]! * d;
      }
      dPrev[pi + i] = c0;
      dPrev[pi + i + 1] = c1;
      dPrev[pi + i + 2] = c2;
      dPrev[pi + i + 3] = c3;
    }
    for (; i < nin; i++) {
      let acc = 0;
      for (let j = 0, p = off + 1 + i; j < nout; j++, p += stride) {
        const d = delta[di + j]!;
        if (d !== 0) acc += w[p]! * d;
      }
      dPrev[pi + i] = acc;
    }
  }
}
