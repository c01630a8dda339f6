/**
 * Elman's simple recurrent net (1990) trained by back-propagation through time, the fast path:
 * every parameter in one Float64Array θ, every state of the sequence kept per step, no allocation
 * inside the time loop. reference.ts holds the short version it must match bit for bit.
 *
 *   forward   a_t = W_xh x_t + W_hh h_{t−1} + b_h,   h_t = f(a_t),   h_{−1} = 0
 *             y = W_hy h_{T−1} + b_y,                J = ½ ‖y − target‖²   (the error at the end only)
 *   backward  ∂J/∂h_{T−1} = W_hyᵀ (y − target); going back one step:
 *             δ_t = ∂J/∂h_t ⊙ f′(a_t),   ∂J/∂h_{t−1} = W_hhᵀ δ_t   (dhnext, the carried gradient)
 *   so each step back multiplies the carried gradient by W_hhᵀ diag f′: at most ‖W_hh‖ · max f′
 *   (max f′ = 1 for tanh, ¼ for the sigmoid) — Hochreiter (1991), Bengio, Simard & Frasconi (1994).
 * Truncated BPTT with k steps stops the carried gradient after k steps back (k = 0: full BPTT).
 */
import type { Rng } from '../../core/rng.js';
import {
  type HiddenActivation, type RecurrentNet, type UnitRows, addUnitGradient, carryBack, derFromOutput, netInput, orthogonal, readout, readoutBackward, squash,
} from './common.js';

export interface ElmanShape {
  readonly inputs: number;
  readonly hidden: number;
  readonly outputs: number;
  readonly activation: HiddenActivation;
}

/** Offsets of each block in θ: W_xh [H×D], W_hh [H×H], b_h [H], W_hy [O×H], b_y [O]. */
export function elmanLayout(s: ElmanShape) {
  const { inputs: D, hidden: H, outputs: O } = s;
  const Wxh = 0;
  const Whh = Wxh + H * D;
  const bh = Whh + H * H;
  const Why = bh + H;
  const by = Why + O * H;
  return { Wxh, Whh, bh, Why, by, size: by + O };
}

export interface ElmanInit {
  /** Input and output weights uniform in [−range, range]. */
  readonly range: number;
  /** W_hh = scale × (a random orthogonal matrix, or the identity): its spectral norm is exactly `scale`. */
  readonly recurrent: 'orthogonal' | 'identity';
  readonly scale: number;
}

/** Initial θ, drawn from rng in a fixed order: W_xh, W_hh, W_hy (biases 0). */
export function elmanInit(s: ElmanShape, init: ElmanInit, rng: Rng): Float64Array {
  const L = elmanLayout(s);
  const theta = new Float64Array(L.size);
  for (let j = L.Wxh; j < L.Whh; j++) theta[j] = rng.range(-init.range, init.range);
  const Q = init.recurrent === 'identity' ? null : orthogonal(s.hidden, rng);
  for (let j = 0; j < s.hidden; j++) for (let k = 0; k < s.hidden; k++) theta[L.Whh + j * s.hidden + k] = init.scale * (Q ? Q[j * s.hidden + k]! : j === k ? 1 : 0);
  for (let j = L.Why; j < L.by; j++) theta[j] = rng.range(-init.range, init.range);
  return theta;
}

export class ElmanNet implements RecurrentNet {
  readonly layout: ReturnType<typeof elmanLayout>;
  /** Hidden unit j: W_xh row j, W_hh row j, b_h[j]. */
  private readonly units: UnitRows;
  readonly grad: Float64Array;
  readonly y: Float64Array;
  /** h_t for t = −1 … T−1: hs[(t + 1)·H + j]. */
  hs: Float64Array;
  steps = 0;
  private x: ArrayLike<number> = [];
  private dh: Float64Array;
  private dhnext: Float64Array;
  private delta: Float64Array;

  constructor(
    readonly shape: ElmanShape,
    readonly theta: Float64Array,
  ) {
    this.layout = elmanLayout(shape);
    this.units = { x0: this.layout.Wxh, xStride: shape.inputs, h0: this.layout.Whh, hStride: shape.hidden, bias: this.layout.bh };
    this.grad = new Float64Array(this.layout.size);
    this.y = new Float64Array(shape.outputs);
    this.hs = new Float64Array(shape.hidden);
    this.dh = new Float64Array(shape.hidden);
    this.dhnext = new Float64Array(shape.hidden);
    this.delta = new Float64Array(shape.hidden);
  }

  /** The hidden state after step t (0 ≤ t < steps), a view into the kept states. */
  hidden(t: number): Float64Array {
    const H = this.shape.hidden;
    return this.hs.subarray((t + 1) * H, (t + 2) * H);
  }

  forward(x: ArrayLike<number>, T: number): Float64Array {
    const { inputs: D, hidden: H, outputs: O, activation } = this.shape;
    const { Why, by } = this.layout;
    const w = this.theta;
    const u = this.units;
    if (this.hs.length < (T + 1) * H) this.hs = new Float64Array((T + 1) * H);
    const hs = this.hs;
    this.x = x;
    this.steps = T;
    for (let j = 0; j < H; j++) hs[j] = 0;
    for (let t = 0; t < T; t++) {
      const xo = t * D;
      const prev = t * H;
      const cur = prev + H;
      // a_t = W_xh x_t + W_hh h_{t−1} + b_h,  h_t = f(a_t)
      for (let j = 0; j < H; j++) hs[cur + j] = squash(activation, netInput(w, u, j, D, H, x, xo, hs, prev));
    }
    readout(w, Why, by, O, H, hs, T * H, this.y);
    return this.y;
  }

  backward(dy: ArrayLike<number>, truncate: number, norms?: Float64Array): void {
    const { inputs: D, hidden: H, outputs: O, activation } = this.shape;
    const { Why, by } = this.layout;
    const w = this.theta;
    const g = this.grad;
    const u = this.units;
    const hs = this.hs;
    const x = this.x;
    const T = this.steps;
    let dh = this.dh;
    let dhnext = this.dhnext;
    const delta = this.delta;
    // ∂J/∂W_hy = (y − target) h_{T−1}ᵀ, ∂J/∂b_y = y − target, ∂J/∂h_{T−1} = W_hyᵀ (y − target)
    readoutBackward(w, g, Why, by, O, H, hs, T * H, dy, dh);
    const stop = truncate > 0 ? Math.max(0, T - truncate) : 0;
    for (let t = T - 1; t >= stop; t--) {
      const prev = t * H;
      const cur = prev + H;
      if (norms) {
        let n2 = 0;
        for (let j = 0; j < H; j++) n2 += dh[j]! * dh[j]!;
        norms[T - 1 - t] = Math.sqrt(n2);
      }
      // δ_t = ∂J/∂h_t ⊙ f′(a_t)
      for (let j = 0; j < H; j++) delta[j] = dh[j]! * derFromOutput(activation, hs[cur + j]!);
      const xo = t * D;
      for (let j = 0; j < H; j++) addUnitGradient(g, u, j, delta[j]!, D, H, x, xo, hs, prev);
      // dhnext = ∂J/∂h_{t−1} = W_hhᵀ δ_t
      carryBack(w, u, H, delta, H, dhnext);
      const swap = dh;
      dh = dhnext;
      dhnext = swap;
    }
    this.dh = dh;
    this.dhnext = dhnext;
  }
}
