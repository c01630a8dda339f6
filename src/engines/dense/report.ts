/**
 * The numbers a layered model reports beside its loss: per-layer statistics as named metrics
 * (every epoch), the Monte-Carlo dropout comparison (once, at the end: k passes are costly) and
 * evaluation by Monte-Carlo averaging when it is the chosen test-time rule.
 */
import { TABLE, vector } from '../../core/format.js';
import { createRng } from '../../core/rng.js';
import { type FinalReport, ModelConfigError } from '../../core/types.js';
import { type LayerStatistics, collapsedMap, layerStatistics, outputNetInputs } from './analysis.js';
import { meanAbsGap, monteCarlo } from './monte-carlo.js';
import type { Network } from './network.js';
import { type TargetMap, classify } from './targets.js';
import { LOSSES } from './losses.js';
import { said, type Said } from '../../core/said.js';

/**
 * Per-epoch names: zeroShare and deadUnits pooled over the hidden layers, hiddenWeightChange
 * ‖ΔW‖ of every layer below the output, and per layer k (the lecture's numbering, a^1 the first
 * hidden layer, W^1 the first weights) zeroShare{k} / deadUnits{k} for hidden layers and
 * weightVariance{k} for every weight layer.
 */
export function layerMetrics(stats: readonly LayerStatistics[]): Record<string, number> {
  const hidden = stats.slice(0, -1);
  const units = hidden.reduce((s, l) => s + l.units, 0);
  const out: Record<string, number> = {
    zeroShare: units ? hidden.reduce((s, l) => s + l.zeroShare * l.units, 0) / units : 0,
    deadUnits: hidden.reduce((s, l) => s + l.deadUnits, 0),
    hiddenWeightChange: Math.hypot(...hidden.map((l) => l.weightChange ?? 0)),
  };
  for (const l of hidden) {
    out[`zeroShare${l.layer}`] = l.zeroShare;
    out[`deadUnits${l.layer}`] = l.deadUnits;
  }
  for (const l of stats) out[`weightVariance${l.layer}`] = l.weightVariance;
  return out;
}

/** Most multiply-adds the Monte-Carlo passes may take (masks × rows × weights): about a second. */
export const MC_WORK = 2e8;

export interface TestTime {
  /** Masks averaged at test time (0: weight scaling). */
  readonly test: number;
  /** Masks of the end-of-run comparison (0: none). */
  readonly samples: number;
  /** Seed of the masks' own Rng. */
  readonly seed: string;
}

/**
 * Dropout's test-time rule from the parameters testTime and mcSamples, with the work of the masked
 * passes (masks × rows × weights) bounded before anything runs.
 */
export function testTime(params: { readonly mcSamples: number; readonly testTime: string }, net: Network, rows: number, seed: string): TestTime {
  const samples = params.mcSamples;
  const monteCarlo = params.testTime === 'monte-carlo';
  if (monteCarlo && samples < 1) throw new ModelConfigError('testTime monte-carlo averages over mcSamples masks: set mcSamples ≥ 1', 'mcSamples');
  if (samples * rows * net.w.length > MC_WORK) {
    throw new ModelConfigError(`${samples} masks × ${rows} rows × ${net.w.length} weights is more than ${MC_WORK} multiply-adds; use fewer masks`, 'mcSamples');
  }
  return { test: monteCarlo && net.keep.some((p) => p < 1) ? samples : 0, samples, seed };
}

/** The k the Monte-Carlo curve reports: 1, 10, 100, … below K, and K. */
export function sampleCounts(K: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k < K; k *= 10) ks.push(k);
  return K >= 1 ? [...ks, K] : ks;
}

/** Mean loss of output rows against target rows T (n × units), as the network's loss defines it. */
function meanLoss(net: Network, outputs: readonly (readonly number[])[], T: Float64Array): number {
  const units = net.sizes[net.depth]!;
  const { value } = LOSSES[net.lossName];
  let J = 0;
  outputs.forEach((row, r) => row.forEach((a, c) => (J += value(a, T[r * units + c]!))));
  return outputs.length ? J / outputs.length : 0;
}

export interface Scored {
  readonly outputs: number[][];
  readonly predictions: number[];
  readonly loss: number;
  readonly accuracy: number;
}

/** Classes, mean loss and accuracy of some output rows. */
export function scoreOutputs(net: Network, outputs: number[][], T: Float64Array, labels: readonly number[], map: TargetMap): Scored {
  const predictions = outputs.map((row) => classify(Float64Array.from(row), 0, map).label);
  const correct = predictions.reduce((s, p, r) => s + (p === labels[r] ? 1 : 0), 0);
  return { outputs, predictions, loss: meanLoss(net, outputs, T), accuracy: outputs.length ? correct / outputs.length : 0 };
}

/** Evaluation by the Monte-Carlo average over K masked passes, from a fixed seed (a function of the weights). */
export function monteCarloScore(
  net: Network, rows: readonly (readonly number[])[], T: Float64Array, labels: readonly number[], map: TargetMap, K: number, seed: string,
): Scored {
  const curve = monteCarlo(net, rows, [K], createRng(seed));
  return scoreOutputs(net, curve.averages.get(K)!, T, labels, map);
}

/**
 * Weight scaling against Monte-Carlo averages over k = 1, 10, … K masks on the given rows:
 * named metrics mcGap{k} (mean |p̄_k − p_scaled| over rows and outputs), mcAccuracy{k} and
 * mcAgreement{k} (share of rows whose class matches weight scaling's), scaledAccuracy; and the
 * same as a JSON section.
 */
export function dropoutComparison(
  net: Network, rows: readonly (readonly number[])[], T: Float64Array, labels: readonly number[], map: TargetMap, K: number, seed: string, split: string,
): { metrics: Record<string, number>; section: Record<string, unknown> } {
  const ks = sampleCounts(K);
  const curve = monteCarlo(net, rows, ks, createRng(seed));
  const scaled = scoreOutputs(net, curve.scaled, T, labels, map);
  const metrics: Record<string, number> = { scaledAccuracy: scaled.accuracy };
  const points = ks.map((k) => {
    const mc = scoreOutputs(net, curve.averages.get(k)!, T, labels, map);
    const gap = meanAbsGap(mc.outputs, curve.scaled);
    const agreement = mc.predictions.reduce((s, p, r) => s + (p === scaled.predictions[r] ? 1 : 0), 0) / Math.max(1, rows.length);
    metrics[`mcGap${k}`] = gap;
    metrics[`mcAccuracy${k}`] = mc.accuracy;
    metrics[`mcAgreement${k}`] = agreement;
    return { k, gap, accuracy: mc.accuracy, agreement, loss: mc.loss };
  });
  return { metrics, section: { rows: split, count: rows.length, samples: K, weightScaling: { accuracy: scaled.accuracy, loss: scaled.loss }, curve: points } };
}

/**
 * The collapsed map of a net with linear hidden layers, and the largest |z^L − w·(1, x)| over the
 * n rows of X: ~1e−16 when the stack is one linear map (null when some hidden layer is not linear).
 */
export function collapseCheck(net: Network, X: Float64Array, n: number): { map: number[][]; error: number } | null {
  const map = collapsedMap(net);
  if (!map) return null;
  const z = outputNetInputs(net, X, n);
  const nin = net.sizes[0]!;
  let error = 0;
  for (let r = 0; r < n; r++) {
    map.forEach((w, c) => {
      let v = w[0]!;
      for (let i = 0; i < nin; i++) v += w[i + 1]! * X[r * nin + i]!;
      error = Math.max(error, Math.abs(v - z[r * map.length + c]!));
    });
  }
  return { map, error };
}

/** What the activations imply: the collapsed map of linear hidden layers, frozen layers below steps, the test-time rule. */
export function analysisLines(net: Network, mcTest: number, mcSamples: number): Said[] {
  const lines: Said[] = [];
  const L = net.depth;
  const collapsed = collapsedMap(net);
  if (collapsed) {
    const product = Array.from({ length: L }, (_, k) => `W${L - k}`).join('·');
    const w = collapsed.length === 1 ? `w = ${vector(collapsed[0]!, TABLE)}` : said('analysis.rows', { n: collapsed.length });
    lines.push(said('analysis.collapse', { L, product, w }));
  }
  const steps = net.activations.slice(1, -1).flatMap((f, k) => (String(f).startsWith('step') ? [k + 1] : []));
  if (steps.length > 0) {
    const last = Math.max(...steps);
    const name = (k: number): string => `W${k}`;
    const frozen = Array.from({ length: last }, (_, k) => name(k + 1)).join(', ');
    const learning = Array.from({ length: L - last }, (_, k) => name(last + k + 1)).join(', ');
    lines.push(said(L - last === 1 ? 'analysis.step1' : 'analysis.stepN', { frozen, learning }));
  }
  if (net.keep.some((p) => p < 1)) {
    const report = mcSamples > 0 ? said('analysis.mcReport', { n: mcSamples }) : '';
    lines.push(mcTest > 0 ? said('analysis.mc', { n: mcTest }) : said('analysis.scaling', { report }));
  }
  return lines;
}

/**
 * A layered model's end-of-run report: the per-layer statistics over the training rows X (with
 * how far each layer moved from `initial`), the collapsed map of linear hidden layers with the
 * largest gap between z^L and that one map (collapsedError), and, when dropout is on and
 * mc.samples > 0, weight scaling against Monte-Carlo averages on mc.rows.
 */
export function networkReport(
  net: Network, X: Float64Array, n: number, initial: Float64Array,
  mc: { samples: number; seed: string; rows: readonly (readonly number[])[]; T: Float64Array; labels: readonly number[]; map: TargetMap; split: string },
): FinalReport {
  const metrics: Record<string, number> = {};
  const sections: Record<string, unknown> = { layers: layerStatistics(net, X, n, initial) };
  const collapsed = collapseCheck(net, X, n);
  if (collapsed) {
    metrics['collapsedError'] = collapsed.error;
    sections['collapsed'] = collapsed.map;
  }
  if (mc.samples > 0 && net.keep.some((p) => p < 1)) {
    const cmp = dropoutComparison(net, mc.rows, mc.T, mc.labels, mc.map, mc.samples, mc.seed, mc.split);
    Object.assign(metrics, cmp.metrics);
    sections['monteCarlo'] = cmp.section;
  }
  return { metrics, sections };
}
