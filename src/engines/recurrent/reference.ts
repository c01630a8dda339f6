/**
 * The short versions of elman.ts and lstm.ts: nested arrays, one function per pass, written as the
 * equations read (min-char-rnn's shape: states kept per step in arrays indexed by t, one backward loop
 * over reversed t carrying dhnext). The differential test trains both on random configurations
 * and requires the same θ bit for bit, so every sum here runs in the fast path's order.
 */
import { sigmoid } from '../../core/sigmoid.js';
import { type HiddenActivation, derFromOutput, squash } from './common.js';
import { type ElmanShape, elmanLayout } from './elman.js';
import { type LstmShape, lstmLayout } from './lstm.js';

type Vec = number[];
type Mat = number[][];

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0);
/** Mᵀv: column k of M dotted with v, summed over the rows in order. */
const dotT = (M: Mat, v: Vec, k: number): number => M.reduce((s, row, j) => s + row[k]! * v[j]!, 0);
const mat = (theta: ArrayLike<number>, at: number, rows: number, cols: number): Mat => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => theta[at + r * cols + c]!));
const vec = (theta: ArrayLike<number>, at: number, n: number): Vec => Array.from({ length: n }, (_, i) => theta[at + i]!);
const zeros = (rows: number, cols: number): Mat => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
const steps = (x: readonly number[], D: number): Vec[] => Array.from({ length: x.length / D }, (_, t) => x.slice(t * D, t * D + D));

export interface ReferenceOptions {
  readonly eta: number;
  readonly clip: number;
  readonly truncate: number;
}

/** θ ← θ − η clip(∂J/∂θ), the gradient given block by block in θ's order. */
function update(theta: number[], grads: readonly (Vec | Mat)[], o: ReferenceOptions): number[] {
  const flat = grads.flatMap((g) => (Array.isArray(g[0]) ? (g as Mat).flat() : (g as Vec)));
  return theta.map((w, j) => w - o.eta * (o.clip > 0 ? Math.min(o.clip, Math.max(-o.clip, flat[j]!)) : flat[j]!));
}

/** One sequence through Elman's net and back; returns θ after the step. */
export function elmanReferenceStep(theta: number[], s: ElmanShape, x: readonly number[], target: readonly number[], o: ReferenceOptions): number[] {
  const { inputs: D, hidden: H, outputs: O } = s;
  const L = elmanLayout(s);
  const [Wxh, Whh, Why] = [mat(theta, L.Wxh, H, D), mat(theta, L.Whh, H, H), mat(theta, L.Why, O, H)];
  const [bh, by] = [vec(theta, L.bh, H), vec(theta, L.by, O)];
  const f: HiddenActivation = s.activation;
  const xs = steps(x, D);
  const T = xs.length;
  // forward: hs[t + 1] = h_t = f(W_xh x_t + W_hh h_{t−1} + b_h)
  const hs: Vec[] = [new Array<number>(H).fill(0)];
  for (let t = 0; t < T; t++) hs.push(Wxh.map((row, j) => squash(f, dot(row, xs[t]!) + dot(Whh[j]!, hs[t]!) + bh[j]!)));
  const y = Why.map((row, k) => dot(row, hs[T]!) + by[k]!);
  const dy = y.map((v, k) => v - target[k]!);
  // backward
  const dWxh = zeros(H, D);
  const dWhh = zeros(H, H);
  const dbh = new Array<number>(H).fill(0);
  const dWhy = Why.map((row, k) => row.map((_, j) => 0 + dy[k]! * hs[T]![j]!));
  const dby = dy.map((v) => 0 + v);
  let dhnext = hs[T]!.map((_, j) => dotT(Why, dy, j));
  const stop = o.truncate > 0 ? Math.max(0, T - o.truncate) : 0;
  for (let t = T - 1; t >= stop; t--) {
    const delta = dhnext.map((v, j) => v * derFromOutput(f, hs[t + 1]![j]!));
    for (let j = 0; j < H; j++) {
      for (let d = 0; d < D; d++) dWxh[j]![d]! += delta[j]! * xs[t]![d]!;
      for (let k = 0; k < H; k++) dWhh[j]![k]! += delta[j]! * hs[t]![k]!;
      dbh[j]! += delta[j]!;
    }
    dhnext = dhnext.map((_, k) => dotT(Whh, delta, k));
  }
  return update(theta, [dWxh, dWhh, dbh, dWhy, dby], o);
}

/** One sequence through the LSTM and back; returns θ after the step. */
export function lstmReferenceStep(theta: number[], s: LstmShape, x: readonly number[], target: readonly number[], o: ReferenceOptions): number[] {
  const { inputs: D, cells: H, outputs: O, forgetGate } = s;
  const L = lstmLayout(s);
  const Wq = Array.from({ length: L.G }, (_, q) => mat(theta, L.W + q * H * L.Z, H, L.Z));
  const bq = Array.from({ length: L.G }, (_, q) => vec(theta, L.b + q * H, H));
  const Why = mat(theta, L.Why, O, H);
  const by = vec(theta, L.by, O);
  const xs = steps(x, D);
  const T = xs.length;
  const hs: Vec[] = [new Array<number>(H).fill(0)];
  const ss: Vec[] = [new Array<number>(H).fill(0)];
  const gates: Vec[][] = [];
  for (let t = 0; t < T; t++) {
    // each unit sums its x part, then its h part, then adds its bias
    const a = Wq.map((Wg, q) => Wg.map((row, j) => dot(row.slice(0, D), xs[t]!) + dot(row.slice(D), hs[t]!) + bq[q]![j]!));
    const act = a.map((row, q) => row.map((v) => (q === 0 ? Math.tanh(v) : sigmoid(v))));
    const [g, i, og, f] = act;
    const sNew = ss[t]!.map((sp, j) => (forgetGate ? f![j]! * sp : sp) + i![j]! * g![j]!);
    gates.push(act);
    ss.push(sNew);
    hs.push(sNew.map((v, j) => og![j]! * Math.tanh(v)));
  }
  const y = Why.map((row, k) => dot(row, hs[T]!) + by[k]!);
  const dy = y.map((v, k) => v - target[k]!);
  const dW = Wq.map(() => zeros(H, L.Z));
  const db = bq.map(() => new Array<number>(H).fill(0));
  const dWhy = Why.map((row, k) => row.map((_, j) => 0 + dy[k]! * hs[T]![j]!));
  const dby = dy.map((v) => 0 + v);
  let dhnext = hs[T]!.map((_, j) => dotT(Why, dy, j));
  let ds = new Array<number>(H).fill(0);
  const stop = o.truncate > 0 ? Math.max(0, T - o.truncate) : 0;
  for (let t = T - 1; t >= stop; t--) {
    const [g, i, og, f] = gates[t]!;
    const c = ss[t + 1]!.map(Math.tanh);
    const dsT = ds.map((v, j) => v + dhnext[j]! * og![j]! * (1 - c[j]! * c[j]!));
    const da: Vec[] = [
      dsT.map((v, j) => v * i![j]! * (1 - g![j]! * g![j]!)),
      dsT.map((v, j) => v * g![j]! * i![j]! * (1 - i![j]!)),
      dhnext.map((v, j) => v * c[j]! * og![j]! * (1 - og![j]!)),
      ...(forgetGate ? [dsT.map((v, j) => v * ss[t]![j]! * f![j]! * (1 - f![j]!))] : []),
    ];
    ds = forgetGate ? dsT.map((v, j) => v * f![j]!) : dsT;
    const z = [...xs[t]!, ...hs[t]!];
    da.forEach((dq, q) => dq.forEach((v, j) => {
      for (let k = 0; k < L.Z; k++) dW[q]![j]![k]! += v * z[k]!;
      db[q]![j]! += v;
    }));
    dhnext = hs[t]!.map((_, k) => da.reduce((sum, dq, q) => dq.reduce((acc, v, j) => acc + Wq[q]![j]![D + k]! * v, sum), 0));
  }
  return update(theta, [...dW.flat(), ...db, dWhy, dby], o);
}
