/**
 * Per-layer gradient norms as horizontal bars on a log axis, every layer shown: one layer a row
 * when there is room, two a row in half blocks (upper layer ▀, lower ▄) when there is not, four a
 * row in braille when even that is too tall, and a line of words when nothing else fits. Two runs
 * (sigmoid and ReLU) can stand side by side on the same axis. Colour says the magnitude: red for a
 * vanishing gradient, amber for a weak one, green for a healthy one, magenta for an exploding one.
 */
import { short, sci } from '../../core/format.js';
import { sgr, type ColorDepth, type Rgb } from '../color.js';
import { blankRows, displayWidth, endRow, fit, RESET } from './text.js';
import { EN_TR, type Tr } from '../../i18n/index.js';

export interface BarRun {
  /** Shown above its bars when there is a row for it ('sigmoid', 'ReLU'). */
  readonly label?: string;
  /** Gradient norm of each layer, first (input side) layer first. */
  readonly norms: readonly number[];
}

export interface GradientBarsOptions {
  /** One run, or two side by side on the same axis. */
  readonly runs: readonly BarRun[];
  readonly width: number;
  readonly height: number;
  readonly depth: ColorDepth;
  /** The axis in decades, [log10 lo, log10 hi]. @default whole decades around the finite norms */
  readonly decades?: readonly [number, number];
  /** The language of its words. @default English */
  readonly tr?: Tr;
}

export interface GradientBars {
  /** `height` rows, each `width` cells. */
  readonly rows: string[];
  /** Layers drawn in one row: 1, 2 or 4; 0 for a one-line column chart (one cell a layer). */
  readonly perRow: 0 | 1 | 2 | 4;
  readonly decades: readonly [number, number];
}

/** The colour of a gradient norm by its magnitude. */
export function magnitudeRgb(v: number): Rgb {
  if (!(v > 0)) return [150, 150, 150];
  const e = Math.log10(v);
  return e < -4 ? [235, 75, 75] : e < -2 ? [235, 170, 50] : e <= 2 ? [90, 200, 110] : [220, 90, 220];
}

/** Whole decades around the finite positive norms, the smallest bar never empty. */
export function decadesOf(runs: readonly BarRun[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of runs) for (const v of r.norms) if (v > 0 && Number.isFinite(v)) ((lo = Math.min(lo, Math.log10(v))), (hi = Math.max(hi, Math.log10(v))));
  if (lo > hi) return [-8, 2];
  const a = Math.floor(lo - 0.25);
  return [a, Math.max(a + 2, Math.ceil(hi))];
}

/** Share of the bar for a norm: 0 for 0 or NaN, 1 for ∞. */
function share(v: number, [lo, hi]: readonly [number, number]): number {
  if (v === Infinity) return 1;
  if (!(v > 0) || !Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(1, (Math.log10(v) - lo) / (hi - lo)));
}

const EIGHTHS = ' ▏▎▍▌▋▊▉';
const SPARK = '▁▂▃▄▅▆▇█';
const BRAILLE_ROW = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
];

/** `cells` cells drawing the bars of 1, 2 or 4 layers one above the other (NaN: no bar). */
function barCells(values: readonly number[], cells: number, d: readonly [number, number], depth: ColorDepth): string {
  const code = (v: number, bg = false): string => sgr(depth, magnitudeRgb(v), bg);
  const colour = (c: string): string => (depth === 'none' || c === '' ? '' : `\x1b[${c}m`);
  let out = '';
  let current = '';
  const put = (c: string, ch: string): void => {
    if (c !== current) ((out += depth === 'none' ? '' : `${RESET}${colour(c)}`), (current = c));
    out += ch;
  };
  if (values.length === 1) {
    const v = values[0]!;
    const eighths = Math.round(share(v, d) * cells * 8);
    const full = Math.floor(eighths / 8);
    const part = eighths % 8;
    put(code(v), '█'.repeat(full) + (part > 0 ? EIGHTHS[part]! : ''));
    put('', ' '.repeat(cells - full - (part > 0 ? 1 : 0)));
  } else if (values.length === 2) {
    const [top, bottom] = values as [number, number];
    const nt = Math.round(share(top, d) * cells);
    const nb = Math.round(share(bottom, d) * cells);
    for (let i = 0; i < cells; i++) {
      const t = i < nt;
      const b = i < nb;
      if (t && b) put(depth === 'none' ? '' : `${code(top)};${code(bottom, true)}`, depth === 'none' ? '█' : '▀');
      else if (t) put(code(top), '▀');
      else if (b) put(code(bottom), '▄');
      else put('', ' ');
    }
  } else {
    const lengths = values.map((v) => Math.round(share(v, d) * cells * 2));
    for (let i = 0; i < cells; i++) {
      let bits = 0;
      let weakest = Infinity;
      values.forEach((v, k) => {
        const lit = BRAILLE_ROW[k]!;
        if (lengths[k]! > 2 * i) ((bits |= lit[0]!), (weakest = Math.min(weakest, v)));
        if (lengths[k]! > 2 * i + 1) bits |= lit[1]!;
      });
      if (bits === 0) put('', ' ');
      else put(code(weakest), String.fromCharCode(0x2800 + bits));
    }
  }
  return depth === 'none' ? out : out + RESET;
}

/** The bars of one or two runs (see the module comment). */
export function gradientBars(o: GradientBarsOptions): GradientBars {
  const width = Math.max(0, Math.floor(o.width));
  const height = Math.max(0, Math.floor(o.height));
  const runs = o.runs.slice(0, 2);
  const d = o.decades ?? decadesOf(runs);
  const layers = Math.max(0, ...runs.map((r) => r.norms.length));
  const done = (rows: string[], perRow: GradientBars['perRow']): GradientBars => ({ rows: rows.map((r) => endRow(o.depth, fit(r, width))), perRow, decades: d });
  if (height === 0) return done([], 0);
  if (layers === 0) return done([fit((o.tr ?? EN_TR).t('grads.none'), width), ...blankRows(width, height - 1)], 0);
  const perRow = ([1, 2, 4] as const).find((k) => Math.ceil(layers / k) <= height);
  if (!perRow || width < 12) {
    // Too short for bars: a column a layer, its height the norm on the same log axis.
    const text = runs.map((r) => `${r.label ? `${r.label} ` : ''}L1–${r.norms.length} ${r.norms.map((v) => SPARK[Math.round(share(v, d) * 7)]!).join('')} ${short(r.norms[0])}…${short(r.norms.at(-1))}`);
    const rows = height >= runs.length ? text : [text.join(' │ ')];
    return done([...rows, ...blankRows(width, height - rows.length)], 0);
  }
  const lines = Math.ceil(layers / perRow);
  const header = height > lines;
  const scale = `log 1e${short(d[0])}…1e${short(d[1])}`;
  const labelOf = (row: number): string => {
    const a = row * perRow + 1;
    const b = Math.min(layers, a + perRow - 1);
    return a === b ? `L${a}` : perRow === 2 ? `L${a},${b}` : `L${a}–${b}`;
  };
  const labelW = Math.max(...Array.from({ length: lines }, (_, r) => displayWidth(labelOf(r)))) + 1;
  const valueText = (vs: readonly number[]): string => (perRow === 4 ? '' : vs.map((v) => short(v)).join(' '));
  const grouped = runs.map((r) => Array.from({ length: lines }, (_, row) => Array.from({ length: perRow }, (_, k) => r.norms[row * perRow + k] ?? Number.NaN)));
  // Values of the layers a row holds (a run with fewer layers, or the last row, holds fewer).
  const shown = (vs: readonly number[], row: number, run: BarRun): number[] => vs.filter((_, k) => row * perRow + k < run.norms.length);
  const sep = runs.length > 1 ? 3 : 0;
  const column = Math.floor((width - labelW - sep) / runs.length);
  let valueW = Math.max(0, ...grouped.flatMap((g, k) => g.map((vs, row) => displayWidth(valueText(shown(vs, row, runs[k]!))))));
  if (valueW > 0) valueW += 1;
  if (column - valueW < 6) valueW = 0;
  const barW = Math.max(1, column - valueW);

  const rows: string[] = [];
  if (header) {
    const heads = runs.map((r, k) => fit(k === 0 ? [r.label, scale].filter(Boolean).join('  ') : (r.label ?? ''), column));
    rows.push(' '.repeat(labelW) + heads.join(' '.repeat(sep)));
  }
  for (let row = 0; row < lines; row++) {
    const parts = grouped.map((g, k) => {
      const vs = g[row]!;
      const value = valueW ? ` ${valueText(shown(vs, row, runs[k]!))}`.padEnd(valueW) : '';
      return barCells(vs, barW, d, o.depth) + fit(value, column - barW);
    });
    rows.push(labelOf(row).padEnd(labelW) + parts.join(' │ '));
  }
  return done([...rows, ...blankRows(width, height - rows.length)], perRow);
}

/** The ratio of the first layer's gradient to the last one's, in words. */
function ratioWords(norms: readonly number[], tr: Tr): { ratio: number; words: string } | null {
  if (norms.length < 2) return null;
  const ratio = norms[0]! / norms.at(-1)!;
  if (!Number.isFinite(ratio)) return { ratio, words: tr.t('grads.incomparable', { first: short(norms[0]!), last: short(norms.at(-1)!) }) };
  // three digits, as the claims and the bars give them: one number, not a rounder twin of it
  const r = sci(ratio, 3);
  return { ratio, words: ratio > 1 && r !== '1' ? tr.t('grads.times', { ratio: r }) : r === '1' ? tr.t('grads.asMuch') : tr.t('grads.share', { ratio: r }) };
}

/**
 * A one-line headline: "the first layer receives 3 × 10⁻⁷ of the last layer's gradient; with
 * ReLU 0.5". `other` is the run compared with (its label names it).
 */
export function gradientHeadline(norms: readonly number[], other?: { readonly label: string; readonly norms: readonly number[] }, tr: Tr = EN_TR): string {
  const mine = ratioWords(norms, tr);
  if (!mine) return norms.length === 1 ? tr.t('grads.oneLayer', { norm: short(norms[0]!) }) : tr.t('grads.none');
  const head = tr.t(Number.isFinite(mine.ratio) ? 'grads.receives' : 'grads.firstLayer', { words: mine.words });
  const theirs = other ? ratioWords(other.norms, tr) : null;
  if (!other || !theirs) return head;
  const r = sci(theirs.ratio, 3);
  const said = Number.isFinite(theirs.ratio) ? tr.t(theirs.ratio > 1 && r !== '1' ? 'grads.timesShort' : 'grads.ratioShort', { ratio: r }) : tr.t('grads.notComparable');
  return tr.t('grads.with', { head, label: other.label, theirs: said });
}
