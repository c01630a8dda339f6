/**
 * What the decision-boundary view draws, computed here (the screen never calls a model): the
 * model's class and score at every pixel of the input plane, the data points, and for a single
 * linear unit its separating line. Hidden units of small nets get a field each.
 */
import type { Dataset, WeightsSnapshot } from '../core/types.js';
import { FEATURES, type Feature, liftPacked, liftPoint } from '../data/features.js';

export interface Domain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface FieldPoint {
  readonly x: number;
  readonly y: number;
  readonly label: number;
  readonly test: boolean;
}

export interface Field {
  /** Text cells across and down; each cell holds two pixels, one above the other. */
  readonly cols: number;
  readonly rows: number;
  readonly domain: Domain;
  readonly classes: number;
  /** Class of each pixel, row-major, top pixel row first (cols × 2·rows). */
  readonly labels: Int16Array;
  /** Score of each pixel in [0, 1]: P(class 1) for two classes, the winner's share for more (regression: see `continuous`). */
  readonly scores: Float32Array;
  readonly points: readonly FieldPoint[];
  /** A single linear unit's weights (w0, w1, w2): its line w0 + w1·x1 + w2·x2 = 0 is drawn. */
  readonly line: readonly number[] | null;
  /**
   * Regression data: the map shows the output's value, not a class. Each pixel's score is then
   * where its output lies in [lo, hi], (o − lo)/(hi − lo) clamped to [0, 1], and its label the
   * side of the middle; the points' labels are the side of the middle their targets lie on.
   */
  readonly continuous: { readonly lo: number; readonly hi: number } | null;
}

/** A hidden unit's activation over the plane, with the range it spans (for its colour scale). */
export interface UnitField {
  readonly cols: number;
  readonly rows: number;
  readonly values: Float32Array;
  readonly lo: number;
  readonly hi: number;
}

export interface Predictor {
  predict(x: readonly number[]): { label: number; score: number };
  predictBatch?(X: Float64Array, n: number, labels: Int16Array, scores: Float32Array): void;
}

/** Whether the data lies on a plane the map can draw: two input columns, or feature inputs of a point (x1, x2). */
export const onPlane = (data: Pick<Dataset, 'featureNames' | 'lifted'>): boolean => data.lifted !== undefined || data.featureNames.length === 2;

/** Each row's point (x1, x2): the inputs, or the points feature inputs were computed from. */
export const pointsOf = (data: Pick<Dataset, 'inputs' | 'lifted'>): readonly (readonly number[])[] => data.lifted?.points ?? data.inputs;

/**
 * A model trained on feature inputs, asked about points of the plane: each point becomes its
 * feature row first (as the data set's rows were built). Data without features: the model itself.
 */
export function overPlane<P extends Predictor>(model: P, data: Pick<Dataset, 'lifted'>): Predictor {
  if (!data.lifted) return model;
  const features = data.lifted.features.filter((f): f is Feature => (FEATURES as readonly string[]).includes(f));
  return {
    predict: (x) => model.predict(liftPoint(features, x[0]!, x[1]!)),
    ...(model.predictBatch ? { predictBatch: (X: Float64Array, n: number, labels: Int16Array, scores: Float32Array) => model.predictBatch!(liftPacked(features, X, n), n, labels, scores) } : {}),
  };
}

/** A hidden-activation function over the plane, for a model trained on feature inputs. */
export function hiddenOverPlane(hidden: (x: readonly number[]) => readonly (readonly number[])[], data: Pick<Dataset, 'lifted'>): (x: readonly number[]) => readonly (readonly number[])[] {
  if (!data.lifted) return hidden;
  const features = data.lifted.features.filter((f): f is Feature => (FEATURES as readonly string[]).includes(f));
  return (x) => hidden(liftPoint(features, x[0]!, x[1]!));
}

/** The input box of the data (train and test), padded so edge points sit inside. */
export function domainOf(data: Pick<Dataset, 'inputs' | 'test' | 'lifted'>): Domain {
  const rows = [...pointsOf(data), ...(data.test ? pointsOf(data.test) : [])];
  const span = (j: number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      const v = r[j] ?? 0;
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (!Number.isFinite(lo)) return [-1, 1];
    // Small boolean boxes get room around the corners; generated clouds a thin margin.
    const range = hi - lo;
    const pad = range < 1e-9 ? 0.5 : range <= 2 ? range * 0.4 : range * 0.08;
    return [lo - pad, hi + pad];
  };
  return { x: span(0), y: span(1) };
}

/** Pixel (c, r) centre in input coordinates. */
const at = (d: Domain, cols: number, pixelRows: number, c: number, r: number): [number, number] => [
  d.x[0] + ((c + 0.5) / cols) * (d.x[1] - d.x[0]),
  d.y[1] - ((r + 0.5) / pixelRows) * (d.y[1] - d.y[0]),
];

/** Class and score of every pixel of a cols × pixelRows grid (batched when the model can). */
function grid(model: Predictor, domain: Domain, cols: number, pixelRows: number): { labels: Int16Array; scores: Float32Array } {
  const n = cols * pixelRows;
  const labels = new Int16Array(n);
  const scores = new Float32Array(n);
  if (model.predictBatch) {
    const X = new Float64Array(2 * n);
    for (let r = 0; r < pixelRows; r++) for (let c = 0; c < cols; c++) [X[2 * (r * cols + c)], X[2 * (r * cols + c) + 1]] = at(domain, cols, pixelRows, c, r);
    model.predictBatch(X, n, labels, scores);
  } else {
    const x: number[] = [0, 0];
    for (let r = 0; r < pixelRows; r++) {
      for (let c = 0; c < cols; c++) {
        [x[0], x[1]] = at(domain, cols, pixelRows, c, r);
        const p = model.predict(x);
        labels[r * cols + c] = p.label;
        scores[r * cols + c] = p.score;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (labels[i]! < 0) labels[i] = 0;
    if (!Number.isFinite(scores[i]!)) scores[i] = 0.5;
  }
  return { labels, scores };
}

/**
 * The field at cols × rows cells. `coarse` samples every other pixel across and down (a quarter of
 * the model calls, for frames while training plays) and repeats each sample over its 2×2 block.
 */
export function computeField(trained: Predictor, data: Dataset, cols: number, rows: number, domain: Domain, line: readonly number[] | null, coarse = false): Field {
  const pixelRows = 2 * rows;
  const model = overPlane(trained, data);
  let labels: Int16Array;
  let scores: Float32Array;
  if (!coarse) ({ labels, scores } = grid(model, domain, cols, pixelRows));
  else {
    const cc = Math.ceil(cols / 2);
    const small = grid(model, domain, cc, rows);
    labels = new Int16Array(cols * pixelRows);
    scores = new Float32Array(cols * pixelRows);
    for (let r = 0; r < pixelRows; r++) {
      for (let c = 0; c < cols; c++) {
        const j = (r >> 1) * cc + (c >> 1);
        labels[r * cols + c] = small.labels[j]!;
        scores[r * cols + c] = small.scores[j]!;
      }
    }
  }
  const points: FieldPoint[] = [];
  if (data.test) pointsOf(data.test).forEach((v, i) => points.push({ x: v[0]!, y: v[1]!, label: data.test!.labels[i] ?? 0, test: true }));
  pointsOf(data).forEach((v, i) => points.push({ x: v[0]!, y: v[1]!, label: data.labels[i] ?? 0, test: false }));
  const continuous = data.regression ? { lo: data.regression.range[0], hi: data.regression.range[1] } : null;
  return { cols, rows, domain, classes: Math.max(2, data.classes), labels, scores, points, line, continuous };
}

/** One field per hidden unit of the first hidden layer: its activation at every pixel. */
export function computeUnitFields(hidden: (x: readonly number[]) => readonly (readonly number[])[], cols: number, rows: number, domain: Domain): UnitField[] {
  const pixelRows = 2 * rows;
  const x: number[] = [0, 0];
  let fields: { values: Float32Array; lo: number; hi: number }[] = [];
  for (let r = 0; r < pixelRows; r++) {
    for (let c = 0; c < cols; c++) {
      [x[0], x[1]] = at(domain, cols, pixelRows, c, r);
      const a = hidden(x)[0] ?? [];
      if (fields.length === 0) fields = a.map(() => ({ values: new Float32Array(cols * pixelRows), lo: Infinity, hi: -Infinity }));
      a.forEach((v, k) => {
        const f = fields[k]!;
        f.values[r * cols + c] = v;
        if (v < f.lo) f.lo = v;
        if (v > f.hi) f.hi = v;
      });
    }
  }
  return fields.map((f) => ({ cols, rows, values: f.values, lo: f.lo, hi: f.hi }));
}

/** The single linear unit's weights, when the model is one on the two inputs x1, x2: (w0, w1, w2). */
export function lineOf(s: WeightsSnapshot, features: number, data?: Pick<Dataset, 'lifted'>): readonly number[] | null {
  // on feature inputs the unit's line lies in feature space, not on the map (unless they are x1, x2 as given)
  if (data?.lifted && data.lifted.features.join() !== 'x1,x2') return null;
  return features === 2 && s.kind === 'vector' && s.w.length === 3 && s.w.every((v) => Number.isFinite(v)) ? s.w : null;
}
