/**
 * Grey images as terminal text, pure functions without React or Ink (the lab wraps them):
 * a digit drawn with half blocks (two pixel rows per text row: '▀' in the top pixel's grey on the
 * bottom pixel's grey), a grid of samples with captions, learned filters (5×5 kernels, RBM
 * features) on a signed scale, and a confusion matrix as text lines.
 * Every function returns rows of a known display width (escape codes aside), so a layout can
 * place them; colour depth 'none' draws with plain glyphs (' ', '▀', '▄', '█') instead of greys.
 */
import { num } from '../core/format.js';
import type { FilterBank } from '../core/types.js';

/** The terminal's colour depth (the same names as the UI's --color). */
export type Depth = 'none' | '16' | '256' | 'truecolor';

export interface ImageOptions {
  readonly depth: Depth;
  /** Values mapped to black and white; default: the image's own min and max. */
  readonly range?: readonly [number, number];
  /** Each pixel drawn as scale × scale pixels (5×5 kernels are tiny). @default 1 */
  readonly scale?: number;
}

const RESET = '\x1b[0m';

/** SGR parameters of a grey level g in [0, 1] at a depth, as foreground or background. */
export function greySgr(depth: Depth, g: number, background: boolean): string {
  const v = Math.round(255 * Math.min(1, Math.max(0, g)));
  switch (depth) {
    case 'none':
      return '';
    case 'truecolor':
      return `${background ? 48 : 38};2;${v};${v};${v}`;
    case '256':
      // the 24-step grey ramp 232 … 255, with 16 (black) and 231 (white) at the ends
      return `${background ? 48 : 38};5;${v < 4 ? 16 : v > 247 ? 231 : 232 + Math.min(23, Math.round((v - 8) / 10))}`;
    case '16':
      // black, dark grey, light grey, white
      return String((v < 64 ? 30 : v < 128 ? 90 : v < 192 ? 37 : 97) + (background ? 10 : 0));
  }
}

/** Normalised grey of each pixel (0 black … 1 white), and the image scaled up. */
function greys(pixels: ArrayLike<number>, width: number, height: number, opts: ImageOptions): { g: number[]; w: number; h: number } {
  let [lo, hi] = opts.range ?? [Infinity, -Infinity];
  if (!opts.range) for (let i = 0; i < width * height; i++) (lo = Math.min(lo, pixels[i]!)), (hi = Math.max(hi, pixels[i]!));
  const span = hi > lo ? hi - lo : 1;
  const s = Math.max(1, Math.floor(opts.scale ?? 1));
  const g: number[] = [];
  for (let y = 0; y < height * s; y++) {
    for (let x = 0; x < width * s; x++) g.push((pixels[Math.floor(y / s) * width + Math.floor(x / s)]! - lo) / span);
  }
  return { g, w: width * s, h: height * s };
}

/**
 * A width × height grey image (row-major) as ⌈height·scale / 2⌉ text rows of width·scale cells.
 * An odd last pixel row is drawn over black.
 */
export function halfBlockImage(pixels: ArrayLike<number>, width: number, height: number, opts: ImageOptions): string[] {
  const { g, w, h } = greys(pixels, width, height, opts);
  const rows: string[] = [];
  for (let y = 0; y < h; y += 2) {
    let line = '';
    let last = '';
    for (let x = 0; x < w; x++) {
      const top = g[y * w + x]!;
      const bottom = y + 1 < h ? g[(y + 1) * w + x]! : 0;
      if (opts.depth === 'none') {
        line += top >= 0.5 ? (bottom >= 0.5 ? '█' : '▀') : bottom >= 0.5 ? '▄' : ' ';
        continue;
      }
      const code = `\x1b[${greySgr(opts.depth, top, false)};${greySgr(opts.depth, bottom, true)}m`;
      // repeated codes are merged: rendering cost grows with the number of escapes
      line += (code === last ? '' : code) + '▀';
      last = code;
    }
    rows.push(opts.depth === 'none' ? line : line + RESET);
  }
  return rows;
}

/** Display width of a rendered row (escape codes removed). */
// eslint-disable-next-line no-control-regex
export const displayWidth = (row: string): number => [...row.replace(/\x1b\[[0-9;]*m/g, '')].length;

export interface GridOptions extends ImageOptions {
  /** Images per grid row. */
  readonly columns: number;
  /** A caption under each image (e.g. "7", or "7→1" for a mistake), cut to the image width. */
  readonly captions?: readonly string[];
  /** Blank cells between images. @default 1 */
  readonly gap?: number;
  /** Normalise each image on its own symmetric range ±max|v| (weights: 0 is mid grey). @default false */
  readonly signed?: boolean;
}

/** Images side by side, `columns` per row, each with its caption: rows of one common width. */
export function imageGrid(images: readonly ArrayLike<number>[], width: number, height: number, opts: GridOptions): string[] {
  const gap = ' '.repeat(opts.gap ?? 1);
  const cell = width * Math.max(1, Math.floor(opts.scale ?? 1));
  const rows: string[] = [];
  for (let start = 0; start < images.length; start += opts.columns) {
    const some = images.slice(start, start + opts.columns);
    const drawn = some.map((img) => {
      let range = opts.range;
      if (opts.signed) {
        let m = 0;
        for (let i = 0; i < width * height; i++) m = Math.max(m, Math.abs(img[i]!));
        range = [-(m || 1), m || 1];
      }
      return halfBlockImage(img, width, height, { ...opts, ...(range ? { range } : {}) });
    });
    // a short last row is padded to the full width
    const pad = (gap + ' '.repeat(cell)).repeat(opts.columns - some.length);
    for (let r = 0; r < drawn[0]!.length; r++) rows.push(drawn.map((d) => d[r]!).join(gap) + pad);
    if (opts.captions) {
      const caps = some.map((_, i) => [...(opts.captions![start + i] ?? '')].slice(0, cell).join('').padEnd(cell));
      rows.push(caps.join(gap) + pad);
    }
  }
  return rows;
}

/** Learned filters (kernels, RBM features) as a grid, each on its own signed scale (mid grey = 0). */
export function filterGrid(bank: FilterBank, opts: Omit<GridOptions, 'signed'>): string[] {
  return imageGrid(bank.filters, bank.width, bank.height, { ...opts, signed: true });
}

/**
 * A confusion matrix (counts[true][predicted]) as text lines of one width: a header of predicted
 * classes, one row per true class, and the per-class recall at the end of each row.
 */
export function confusionLines(counts: readonly (readonly number[])[], names?: readonly string[]): string[] {
  const k = counts.length;
  const label = (i: number): string => names?.[i] ?? String(i);
  const cellWidth = Math.max(3, ...counts.flat().map((c) => String(c).length), ...counts.map((_, i) => label(i).length)) + 1;
  const head = Math.max(6, ...counts.map((_, i) => label(i).length)) + 1;
  const cell = (s: string): string => s.padStart(cellWidth);
  const lines = [`${'true↓'.padEnd(head)}${counts.map((_, j) => cell(label(j))).join('')}  recall`];
  counts.forEach((row, i) => {
    const total = row.reduce((s, c) => s + c, 0);
    const recall = total > 0 ? num(row[i]! / total, 2) : '–';
    lines.push(`${label(i).padEnd(head)}${row.map((c, j) => cell(c === 0 && i !== j ? '·' : String(c))).join('')}  ${recall.padStart(6)}`);
  });
  const width = lines.reduce((m, l) => Math.max(m, [...l].length), -Infinity);
  return lines.map((l) => l.padEnd(width - [...l].length + l.length)).slice(0, k + 1);
}
