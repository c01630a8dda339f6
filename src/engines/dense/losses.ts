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

export type LossName = 'mse' | 'bce' | 'ce';
export type OutputActivation = ActivationName | 'softmax';

/**
 * A loss, one object each, like the activations' { output, der }: J and ∂J/∂a of one output unit
 * as the maths writes them, and what the engines need beside.
 */
export interface Loss {
  readonly name: LossName;
  /** Index of this loss in LOSS_LIST. */
  readonly code: number;
  /** J(a, t) of one output unit from its output a (logs clamped at 1e-300): the score of outputs alone. */
  readonly value: (a: number, t: number) => number;
  /** ∂J/∂a of one output unit (tests/engines/dense/losses.test.ts checks it against finite differences). */
  readonly grad: (a: number, t: number) => number;
  /** The output activation (code) whose derivative cancels against grad: there delta^L = a − t exactly. */
  readonly cancels?: number;
  /** J summed over rows × cols outputs, computed stably (from z where the logs of a tiny a would lose digits). */
  readonly sum: (z: ArrayLike<number>, a: ArrayLike<number>, t: ArrayLike<number>, rows: number, cols: number) => number;
  /**
   * For the generated chunks (compiled.ts), as JavaScript: the lines adding one output's term to J
   * (e is a free name for the error) and delta^L's expression given times(d) = d ∘ f'(z); the
   * batch's J from the sum. A loss without it runs on the generic kernels.
   */
  readonly source?: {
    readonly row: (a: string, z: string, t: string, e: string, times: (d: string) => string) => { readonly lines: readonly string[]; readonly delta: string };
    readonly total: (J: string) => string;
  };
}

/** log clamped: a log of 0 would make J infinite for one confident wrong output. */
const TINY = 1e-300;
const log = (x: number): number => Math.log(Math.max(x, TINY));

/** −Σ_k t_k log p_k of one row, with log p_k = z_k − logsumexp(z) (stable for tiny p). */
function crossEntropyRow(z: ArrayLike<number>, t: ArrayLike<number>, o: number, cols: number): number {
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

type Definition = Omit<Loss, 'name' | 'code'>;

/** The losses by name, in code order. */
const DEFINITIONS = {
  mse: {
    // J = ½ (a − t)²
    value: (a, t) => 0.5 * (a - t) * (a - t),
    // ∂J/∂a = a − t
    grad: (a, t) => a - t,
    sum: (_z, a, t, rows, cols) => {
      const len = rows * cols;
      let j = 0;
      for (let k = 0; k < len; k++) {
        const e = a[k]! - t[k]!;
        j += e * e;
      }
      return 0.5 * j;
    },
    source: {
      // J += ½(a − t)² (halved at the end), delta^L = f'(z^L) ∘ (a^L − t)
      row: (a, _z, t, e, times) => ({ lines: [`const ${e} = ${a} - ${t}; J += ${e} * ${e};`], delta: times(e) }),
      total: (J) => `0.5 * ${J}`,
    },
  },
  bce: {
    // J = −[t log a + (1 − t) log(1 − a)]
    value: (a, t) => -(t * log(a) + (1 - t) * log(1 - a)),
    // ∂J/∂a = (a − t) / (a (1 − a)); times σ'(z) = a (1 − a) it is a − t
    grad: (a, t) => (a - t) / (a * (1 - a)),
    cancels: ACTIVATIONS.sigmoid.code,
    sum: (z, _a, t, rows, cols) => {
      const len = rows * cols;
      let j = 0;
      for (let k = 0; k < len; k++) j += binaryCrossEntropy(z[k]!, t[k]!);
      return j;
    },
    source: {
      // J += softplus(z) − t z, delta^L = a^L − t
      row: (a, z, t) => ({ lines: [`J += Math.max(${z}, 0) - ${t} * ${z} + Math.log1p(Math.exp(-Math.abs(${z})));`], delta: `${a} - ${t}` }),
      total: (J) => J,
    },
  },
  ce: {
    // J = −t log a (summed over the row's units: −Σ_k t_k log p_k); 0 · log a = 0
    value: (a, t) => (t !== 0 ? -(t * log(a)) : 0),
    // ∂J/∂a = −t / a; through the softmax's Jacobian it is p − t
    grad: (a, t) => -t / a,
    cancels: SOFTMAX,
    sum: (z, _a, t, rows, cols) => {
      let j = 0;
      for (let r = 0, o = 0; r < rows; r++, o += cols) j += crossEntropyRow(z, t, o, cols);
      return j;
    },
  },
} satisfies Record<LossName, Definition>;

/** Every loss, indexed by its code. */
export const LOSS_LIST: readonly Loss[] = (Object.keys(DEFINITIONS) as LossName[]).map((name, code) => ({ name, code, ...(DEFINITIONS[name] as Definition) }));

/** The losses by name. */
export const LOSSES: Readonly<Record<LossName, Loss>> = Object.fromEntries(LOSS_LIST.map((l) => [l.name, l])) as Record<LossName, Loss>;

/** Throws a readable error for an output / loss pairing the engine does not define. */
export function checkOutput(act: OutputActivation, loss: LossName, units: number): void {
  if (!Object.hasOwn(LOSSES, loss)) throw new ModelConfigError(`unknown loss "${loss}" (mse, bce, ce)`);
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

/**
 * delta^L = ∂J/∂z^L for each of rows × cols outputs; returns the summed loss of the rows. act is
 * the output activation's code (pairing already checked): where it cancels against the loss,
 * delta^L = a^L − t; otherwise delta^L = f'(z^L) ∘ ∂J/∂a^L.
 */
export function outputDelta(
  act: number,
  loss: Loss,
  z: Float64Array,
  a: Float64Array,
  t: Float64Array,
  delta: Float64Array,
  rows: number,
  cols: number,
): number {
  const len = rows * cols;
  const j = loss.sum(z, a, t, rows, cols);
  if (loss.cancels === act) {
    // delta^L = a^L − t: the activation's derivative cancels against the loss's
    for (let k = 0; k < len; k++) delta[k] = a[k]! - t[k]!;
    return j;
  }
  // delta^L = f'(z^L) ∘ ∂J/∂a^L
  const { grad } = loss;
  for (let k = 0; k < len; k++) delta[k] = grad(a[k]!, t[k]!);
  timesDerivative(act, z, a, delta, len);
  return j;
}
