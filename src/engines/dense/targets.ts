/**
 * From a Dataset to the network and back: which output units and loss a data set gets, its target
 * rows in the output's own code, and the class and score of an output row.
 *
 * One output unit for two classes with single targets; bipolar −1/+1 targets are read as 0/1 for
 * a sigmoid output and binary 0/1 as −1/+1 for a tanh output. Several classes (or one-hot rows)
 * get one unit per class, one-hot from the labels, and always softmax + cross-entropy.
 */
import { ModelConfigError, type Dataset } from '../../core/types.js';
import type { LossName, OutputActivation } from './losses.js';
import { argmax } from './network.js';
import { said, type Said } from '../../core/said.js';

export const OUTPUTS = ['sigmoid-mse', 'sigmoid-bce', 'softmax-ce', 'linear-mse', 'tanh-mse'] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** How data targets become the network's targets, and outputs become classes and scores. */
export interface TargetMap {
  readonly output: OutputName;
  readonly units: number;
  readonly bipolar: boolean;
  /** Single output: class 1 when o ≥ threshold. */
  readonly threshold: number;
  readonly notes: readonly Said[];
  /**
   * Regression data (Dataset.regression): the output is the value itself, read against the
   * targets' range — class = side of the range's middle, score = where in the range (0 … 1).
   */
  readonly regression?: { readonly lo: number; readonly hi: number };
}

/** Outputs that can give a real number: the value itself (linear) or one in [−1, 1] (tanh). */
const REGRESSION_OUTPUTS: readonly OutputName[] = ['linear-mse', 'tanh-mse'];

export function targetMap(data: Dataset, asked: OutputName): TargetMap {
  const width = data.targets[0]?.length ?? 0;
  if (data.targetEncoding === 'none' || width === 0) {
    throw new ModelConfigError(`${data.name} has no targets: a multilayer perceptron learns from labelled data`);
  }
  if (data.regression) {
    if (!REGRESSION_OUTPUTS.includes(asked)) {
      throw new ModelConfigError(`${data.name} has real-valued targets (regression): use output linear-mse (a linear unit, mean squared error) or tanh-mse, not ${asked}`, 'output');
    }
    if (width !== 1) throw new ModelConfigError(`${data.name}: a regression target is one number per row, got ${width}`);
    const [lo, hi] = data.regression.range;
    return { output: asked, units: 1, bipolar: false, threshold: (lo + hi) / 2, notes: [], regression: { lo, hi } };
  }
  const bipolar = data.targetEncoding === 'bipolar' || data.targets.some((t) => t.some((v) => v < 0));
  const notes: Said[] = [];
  let output = asked;
  if ((data.classes > 2 || width > 1) && output !== 'softmax-ce') {
    notes.push(said('note.softmax', { classes: data.classes, asked }));
    output = 'softmax-ce';
  }
  const units = output === 'softmax-ce' ? Math.max(2, data.classes, width) : 1;
  if (units === 1 && output.startsWith('sigmoid') && bipolar) notes.push(said('note.bipolarSigmoid'));
  if (units === 1 && output === 'tanh-mse' && !bipolar) notes.push(said('note.binaryTanh'));
  const threshold = output === 'tanh-mse' || (output === 'linear-mse' && bipolar) ? 0 : 0.5;
  return { output, units, bipolar, threshold, notes };
}

/** Target rows for the network, in the output's own code (one-hot from labels for several units). */
export function mapTargets(rows: Pick<Dataset, 'targets' | 'labels'>, map: TargetMap): Float64Array {
  const n = rows.labels.length;
  const T = new Float64Array(n * map.units);
  for (let r = 0; r < n; r++) {
    if (map.units > 1) {
      T[r * map.units + rows.labels[r]!] = 1;
      continue;
    }
    const t = rows.targets[r]?.[0] ?? rows.labels[r]!;
    // regression: the target is the value the output should take
    if (map.regression) T[r] = t;
    else if (map.output === 'sigmoid-mse' || map.output === 'sigmoid-bce') T[r] = map.bipolar ? (t + 1) / 2 : t;
    else if (map.output === 'tanh-mse') T[r] = map.bipolar ? t : 2 * t - 1;
    else T[r] = t;
  }
  return T;
}

/** Predicted class and a score in [0, 1] (confidence of class 1, or of the predicted class). */
export function classify(o: Float64Array, at: number, map: TargetMap): { label: number; score: number } {
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  if (map.units > 1) {
    const label = argmax(o, at, map.units);
    return { label, score: clamp(map.units === 2 ? o[at + 1]! : o[at + label]!) };
  }
  const v = o[at]!;
  const label = v >= map.threshold ? 1 : 0;
  if (map.regression) return { label, score: clamp((v - map.regression.lo) / (map.regression.hi - map.regression.lo)) };
  if (map.output === 'tanh-mse' || (map.output === 'linear-mse' && map.bipolar)) return { label, score: clamp((v + 1) / 2) };
  return { label, score: clamp(v) };
}

/** The engine's output activation and loss of each output choice. */
export const OUTPUT_LOSSES: Readonly<Record<OutputName, { output: OutputActivation; loss: LossName }>> = {
  'sigmoid-mse': { output: 'sigmoid', loss: 'mse' },
  'sigmoid-bce': { output: 'sigmoid', loss: 'bce' },
  'softmax-ce': { output: 'softmax', loss: 'ce' },
  'linear-mse': { output: 'linear', loss: 'mse' },
  'tanh-mse': { output: 'tanh', loss: 'mse' },
};

