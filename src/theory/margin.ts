/**
 * The margin of the best separating unit-norm weight vector, by Wolfe's (1976) minimum-norm-point
 * algorithm. With z_i = s_i x_i (s_i = ±1 the class sign, x_i the input with its bias x0 = 1):
 *   γ = max_{‖u‖ = 1} min_i u·z_i = min_{p ∈ conv{z_i}} ‖p‖   (when positive),
 * so the nearest point of the convex hull of the z_i to the origin is the best separator u = p/‖p‖,
 * and the data are linearly separable exactly when the origin lies outside that hull.
 * Deterministic (fixed scan order, ties to the lowest index), finite, and certified: the returned γ
 * is min_i u·z_i of the returned u (a margin that u really achieves), and `upper` = ‖p‖ bounds the
 * best margin from above; at the optimum they agree.
 */
import { dot } from './linalg.js';

export interface MarginResult {
  /** True when some unit vector has u·z_i > 0 for every i (the origin is outside the hull). */
  readonly separable: boolean;
  /** min_i u·z_i of the returned u: the certified margin (0 when not separable). */
  readonly gamma: number;
  /** ‖p‖, an upper bound on the best margin (equal to gamma at the optimum). */
  readonly upper: number;
  /** The separator u = p/‖p‖ (unit norm), or zeros when not separable. */
  readonly u: readonly number[];
  /** Indices of the points p is a convex combination of (the support vectors), ascending. */
  readonly support: readonly number[];
  /** Their weights in p = Σ λ_s z_s (λ ≥ 0, Σ λ = 1): p ≈ 0 proves the data inseparable. */
  readonly lambda: readonly number[];
}

/** Relative tolerances: optimality gap, and the smallest weight a support point keeps. */
const GAP = 1e-12;
const KEEP = 1e-12;

/** Solves the bordered system [G 1; 1ᵀ 0][μ; ν] = [0; 1] by Gaussian elimination with partial pivoting; null if singular. */
function affineWeights(points: readonly (readonly number[])[]): number[] | null {
  const m = points.length;
  const n = m + 1;
  const a: number[][] = Array.from({ length: n }, (_, r) =>
    Array.from({ length: n + 1 }, (_, c) => {
      if (c === n) return r === m ? 1 : 0;
      if (r === m) return c === m ? 0 : 1;
      if (c === m) return 1;
      return dot(points[r]!, points[c]!);
    }),
  );
  const scale = a.slice(0, m).reduce((s, row) => Math.max(s, Math.abs(row[0]!)), 1);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-14 * scale) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return Array.from({ length: m }, (_, r) => a[r]![n]! / a[r]![r]!);
}

function combine(points: readonly (readonly number[])[], lambda: readonly number[], d: number): number[] {
  const x = new Array<number>(d).fill(0);
  points.forEach((p, s) => {
    for (let j = 0; j < d; j++) x[j]! += lambda[s]! * p[j]!;
  });
  return x;
}

/** The minimum-norm point of conv{z_i} and the margin it certifies (see the file comment). */
export function maxMargin(z: readonly (readonly number[])[]): MarginResult {
  const n = z.length;
  const d = z[0]?.length ?? 0;
  const none: MarginResult = { separable: false, gamma: 0, upper: 0, u: new Array<number>(d).fill(0), support: [], lambda: [] };
  if (n === 0 || d === 0) return none;
  const sq = z.map((p) => dot(p, p));
  // a loop, not Math.max(...sq): a spread of 200,000 arguments overflows the stack
  const big = sq.reduce((m, v) => Math.max(m, v), -Infinity);
  if (big === 0) return none;
  // Step 0: start from the shortest point.
  let first = 0;
  for (let i = 1; i < n; i++) if (sq[i]! < sq[first]!) first = i;
  let S = [first];
  let lambda = [1];
  let x = [...z[first]!];
  // Wolfe's algorithm ends after finitely many steps; the cap only guards against round-off loops.
  for (let iter = 0; iter < Math.min(50 * (n + d) + 100, 10000); iter++) {
    // Major cycle: the point most opposed to x; x is optimal when none lies below the plane x·p = ‖x‖².
    const xx = dot(x, x);
    let j = 0;
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      const v = dot(x, z[i]!);
      if (v < best) ((best = v), (j = i));
    }
    if (xx - best <= GAP * big || S.includes(j) || S.length > d) break;
    S = [...S, j];
    lambda = [...lambda, 0];
    // Minor cycles: move to the affine minimiser of S, dropping points whose weight would turn negative.
    for (;;) {
      const mu = affineWeights(S.map((s) => z[s]!));
      if (mu === null) {
        // Round-off made the new point affinely dependent: x is as near as this precision gets.
        S = S.slice(0, -1);
        lambda = lambda.slice(0, -1);
        break;
      }
      if (mu.every((m) => m > KEEP)) {
        lambda = mu;
        break;
      }
      let theta = 1;
      mu.forEach((m, s) => {
        if (m <= KEEP && lambda[s]! - m > 0) theta = Math.min(theta, lambda[s]! / (lambda[s]! - m));
      });
      lambda = lambda.map((l, s) => (1 - theta) * l + theta * mu[s]!);
      const kept = lambda.map((l, s) => [l, S[s]!] as const).filter(([l]) => l > KEEP);
      const total = kept.reduce((t, [l]) => t + l, 0);
      S = kept.map(([, s]) => s);
      lambda = kept.map(([l]) => l / total);
    }
    x = combine(S.map((s) => z[s]!), lambda, d);
    // In exact arithmetic the new point always stays; if round-off dropped it, x cannot improve.
    if (!S.includes(j)) break;
  }
  const upper = Math.sqrt(dot(x, x));
  const order = S.map((_, k) => k).sort((a, b) => S[a]! - S[b]!);
  const hull = { support: order.map((k) => S[k]!), lambda: order.map((k) => lambda[k]!) };
  // The origin in the hull (up to round-off): no separating direction.
  if (upper <= 1e-9 * Math.sqrt(big)) return { ...none, ...hull };
  const u = x.map((v) => v / upper);
  let gamma = Infinity;
  for (const p of z) gamma = Math.min(gamma, dot(u, p));
  if (!(gamma > 0)) return { ...none, upper, ...hull };
  return { separable: true, gamma, upper, u, ...hull };
}
