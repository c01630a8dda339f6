/**
 * Data controls (issue 25, TensorFlow Playground's left column): a scenario whose runs train on a
 * generated 2-D set (blobs, xor, circles, spirals, moons, and the regression sets) can have its
 * noise, its test share, its feature inputs and the seed of its points changed. The change is a
 * DataEdit: the scenario stays the file it was read from (same id, same fingerprint) and carries
 * the edit, so a share string names the file and writes the edit beside it (`dx`), and every path
 * that trains a scenario (the lab, `run`, `replay`) builds the same data from it. Points added by
 * hand (a click on the map) are part of the edit too, on any labelled 2-D data (not only generated):
 * prepareRuns appends them to the data built (data/added-points.ts).
 */
import { checkPoints, PointError } from '../data/added-points.js';
import { FEATURE_DEFS, FEATURES, type Feature } from '../data/features.js';
import { GENERATORS, type DataSpec } from '../data/datasets.js';
import { REGRESSIONS } from '../data/regression.js';
import type { DataEdit, ResolvedRun, Scenario } from './loader.js';

export type { DataEdit } from './loader.js';

export class DataEditError extends Error {
  override name = 'DataEditError';
  /** The share string's field within `dx` the error is about, when it names one (`p[3]`). */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The noise values the keys step through (the Playground's slider runs 0–50 %; a generator's noise is a spread). */
export const NOISE_LADDER: readonly number[] = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2];
/** The bounds of a noise and a test share, as the scenario schema has them. */
export const MAX_NOISE = 10;
export const MAX_TEST_FRACTION = 0.9;
/** The step of the test share (the Playground's ratio slider moves by 10 %). */
export const TEST_STEP = 0.1;

/**
 * The feature sets the features key cycles through after the scenario's own: the plane, the
 * squares (a circle for one unit), both, the product (XOR for one unit), the sines, all seven.
 */
export const FEATURE_SETS: readonly (readonly Feature[])[] = [
  ['x1', 'x2'],
  ['x1^2', 'x2^2'],
  ['x1', 'x2', 'x1^2', 'x2^2'],
  ['x1', 'x2', 'x1*x2'],
  ['sin(x1)', 'sin(x2)'],
  FEATURES,
];

type Plane = Extract<DataSpec, { kind: (typeof GENERATORS)[number] | (typeof REGRESSIONS)[number] }>;

/** True for a generated 2-D set (a point generator or a regression set): what the data keys can change. */
export function isPlaneData(spec: DataSpec): spec is Plane {
  return (GENERATORS as readonly string[]).includes(spec.kind) || (REGRESSIONS as readonly string[]).includes(spec.kind);
}

/** True when every run of the scenario trains on a generated 2-D set. */
export function dataEditable(scenario: Scenario): boolean {
  return scenario.runs.length > 0 && scenario.runs.every((r) => isPlaneData(r.data));
}

/** The data setting of a scenario's first run, as it trains now (its edit applied). */
export function dataSetting(scenario: Scenario): { noise: number; testFraction: number; features: readonly Feature[] } | null {
  const spec = scenario.runs[0]?.data;
  if (!spec || !isPlaneData(spec)) return null;
  return { noise: spec.noise ?? 0, testFraction: spec.testFraction ?? 0, features: spec.features ?? ['x1', 'x2'] };
}

/** The feature names as the map and the notes write them: "x1², x2²". */
export const featureList = (features: readonly Feature[]): string => features.map((f) => FEATURE_DEFS[f].name).join(', ');

/** Checks an edit's values (a share string's are untrusted); throws a DataEditError naming the field. */
function checkEdit(scenario: Scenario, edit: DataEdit): void {
  if (edit.noise !== undefined && !(Number.isFinite(edit.noise) && edit.noise >= 0 && edit.noise <= MAX_NOISE)) throw new DataEditError(`noise: ${edit.noise} is not between 0 and ${MAX_NOISE}`);
  if (edit.testFraction !== undefined && !(Number.isFinite(edit.testFraction) && edit.testFraction >= 0 && edit.testFraction <= MAX_TEST_FRACTION)) throw new DataEditError(`test share: ${edit.testFraction} is not between 0 and ${MAX_TEST_FRACTION}`);
  if (edit.features !== undefined) {
    if (edit.features.length === 0) throw new DataEditError('features: none given');
    const twice = edit.features.find((f, i) => edit.features!.indexOf(f) !== i);
    if (twice !== undefined) throw new DataEditError(`features: ${twice} is listed twice`);
  }
  if (edit.points !== undefined) {
    try {
      checkPoints(edit.points);
    } catch (e) {
      if (e instanceof PointError) throw new DataEditError(e.message, e.field);
      throw e;
    }
  }
  if (edit.testFraction !== undefined) {
    for (const r of scenario.runs) {
      const n = (r.data as Plane).n;
      const test = Math.round(n * edit.testFraction);
      if (n - test < 2) throw new DataEditError(`test share: ${edit.testFraction} of ${n} points leaves ${n - test} for training; at least 2 are needed`);
    }
  }
}

/**
 * The scenario with its data changed: each run's generated set gets the edit's noise, test share
 * and features; the edit is kept on the scenario (merged with one it already carries; an empty
 * list of points is none). Throws a DataEditError when a value is out of bounds, or the edit
 * changes the setting of data that is not a generated 2-D set (points alone are checked against
 * the data when it is built: data/added-points.ts's withPoints).
 */
export function withDataEdit(scenario: Scenario, edit: DataEdit): Scenario {
  const { points, ...setting } = { ...scenario.dataEdit, ...edit };
  const merged: DataEdit = { ...setting, ...(points?.length ? { points } : {}) };
  const changesSetting = Object.keys(setting).length > 0;
  if (changesSetting && !dataEditable(scenario)) {
    const kind = scenario.runs.find((r) => !isPlaneData(r.data))?.data.kind ?? 'none';
    throw new DataEditError(`scenario ${scenario.id} trains on ${kind} data, not a generated 2-D set: its noise, test share and features cannot be changed`);
  }
  checkEdit(scenario, merged);
  const runs: ResolvedRun[] = scenario.runs.map((r) => {
    const d = r.data as Plane;
    const data = {
      ...d,
      ...(merged.noise !== undefined ? { noise: merged.noise } : {}),
      ...(merged.testFraction !== undefined ? { testFraction: merged.testFraction } : {}),
      ...(merged.features !== undefined ? { features: [...merged.features] } : {}),
    } as DataSpec;
    return { ...r, data };
  });
  const { dataEdit: _was, ...rest } = scenario;
  return { ...rest, runs, ...(Object.keys(merged).length ? { dataEdit: merged } : {}) };
}

/** The next noise up (way 1) or down (−1) the ladder from `noise`; undefined at its end. */
export const nextNoise = (noise: number, way: 1 | -1): number | undefined =>
  way > 0 ? NOISE_LADDER.find((v) => v > noise + 1e-12) : [...NOISE_LADDER].reverse().find((v) => v < noise - 1e-12);

/** The test share one step up or down (tenths, 0 … MAX_TEST_FRACTION); undefined past either end. */
export function nextTestShare(share: number, way: 1 | -1): number | undefined {
  const to = Math.round((share + way * TEST_STEP) * 10) / 10;
  return to < 0 || to > MAX_TEST_FRACTION + 1e-12 ? undefined : to;
}

/** The feature set after `features` in FEATURE_SETS (the first after an unlisted one). */
export function nextFeatures(features: readonly Feature[]): readonly Feature[] {
  const key = (f: readonly string[]): string => f.join(',');
  const at = FEATURE_SETS.findIndex((f) => key(f) === key(features));
  return FEATURE_SETS[(at + 1) % FEATURE_SETS.length]!;
}
