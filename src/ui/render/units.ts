/**
 * A small map per hidden unit, as TensorFlow Playground draws each neuron: the unit's activation
 * over the same input square as the heatmap, on the same diverging scale (low end in class 0's
 * colour, high end in class 1's, grey in the middle), so a student sees h1 = OR and h2 = NAND.
 */
import type { ColorDepth } from '../color.js';
import type { Domain } from '../heatmap.js';
import { LEVELS, paintMap } from './map.js';
import { blankRows, endRow, fit } from './text.js';

export interface UnitMapOptions {
  /** The unit's activation at an input (x1, x2). */
  readonly activation: (x1: number, x2: number) => number;
  readonly domain: Domain;
  readonly cols: number;
  readonly rows: number;
  readonly depth: ColorDepth;
  /**
   * Activations mapped to the two ends of the scale.
   * @default [0, 1] when every sampled value lies there, else [−1, 1] when they lie there, else their min and max
   */
  readonly range?: readonly [number, number];
}

/** Samples a unit over the pixels (cols × 2·rows, top row first); NaN where it is not finite. */
function sample(o: UnitMapOptions): Float64Array {
  const cols = Math.max(0, Math.floor(o.cols));
  const px = 2 * Math.max(0, Math.floor(o.rows));
  const v = new Float64Array(cols * px);
  const [x0, x1] = o.domain.x;
  const [y0, y1] = o.domain.y;
  for (let r = 0; r < px; r++) {
    const y = y1 - ((r + 0.5) / px) * (y1 - y0);
    for (let c = 0; c < cols; c++) {
      const a = o.activation(x0 + ((c + 0.5) / cols) * (x1 - x0), y);
      v[r * cols + c] = Number.isFinite(a) ? a : Number.NaN;
    }
  }
  return v;
}

/** The default range of some activations (see UnitMapOptions.range). */
export function activationRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0, 1];
  if (lo >= 0 && hi <= 1) return [0, 1];
  if (lo >= -1 && hi <= 1) return [-1, 1];
  return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

/** One unit's map: `rows` strings of exactly `cols` cells. */
export function unitMap(o: UnitMapOptions): string[] {
  return paintUnit(sample(o), o.cols, o.rows, o.depth, o.range);
}

/** A unit's map from activations already sampled at the pixels (cols × 2·rows, top row first). */
export function paintUnit(values: ArrayLike<number>, cols: number, rows: number, depth: ColorDepth, range?: readonly [number, number]): string[] {
  cols = Math.max(0, Math.floor(cols));
  rows = Math.max(0, Math.floor(rows));
  const [lo, hi] = range ?? activationRange(values);
  const labels = new Int16Array(values.length);
  const levels = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const s = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
    labels[i] = s >= 0.5 ? 1 : 0;
    levels[i] = Math.min(LEVELS - 1, Math.floor(Math.abs(2 * s - 1) * LEVELS));
  }
  return paintMap({ cols, rows, labels, levels, classes: 2, depth });
}

export interface UnitGalleryOptions {
  readonly units: readonly { readonly label: string; readonly activation: (x1: number, x2: number) => number }[];
  readonly domain: Domain;
  readonly width: number;
  readonly height: number;
  readonly depth: ColorDepth;
  /** One range for every unit (so their colours compare); @default each unit's own */
  readonly range?: readonly [number, number];
}

export interface UnitGallery {
  /** `height` rows of exactly `width` cells. */
  readonly rows: string[];
  /** Cells of each unit's map, or null when the room was too small and the rows say so. */
  readonly tile: { readonly cols: number; readonly rows: number } | null;
}

/** The largest square-pixel tiles that fit, in as few bands as that takes. */
function layout(n: number, width: number, height: number): { bands: number; per: number; cols: number; rows: number; label: boolean } | null {
  let best: { bands: number; per: number; cols: number; rows: number; label: boolean } | null = null;
  for (const label of [true, false]) {
    for (let bands = 1; bands <= n; bands++) {
      const per = Math.ceil(n / bands);
      const w = Math.floor((width - (per - 1)) / per);
      const h = Math.floor(height / bands) - (label ? 1 : 0);
      // A cell is about twice as tall as wide and holds two pixels: square when cols = 2 · rows.
      const rows = Math.min(h, Math.floor(w / 2));
      const cols = Math.min(w, 2 * rows);
      if (rows >= 2 && cols >= 4 && (!best || rows > best.rows)) best = { bands, per, cols, rows, label };
    }
    if (best) return best;
  }
  return null;
}

/** Every unit's map, labelled, laid out in the room given (see the module comment). */
export function unitGallery(o: UnitGalleryOptions): UnitGallery {
  const width = Math.max(0, Math.floor(o.width));
  const height = Math.max(0, Math.floor(o.height));
  const n = o.units.length;
  const pad = (rows: string[]): string[] => [...rows, ...blankRows(width, height - rows.length)].slice(0, height).map((r) => endRow(o.depth, fit(r, width)));
  const l = n > 0 ? layout(n, width, height) : null;
  if (!l) return { rows: pad(n > 0 ? [`too little room for the maps of ${o.units.map((u) => u.label).join(' ')}`] : []), tile: null };
  const out: string[] = [];
  for (let band = 0; band < l.bands; band++) {
    const units = o.units.slice(band * l.per, (band + 1) * l.per);
    if (units.length === 0) break;
    const maps = units.map((u) => unitMap({ activation: u.activation, domain: o.domain, cols: l.cols, rows: l.rows, depth: o.depth, range: o.range }));
    if (l.label) out.push(units.map((u) => fit(u.label, l.cols)).join(' '));
    for (let r = 0; r < l.rows; r++) out.push(maps.map((m) => m[r]!).join(' '));
  }
  return { rows: pad(out), tile: { cols: l.cols, rows: l.rows } };
}
