/**
 * The questions of one update, worked out: what a student is asked before a step (the givens and
 * the quantities to compute) and, per quantity, the right value and the one line of arithmetic
 * that gives it. Built from a step's numbers (StepRecord, and for the MLP its state before the
 * step), never from a model's written-out text. Formulas stay as the lecture writes them.
 */
import { num, operand, vector } from '../core/format.js';
import type { Dataset, Params, StepRecord } from '../core/types.js';
import type { MlpHandState } from '../models/mlp-instance.js';
import { backpropStep, rowsOf, type Matrix } from './backprop-step.js';

/** Digits of the arithmetic lines (the right values are shown with more). */
const D = 4;
const n = (v: number): string => num(v, D);
const op = (v: number): string => operand(v, D);
const vec = (v: readonly number[]): string => vector(v, D);
/** A one-entry vector of the MLP (one output unit) is written as the number. */
const vs = (v: readonly number[]): string => (v.length === 1 ? n(v[0]!) : vec(v));
const mat = (m: Matrix): string => `(${m.map((r) => r.map(n).join(', ')).join('; ')})`;
/** The givens with more digits: what the student computes from should be the numbers the model has. */
const G = 6;
const gmat = (m: Matrix): string => `(${m.map((r) => r.map((v) => num(v, G)).join(', ')).join('; ')})`;
const gvec = (v: readonly number[]): string => vector(v, G);

export interface Question {
  /** Stable id: net, o, error, w, nets, errors, dw, y, z1, a, z2, delta2, grad2, delta1, W2, W1. */
  readonly id: string;
  /** The quantity in the lecture's notation. */
  readonly label: string;
  /** A value after the update (the screen says "new"). */
  readonly after?: boolean;
  readonly expected: readonly number[];
  /** Rows of a matrix (1 for a number or a vector). */
  readonly rows: number;
  /** One line of arithmetic with the step's numbers. */
  readonly work: string;
}

export interface QuizItem {
  /** The model (its id, or the net's sizes "2-2-1"). */
  readonly model: string;
  /** The pattern from 1, or null for a batch step over `batch` patterns. */
  readonly pattern: number | null;
  readonly batch?: number;
  /** What the student is given (notation and numbers). */
  readonly givens: readonly string[];
  readonly questions: readonly Question[];
}

/** Models whose update the quiz can work out. */
export type QuizKind = 'perceptron' | 'adaline' | 'hebbian' | 'mlp';

export function kindOf(modelId: string): QuizKind | null {
  if (modelId === 'perceptron' || modelId === 'adaline' || modelId === 'hebbian') return modelId;
  if (modelId === 'mlp-backprop' || modelId === 'mlp-relu' || modelId === 'mlp-dropout') return 'mlp';
  return null;
}

/** Why an MLP's next step cannot be quizzed (null when it can): the quiz works one hidden layer, one pattern at a time. */
export function mlpProblem(s: MlpHandState): 'layers' | 'batch' | 'dropout' | null {
  if (s.sizes.length !== 3) return 'layers';
  if (s.batchSize !== 1) return 'batch';
  if (s.dropout) return 'dropout';
  return null;
}

const dotWork = (w: readonly number[], x: readonly number[]): string => w.map((wj, j) => `${op(wj)}·${op(x[j]!)}`).join(' + ');

function singleUnit(modelId: string, params: Params, data: Dataset, rec: StepRecord): QuizItem | null {
  const eta = Number(params['learningRate']);
  const w = rec.before;
  const after = rec.after;
  const newW = (work: string): Question => ({ id: 'w', label: 'w', after: true, expected: after, rows: 1, work });
  if (modelId === 'adaline' && rec.x.length === 0) {
    // batch: every pattern at once, w ← w + η Σ (t − w·x) x
    const X = data.inputs.map((x) => [1, ...x]);
    const t = rec.t;
    const errors = rec.net.map((z, i) => t[i]! - z);
    const sums = w.map((_, j) => X.reduce((s, x, i) => s + errors[i]! * x[j]!, 0));
    return {
      model: modelId,
      pattern: null,
      batch: X.length,
      givens: [`X (x0 = 1) = ${mat(X)}`, `t = ${vec(t)}`, `w = ${gvec(w)}   η = ${n(eta)}`, 'J(w) = ½ Σ (t − w·x)²,  w ← w + η Σ (t − w·x) x'],
      questions: [
        { id: 'nets', label: 'Xw', expected: rec.net, rows: 1, work: `Xw = (${X.map((x) => dotWork(w, x)).join(', ')}) = ${vec(rec.net)}` },
        { id: 'errors', label: 't − w·x', expected: errors, rows: 1, work: `(${t.map((ti, i) => `${n(ti)} − ${op(rec.net[i]!)}`).join(', ')}) = ${vec(errors)}` },
        newW(`w + η Σ (t − w·x) x = ${vec(w)} + ${n(eta)}·${vec(sums)} = ${vec(after)}`),
      ],
    };
  }
  const x = rec.x;
  const t = rec.t[0];
  const net = rec.net[0]!;
  const o = rec.o[0]!;
  const head = { model: modelId, pattern: rec.pattern + 1 };
  const netQ: Question = { id: 'net', label: 'w·x', expected: [net], rows: 1, work: `w·x = ${dotWork(w, x)} = ${n(net)}` };
  if (modelId === 'perceptron') {
    const theta = Number(params['theta'] ?? 0);
    const low = data.targetEncoding === 'binary' ? 0 : -1;
    const phi = theta > 0 ? `o = φ(w·x): 1 (w·x > ${n(theta)}), −1 (w·x < −${n(theta)}), 0 (|w·x| ≤ ${n(theta)})` : `o = φ(w·x): 1 (w·x ≥ 0), ${n(low)} (w·x < 0)`;
    const mistakeRule = params['rule'] === 'mistake';
    const err = t! - o;
    // notation only (no words): the same line reads in every language
    const why = theta > 0 ? `o = φ(${n(net)}) = ${n(o)}` : `o = φ(${n(net)}) = ${n(o)}  (${n(net)} ${net >= 0 ? '≥' : '<'} 0)`;
    const update = mistakeRule
      ? o !== t
        ? `o ≠ t: w + η·t·x = ${vec(w)} + ${n(eta)}·${op(t!)}·${vec(x)} = ${vec(after)}`
        : `o = t: w = ${vec(after)}`
      : err === 0
        ? `t − o = 0: w = ${vec(after)}`
        : `w + η(t − o)x = ${vec(w)} + ${n(eta)}·${op(err)}·${vec(x)} = ${vec(after)}`;
    return {
      ...head,
      givens: [`x (x0 = 1) = ${vec(x)}   t = ${n(t!)}`, `w = ${gvec(w)}   η = ${n(eta)}`, `${phi};  ${mistakeRule ? 'w ← w + η·t·x (o ≠ t)' : 'w ← w + η(t − o)x'}`],
      questions: [
        netQ,
        { id: 'o', label: 'o', expected: [o], rows: 1, work: why },
        { id: 'error', label: 't − o', expected: [err], rows: 1, work: `${n(t!)} − ${op(o)} = ${n(err)}` },
        newW(update),
      ],
    };
  }
  if (modelId === 'adaline') {
    const err = t! - net;
    return {
      ...head,
      givens: [`x (x0 = 1) = ${vec(x)}   t = ${n(t!)}`, `w = ${gvec(w)}   η = ${n(eta)}`, 'w ← w + η(t − w·x)x'],
      questions: [
        netQ,
        { id: 'error', label: 't − w·x', expected: [err], rows: 1, work: `${n(t!)} − ${op(net)} = ${n(err)}` },
        newW(`w + η(t − w·x)x = ${vec(w)} + ${n(eta)}·${op(err)}·${vec(x)} = ${vec(after)}`),
      ],
    };
  }
  if (modelId === 'hebbian') {
    const mode = params['mode'];
    if (mode === 'supervised') {
      const dw = x.map((xj) => eta * xj * t!);
      return {
        ...head,
        givens: [`x (x0 = 1) = ${vec(x)}   t = ${n(t!)}`, `w = ${gvec(w)}   η = ${n(eta)}`, 'Δw = η·x·t,  w ← w + Δw'],
        questions: [
          { id: 'dw', label: 'Δw = η·x·t', expected: dw, rows: 1, work: `${n(eta)}·${vec(x)}·${op(t!)} = ${vec(dw)}` },
          newW(`w + Δw = ${vec(w)} + ${vec(dw)} = ${vec(after)}`),
        ],
      };
    }
    const y = net;
    const rule = mode === 'oja' ? 'w ← w + η·y·(x − y·w)' : 'w ← w + η·x·y';
    const work = mode === 'oja' ? `w + ${n(eta)}·${op(y)}·(${vec(x)} − ${op(y)}·${vec(w)}) = ${vec(after)}` : `w + ${n(eta)}·${vec(x)}·${op(y)} = ${vec(after)}`;
    return {
      ...head,
      givens: [`x = ${vec(x)}`, `w = ${gvec(w)}   η = ${n(eta)}`, `y = w·x,  ${rule}`],
      questions: [{ id: 'y', label: 'y = w·x', expected: [y], rows: 1, work: `w·x = ${dotWork(w, x)} = ${n(y)}` }, newW(work)],
    };
  }
  return null;
}

/** The givens and questions of one MLP step, worked from its state before the step. */
export function mlpItem(s: MlpHandState, pattern: number, x: readonly number[], t: readonly number[], after?: readonly number[]): QuizItem {
  const [d, h, c] = s.sizes as [number, number, number];
  const W1 = rowsOf(s.w, 0, h, d + 1);
  const W2 = rowsOf(s.w, h * (d + 1), c, h + 1);
  const V1 = rowsOf(s.v, 0, h, d + 1);
  const V2 = rowsOf(s.v, h * (d + 1), c, h + 1);
  const hidden = s.activations[1]!;
  const output = s.activations[2]!;
  const r = backpropStep({ W1, W2, x, t, hidden, output, loss: s.loss, eta: s.eta, momentum: s.momentum, weightDecay: s.weightDecay, l1: s.l1, V1, V2 });
  // The new weights as the model computed them (the maths above agrees: tests/assignments check it).
  const newW1 = after ? rowsOf(after, 0, h, d + 1) : r.W1;
  const newW2 = after ? rowsOf(after, h * (d + 1), c, h + 1) : r.W2;
  const f = hidden === 'sigmoid' ? 'σ' : `f`;
  const g = output === 'sigmoid' ? 'σ' : output === 'softmax' ? 'softmax' : output === 'linear' ? '' : output;
  const fPrime = hidden === 'sigmoid' ? (j: number) => `${n(r.a[j]!)}(1 − ${n(r.a[j]!)})` : (j: number) => n(r.f1[j]!);
  const mu = s.momentum;
  const moving = mu > 0 && s.v.some((v) => v !== 0);
  const decay = (s.weightDecay > 0 ? ` + λW (λ = ${n(s.weightDecay)}; λ·b = 0)` : '') + (s.l1 > 0 ? ` + λ₁ sign W (λ₁ = ${n(s.l1)}; none on b)` : '');
  const momentumNote = moving ? ` + μv` : '';
  const cancels = s.loss === 'ce' || (s.loss === 'bce' && output === 'sigmoid');
  const delta2Work = cancels
    ? `o − t = ${vs(r.o)} − ${vs(t)} = ${vs(r.delta2)}`
    : output === 'sigmoid'
      ? r.o.map((ok, k) => `(${n(ok)} − ${op(t[k]!)})·${n(ok)}(1 − ${n(ok)})`).join(', ') + ` = ${vs(r.delta2)}`
      : `(o − t) ∘ g′(z²) = ${vs(r.o.map((ok, k) => ok - t[k]!))} ∘ ${vs(r.g2)} = ${vs(r.delta2)}`;
  const back = (j: number): string => r.delta2.map((dk, k) => `${op(W2[k]![j + 1]!)}·${op(dk)}`).join(' + ');
  const step = (W: Matrix, G: Matrix, V: Matrix, next: Matrix, name: string, input: string): string =>
    `${name} − η${input}${momentumNote}${decay} = ${mat(W)} − ${n(s.eta)}·${mat(G)}${moving ? ` + ${n(mu)}·${mat(V)}` : ''} = ${mat(next)}`;
  const given = [
    `x = ${vec(x)}   t = ${vs(t)}   (x0 = a0 = 1)`,
    `W¹ = ${gmat(W1)}   W² = ${gmat(W2)}`,
    `η = ${n(s.eta)}${mu > 0 ? `   μ = ${n(mu)}, v = ${moving ? `(${gmat(V1)}, ${gmat(V2)})` : '0'}` : ''}${s.weightDecay > 0 ? `   λ = ${n(s.weightDecay)}` : ''}${s.l1 > 0 ? `   λ₁ = ${n(s.l1)}` : ''}`,
    `z¹ = W¹(1, x), a = ${f}(z¹), z² = W²(1, a), o = ${g || 'z²'}${g ? '(z²)' : ''}, J = ${s.loss === 'mse' ? '½ Σ (o − t)²' : s.loss === 'bce' ? '−Σ t ln o + (1 − t) ln(1 − o)' : '−Σ t ln o'}`,
    `δ² = ∂J/∂z², δ¹ = f′(z¹) ∘ (W²ᵀδ²), W² ← W² − η δ²(1, a)ᵀ${moving ? ' + μv' : ''}, W¹ ← W¹ − η δ¹(1, x)ᵀ${moving ? ' + μv' : ''}`,
  ];
  return {
    model: s.sizes.join('-'),
    pattern: pattern + 1,
    givens: given,
    questions: [
      { id: 'a', label: 'a', expected: r.a, rows: 1, work: `z¹ = W¹(1, x) = ${vec(r.z1)}, a = ${f}(z¹) = ${vec(r.a)}` },
      { id: 'z2', label: 'z²', expected: r.z2, rows: 1, work: `W²(1, a) = ${W2.map((row) => row.map((w, i) => `${op(w)}·${i === 0 ? '1' : op(r.a[i - 1]!)}`).join(' + ')).join('; ')} = ${vs(r.z2)}` },
      { id: 'o', label: 'o', expected: r.o, rows: 1, work: `o = ${g || 'z²'}${g ? `(${vs(r.z2)})` : ''} = ${vs(r.o)}` },
      { id: 'delta2', label: 'δ²', expected: r.delta2, rows: 1, work: delta2Work },
      { id: 'grad2', label: 'δ²aᵀ', expected: r.grad2.flat(), rows: c, work: `δ²(1, a)ᵀ = ${vs(r.delta2)}·${vec([1, ...r.a])}ᵀ = ${mat(r.grad2)}` },
      { id: 'delta1', label: 'δ¹', expected: r.delta1, rows: 1, work: `f′(z¹) ∘ (W²ᵀδ²) = (${r.delta1.map((_, j) => `${fPrime(j)}·(${back(j)})`).join(', ')}) = ${vec(r.delta1)}` },
      { id: 'W2', label: 'W²', after: true, expected: newW2.flat(), rows: c, work: step(W2, r.grad2, V2, newW2, 'W²', 'δ²(1, a)ᵀ') },
      { id: 'W1', label: 'W¹', after: true, expected: newW1.flat(), rows: h, work: step(W1, r.grad1, V1, newW1, 'W¹', 'δ¹(1, x)ᵀ') },
    ],
  };
}

/** The quiz item of a single-unit step (perceptron, Adaline, Hebb); null for other models. */
export function singleUnitItem(modelId: string, params: Params, data: Dataset, rec: StepRecord): QuizItem | null {
  return singleUnit(modelId, params, data, rec);
}
