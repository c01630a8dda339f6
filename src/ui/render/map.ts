/**
 * Painting a map of class scores as text: two pixels a cell (an upper half block whose foreground
 * is the top pixel and background the bottom one). The scale diverges from a neutral grey at the
 * boundary to the class colour where the model is sure; data points are bold glyphs in their
 * class colour on a black cell, which outlines them on every region; a single unit's separating
 * line is drawn in white braille dots. Without colour, glyphs carry all of it: a ramp from blank
 * (sure of class 0) through · : ░ ▒ to ▓ (sure of class 1), one glyph per class beyond two, the
 * points' own marks, and braille for the line. Codes are quantised and emitted only on change.
 */
import { classRgb, mix, sgr, type ColorDepth, type Rgb } from '../color.js';
import { RESET } from './text.js';
import { short } from '../../core/format.js';
import { EN_TR, type Tr } from '../../i18n/index.js';

/** Confidence levels per class (0 at the boundary, LEVELS − 1 sure). */
export const LEVELS = 4;

export const NEUTRAL: Rgb = [62, 62, 70];
const DEEP: Rgb = [18, 18, 26];
const POINT_BG: Rgb = [0, 0, 0];
const LINE_RGB: Rgb = [250, 250, 250];

/**
 * The classes' hues at 16 colours (h of the 30 + h code): blue, yellow (for orange), green,
 * magenta, cyan, red, white, so the first seven classes stay apart; then they repeat.
 */
const HUE16 = [4, 3, 2, 5, 6, 1, 7, 4, 3, 2];

/** Without colour: the binary ramp by class and level, and one glyph per class beyond two. */
// From sure class 0 to sure class 1: · : ░ ▒ ▓ (no blank: a region of spaces reads as nothing drawn).
const RAMP: readonly (readonly string[])[] = [
  [':', ':', '·', '·'],
  ['░', '▒', '▒', '▓'],
];
export const CLASS_GLYPHS = '·░▒▓:+-/\\|';

interface Palette {
  /** SGR parameters by class and level, foreground and background. */
  readonly fg: string[][];
  readonly bg: string[][];
  /** Per class: the escape code of a data point's glyph (bold, its class colour, on black). */
  readonly point: string[];
  readonly line: string;
}

const palettes = new Map<string, Palette>();

function palette(depth: ColorDepth, classes: number): Palette {
  const key = `${depth}/${classes}`;
  const hit = palettes.get(key);
  if (hit) return hit;
  const fg: string[][] = [];
  const bg: string[][] = [];
  const point: string[] = [];
  for (let k = 0; k < classes; k++) {
    const rgb = classRgb(k);
    if (depth === '16') {
      const h = HUE16[k % HUE16.length]!;
      // Grey at the boundary, the plain hue, then the bright hue where the model is sure.
      const codes = Array.from({ length: LEVELS }, (_, l) => (l === 0 ? 90 : l < LEVELS - 1 ? 30 + h : 90 + h));
      fg.push(codes.map(String));
      bg.push(codes.map((c) => String(c + 10)));
      point.push(`\x1b[1;${90 + h};40m`);
    } else {
      const sure = mix(DEEP, rgb, 0.72);
      const shades = Array.from({ length: LEVELS }, (_, l) => mix(NEUTRAL, sure, (l + 1) / LEVELS));
      fg.push(shades.map((c) => sgr(depth, c)));
      bg.push(shades.map((c) => sgr(depth, c, true)));
      point.push(`\x1b[1;${sgr(depth, mix(rgb, [255, 255, 255], 0.25))};${sgr(depth, POINT_BG, true)}m`);
    }
  }
  const p: Palette = { fg, bg, point, line: depth === '16' ? '97' : sgr(depth, LINE_RGB) };
  palettes.set(key, p);
  return p;
}

export interface MapCells {
  /** Cells across and down; the pixel arrays hold cols × 2·rows pixels, row-major, top first. */
  readonly cols: number;
  readonly rows: number;
  readonly labels: Int16Array;
  readonly levels: Uint8Array;
  readonly classes: number;
  /** Cell index → a data point's glyph, and its class. */
  readonly marks?: ReadonlyMap<number, string>;
  readonly markClass?: (glyph: string) => number;
  /** Braille dot bits of the separating line per cell (0: the line misses the cell). */
  readonly line?: Uint8Array | null;
  readonly depth: ColorDepth;
}

/** The region glyph of a pixel without colour. */
function glyph(label: number, level: number, classes: number): string {
  if (classes <= 2) return RAMP[label > 0 ? 1 : 0]![level]!;
  return CLASS_GLYPHS[label % CLASS_GLYPHS.length]!;
}

/** One string per row of cells, each exactly `cols` cells, ending with a reset when coloured. */
export function paintMap(m: MapCells): string[] {
  const { cols, rows, labels, levels, depth, marks, line } = m;
  const classes = Math.max(2, m.classes);
  const out: string[] = [];
  if (depth === 'none') {
    for (let r = 0; r < rows; r++) {
      let s = '';
      for (let c = 0; c < cols; c++) {
        const cell = r * cols + c;
        const mark = marks?.get(cell);
        const bits = line?.[cell] ?? 0;
        const i = 2 * r * cols + c;
        s += mark ?? (bits ? String.fromCharCode(0x2800 + bits) : glyph(labels[i]!, levels[i]!, classes));
      }
      out.push(s);
    }
    return out;
  }
  const pal = palette(depth, classes);
  const markClass = m.markClass ?? (() => 0);
  // Escape codes built once per frame: by pixel pair (top, bottom) and by line cell's bottom pixel.
  const shades = classes * LEVELS;
  const pairs: (string | undefined)[] = new Array(shades * shades);
  const lines: (string | undefined)[] = new Array(shades);
  for (let r = 0; r < rows; r++) {
    let s = '';
    let current = '';
    for (let c = 0; c < cols; c++) {
      const cell = r * cols + c;
      const top = 2 * r * cols + c;
      const bottom = top + cols;
      const b = (labels[bottom]! % classes) * LEVELS + levels[bottom]!;
      const mark = marks?.get(cell);
      const bits = line?.[cell] ?? 0;
      if (mark !== undefined) {
        const k = Math.max(0, markClass(mark)) % classes;
        const code = pal.point[k]!;
        if (code !== current) ((s += code), (current = code));
        s += mark;
      } else if (bits) {
        const code = (lines[b] ??= `\x1b[22;${pal.line};${pal.bg[(b / LEVELS) | 0]![b % LEVELS]}m`);
        if (code !== current) ((s += code), (current = code));
        s += String.fromCharCode(0x2800 + bits);
      } else {
        const t = (labels[top]! % classes) * LEVELS + levels[top]!;
        const code = (pairs[t * shades + b] ??= `\x1b[22;${pal.fg[(t / LEVELS) | 0]![t % LEVELS]};${pal.bg[(b / LEVELS) | 0]![b % LEVELS]}m`);
        if (code !== current) ((s += code), (current = code));
        s += '▀';
      }
    }
    out.push(s + RESET);
  }
  return out;
}

const DOT_BITS: readonly (readonly number[])[] = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];

/**
 * Braille bits per cell of the line w0 + w1·x1 + w2·x2 = 0 over a domain (cols × rows cells, top
 * row at the domain's largest x2): a dot is lit when the line crosses its 1/2 × 1/4 share of the
 * cell. Null when the weights draw no line (w1 = w2 = 0, or not finite).
 */
export function lineBits(w: readonly number[], domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] }, cols: number, rows: number): Uint8Array | null {
  const [w0 = 0, w1 = 0, w2 = 0] = w;
  if (![w0, w1, w2].every(Number.isFinite) || (w1 === 0 && w2 === 0) || cols <= 0 || rows <= 0) return null;
  const [xa, xb] = domain.x;
  const [ya, yb] = domain.y;
  const cw = (xb - xa) / cols;
  const ch = (yb - ya) / rows;
  const f = (x: number, y: number): number => w0 + w1 * x + w2 * y;
  // Half the spread of f over a cell and over a dot's box.
  const cellReach = (Math.abs(w1) * cw + Math.abs(w2) * ch) / 2;
  const dotReach = (Math.abs(w1) * cw) / 4 + (Math.abs(w2) * ch) / 8;
  const bits = new Uint8Array(cols * rows);
  let any = false;
  for (let r = 0; r < rows; r++) {
    const yc = yb - (r + 0.5) * ch;
    for (let c = 0; c < cols; c++) {
      const xc = xa + (c + 0.5) * cw;
      if (Math.abs(f(xc, yc)) > cellReach) continue;
      let b = 0;
      for (let dx = 0; dx < 2; dx++) {
        const x = xa + (c + (dx + 0.5) / 2) * cw;
        for (let dy = 0; dy < 4; dy++) {
          const y = yb - (r + (dy + 0.5) / 4) * ch;
          if (Math.abs(f(x, y)) <= dotReach) b |= DOT_BITS[dx]![dy]!;
        }
      }
      bits[r * cols + c] = b;
      any ||= b !== 0;
    }
  }
  return any ? bits : null;
}

/** What the map's glyphs and colours mean, for a legend line. */
export function mapLegend(depth: ColorDepth, classes: number, line: boolean, tr: Tr = EN_TR): string {
  const l = line ? tr.t('legend.line') : '';
  if (depth !== 'none') return `${tr.t('legend.colour')}${l}`;
  if (classes <= 2) return `${tr.t('legend.twoClasses')}${l}`;
  return `${Array.from({ length: Math.min(classes, CLASS_GLYPHS.length) }, (_, k) => `${k}:${CLASS_GLYPHS[k] === ' ' ? tr.t('legend.blank') : CLASS_GLYPHS[k]}`).join(' ')}${l}`;
}

/** The legend of a regression map: the shade is the output's value between lo and hi (grey at the middle). */
export function continuousLegend(range: { readonly lo: number; readonly hi: number }, depth: ColorDepth, test: string, tr: Tr = EN_TR): string {
  const values = { lo: short(range.lo), hi: short(range.hi), mid: short((range.lo + range.hi) / 2) };
  return `${tr.t('legend.regressionPoints', values)}${test} · ${tr.t(depth === 'none' ? 'legend.continuousGlyphs' : 'legend.continuous', values)}`;
}
