/**
 * Sequence data for the recurrent era. A sequence of T steps of `width` inputs is stored as one
 * input row of T × width numbers (step by step), so it travels through the same Dataset as every
 * other row; `Dataset.sequence` says how to read it back. The loss is read at the last step only.
 *   latch  — Bengio, Simard & Frasconi (1994): the class is given by the first input alone (±1);
 *            every later input is Gaussian noise of variance `noise` (0.2 in the paper); target ±0.8.
 *   adding — Hochreiter & Schmidhuber (1997), experiment 4: each step is a pair (value in [−1, 1],
 *            marker); two steps are marked, one among the first ten and one in the first half, and the
 *            target is 0.5 + (X1 + X2) / 4 ∈ [0, 1]; a sequence counts as right within |error| < 0.04.
 */
import type { Dataset } from '../core/types.js';
import type { Rng } from '../core/rng.js';

export interface LatchSpec {
  readonly kind: 'latch';
  readonly n: number;
  readonly steps: number;
  /** Variance of the Gaussian noise on the inputs after the first (default 0.2). */
  readonly noise?: number;
  readonly testFraction?: number;
}
export interface AddingSpec {
  readonly kind: 'adding';
  readonly n: number;
  readonly steps: number;
  readonly testFraction?: number;
}
export type SequenceSpec = LatchSpec | AddingSpec;

/** The 1997 paper's criterion for a right answer on the adding problem. */
export const ADDING_TOLERANCE = 0.04;
/** Bengio et al.'s targets for the two classes. */
export const LATCH_TARGET = 0.8;

interface Rows {
  inputs: number[][];
  targets: number[][];
  labels: number[];
}

function latchRows(spec: LatchSpec, count: number, rng: Rng): Rows {
  const sd = Math.sqrt(spec.noise ?? 0.2);
  const rows: Rows = { inputs: [], targets: [], labels: [] };
  for (let i = 0; i < count; i++) {
    // the two classes alternate, so every split holds both equally
    const label = i % 2;
    const x = [label === 1 ? 1 : -1];
    for (let t = 1; t < spec.steps; t++) x.push(rng.normal(0, sd));
    rows.inputs.push(x);
    rows.targets.push([label === 1 ? LATCH_TARGET : -LATCH_TARGET]);
    rows.labels.push(label);
  }
  return rows;
}

function addingRows(spec: AddingSpec, count: number, rng: Rng): Rows {
  const T = spec.steps;
  const rows: Rows = { inputs: [], targets: [], labels: [] };
  for (let i = 0; i < count; i++) {
    const first = rng.int(Math.min(10, T - 1));
    let second = first;
    while (second === first) second = rng.int(Math.max(2, Math.floor(T / 2)));
    const x: number[] = [];
    let sum = 0;
    for (let t = 0; t < T; t++) {
      const v = rng.range(-1, 1);
      const marked = t === first || t === second;
      if (marked) sum += v;
      // the paper marks the first and last step with −1 when they are not chosen
      x.push(v, marked ? 1 : t === 0 || t === T - 1 ? -1 : 0);
    }
    const target = 0.5 + sum / 4;
    rows.inputs.push(x);
    rows.targets.push([target]);
    rows.labels.push(target >= 0.5 ? 1 : 0);
  }
  return rows;
}

/** Builds a sequence data set; every random number comes from `rng`, test rows first. */
export function sequenceDataset(spec: SequenceSpec, rng: Rng): Dataset {
  const nTest = Math.round(spec.n * (spec.testFraction ?? 0));
  const width = spec.kind === 'latch' ? 1 : 2;
  const make = (count: number) => (spec.kind === 'latch' ? latchRows(spec, count, rng) : addingRows(spec, count, rng));
  const test = nTest > 0 ? make(nTest) : null;
  const train = make(spec.n - nTest);
  const sequence = { steps: spec.steps, width, ...(spec.kind === 'adding' ? { tolerance: ADDING_TOLERANCE } : {}) };
  const featureNames = Array.from({ length: spec.steps * width }, (_, k) => (width === 1 ? `x${k}` : `${k % 2 === 0 ? 'v' : 'm'}${Math.floor(k / 2)}`));
  const shape = { classes: 2, inputEncoding: 'real' as const, targetEncoding: spec.kind === 'latch' ? ('bipolar' as const) : ('binary' as const) };
  return {
    name: spec.kind,
    ...train,
    ...shape,
    featureNames,
    sequence,
    ...(test ? { test: { ...test, ...shape, featureNames, sequence } } : {}),
  };
}
