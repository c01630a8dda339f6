/**
 * Points added by hand (issue 25: a click on the map, or the point cursor and Enter): each a point
 * (x1, x2) of the plane with its class, appended to the training rows of every run on screen, as
 * the generator would have written it (its feature inputs computed from the point when the data
 * has them, its target encoded like the others). Only labelled 2-D classification data takes them.
 */
import type { Dataset } from '../core/types.js';
import { FEATURES, type Feature, liftPoint } from '../data/features.js';
import { onPlane } from './field.js';

export interface AddedPoint {
  readonly x1: number;
  readonly x2: number;
  readonly label: number;
}

/** Why a data set takes no points by hand, or null when it does. */
export function refusesPoints(data: Dataset): 'regression' | 'not-plane' | null {
  if (data.regression || data.targetEncoding === 'real') return 'regression';
  if (!onPlane(data) || data.image || data.sequence || data.standardization || data.targetEncoding === 'none') return 'not-plane';
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

/** The data set with the points appended to its training rows (unchanged when there are none or it refuses them). */
export function withPoints(data: Dataset, points: readonly AddedPoint[]): Dataset {
  if (points.length === 0 || refusesPoints(data)) return data;
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
