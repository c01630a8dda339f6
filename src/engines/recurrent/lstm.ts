/**
 * Long Short-Term Memory (Hochreiter & Schmidhuber 1997), the fast path: one memory cell per block,
 * each with its cell input g, input gate i and output gate o; with `forgetGate` also the forget gate
 * f of Gers, Schmidhuber & Cummins (2000). z_t = [x_t; h_{t−1}] feeds every unit.
 *
 *   g_t = tanh(W_g z_t + b_g),  i_t = σ(W_i z_t + b_i),  o_t = σ(W_o z_t + b_o)  (f_t = σ(W_f z_t + b_f))
 *   s_t = s_{t−1} + i_t ⊙ g_t                the constant error carousel: ∂s_t/∂s_{t−1} = 1
 *        (s_t = f_t ⊙ s_{t−1} + i_t ⊙ g_t   with the forget gate: ∂s_t/∂s_{t−1} = f_t)
 *   h_t = o_t ⊙ tanh(s_t),   y = W_hy h_{T−1} + b_y,   J = ½ ‖y − target‖²
 * The error that reaches s_t travels back along the carousel multiplied by 1 per step (f_t with the
 * forget gate): it neither vanishes nor explodes. The gradient here is the full one through every
 * path (the 1997 paper truncated the paths through the gates; the carousel is the same).
 * The 1997 paper's squashing functions g = 4σ − 2 and h = 2σ − 1 are tanh up to scale; tanh is used.
 */
import type { Rng } from '../../core/rng.js';
import { sigmoid } from '../../core/sigmoid.js';
import { type RecurrentNet, type UnitRows, addUnitGradient, carryBack, netInput, readout, readoutBackward } from './common.js';

export interface LstmShape {
  readonly inputs: number;
  readonly cells: number;
  readonly outputs: number;
  readonly forgetGate: boolean;
}

/** Units per cell: g, i, o (and f). */
export const gateCount = (s: LstmShape): number => (s.forgetGate ? 4 : 3);
export const GATE_NAMES = ['g', 'i', 'o', 'f'] as const;

/** Offsets in θ: W [G][H][D + H] (gate q, cell j, then x and h), b [G][H], W_hy [O×H], b_y [O]. */
export function lstmLayout(s: LstmShape) {
  const G = gateCount(s);
  const Z = s.inputs + s.cells;
  const W = 0;
  const b = W + G * s.cells * Z;
  const Why = b + G * s.cells;
  const by = Why + s.outputs * s.cells;
  return { G, Z, W, b, Why, by, size: by + s.outputs };
}

export interface LstmInit {
  readonly range: number;
  /** Initial biases of the input, output and forget gates (the 1997 paper starts its gates biased shut). */
  readonly inputBias: number;
  readonly outputBias: number;
  readonly forgetBias: number;
}

/** Initial θ from rng: W, then W_hy, uniform in [−range, range]; the gate biases as given, b_g = 0. */
export function lstmInit(s: LstmShape, init: LstmInit, rng: Rng): Float64Array {
  const L = lstmLayout(s);
  const theta = new Float64Array(L.size);
  for (let j = L.W; j < L.b; j++) theta[j] = rng.range(-init.range, init.range);
  const bias = [0, init.inputBias, init.outputBias, init.forgetBias];
  for (let q = 0; q < L.G; q++) for (let j = 0; j < s.cells; j++) theta[L.b + q * s.cells + j] = bias[q]!;
  for (let j = L.Why; j < L.by; j++) theta[j] = rng.range(-init.range, init.range);
  return theta;
}

export class LstmNet implements RecurrentNet {
  readonly layout: ReturnType<typeof lstmLayout>;
  /** Unit q·H + j (gate q of cell j): the row [W_x W_h] of z_t, and its bias. */
  private readonly units: UnitRows;
  readonly grad: Float64Array;
  readonly y: Float64Array;
  /** Gate outputs per step: acts[t·G·H + q·H + j]. */
  acts: Float64Array;
  /** s_t and h_t for t = −1 … T−1: ss[(t + 1)·H + j]; tanh(s_t) in cs[t·H + j]. */
  ss: Float64Array;
  hs: Float64Array;
  cs: Float64Array;
  steps = 0;
  private x: ArrayLike<number> = [];
  private dh: Float64Array;
  private dhnext: Float64Array;
  private ds: Float64Array;
  private da: Float64Array;

  constructor(
    readonly shape: LstmShape,
    readonly theta: Float64Array,
  ) {
    this.layout = lstmLayout(shape);
    const H = shape.cells;
    const { W, Z, b } = this.layout;
    this.units = { x0: W, xStride: Z, h0: W + shape.inputs, hStride: Z, bias: b };
    this.grad = new Float64Array(this.layout.size);
    this.y = new Float64Array(shape.outputs);
    this.acts = new Float64Array(0);
    this.ss = new Float64Array(H);
    this.hs = new Float64Array(H);
    this.cs = new Float64Array(0);
    this.dh = new Float64Array(H);
    this.dhnext = new Float64Array(H);
    this.ds = new Float64Array(H);
    this.da = new Float64Array(this.layout.G * H);
  }

  forward(x: ArrayLike<number>, T: number): Float64Array {
    const { inputs: D, cells: H, outputs: O, forgetGate } = this.shape;
    const { G, Why, by } = this.layout;
    const w = this.theta;
    const u = this.units;
    if (this.hs.length < (T + 1) * H) {
      this.hs = new Float64Array((T + 1) * H);
      this.ss = new Float64Array((T + 1) * H);
      this.cs = new Float64Array(T * H);
      this.acts = new Float64Array(T * G * H);
    }
    const { hs, ss, cs, acts } = this;
    this.x = x;
    this.steps = T;
    for (let j = 0; j < H; j++) hs[j] = ss[j] = 0;
    for (let t = 0; t < T; t++) {
      const xo = t * D;
      const prev = t * H;
      const cur = prev + H;
      const ao = t * G * H;
      for (let q = 0; q < G; q++) {
        for (let j = 0; j < H; j++) {
          // a = W_q z_t + b_q: g squashed by tanh, the gates by σ
          const a = netInput(w, u, q * H + j, D, H, x, xo, hs, prev);
          acts[ao + q * H + j] = q === 0 ? Math.tanh(a) : sigmoid(a);
        }
      }
      for (let j = 0; j < H; j++) {
        const g = acts[ao + j]!;
        const i = acts[ao + H + j]!;
        const o = acts[ao + 2 * H + j]!;
        // s_t = s_{t−1} + i g   (f s_{t−1} + i g with the forget gate)
        const carried = forgetGate ? acts[ao + 3 * H + j]! * ss[prev + j]! : ss[prev + j]!;
        const s = carried + i * g;
        ss[cur + j] = s;
        const c = Math.tanh(s);
        cs[t * H + j] = c;
        hs[cur + j] = o * c;
      }
    }
    readout(w, Why, by, O, H, hs, T * H, this.y);
    return this.y;
  }

  backward(dy: ArrayLike<number>, truncate: number, norms?: Float64Array): void {
    const { inputs: D, cells: H, outputs: O, forgetGate } = this.shape;
    const { G, Why, by } = this.layout;
    const w = this.theta;
    const gr = this.grad;
    const u = this.units;
    const { hs, ss, cs, acts } = this;
    const x = this.x;
    const T = this.steps;
    let dh = this.dh;
    let dhnext = this.dhnext;
    const ds = this.ds;
    const da = this.da;
    readoutBackward(w, gr, Why, by, O, H, hs, T * H, dy, dh);
    ds.fill(0);
    const stop = truncate > 0 ? Math.max(0, T - truncate) : 0;
    for (let t = T - 1; t >= stop; t--) {
      const prev = t * H;
      const ao = t * G * H;
      let n2 = 0;
      for (let j = 0; j < H; j++) {
        const g = acts[ao + j]!;
        const i = acts[ao + H + j]!;
        const o = acts[ao + 2 * H + j]!;
        const c = cs[t * H + j]!;
        // ∂J/∂s_t = (carried from s_{t+1}) + ∂J/∂h_t · o_t · tanh′(s_t)
        const dsj = ds[j]! + dh[j]! * o * (1 - c * c);
        n2 += dsj * dsj;
        da[j] = dsj * i * (1 - g * g);
        da[H + j] = dsj * g * i * (1 - i);
        da[2 * H + j] = dh[j]! * c * o * (1 - o);
        if (forgetGate) {
          const f = acts[ao + 3 * H + j]!;
          da[3 * H + j] = dsj * ss[prev + j]! * f * (1 - f);
          ds[j] = dsj * f;
        } else ds[j] = dsj; // the carousel: ∂s_t/∂s_{t−1} = 1
      }
      if (norms) norms[T - 1 - t] = Math.sqrt(n2);
      const xo = t * D;
      for (let r = 0; r < G * H; r++) addUnitGradient(gr, u, r, da[r]!, D, H, x, xo, hs, prev);
      // dhnext = ∂J/∂h_{t−1} = Σ_q W_qᵀ (the h part) δ_q
      carryBack(w, u, G * H, da, H, dhnext);
      const swap = dh;
      dh = dhnext;
      dhnext = swap;
    }
    this.dh = dh;
    this.dhnext = dhnext;
  }
}
