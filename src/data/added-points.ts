/**
 * Points added by hand (issue 25: a click on the map, or the point cursor and Enter): each a point
 * (x1, x2) of the plane with its class, appended to the training rows of every run, as the
 * generator would have written it (its feature inputs computed from the point when the data has
 * them, its target encoded like the others). Only labelled 2-D classification data takes them.
 * They are part of the setting: a scenario's data edit carries them (scenarios/data-edit.ts), the
 * share string writes them (`dx.p`), and prepareRuns appends them, after the data's own training
 * rows and in the order added, on every path that trains (the lab, `run`, `run --share`, `replay`).
 */
import type { Dataset } from '../core/types.js';
import { FEATURES, type Feature, liftPoint } from './features.js';

export interface AddedPoint {
  readonly x1: number;
  readonly x2: number;
  readonly label: number;
}

/** At most this many points by hand (a share string holds them all, well within its length). */
export const MAX_ADDED_POINTS = 1000;
/** A point's coordinates lie within ±POINT_BOUND: far outside any map a generated set draws, and a bound on what a string may carry. */
export const POINT_BOUND = 1000;

/** A point that does not fit: `field` names it as the share string does (`p[3]`, or `p` for the list). */
export class PointError extends Error {
  override name = 'PointError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The point a click (or the cursor) adds: its coordinates kept to 4 significant digits (a cell of
 * the map is far coarser), so that the share string stays short and holds exactly what trains.
 */
export const pointAt = (x1: number, x2: number, label: number): AddedPoint => ({ x1: Number(x1.toPrecision(4)), x2: Number(x2.toPrecision(4)), label });

/** Checks a list of points (a share string's are untrusted); throws a PointError naming the point. */
export function checkPoints(points: readonly AddedPoint[]): void {
  if (points.length > MAX_ADDED_POINTS) throw new PointError('p', `${points.length} points, more than the ${MAX_ADDED_POINTS} a run takes by hand`);
  points.forEach((p, i) => {
    for (const [name, v] of [['x1', p.x1], ['x2', p.x2]] as const) {
      if (!(Number.isFinite(v) && Math.abs(v) <= POINT_BOUND)) throw new PointError(`p[${i}]`, `${name}: ${v} is not between -${POINT_BOUND} and ${POINT_BOUND}`);
    }
    if (!(Number.isInteger(p.label) && p.label >= 0)) throw new PointError(`p[${i}]`, `class ${p.label} is not a class number (0, 1, …)`);
  });
}

/** Why a data set takes no points by hand, or null when it does. */
export function refusesPoints(data: Dataset): 'regression' | 'not-plane' | null {
  if (data.regression || data.targetEncoding === 'real') return 'regression';
  const plane = data.lifted !== undefined || data.featureNames.length === 2;
  if (!plane || data.image || data.sequence || data.standardization || data.targetEncoding === 'none') return 'not-plane';
  return null;
}

/** The target row of a class, encoded as the data set's other rows are. */
function target(data: Dataset, label: number): number[] {
  switch (data.targetEncoding) {
    case 'onehot':
      return Array.from({ length: data.classes }, (_, k) => (k === label ? 1 : 0));
    case 'bipolar':
      return [label === 1 ? 1 : -1];
    default:
      return [label];
  }
}

/**
 * The data set with the points appended to its training rows (unchanged when there are none).
 * Throws a PointError when the data takes no points by hand or a point's class is not one of its classes.
 */
export function withPoints(data: Dataset, points: readonly AddedPoint[]): Dataset {
  if (points.length === 0) return data;
  const why = refusesPoints(data);
  if (why) throw new PointError('p', `${data.name} ${why === 'regression' ? 'is a regression set (its targets are numbers)' : 'is not labelled 2-D data shown as a map'}: it takes no points by hand`);
  const bad = points.findIndex((p) => p.label >= data.classes);
  if (bad >= 0) throw new PointError(`p[${bad}]`, `class ${points[bad]!.label} is not one of the data's classes (0 to ${data.classes - 1})`);
  const features = data.lifted ? data.lifted.features.filter((f): f is Feature => (FEATURES as readonly string[]).includes(f)) : null;
  const rows = points.map((p) => (features ? liftPoint(features, p.x1, p.x2) : [p.x1, p.x2]));
  return {
    ...data,
    inputs: [...data.inputs, ...rows],
    targets: [...data.targets, ...points.map((p) => target(data, p.label))],
    labels: [...data.labels, ...points.map((p) => p.label)],
    ...(data.lifted ? { lifted: { ...data.lifted, points: [...data.lifted.points, ...points.map((p) => [p.x1, p.x2])] } } : {}),
  };
}
