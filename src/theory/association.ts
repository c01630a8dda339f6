/**
 * The association (A) layer of Rosenblatt's photoperceptron: fixed threshold units between the
 * sensory points (the inputs) and the trained response unit. Two wirings:
 * - random: each A-unit connects to each input with probability `connectivity`, the sign
 *   (excitatory +1 / inhibitory −1) at random, and a random threshold in [−d, d];
 * - rosenblatt: as in the 1958 paper's analysis, each A-unit has x excitatory and y inhibitory
 *   connections, each from an S-point drawn at random, and the same fixed threshold θ; it fires
 *   when e − i ≥ θ, e (i) the number of its excitatory (inhibitory) connections from lit points.
 * Since every origin is an independent uniform draw, a connection lands on a lit point with
 * probability R (the lit share of the stimulus) — the paper's binomial model holds exactly, and
 * its P_a is the expected share of A-units that fire.
 */
import type { Rng } from '../core/rng.js';
import { dot } from './linalg.js';

/** One A-unit: c_k ∈ ℤ the net count of connections from input k (+ excitatory, − inhibitory). */
export interface AssociationUnit {
  readonly c: number[];
  readonly theta: number;
}

export interface RosenblattWiring {
  /** x: excitatory connections per A-unit. */
  readonly excitatory: number;
  /** y: inhibitory connections per A-unit. */
  readonly inhibitory: number;
  /** θ: the fixed threshold of every A-unit. */
  readonly theta: number;
}

export function wireRandom(n: number, inputs: number, connectivity: number, rng: Rng): AssociationUnit[] {
  const units: AssociationUnit[] = [];
  for (let k = 0; k < n; k++) {
    const c = Array.from({ length: inputs }, () => (rng.uniform() < connectivity ? (rng.uniform() < 0.5 ? 1 : -1) : 0));
    units.push({ c, theta: rng.range(-inputs, inputs) });
  }
  return units;
}

export function wireRosenblatt(n: number, inputs: number, w: RosenblattWiring, rng: Rng): AssociationUnit[] {
  const units: AssociationUnit[] = [];
  for (let k = 0; k < n; k++) {
    const c = new Array<number>(inputs).fill(0);
    for (let e = 0; e < w.excitatory; e++) c[rng.int(inputs)]! += 1;
    for (let i = 0; i < w.inhibitory; i++) c[rng.int(inputs)]! -= 1;
    units.push({ c, theta: w.theta });
  }
  return units;
}

/** a_k = 1 if Σ_i c_ki x_i ≥ θ_k else 0: the association layer's fixed response. */
export const associate = (units: readonly AssociationUnit[], x: readonly number[]): number[] =>
  units.map((u) => (dot(u.c, x) >= u.theta ? 1 : 0));

/** C(n, k) as a float (exact for the sizes a wiring has). */
function choose(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return c;
}

/** P(k) = C(n, k) R^k (1 − R)^(n−k). */
const binomial = (n: number, k: number, R: number): number => choose(n, k) * R ** k * (1 - R) ** (n - k);

/**
 * Rosenblatt (1958), the expected proportion of A-units a stimulus lighting a share R of the
 * S-points activates: P_a = Σ_{e=θ}^{x} Σ_{i=0}^{min(y, e−θ)} P(e) P(i), with
 * P(e) = C(x, e) R^e (1 − R)^(x−e) and P(i) = C(y, i) R^i (1 − R)^(y−i). Summed here over every
 * (e, i) with e − i ≥ θ, which is the same sum and also holds for θ ≤ 0.
 */
export function firingProbability(w: RosenblattWiring, R: number): number {
  let pa = 0;
  for (let e = 0; e <= w.excitatory; e++) {
    for (let i = 0; i <= w.inhibitory; i++) if (e - i >= w.theta) pa += binomial(w.excitatory, e, R) * binomial(w.inhibitory, i, R);
  }
  return pa;
}

/** The share of A-units that fire for one stimulus. */
export const firingShare = (units: readonly AssociationUnit[], x: readonly number[]): number =>
  units.length === 0 ? 0 : associate(units, x).reduce((s, a) => s + a, 0) / units.length;

/** R, the share of lit S-points of a binary stimulus. */
export const litShare = (x: readonly number[]): number => (x.length === 0 ? 0 : x.reduce((s, v) => s + (v > 0 ? 1 : 0), 0) / x.length);
