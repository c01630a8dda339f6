/**
 * Feature inputs (TensorFlow Playground's left column): a point (x1, x2) of the plane becomes the
 * columns a scenario asks for — x1, x2, x1², x2², x1·x2, sin x1, sin x2 — before any model sees
 * it. A single linear unit over (x1², x2²) draws a circle in the plane: features instead of depth.
 *
 * The transform is applied where data sets are built (datasets.ts), so every model, the CLI and
 * the lab train on the same columns; the dataset keeps each row's point (`lifted.points`) so the
 * map can still be drawn over (x1, x2).
 */
import { DatasetError } from './dataset-error.js';
import type { Dataset } from '../core/types.js';

/** The feature ids a scenario writes in `data.features`, in the Playground's order. */
export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'] as const;
export type Feature = (typeof FEATURES)[number];

/** Each feature's value at (x1, x2), and the column name it gets (featureNames). */
export const FEATURE_DEFS: Readonly<Record<Feature, { readonly name: string; readonly at: (x1: number, x2: number) => number }>> = {
  x1: { name: 'x1', at: (x1) => x1 },
  x2: { name: 'x2', at: (_x1, x2) => x2 },
  'x1^2': { name: 'x1²', at: (x1) => x1 * x1 },
  'x2^2': { name: 'x2²', at: (_x1, x2) => x2 * x2 },
  'x1*x2': { name: 'x1·x2', at: (x1, x2) => x1 * x2 },
  'sin(x1)': { name: 'sin x1', at: (x1) => Math.sin(x1) },
  'sin(x2)': { name: 'sin x2', at: (_x1, x2) => Math.sin(x2) },
};

/** The feature row of one point of the plane. */
export function liftPoint(features: readonly Feature[], x1: number, x2: number): number[] {
  return features.map((f) => FEATURE_DEFS[f].at(x1, x2));
}

/** Every point of a packed n × 2 array as packed n × features rows (the map's batch). */
export function liftPacked(features: readonly Feature[], X: Float64Array, n: number): Float64Array {
  const d = features.length;
  const out = new Float64Array(n * d);
  const at = features.map((f) => FEATURE_DEFS[f].at);
  for (let r = 0; r < n; r++) {
    const x1 = X[2 * r]!;
    const x2 = X[2 * r + 1]!;
    for (let j = 0; j < d; j++) out[r * d + j] = at[j]!(x1, x2);
  }
  return out;
}

/**
 * The data set with its inputs replaced by the features of each row's (x1, x2), the points kept.
 * Only data on the plane (two real input columns) can be lifted; a feature asked for twice is refused.
 */
export function liftDataset(data: Dataset, features: readonly Feature[]): Dataset {
  if (data.featureNames.length !== 2 || data.inputEncoding !== 'real') {
    throw new DatasetError(`features: ${data.name} has ${data.featureNames.length} input column${data.featureNames.length === 1 ? '' : 's'} (${data.inputEncoding}); feature inputs are computed from a point (x1, x2) of the plane`);
  }
  if (features.length === 0) throw new DatasetError('features: name at least one of ' + FEATURES.join(', '));
  const twice = features.find((f, i) => features.indexOf(f) !== i);
  if (twice !== undefined) throw new DatasetError(`features: ${twice} is listed twice`);
  const lift = <T extends Omit<Dataset, 'test' | 'name'>>(part: T): T => ({
    ...part,
    inputs: part.inputs.map((x) => liftPoint(features, x[0]!, x[1]!)),
    featureNames: features.map((f) => FEATURE_DEFS[f].name),
    lifted: { features: [...features], points: part.inputs },
  });
  const { test, ...train } = data;
  return { ...lift(train), name: data.name, ...(test ? { test: lift(test) } : {}) };
}
