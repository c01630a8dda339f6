/**
 * The decision-boundary heatmap as pre-coloured strings, one per row of cells, two pixels a cell
 * (see render/map.ts for the colours and glyphs): a diverging scale from grey at the boundary to
 * the class colour where the model is sure, data points outlined on every region, and a single
 * unit's separating line when its weights are given. This file samples the model and places the
 * points; render/map.ts paints.
 */
import type { Dataset } from '../core/types.js';
import type { ColorDepth } from './color.js';
import { LEVELS, lineBits, paintMap } from './render/map.js';

/** Marks of training points per class, and of test points (their class digit). */
export const TRAIN_MARKS = 'o+x*#@%&=~';
export const TEST_MARKS = '0123456789';

export interface Predictor {
  predict(x: readonly number[]): { label: number; score: number };
}

import { domainOf, type Domain } from '../session/field.js';

export { domainOf, type Domain };

/** Confidence in [0, 1] of a prediction among `classes` classes. */
export function confidence(score: number, label: number, classes: number): number {
  if (!Number.isFinite(score)) return 0;
  if (classes <= 2) return Math.min(1, Math.abs(2 * score - 1));
  const floor = 1 / classes;
  return Math.max(0, Math.min(1, (score - floor) / (1 - floor)));
}

/** Label and quantised confidence level (0..LEVELS-1) of every pixel, row-major, top row first. */
export function pixelGrid(model: Predictor, domain: Domain, cols: number, pixelRows: number, classes: number): { labels: Int16Array; levels: Uint8Array } {
  const labels = new Int16Array(cols * pixelRows);
  const levels = new Uint8Array(cols * pixelRows);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const x: number[] = [0, 0];
  for (let r = 0; r < pixelRows; r++) {
    x[1] = y1 - ((r + 0.5) / pixelRows) * (y1 - y0);
    for (let c = 0; c < cols; c++) {
      x[0] = x0 + ((c + 0.5) / cols) * (x1 - x0);
      const p = model.predict(x);
      const i = r * cols + c;
      labels[i] = p.label < 0 ? 0 : p.label;
      levels[i] = Math.min(LEVELS - 1, Math.floor(confidence(p.score, p.label, classes) * LEVELS));
    }
  }
  return { labels, levels };
}

/** Cell index → mark for the data points (train marks win over test marks in a shared cell). */
export function pointMarks(data: Pick<Dataset, 'inputs' | 'labels' | 'test'>, domain: Domain, cols: number, rows: number): Map<number, string> {
  const marks = new Map<number, string>();
  const place = (x: readonly number[], label: number, set: string, overwrite: boolean): void => {
    const c = Math.floor(((x[0]! - domain.x[0]) / (domain.x[1] - domain.x[0])) * cols);
    const r = Math.floor(((domain.y[1] - x[1]!) / (domain.y[1] - domain.y[0])) * rows);
    if (c < 0 || c >= cols || r < 0 || r >= rows) return;
    const key = r * cols + c;
    if (overwrite || !marks.has(key)) marks.set(key, set[Math.max(0, label) % set.length]!);
  };
  data.test?.inputs.forEach((x, i) => place(x, data.test!.labels[i] ?? 0, TEST_MARKS, false));
  data.inputs.forEach((x, i) => place(x, data.labels[i] ?? 0, TRAIN_MARKS, true));
  return marks;
}

/** The class of a point's mark (train or test). */
export function markClass(mark: string): number {
  const t = TRAIN_MARKS.indexOf(mark);
  return t >= 0 ? t : Math.max(0, TEST_MARKS.indexOf(mark));
}

export interface HeatmapOptions {
  readonly model: Predictor;
  readonly data: Pick<Dataset, 'inputs' | 'labels' | 'test' | 'classes'>;
  readonly cols: number;
  readonly rows: number;
  readonly depth: ColorDepth;
  readonly domain?: Domain;
  /** A single unit's weights [w0, w1, w2]: its line w0 + w1·x1 + w2·x2 = 0 is drawn over the map. */
  readonly line?: readonly number[];
}

/** One string per row of cells, each exactly `cols` cells; codes merged along each row and reset at its end. */
export function heatmapRows({ model, data, cols, rows, depth, domain = domainOf(data), line }: HeatmapOptions): string[] {
  cols = Math.max(0, Math.floor(cols));
  rows = Math.max(0, Math.floor(rows));
  const classes = Math.max(2, data.classes);
  const { labels, levels } = pixelGrid(model, domain, cols, rows * 2, classes);
  const marks = pointMarks(data, domain, cols, rows);
  return paintMap({ cols, rows, labels, levels, classes, marks, markClass, line: line ? lineBits(line, domain, cols, rows) : null, depth });
}
