/**
 * What each blank is checked against: its random inputs (the right ones for that blank alone), the
 * reference engine's answer, and where a difference sits in the lecture's words (layer, entry).
 */
import { ACTIVATIONS } from '../engines/dense/activations.js';
import { type ReferenceNet, forward as refForward, gradient as refGradient } from '../engines/dense/reference.js';
import type { Rng } from '../core/rng.js';
import { entryWords, firstDifference } from './compare.js';

export type Module = Readonly<Record<string, unknown>>;

export interface BlankCheck {
  readonly n: number;
  readonly fn: string;
  /** The arguments of one random trial. */
  inputs(rng: Rng, trial: number): unknown[];
  /** The reference's answer for those arguments. */
  expected(args: readonly unknown[]): unknown;
  /** Where a difference is, from its path (keys and 0-based indices). */
  where(path: readonly (string | number)[]): string;
  /** For gradients: true when the given value matches finite differences of the loss. */
  finiteDifference?(args: readonly unknown[], given: unknown): boolean;
}

export interface TrainResult {
  readonly task: string;
  readonly outcome: 'solved' | 'truncated' | 'failed' | 'skipped';
  readonly message: string;
  readonly epochs?: number;
  readonly accuracy?: number;
}

type M = number[][];
type V = number[];

const round = (v: number): number => Math.round(v * 1000) / 1000;
const vec = (rng: Rng, n: number, r = 1): V => Array.from({ length: n }, () => round(rng.range(-r, r)));
const mat = (rng: Rng, rows: number, cols: number, r = 1): M => Array.from({ length: rows }, () => vec(rng, cols, r));
const sigmoid = ACTIVATIONS.sigmoid;

/** The reference net of the backprop exercise: sigmoid hidden and output, ½·MSE; W rows [b, w…]. */
export const backpropNet = (W1: M, b1: V, W2: M, b2: V): ReferenceNet => ({
  f: [sigmoid, sigmoid],
  loss: 'mse',
  keep: [1, 1],
  W: [W1.map((row, j) => [b1[j]!, ...row]), W2.map((row, j) => [b2[j]!, ...row])],
  v: [W1.map((row) => [0, ...row.map(() => 0)]), W2.map((row) => [0, ...row.map(() => 0)])],
});

/** A random 3-4-2 net (shapes that tell a transposed matrix from the right one) with x and t. */
function netCase(rng: Rng) {
  const d = 3, h = 4, c = 2;
  const W1 = mat(rng, h, d), b1 = vec(rng, h), W2 = mat(rng, c, h), b2 = vec(rng, c);
  const x = vec(rng, d), t = Array.from({ length: c }, () => (rng.uniform() < 0.5 ? 0 : 1));
  const net = backpropNet(W1, b1, W2, b2);
  const pass = refForward(net, [x], null);
  const { g } = refGradient(net, [x], [t]);
  return {
    W1, b1, W2, b2, x, t,
    z1: pass.z[1]![0]!, a: pass.a[1]![0]!, z2: pass.z[2]![0]!, o: pass.a[2]![0]!,
    delta1: g[0]!.map((row) => row[0]!), delta2: g[1]!.map((row) => row[0]!),
    dW1: g[0]!.map((row) => row.slice(1)), db1: g[0]!.map((row) => row[0]!),
    dW2: g[1]!.map((row) => row.slice(1)), db2: g[1]!.map((row) => row[0]!),
  };
}
type NetCase = ReturnType<typeof netCase>;

/** The cases are rebuilt from the same Rng draws: inputs() returns the case as its last argument. */
const caseOf = (args: readonly unknown[]): NetCase => args[args.length - 1] as NetCase;

const LAYER: Readonly<Record<string, string>> = {
  z1: 'layer 1 (z¹)', a: 'layer 1 (a)', z2: 'layer 2 (z²)', o: 'layer 2 (o)',
  dW1: 'layer 1 (∂J/∂W¹)', db1: 'layer 1 (∂J/∂b¹)', dW2: 'layer 2 (∂J/∂W²)', db2: 'layer 2 (∂J/∂b²)',
};
const at = (head: string, path: readonly (string | number)[]): string => [head, entryWords(path)].filter(Boolean).join(', ');
const keyed = (path: readonly (string | number)[]): string => at(LAYER[String(path[0])] ?? String(path[0] ?? 'the result'), path.slice(1));

/** ½ Σ (o − t)² of the reference net, for finite differences. */
function loss(W1: M, b1: V, W2: M, b2: V, x: V, t: V): number {
  const o = refForward(backpropNet(W1, b1, W2, b2), [x], null).a[2]![0]!;
  return 0.5 * o.reduce((s, ok, k) => s + (ok - t[k]!) ** 2, 0);
}

/** Central differences of f over every entry of a nested array (changed in place and restored). */
function numeric(block: M | V, f: () => number, h = 1e-6): M | V {
  const one = (arr: V, i: number): number => {
    const keep = arr[i]!;
    arr[i] = keep + h;
    const up = f();
    arr[i] = keep - h;
    const down = f();
    arr[i] = keep;
    return (up - down) / (2 * h);
  };
  return Array.isArray(block[0]) ? (block as M).map((row) => row.map((_, i) => one(row, i))) : (block as V).map((_, i) => one(block as V, i));
}

const BACKPROP: readonly BlankCheck[] = [
  {
    n: 1, fn: 'forward',
    inputs: (rng) => { const c = netCase(rng); return [c.W1, c.b1, c.W2, c.b2, c.x, c]; },
    expected: (args) => { const c = caseOf(args); return { z1: c.z1, a: c.a, z2: c.z2, o: c.o }; },
    where: keyed,
  },
  {
    n: 2, fn: 'outputDelta',
    inputs: (rng) => { const c = netCase(rng); return [c.o, c.t, c]; },
    expected: (args) => caseOf(args).delta2,
    where: (p) => at('layer 2 (δ²)', p),
  },
  {
    n: 3, fn: 'hiddenDelta',
    inputs: (rng) => { const c = netCase(rng); return [c.W2, c.delta2, c.a, c]; },
    expected: (args) => caseOf(args).delta1,
    where: (p) => at('layer 1 (δ¹)', p),
  },
  {
    n: 4, fn: 'gradients',
    inputs: (rng) => { const c = netCase(rng); return [c.delta2, c.a, c.delta1, c.x, c]; },
    expected: (args) => { const c = caseOf(args); return { dW1: c.dW1, db1: c.db1, dW2: c.dW2, db2: c.db2 }; },
    where: keyed,
    finiteDifference: (args, given) => {
      const c = caseOf(args);
      const { W1, b1, W2, b2, x, t } = { W1: c.W1.map((r) => [...r]), b1: [...c.b1], W2: c.W2.map((r) => [...r]), b2: [...c.b2], x: c.x, t: c.t };
      const J = (): number => loss(W1, b1, W2, b2, x, t);
      const fd = { dW1: numeric(W1, J), db1: numeric(b1, J), dW2: numeric(W2, J), db2: numeric(b2, J) };
      return firstDifference(given, fd, 1e-5) === null;
    },
  },
  {
    n: 5, fn: 'update',
    inputs: (rng) => [mat(rng, 3, 4), mat(rng, 3, 4), round(rng.range(0.01, 1))],
    expected: ([W, dW, eta]) => (W as M).map((row, j) => row.map((w, i) => w - (eta as number) * (dW as M)[j]![i]!)),
    where: (p) => at('the matrix', p),
  },
];

const dot = (w: V, x: V): number => w.reduce((s, wj, j) => s + wj * x[j]!, 0);
const withBias = (rng: Rng, d: number): V => [1, ...Array.from({ length: d }, () => (rng.uniform() < 0.5 ? 0 : 1))];

const PERCEPTRON: readonly BlankCheck[] = [
  { n: 1, fn: 'netInput', inputs: (rng) => [vec(rng, 3), [1, ...vec(rng, 2)]], expected: ([w, x]) => dot(w as V, x as V), where: () => 'the net input' },
  {
    n: 2, fn: 'activation',
    // z = 0 exactly, in the first trial: the lecture's φ(0) = 1
    inputs: (rng, trial) => [trial === 0 ? 0 : round(rng.range(-1, 1))],
    expected: ([z]) => ((z as number) >= 0 ? 1 : -1),
    where: () => 'φ(z)',
  },
  {
    n: 3, fn: 'update',
    inputs: (rng) => { const t = rng.uniform() < 0.5 ? -1 : 1; return [vec(rng, 3), withBias(rng, 2), t, -t, round(rng.range(0.01, 0.5))]; },
    expected: ([w, x, t, o, eta]) => (w as V).map((wj, j) => wj + (eta as number) * ((t as number) - (o as number)) * (x as V)[j]!),
    where: (p) => at('the new w', p),
  },
];

const rows = (rng: Rng, n: number, d: number): M => Array.from({ length: n }, () => [1, ...vec(rng, d)]);
const deltaLoss = (w: V, X: M, T: V): number => 0.5 * X.reduce((s, x, i) => s + (T[i]! - dot(w, x)) ** 2, 0);

const DELTA: readonly BlankCheck[] = [
  { n: 1, fn: 'output', inputs: (rng) => [vec(rng, 3), [1, ...vec(rng, 2)]], expected: ([w, x]) => dot(w as V, x as V), where: () => 'the output' },
  { n: 2, fn: 'loss', inputs: (rng) => [vec(rng, 3), rows(rng, 4, 2), vec(rng, 4)], expected: ([w, X, T]) => deltaLoss(w as V, X as M, T as V), where: () => 'J(w)' },
  {
    n: 3, fn: 'gradient',
    inputs: (rng) => [vec(rng, 3), rows(rng, 4, 2), vec(rng, 4)],
    expected: ([w, X, T]) => (w as V).map((_, j) => -(X as M).reduce((s, x, i) => s + ((T as V)[i]! - dot(w as V, x)) * x[j]!, 0)),
    where: (p) => at('∂J/∂w', p),
    finiteDifference: ([w, X, T], given) => {
      const ww = [...(w as V)];
      return firstDifference(given, numeric(ww, () => deltaLoss(ww, X as M, T as V)), 1e-5) === null;
    },
  },
  { n: 4, fn: 'update', inputs: (rng) => [vec(rng, 3), vec(rng, 3), round(rng.range(0.01, 0.5))], expected: ([w, g, eta]) => (w as V).map((wj, j) => wj - (eta as number) * (g as V)[j]!), where: (p) => at('the new w', p) },
];

/** A one-layer softmax net with W = I and no bias: its z is the given z (the reference computes p and ∂J/∂z). */
const identityNet = (k: number): ReferenceNet => ({
  f: ['softmax'], loss: 'ce', keep: [1],
  W: [Array.from({ length: k }, (_, j) => [0, ...Array.from({ length: k }, (_, i) => (i === j ? 1 : 0))])],
  v: [Array.from({ length: k }, () => Array.from({ length: k + 1 }, () => 0))],
});
const oneHot = (rng: Rng, k: number): V => { const c = rng.int(k); return Array.from({ length: k }, (_, i) => (i === c ? 1 : 0)); };
const ce = (z: V, t: V): number => refGradient(identityNet(z.length), [z], [t]).loss;

const SOFTMAX: readonly BlankCheck[] = [
  {
    n: 1, fn: 'softmax',
    // the third trial has scores near 1000: e^z overflows unless max z is subtracted first
    inputs: (rng, trial) => [trial === 2 ? vec(rng, 4, 3).map((v) => v + 1000) : vec(rng, 4, 3)],
    expected: ([z]) => refForward(identityNet((z as V).length), [z as V], null).a[1]![0],
    where: (p) => at('p', p),
  },
  {
    n: 2, fn: 'crossEntropy',
    inputs: (rng) => { const z = vec(rng, 4, 3); return [refForward(identityNet(4), [z], null).a[1]![0], oneHot(rng, 4)]; },
    expected: ([p, t]) => -(t as V).reduce((s, tk, k) => s + (tk === 0 ? 0 : tk * Math.log((p as V)[k]!)), 0),
    where: () => 'J',
  },
  {
    n: 3, fn: 'gradient',
    inputs: (rng) => [vec(rng, 4, 3), oneHot(rng, 4)],
    expected: ([z, t]) => refGradient(identityNet(4), [z as V], [t as V]).g[0]!.map((row) => row[0]),
    where: (p) => at('∂J/∂z', p),
    finiteDifference: ([z, t], given) => {
      const zz = [...(z as V)];
      return firstDifference(given, numeric(zz, () => ce(zz, t as V)), 1e-5) === null;
    },
  },
];

const relu = ACTIVATIONS.relu;
/** Inputs with some exact zeros: the lecture's f′(0) = 1 is checked. */
const withZeros = (rng: Rng): V => vec(rng, 6, 2).map((v, i) => (i % 3 === 0 ? 0 : v));

const RELU_DROPOUT: readonly BlankCheck[] = [
  { n: 1, fn: 'relu', inputs: (rng) => [withZeros(rng)], expected: ([z]) => (z as V).map(relu.output), where: (p) => at('f(z)', p) },
  { n: 2, fn: 'reluBackward', inputs: (rng) => [withZeros(rng), vec(rng, 6)], expected: ([z, g]) => (z as V).map((zi, i) => (g as V)[i]! * relu.der(zi)), where: (p) => at('∂J/∂z', p) },
  {
    n: 3, fn: 'dropoutForward',
    inputs: (rng) => { const keep = round(rng.range(0.3, 0.9)); return [vec(rng, 8), keep, Array.from({ length: 8 }, () => rng.uniform())]; },
    expected: ([a, keep, u]) => {
      // m = 1/keep with probability keep (u < keep), else 0: the engine's inverted dropout
      const m = (u as V).map((ui) => (ui < (keep as number) ? 1 / (keep as number) : 0));
      return { out: (a as V).map((ai, i) => ai * m[i]!), m };
    },
    where: (p) => at(p[0] === 'm' ? 'the mask m' : 'the output a ∘ m', p.slice(1)),
  },
  {
    n: 4, fn: 'dropoutBackward',
    inputs: (rng) => { const keep = 0.5; return [vec(rng, 8), Array.from({ length: 8 }, () => (rng.uniform() < keep ? 1 / keep : 0))]; },
    expected: ([g, m]) => (g as V).map((gi, i) => gi * (m as V)[i]!),
    where: (p) => at('∂J/∂a', p),
  },
];

export const CHECKS: Readonly<Record<string, readonly BlankCheck[]>> = {
  backprop: BACKPROP,
  perceptron: PERCEPTRON,
  delta: DELTA,
  softmax: SOFTMAX,
  'relu-dropout': RELU_DROPOUT,
};
