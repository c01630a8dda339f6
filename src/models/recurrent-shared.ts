/**
 * What the two recurrent plugins share: reading a Dataset as sequences, the common parameters, and
 * the ModelInstance around a RecurrentNet (src/engines/recurrent): online BPTT, one sequence per
 * step, and the gradient-through-time instrument ‖∂J/∂state_{T−1−k}‖ for k = 0 … T−1.
 */
import { param } from '../core/plugin.js';
import { num, sci, short, vectorHead } from '../core/format.js';
import type { Rng } from '../core/rng.js';
import type { Said } from '../core/said.js';
import { sigmoid } from '../core/sigmoid.js';
import { type Dataset, type Evaluation, ModelConfigError, type ModelInstance, type StepRecord, type WeightBlock } from '../core/types.js';
import { type RecurrentNet, type SgdOptions, sgdStep } from '../engines/recurrent/common.js';
import { epochProtocol } from './single-unit.js';

export const RECURRENT_PARAMS = {
  learningRate: param.number({ default: 0.1, min: 0, max: 100, help: 'η, the step size of online gradient descent (one sequence per step)' }),
  truncate: param.integer({ default: 0, min: 0, max: 10000, help: 'truncated BPTT: carry the gradient back this many steps (0: full BPTT)' }),
  clip: param.number({ default: 0, min: 0, max: 1e6, help: 'clip each gradient component to ±clip before the step (0: no clipping)' }),
  initRange: param.number({ default: 0.5, min: 0, max: 100, help: 'half-width of the uniform initial weights' }),
  shuffle: param.boolean({ default: false, help: 'reshuffle the order of the sequences every epoch' }),
};

/** Sequences the instrument back-propagates each epoch (the first ones of the training set). */
const PROBES = 16;
/** Steps back for which gradRatio<k> metrics are reported (when the sequence is that long). */
const RATIO_STEPS = [1, 5, 10, 20, 50, 100];

/** r rows of c numbers from θ at `at` (a block of the snapshot), copied. */
export const blockRows = (theta: Float64Array, at: number, r: number, c: number): number[][] =>
  Array.from({ length: r }, (_, j) => Array.from(theta.subarray(at + j * c, at + j * c + c)));

export interface SequenceShape {
  /** Inputs per step and steps per sequence. */
  readonly width: number;
  readonly steps: number;
  readonly outputs: number;
}

/** How the data reads as sequences: Dataset.sequence, or else each row as a sequence of single numbers. */
export function sequenceShape(data: Dataset, model: string): SequenceShape {
  const row = data.inputs[0]?.length ?? 0;
  const outputs = data.targets[0]?.length ?? 0;
  if (data.targetEncoding === 'none' || outputs === 0) throw new ModelConfigError(`${model} learns from targets, but the data has none`);
  const width = data.sequence?.width ?? 1;
  const steps = data.sequence?.steps ?? row;
  if (steps < 1 || steps * width !== row) throw new ModelConfigError(`${model} reads rows of ${steps} steps × ${width} inputs, but the rows have ${row} numbers`);
  return { width, steps, outputs };
}

export interface RecurrentModel {
  readonly net: RecurrentNet;
  /** The state whose gradient the instrument follows: "h" (Elman) or "s" (the LSTM's cell). */
  readonly state: string;
  /** θ as named blocks (the snapshot). */
  blocks(): WeightBlock[];
  /** The factor bound per step at θ (default: now), written out, and its value (Elman: ‖W_hh‖ · max f′); null when there is none. */
  factor(theta?: Float64Array): { text: string; value: number } | null;
  /** The states of the last forward pass over T steps, by name, [t][unit]. */
  strips(T: number): { name: string; values: number[][] }[];
  /** The first hidden unit at step t of the last forward pass (the latch reads it). */
  firstUnit(t: number): number;
  /** How the carried error passes one step back when there is no factor bound (the LSTM's carousel). */
  readonly carry?: string;
  /** Lines about the net now, said as data (core/said.ts). */
  describe(): (string | Said)[];
}

interface Options extends SgdOptions {
  readonly shuffle: boolean;
  readonly lean: boolean;
}

/** The ModelInstance of a recurrent net: online BPTT over the sequences, in order or shuffled. */
export function recurrentInstance(data: Dataset, shape: SequenceShape, m: RecurrentModel, opt: Options, rng: Rng): ModelInstance {
  const { steps: T, outputs: O } = shape;
  const net = m.net;
  const X = data.inputs.map((r) => Float64Array.from(r));
  const Y = data.targets.map((r) => Float64Array.from(r));
  const n = X.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let cursor = 0;
  const dy = new Float64Array(O);
  const norms = new Float64Array(T);
  const tolerance = data.sequence?.tolerance;
  const mid = data.targetEncoding === 'binary' ? 0.5 : 0;

  /** Class of an output: argmax for several outputs, else the sign (or the side of ½ for 0/1 targets). */
  const labelOf = (y: Float64Array): number => {
    if (O > 1) return y.indexOf(Math.max(...y));
    return y[0]! >= mid ? 1 : 0;
  };
  const right = (y: Float64Array, t: readonly number[], label: number): boolean =>
    tolerance !== undefined ? t.every((v, k) => Math.abs(y[k]! - v) < tolerance) : labelOf(y) === label;

  const step = (): StepRecord => {
    if (cursor === 0 && opt.shuffle) rng.shuffle(order);
    const i = order[cursor]!;
    cursor = (cursor + 1) % n;
    const before = Array.from(net.theta);
    norms.fill(0);
    const J = sgdStep(net, X[i]!, T, Y[i]!, opt, dy, norms);
    const y = Array.from(dy, (e, k) => e + Y[i]![k]!);
    const carried = Array.from(norms);
    const after = Array.from(net.theta);
    const explain = () => explainStep(m, T, y, Array.from(Y[i]!), J, carried, opt, Float64Array.from(before));
    return { pattern: i, x: data.inputs[i]!, t: data.targets[i]!, net: y, o: y, before, after, changed: true, rule: 'gradient', timeSteps: T, weights: 'θ', explain };
  };

  const evaluate = (rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Evaluation => {
    let loss = 0;
    let correct = 0;
    const outputs: number[][] = [];
    const predictions: number[] = [];
    rows.inputs.forEach((x, r) => {
      const y = net.forward(x, T);
      const t = rows.targets[r]!;
      for (let k = 0; k < O; k++) loss += 0.5 * (y[k]! - t[k]!) ** 2;
      if (right(y, t, rows.labels[r]!)) correct++;
      outputs.push(Array.from(y));
      predictions.push(labelOf(y));
    });
    return { loss: loss / Math.max(1, rows.inputs.length), accuracy: correct / Math.max(1, rows.inputs.length), outputs, predictions, net: outputs };
  };

  /** Mean ‖∂J/∂state_{T−1−k}‖ over the first sequences, by full BPTT at the current weights (no step taken). */
  const throughTime = (): Float64Array => {
    const mean = new Float64Array(T);
    const probe = new Float64Array(T);
    const count = Math.min(PROBES, n);
    for (let i = 0; i < count; i++) {
      const y = net.forward(X[i]!, T);
      for (let k = 0; k < O; k++) dy[k] = y[k]! - Y[i]![k]!;
      net.grad.fill(0);
      net.backward(dy, 0, probe);
      for (let k = 0; k < T; k++) mean[k]! += probe[k]! / count;
    }
    return mean;
  };

  /** Share of the first sequences whose first hidden unit ends on the side it took at step 0 (the bit is kept). */
  const latched = (): number => {
    const count = Math.min(PROBES * 4, n);
    let kept = 0;
    for (let i = 0; i < count; i++) {
      net.forward(X[i]!, T);
      if (Math.sign(m.firstUnit(T - 1)) === Math.sign(m.firstUnit(0))) kept++;
    }
    return kept / count;
  };

  const metrics = (): Record<string, number> => {
    if (opt.lean) return {};
    const g = throughTime();
    const out: Record<string, number> = {};
    const at0 = g[0]!;
    if (T > 1 && at0 > 0) {
      out['gradSpanRatio'] = g[T - 1]! / at0;
      out['gradPerStep'] = Math.pow(g[T - 1]! / at0, 1 / (T - 1));
      for (const k of RATIO_STEPS) if (k < T) out[`gradRatio${k}`] = g[k]! / at0;
    }
    const f = m.factor();
    if (f) out['factorBound'] = f.value;
    out['latched'] = latched();
    return out;
  };

  return {
    deterministicEpochs: !opt.shuffle,
    // every step is one BPTT update over a sequence: each counts
    ...epochProtocol({ data, step, atBoundary: () => cursor === 0, score: evaluate, weights: () => net.theta, metrics, everyStep: true }),
    evaluate,
    predict(x) {
      const y = net.forward(x, T);
      return { label: labelOf(y), score: sigmoid(4 * (y[0]! - mid)) };
    },
    snapshot: () => ({ kind: 'blocks', blocks: m.blocks() }),
    flatWeights: () => net.theta,
    describe: () => m.describe(),
    sequence(x, t) {
      const y = net.forward(x, T);
      const strips = m.strips(T);
      for (let k = 0; k < O; k++) dy[k] = y[k]! - (t[k] ?? 0);
      const back = new Float64Array(T);
      net.grad.fill(0);
      net.backward(dy, 0, back);
      const W = shape.width;
      return {
        inputs: Array.from({ length: T }, (_, s) => Array.from(x.slice(s * W, s * W + W))),
        strips,
        // back[k] is k steps before the last: step t = T − 1 − k
        gradient: Array.from({ length: T }, (_, s) => back[T - 1 - s]!),
        state: m.state,
      };
    },
    finalReport: () => (opt.lean ? {} : { sections: { gradientThroughTime: { state: m.state, norms: Array.from(throughTime()) } } }),
  };
}

/** One BPTT step written out: forward through T steps, the error at the end, the carried gradient going back. */
function explainStep(m: RecurrentModel, T: number, y: number[], t: number[], J: number, norms: number[], opt: SgdOptions, before: Float64Array): string {
  const e = y.map((v, k) => v - t[k]!);
  const s = m.state;
  const shown = [0, 1, 2, 5, 10, 20, 50, 100, T - 1].filter((k, i, a) => k < T && a.indexOf(k) === i).sort((a, b) => a - b);
  const back = shown.map((k) => `k=${k}: ${norms[k] === 0 && k > 0 && opt.truncate > 0 && k >= opt.truncate ? 'cut' : sci(norms[k]!, 2)}`).join('  ');
  const f = m.factor(before);
  return [
    `forward through T = ${T} steps: y = ${vectorHead(y)}, target ${vectorHead(t)}, error y − t = ${vectorHead(e)}, J = ½‖y − t‖² = ${num(J, 4)}`,
    `back through time, ‖∂J/∂${s}_{T−1−k}‖: ${back}${opt.truncate > 0 ? `  (truncated after ${opt.truncate} steps)` : ''}`,
    ...(f ? [`each step back multiplies by W_hhᵀ diag f′, at most ${f.text}`] : [m.carry ?? '']),
    `θ ← θ − η ∂J/∂θ with η = ${short(opt.eta)}${opt.clip > 0 ? `, each component clipped to ±${short(opt.clip)}` : ''}`,
  ].join('\n');
}
