/**
 * What the recurrent engines share: the squashing functions with their derivatives (read from the
 * output, as BPTT keeps outputs), a random orthogonal matrix, and one step of online gradient
 * descent on one sequence. Pure math on Float64Array: no React, no ink, imports from src/core only.
 */
import type { Rng } from '../../core/rng.js';
import { sigmoid } from '../../core/sigmoid.js';

export type HiddenActivation = 'tanh' | 'sigmoid';

/** f(a) for the hidden units. */
export const squash = (f: HiddenActivation, a: number): number => (f === 'tanh' ? Math.tanh(a) : sigmoid(a));

/** f′(a) written with h = f(a): tanh′ = 1 − h², σ′ = h(1 − h). */
export const derFromOutput = (f: HiddenActivation, h: number): number => (f === 'tanh' ? 1 - h * h : h * (1 - h));

/** max f′: 1 for tanh (at 0), ¼ for the sigmoid (at 0): the bound on each step's factor. */
export const maxDerivative = (f: HiddenActivation): number => (f === 'tanh' ? 1 : 0.25);

/** A random n × n orthogonal matrix (row-major): Gram-Schmidt on Gaussian rows drawn from rng. */
export function orthogonal(n: number, rng: Rng): Float64Array {
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (;;) {
      for (let k = 0; k < n; k++) Q[i * n + k] = rng.normal();
      for (let p = 0; p < i; p++) {
        let d = 0;
        for (let k = 0; k < n; k++) d += Q[i * n + k]! * Q[p * n + k]!;
        for (let k = 0; k < n; k++) Q[i * n + k]! -= d * Q[p * n + k]!;
      }
      let norm = 0;
      for (let k = 0; k < n; k++) norm += Q[i * n + k]! * Q[i * n + k]!;
      norm = Math.sqrt(norm);
      if (norm > 1e-8) {
        for (let k = 0; k < n; k++) Q[i * n + k]! /= norm;
        break;
      }
    }
  }
  return Q;
}

/** The spectral norm ‖W‖₂ of an n × n block of θ (power iteration on WᵀW, 100 rounds from a fixed start). */
export function spectralNorm(theta: Float64Array, offset: number, n: number): number {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  const u = new Float64Array(n);
  let sigma = 0;
  for (let round = 0; round < 100; round++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += theta[offset + j * n + k]! * v[k]!;
      u[j] = s;
    }
    const next = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += theta[offset + j * n + k]! * u[j]!;
      next[k] = s;
    }
    let norm = 0;
    for (let k = 0; k < n; k++) norm += next[k]! * next[k]!;
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    sigma = Math.sqrt(norm);
    for (let k = 0; k < n; k++) next[k]! /= norm;
    v = next;
  }
  return sigma;
}

/**
 * The recurrent units' rows of θ: unit r reads x_t through θ[xRow(r) …], h_{t−1} through
 * θ[hRow(r) …] and has its bias at θ[bias + r] (xRow(r) = x0 + r·xStride, hRow(r) = h0 + r·hStride).
 * Elman's W_xh, W_hh, b_h and the LSTM's gate rows [W_x W_h] are both such rows.
 */
export interface UnitRows {
  readonly x0: number;
  readonly xStride: number;
  readonly h0: number;
  readonly hStride: number;
  readonly bias: number;
}

/** a_r = W_x,r x_t + W_h,r h_{t−1} + b_r (x_t at x[xo …], h_{t−1} at hs[prev …]), summed in that order. */
export function netInput(w: Float64Array, u: UnitRows, r: number, D: number, H: number, x: ArrayLike<number>, xo: number, hs: Float64Array, prev: number): number {
  const xr = u.x0 + r * u.xStride;
  const hr = u.h0 + r * u.hStride;
  let s1 = 0;
  for (let d = 0; d < D; d++) s1 += w[xr + d]! * x[xo + d]!;
  let s2 = 0;
  for (let k = 0; k < H; k++) s2 += w[hr + k]! * hs[prev + k]!;
  return s1 + s2 + w[u.bias + r]!;
}

/** One step back through unit r with δ_r: ∂J/∂W_x,r += δ_r x_tᵀ, ∂J/∂W_h,r += δ_r h_{t−1}ᵀ, ∂J/∂b_r += δ_r. */
export function addUnitGradient(g: Float64Array, u: UnitRows, r: number, dr: number, D: number, H: number, x: ArrayLike<number>, xo: number, hs: Float64Array, prev: number): void {
  const xr = u.x0 + r * u.xStride;
  const hr = u.h0 + r * u.hStride;
  for (let d = 0; d < D; d++) g[xr + d]! += dr * x[xo + d]!;
  for (let k = 0; k < H; k++) g[hr + k]! += dr * hs[prev + k]!;
  g[u.bias + r]! += dr;
}

/** ∂J/∂h_{t−1} = Σ_r W_h,rᵀ δ_r over the R units (in unit order) into dhnext. */
export function carryBack(w: Float64Array, u: UnitRows, R: number, delta: Float64Array, H: number, dhnext: Float64Array): void {
  for (let k = 0; k < H; k++) {
    let s = 0;
    for (let r = 0; r < R; r++) s += w[u.h0 + r * u.hStride + k]! * delta[r]!;
    dhnext[k] = s;
  }
}

/** The linear read-out at the last step: y = W_hy h_{T−1} + b_y (h_{T−1} at hs[last …]). */
export function readout(w: Float64Array, Why: number, by: number, O: number, H: number, hs: Float64Array, last: number, y: Float64Array): void {
  for (let o = 0; o < O; o++) {
    let s = 0;
    for (let j = 0; j < H; j++) s += w[Why + o * H + j]! * hs[last + j]!;
    y[o] = s + w[by + o]!;
  }
}

/** Back through the read-out: ∂J/∂W_hy += dy h_{T−1}ᵀ, ∂J/∂b_y += dy, and ∂J/∂h_{T−1} = W_hyᵀ dy into dh. */
export function readoutBackward(w: Float64Array, g: Float64Array, Why: number, by: number, O: number, H: number, hs: Float64Array, last: number, dy: ArrayLike<number>, dh: Float64Array): void {
  for (let o = 0; o < O; o++) {
    for (let j = 0; j < H; j++) g[Why + o * H + j]! += dy[o]! * hs[last + j]!;
    g[by + o]! += dy[o]!;
  }
  for (let j = 0; j < H; j++) {
    let s = 0;
    for (let o = 0; o < O; o++) s += w[Why + o * H + j]! * dy[o]!;
    dh[j] = s;
  }
}

/** A recurrent net as the trainer sees it: parameters, their gradient, one forward and one backward pass. */
export interface RecurrentNet {
  readonly theta: Float64Array;
  readonly grad: Float64Array;
  /** Runs the sequence (T steps of the net's inputs, step by step), keeping every state; returns y. */
  forward(x: ArrayLike<number>, T: number): Float64Array;
  /**
   * Back-propagates ∂J/∂y = dy from the last step through time, adding into grad; `truncate` > 0
   * stops after that many steps back. norms[k] gets ‖∂J/∂state‖ k steps before the last.
   */
  backward(dy: ArrayLike<number>, truncate: number, norms?: Float64Array): void;
}

export interface SgdOptions {
  readonly eta: number;
  /** Each gradient component clipped to [−clip, clip] (0: no clipping), as min-char-rnn does. */
  readonly clip: number;
  readonly truncate: number;
}

/** One online step on one sequence: J = ½‖y − target‖², θ ← θ − η ∂J/∂θ. Returns J before the step. */
export function sgdStep(net: RecurrentNet, x: ArrayLike<number>, T: number, target: ArrayLike<number>, opt: SgdOptions, dy: Float64Array, norms?: Float64Array): number {
  const y = net.forward(x, T);
  let J = 0;
  for (let o = 0; o < y.length; o++) {
    dy[o] = y[o]! - target[o]!;
    J += 0.5 * dy[o]! * dy[o]!;
  }
  const g = net.grad;
  g.fill(0);
  net.backward(dy, opt.truncate, norms);
  const theta = net.theta;
  const c = opt.clip;
  for (let j = 0; j < theta.length; j++) {
    const gj = c > 0 ? Math.min(c, Math.max(-c, g[j]!)) : g[j]!;
    theta[j]! -= opt.eta * gj;
  }
  return J;
}
