/**
 * The decision-boundary heatmap as pre-coloured strings, one per row of cells: each cell is an
 * upper half block '▀' whose foreground is the top pixel and background the bottom pixel (two
 * pixels per cell). Colour codes are quantised and only emitted when they change along the row,
 * which keeps Ink's work per frame small. Without colour, shading glyphs carry class and confidence.
 */
import type { Dataset } from '../core/types.js';
import { BACKGROUND, classRgb, mix, sgr, type ColorDepth } from './color.js';

/** Marks of training points per class, and of test points (their class digit). */
export const TRAIN_MARKS = 'o+x*#@%&=~';
export const TEST_MARKS = '0123456789';
/** Without colour: per class, glyphs from low to high confidence. */
const SHADES: readonly (readonly string[])[] = [
  ['·', ':', ' '],
  ['░', '▒', '▓'],
];
const LEVELS = 4;

export interface Predictor {
  predict(x: readonly number[]): { label: number; score: number };
}

export interface Domain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** The input box of the data (train and test), padded so edge points sit inside. */
export function domainOf(data: Pick<Dataset, 'inputs' | 'test'>): Domain {
  const rows = [...data.inputs, ...(data.test?.inputs ?? [])];
  const span = (j: number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      lo = Math.min(lo, r[j] ?? 0);
      hi = Math.max(hi, r[j] ?? 0);
    }
    if (!Number.isFinite(lo)) return [-1, 1];
    // Small boolean boxes get room around the corners; generated clouds a thin margin.
    const range = hi - lo;
    const pad = range < 1e-9 ? 0.5 : range <= 2 ? range * 0.4 : range * 0.08;
    return [lo - pad, hi + pad];
  };
  return { x: span(0), y: span(1) };
}

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

/** The colour of a pixel at a depth (memoised by label and level by the caller's palette). */
function palette(depth: ColorDepth, classes: number): { fg: string[][]; bg: string[][] } {
  const fg: string[][] = [];
  const bg: string[][] = [];
  for (let k = 0; k < Math.max(2, classes); k++) {
    fg.push([]);
    bg.push([]);
    for (let l = 0; l < LEVELS; l++) {
      const rgb = depth === '16' ? classRgb(k) : mix(BACKGROUND, classRgb(k), 0.3 + (0.7 * l) / (LEVELS - 1));
      const dim = depth === '16' && l < LEVELS / 2;
      fg[k]!.push(dim ? sgr(depth, mix([0, 0, 0], classRgb(k), 0.5)) : sgr(depth, rgb));
      bg[k]!.push(dim ? sgr(depth, mix([0, 0, 0], classRgb(k), 0.5), true) : sgr(depth, rgb, true));
    }
  }
  return { fg, bg };
}

export interface HeatmapOptions {
  readonly model: Predictor;
  readonly data: Pick<Dataset, 'inputs' | 'labels' | 'test' | 'classes'>;
  readonly cols: number;
  readonly rows: number;
  readonly depth: ColorDepth;
  readonly domain?: Domain;
}

/** One string per row of cells; codes merged along each row and reset at its end. */
export function heatmapRows({ model, data, cols, rows, depth, domain = domainOf(data) }: HeatmapOptions): string[] {
  const classes = Math.max(2, data.classes);
  const { labels, levels } = pixelGrid(model, domain, cols, rows * 2, classes);
  const marks = pointMarks(data, domain, cols, rows);
  const out: string[] = [];
  if (depth === 'none') {
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const i = 2 * r * cols + c;
        const mark = marks.get(r * cols + c);
        const shades = SHADES[Math.min(1, labels[i]!)]!;
        line += mark ?? (labels[i]! >= 2 ? String(labels[i]) : shades[Math.min(shades.length - 1, levels[i]! >> 1 ? 2 : levels[i]! > 0 ? 1 : 0)]!);
      }
      out.push(line);
    }
    return out;
  }
  const pal = palette(depth, classes);
  const markFg = sgr(depth, [255, 255, 255]);
  for (let r = 0; r < rows; r++) {
    let line = '';
    let current = '';
    for (let c = 0; c < cols; c++) {
      const top = 2 * r * cols + c;
      const bottom = top + cols;
      const mark = marks.get(r * cols + c);
      const bg = pal.bg[labels[bottom]!]?.[levels[bottom]!] ?? '';
      const code = mark ? `1;${markFg};${bg}` : `22;${pal.fg[labels[top]!]?.[levels[top]!] ?? ''};${bg}`;
      if (code !== current) {
        line += `\x1b[${code}m`;
        current = code;
      }
      line += mark ?? '▀';
    }
    out.push(`${line}\x1b[0m`);
  }
  return out;
}
