/**
 * Novikoff (1962), the perceptron convergence bound: if a unit vector u separates the training set
 * with margin γ (s_i u·x_i ≥ γ > 0 for every pattern) and R = max_i ‖x_i‖, the perceptron started
 * from w = 0 makes at most (R/γ)² mistakes, however long it trains and in any presentation order.
 * Here x includes the bias input x0 = 1 (the bias is folded into w as w0, so the bound needs it in
 * R and in γ), and γ is the best margin, from the max-margin solve of src/theory/margin.ts.
 *
 * The proof, for the update Δw = η s x on a mistake (s = ±1 the class sign): each mistake adds
 * at least ηγ to u·w and at most η²R² to ‖w‖² (since s w·x ≤ 0 there), so after k mistakes
 * kηγ ≤ u·w ≤ ‖w‖ ≤ √k ηR. The same argument gives the variants this project runs:
 * - the lecture's w ← w + η(t − o)x with ±1 targets is Δw = 2η t x on a mistake: same bound;
 *   with 0/1 targets it is Δw = η s x, s = 2t − 1: same bound;
 * - with an undecided band |w·x| ≤ θ a mistake only has s w·x ≤ θ, so ‖w‖² grows by at most
 *   2ηθ + η²R²: the mistake form Δw = η t x gives k ≤ (R² + 2θ/η)/γ²; the difference form
 *   (Δw = η t x when undecided, 2η t x when wrong) gives k ≤ max(R² + 2θ/η, 2R²)/γ².
 */
import { norm } from './linalg.js';
import { maxMargin } from './margin.js';

export type PerceptronRule = 'difference' | 'mistake';

/** Sizes the max-margin solve takes on: support sets of at most 256 points, 4·10⁶ input numbers. */
const MAX_SUPPORT = 256;
const MAX_NUMBERS = 4e6;
/** And a bound on the work: n·d numbers read per iteration, times the solver's iteration cap (200 rows × 10,000 features took minutes). */
const MAX_WORK = 5e9;

export interface NovikoffBound {
  /** R = max ‖x‖ over the training inputs, x = (x0 = 1, x1, …) (or (1, a) over the A-units). */
  readonly radius: number;
  /** γ, the certified best margin; 0 when not separable (or not computed). */
  readonly margin: number;
  /** False when not separable, or when the data are too large to solve (see formula). */
  readonly separable: boolean;
  /** False when the data were too large for the solve: separable and margin then say nothing. */
  readonly computed: boolean;
  /** The best separator u (unit norm, bias first). */
  readonly separator: readonly number[];
  /** The bound on the number of mistakes, when it applies (separable, w(0) = 0, η > 0). */
  readonly bound: number | null;
  /** The bound's formula, or why there is none. */
  readonly formula: string;
}

/**
 * The bound for augmented inputs X (bias first) with class signs s_i = ±1.
 * `zeroStart` is false when training starts from other weights than w = 0 (no bound then).
 */
export function novikoff(
  X: readonly (readonly number[])[], s: readonly number[], opts: { rule: PerceptronRule; theta: number; eta: number; zeroStart: boolean },
): NovikoffBound {
  const radius = X.reduce((r, x) => Math.max(r, norm(x)), 0);
  const d = X[0]?.length ?? 0;
  // The solve's minor cycles are cubic in the support size (at most min(n, d + 1)): bounded here.
  const iterations = Math.min(50 * (X.length + d) + 100, 10000);
  if (Math.min(X.length, d + 1) > MAX_SUPPORT || X.length * d > MAX_NUMBERS || X.length * d * iterations > MAX_WORK) {
    return { radius, margin: 0, separable: false, computed: false, separator: [], bound: null, formula: `margin not computed: ${X.length} patterns of ${d} numbers is beyond this solver's size` };
  }
  const m = maxMargin(X.map((x, i) => x.map((v) => s[i]! * v)));
  const base = { radius, margin: m.gamma, separable: m.separable, computed: true, separator: m.u };
  if (!m.separable) return { ...base, bound: null, formula: 'no separating hyperplane (γ ≤ 0): no bound, and the mistakes never stop' };
  if (!opts.zeroStart) return { ...base, bound: null, formula: 'the bound (R/γ)² assumes training starts from w = 0' };
  if (!(opts.eta > 0)) return { ...base, bound: null, formula: 'with η = 0 nothing is learnt: no bound' };
  const g2 = m.gamma * m.gamma;
  const R2 = radius * radius;
  if (opts.theta === 0) return { ...base, bound: R2 / g2, formula: '(R/γ)²' };
  const band = R2 + (2 * opts.theta) / opts.eta;
  if (opts.rule === 'mistake') return { ...base, bound: band / g2, formula: '(R² + 2θ/η)/γ²' };
  return { ...base, bound: Math.max(band, 2 * R2) / g2, formula: 'max(R² + 2θ/η, 2R²)/γ²' };
}
