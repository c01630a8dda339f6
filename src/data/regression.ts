/**
 * TensorFlow Playground's two regression sets, drawn only from the Rng they are given:
 *   reg-plane  t = (x1 + x2) / 10 on the square [−6, 6]² (a tilted plane, t in [−1.2, 1.2]);
 *   reg-gauss  six bumps at (±4 or 0, ±2.5) with signs + − + / − + −: t = the strongest
 *              s_k·max(0, 1 − d_k/2) over the bumps, d_k the distance to bump k (t in [−1, 1]).
 * As in the Playground, noise shifts the point the target is read at by U(−6, 6)·noise in each
 * coordinate (the point itself stays). Targets are real numbers: a row counts as right when its
 * output lies within `tolerance` of its target; its label says which side of 0 the target is on.
 */
import { DatasetError } from './dataset-error.js';
import type { Rng } from '../core/rng.js';
import type { Dataset } from '../core/types.js';

export const REGRESSIONS = ['reg-plane', 'reg-gauss'] as const;
export type Regression = (typeof REGRESSIONS)[number];

/** The square the points are drawn from: [−RADIUS, RADIUS]². */
export const RADIUS = 6;
/** A row is right when |o − t| < tolerance, unless the scenario says otherwise. */
export const DEFAULT_TOLERANCE = 0.1;

export interface RegressionSpec {
  readonly kind: Regression;
  readonly n: number;
  readonly noise?: number;
  readonly testFraction?: number;
  readonly tolerance?: number;
}

/** Centre and sign of each of the six bumps (the Playground's layout). */
export const BUMPS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

/** The target of a point, without noise. */
export function regressionTarget(kind: Regression, x1: number, x2: number): number {
  if (kind === 'reg-plane') return (x1 + x2) / 10;
  let t = 0;
  for (const [cx, cy, s] of BUMPS) {
    // the bump's height falls linearly from 1 at its centre to 0 at distance 2
    const v = s * Math.max(0, 1 - Math.hypot(x1 - cx, x2 - cy) / 2);
    if (Math.abs(v) > Math.abs(t)) t = v;
  }
  return t;
}

export function regression(spec: RegressionSpec, rng: Rng): Dataset {
  const tolerance = spec.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance > 0)) throw new DatasetError(`${spec.kind}: tolerance must be above 0, got ${tolerance}`);
  const noise = spec.noise ?? 0;
  const rows: { x: [number, number]; t: number }[] = [];
  for (let i = 0; i < spec.n; i++) {
    const x1 = rng.range(-RADIUS, RADIUS);
    const x2 = rng.range(-RADIUS, RADIUS);
    const n1 = rng.range(-RADIUS, RADIUS) * noise;
    const n2 = rng.range(-RADIUS, RADIUS) * noise;
    rows.push({ x: [x1, x2], t: regressionTarget(spec.kind, x1 + n1, x2 + n2) });
  }
  const nTest = Math.round(spec.n * (spec.testFraction ?? 0));
  const range: [number, number] = spec.kind === 'reg-plane' ? [-(2 * RADIUS) / 10, (2 * RADIUS) / 10] : [-1, 1];
  const part = (rs: typeof rows) => ({
    inputs: rs.map((r) => r.x),
    targets: rs.map((r) => [r.t]),
    labels: rs.map((r) => (r.t >= 0 ? 1 : 0)),
    classes: 2,
    inputEncoding: 'real' as const,
    targetEncoding: 'real' as const,
    featureNames: ['x1', 'x2'],
    regression: { tolerance, range },
  });
  // the points are drawn in order; the first nTest are the test set (no shuffle needed: they are independent draws)
  return { name: spec.kind, ...part(rows.slice(nTest)), ...(nTest > 0 ? { test: part(rows.slice(0, nTest)) } : {}) };
}
