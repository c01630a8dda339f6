/**
 * Output layers and their losses. Each pairing gives the loss of a row and the error term of
 * the output layer, delta^L = ∂J/∂z^L, in one pass over the batch:
 *   sigmoid + ½·MSE   J = ½ Σ (a − t)²                 delta = (a − t) σ'(z)
 *   sigmoid + BCE     J = −Σ t log a + (1 − t) log(1 − a)   delta = a − t
 *   softmax + CE      J = −Σ t log p                   delta = p − t (exactly)
 *   f + ½·MSE         J = ½ Σ (a − t)²                 delta = (a − t) f'(z)  (linear: a − t)
 */
import { ModelConfigError } from '../../core/types.js';
import { ACTIVATIONS, type ActivationName, SOFTMAX, timesDerivative } from './activations.js';

const SIGMOID = ACTIVATIONS.sigmoid.code;

export type LossName = 'mse' | 'bce' | 'ce';
export type OutputActivation = ActivationName | 'softmax';

export const MSE = 0;
export const BCE = 1;
export const CE = 2;

export const LOSS_CODES: Readonly<Record<LossName, number>> = { mse: MSE, bce: BCE, ce: CE };

/** Throws a readable error for an output / loss pairing the engine does not define. */
export function checkOutput(act: OutputActivation, loss: LossName, units: number): void {
  if (!Object.hasOwn(LOSS_CODES, loss)) throw new ModelConfigError(`unknown loss "${loss}" (mse, bce, ce)`);
  if (act !== 'softmax' && !Object.hasOwn(ACTIVATIONS, act)) {
    throw new ModelConfigError(`unknown output activation "${act}"`);
  }
  if (loss === 'ce' && act !== 'softmax') {
    throw new ModelConfigError(`cross-entropy (ce) needs a softmax output, not ${act}; use bce for sigmoid`);
  }
  if (loss === 'bce' && act !== 'sigmoid') {
    throw new ModelConfigError(`binary cross-entropy (bce) needs a sigmoid output, not ${act}`);
  }
  if (act === 'softmax' && loss !== 'ce') {
    throw new ModelConfigError('a softmax output is paired with cross-entropy (ce) only');
  }
  if (act === 'softmax' && units < 2) {
    throw new ModelConfigError('a softmax output needs at least 2 units (one per class)');
  }
}

/** p = softmax(z) row by row, shifted by the row maximum so exp never overflows. */
export function softmaxRows(z: Float64Array, p: Float64Array, rows: number, cols: number): void {
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    let m = -Infinity;
    for (let k = 0; k < cols; k++) if (z[o + k]! > m) m = z[o + k]!;
    let sum = 0;
    for (let k = 0; k < cols; k++) {
      const e = Math.exp(z[o + k]! - m);
      p[o + k] = e;
      sum += e;
    }
    for (let k = 0; k < cols; k++) p[o + k]! /= sum;
  }
}

/** −Σ_k t_k log p_k of one row, with log p_k = z_k − logsumexp(z) (stable for tiny p). */
function crossEntropyRow(z: Float64Array, t: Float64Array, o: number, cols: number): number {
  let m = -Infinity;
  for (let k = 0; k < cols; k++) if (z[o + k]! > m) m = z[o + k]!;
  let sum = 0;
  for (let k = 0; k < cols; k++) sum += Math.exp(z[o + k]! - m);
  const lse = m + Math.log(sum);
  let j = 0;
  for (let k = 0; k < cols; k++) {
    const tk = t[o + k]!;
    if (tk !== 0) j -= tk * (z[o + k]! - lse);
  }
  return j;
}

/** −[t log σ(z) + (1 − t) log(1 − σ(z))] = softplus(z) − t z, without overflow. */
function binaryCrossEntropy(z: number, t: number): number {
  return Math.max(z, 0) - t * z + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Summed loss of len = rows × cols outputs (no delta). */
export function lossSum(
  loss: number,
  z: Float64Array,
  a: Float64Array,
  t: Float64Array,
  rows: number,
  cols: number,
): number {
  const len = rows * cols;
  let j = 0;
  if (loss === MSE) {
    for (let k = 0; k < len; k++) {
      const e = a[k]! - t[k]!;
      j += e * e;
    }
    return 0.5 * j;
  }
  if (loss === BCE) {
    for (let k = 0; k < len; k++) j += binaryCrossEntropy(z[k]!, t[k]!);
    return j;
  }
  for (let r = 0, o = 0; r < rows; r++, o += cols) j += crossEntropyRow(z, t, o, cols);
  return j;
}

/**
 * delta^L = ∂J/∂z^L for each of rows × cols outputs; returns the summed loss of the rows.
 * act is the output activation code, loss the loss code (pairing already checked).
 */
export function outputDelta(
  act: number,
  loss: number,
  z: Float64Array,
  a: Float64Array,
  t: Float64Array,
  delta: Float64Array,
  rows: number,
  cols: number,
): number {
  const len = rows * cols;
  const j = lossSum(loss, z, a, t, rows, cols);
  if (loss === MSE) {
    // delta^L = f'(z^L) ∘ (a^L − t)
    for (let k = 0; k < len; k++) delta[k] = a[k]! - t[k]!;
    timesDerivative(act, z, a, delta, len);
    return j;
  }
  if ((loss === BCE && act === SIGMOID) || (loss === CE && act === SOFTMAX)) {
    // delta^L = a^L − t: the activation's derivative cancels against the loss's
    for (let k = 0; k < len; k++) delta[k] = a[k]! - t[k]!;
    return j;
  }
  throw new Error(`outputDelta: unsupported pairing (activation ${act}, loss ${loss})`);
}
