/**
 * Line charts in braille: each text cell holds 2 × 4 dots, so a 100-column chart six rows tall
 * has 200 × 24 dots. Consecutive samples are joined by lines on the dot grid; long series keep the
 * lowest and highest value of every dot column, so spikes stay visible. A dashed series lights every
 * other dot, so train and test are told apart without colour. Row 0 is a legend with the latest
 * values; the y axis at left carries 3-significant-figure labels (percent for accuracy).
 */
import { num, short, SHORT } from '../../core/format.js';
import { sgr, type ColorDepth, type Rgb } from '../color.js';
import { chooseScale, dotY, fromScale, latest, type Scale, type ScaleOptions } from './scale.js';
import { blankRows, displayWidth, endRow, fit, paint, RESET } from './text.js';
import { EN_TR, type Tr } from '../../i18n/index.js';

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
  /** The x (epoch) of each value, ascending. @default 0, 1, 2, … */
  readonly epochs?: readonly number[];
  readonly rgb: Rgb;
  /** Dotted (every other dot) instead of solid. @default false */
  readonly dash?: boolean;
  /** A marker, not a measured curve (an η change): named in the legend without a value, left out of the summary. @default false */
  readonly mark?: boolean;
}

export interface ChartOptions extends ScaleOptions {
  readonly series: readonly ChartSeries[];
  /** Display cells across, the y axis included. */
  readonly width: number;
  /** Text rows, the legend row included. */
  readonly height: number;
  readonly depth: ColorDepth;
  /** The quantity ('loss', 'accuracy'), first in the legend. */
  readonly title?: string;
  /** The language of the chart's own words. @default English */
  readonly tr?: Tr;
}

export interface Chart {
  /** `height` rows, each `width` cells. */
  readonly rows: string[];
  /** No series has two finite points at different epochs: the rows say so in words instead. */
  readonly tooShort: boolean;
  /** The latest value of each series in words ("train 0.693, test 71%"), for a caller's own line. */
  readonly summary: string;
  readonly scale: Scale | null;
  /** Cells taken by the y axis at the left of each plot row (0 when there was no room for it). */
  readonly axisWidth: number;
}

export const AXIS_RGB: Rgb = [140, 140, 140];
/** Dot bits of U+2800 + bits, by dot column (0, 1) and dot row (0..3). */
const BIT: readonly (readonly number[])[] = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];
/** Dot rows beyond which an off-chart end is pulled in (the visible slope does not change). */
const FAR = 1e9;

/** A value as the legend and the axis write it: 3 significant figures, or a percentage. */
export function formatValue(v: number, percent = false): string {
  if (Number.isNaN(v)) return '—';
  return percent && Number.isFinite(v) ? `${num(v * 100, SHORT)}%` : short(v);
}

/** The x of sample i: its epoch, or its index. */
const xAt = (s: ChartSeries, i: number): number => (s.epochs ? s.epochs[i]! : i);

/** The legend, condensed until it fits: first words of labels, then no labels, no title, no values. */
function legend(o: ChartOptions, log: boolean, width: number): string {
  const word = (o.tr ?? EN_TR).t('chart.log');
  const title = o.title ? `${o.title}${log ? ` (${word})` : ''}` : log ? word : '';
  const mark = (s: ChartSeries): string => paint(o.depth, s.rgb, s.dash ? '┅' : '━');
  const value = (s: ChartSeries): string => (s.mark ? '' : formatValue(latest(s.values), o.percent));
  const item = (s: ChartSeries, words: 'all' | 'first' | 'none', values: boolean): string =>
    [mark(s), words === 'all' ? s.label : words === 'first' ? (s.label.split(/\s+/)[0] ?? '') : '', values ? value(s) : ''].filter(Boolean).join(' ');
  const build = (withTitle: boolean, words: 'all' | 'first' | 'none', values: boolean, sep: string): string =>
    [withTitle && title ? title : '', o.series.map((s) => item(s, words, values)).join(sep)].filter(Boolean).join(sep);
  const levels = [
    build(true, 'all', true, '  '),
    build(true, 'first', true, '  '),
    build(true, 'first', true, ' '),
    build(true, 'none', true, ' '),
    build(false, 'none', true, ' '),
    build(false, 'first', false, ' '),
    build(false, 'none', false, ' '),
  ];
  return fit(levels.find((l) => displayWidth(l) <= width) ?? levels.at(-1)!, width);
}

/** Rows that say in words why there is no chart yet. */
function tooShortRows(o: ChartOptions, width: number, height: number, summary: string, any: boolean): string[] {
  const tr = o.tr ?? EN_TR;
  const head = o.title ? `${o.title}: ` : '';
  const text = head + (any ? tr.t('chart.oneEpoch', { summary }) : tr.t('chart.noEpochs'));
  const rows = blankRows(width, height);
  if (height > 0) rows[0] = fit(text, width);
  return rows;
}

/** The chart of some series (see the module comment). */
export function brailleChart(o: ChartOptions): Chart {
  const width = Math.max(0, Math.floor(o.width));
  const height = Math.max(0, Math.floor(o.height));
  const { series, depth } = o;
  const summary = series.filter((s) => !s.mark).map((s) => `${s.label} ${formatValue(latest(s.values), o.percent)}`).join(', ');
  let x0 = Infinity;
  let x1 = -Infinity;
  let longest = 0;
  let any = false;
  for (const s of series) {
    let n = 0;
    for (let i = 0; i < s.values.length; i++) {
      if (!Number.isFinite(s.values[i]!)) continue;
      n++;
      x0 = Math.min(x0, xAt(s, i));
      x1 = Math.max(x1, xAt(s, i));
    }
    longest = Math.max(longest, n);
    any ||= n > 0;
  }
  if (longest < 2 || !(x1 > x0)) return { rows: tooShortRows(o, width, height, summary, any).map((r) => endRow(depth, r)), tooShort: true, summary, scale: null, axisWidth: 0 };
  if (height === 0) return { rows: [], tooShort: false, summary, scale: null, axisWidth: 0 };

  const plotRows = height - 1;
  const scale = chooseScale(series.map((s) => s.values), Math.max(4, plotRows * 4), o);
  const labels = axisLabels(scale, plotRows, o.percent ?? false);
  // One plot row: its label is the highest value the run had, never a padded edge of the scale.
  if (plotRows === 1) {
    const seen = series.flatMap((x) => x.values.filter((v) => Number.isFinite(v)));
    labels[0] = formatValue(Math.max(...seen), o.percent);
  }
  let axisW = Math.max(0, ...labels.map((l) => (l ? displayWidth(l) : 0))) + 1;
  if (width - axisW < 4) axisW = 0;
  const cells = width - axisW;
  const rows = [legend(o, scale.log, width)];
  if (plotRows === 0) return { rows: rows.map((r) => endRow(depth, r)), tooShort: false, summary, scale, axisWidth: 0 };

  const dotsX = 2 * cells;
  const dotsY = 4 * plotRows;
  const bits = new Uint8Array(plotRows * cells);
  const counts = new Uint16Array(series.length * plotRows * cells);
  series.forEach((s, k) => {
    let step = 0;
    let lastX = -1;
    let lastY = -1;
    const dot = (x: number, y: number, always = false): void => {
      if (y < 0 || y >= dotsY || x < 0 || x >= dotsX || (x === lastX && y === lastY && !always)) return;
      ((lastX = x), (lastY = y));
      if (s.dash && step++ % 2 === 1 && !always) return;
      const cell = (y >> 2) * cells + (x >> 1);
      bits[cell]! |= BIT[x & 1]![y & 3]!;
      counts[k * bits.length + cell]!++;
    };
    const line = (xa: number, ya: number, xb: number, yb: number): void => {
      const lo = -0.5;
      const hi = dotsY - 0.5;
      if ((ya < lo && yb < lo) || (ya > hi && yb > hi)) return;
      // Clip to the plot's rows so the visible part keeps its slope.
      const clip = (xp: number, yp: number, xq: number, yq: number): [number, number] => {
        if (yp >= lo && yp <= hi) return [xp, yp];
        const bound = yp < lo ? lo : hi;
        return [xp + ((bound - yp) / (yq - yp)) * (xq - xp), bound];
      };
      const [ax, ay] = clip(xa, ya, xb, yb);
      const [bx, by] = clip(xb, yb, xa, ya);
      bresenham(Math.round(ax), Math.round(ay), Math.round(bx), Math.round(by), dot);
    };
    // One bucket per dot column: first, last, lowest and highest y of the samples in it.
    let col = -1;
    let first = 0;
    let last = 0;
    let min = 0;
    let max = 0;
    let prevCol = -1;
    let prevLast = 0;
    const flush = (): void => {
      if (col < 0) return;
      if (prevCol >= 0) line(prevCol, prevLast, col, first);
      line(col, min, col, max);
      ((prevCol = col), (prevLast = last));
    };
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i]!;
      if (!Number.isFinite(v)) continue;
      const y = Math.max(-FAR, Math.min(FAR, dotY(scale, v)));
      const c = Math.round(((xAt(s, i) - x0) / (x1 - x0)) * (dotsX - 1));
      if (c !== col) {
        flush();
        ((col = c), (first = last = min = max = y));
      } else {
        last = y;
        if (y < min) min = y;
        if (y > max) max = y;
      }
    }
    flush();
    // The latest value is always drawn, dotted or not: the eye reads the end of a run there.
    if (col >= 0) dot(col, Math.round(last), true);
  });

  const codes = series.map((s) => `\x1b[${sgr(depth, s.rgb)}m`);
  const axisCode = `\x1b[${sgr(depth, AXIS_RGB)}m`;
  for (let r = 0; r < plotRows; r++) {
    let line = '';
    let current = '';
    if (axisW > 0) {
      const label = labels[r] ?? '';
      const axis = `${' '.repeat(axisW - 1 - displayWidth(label))}${label}${label ? '┤' : '│'}`;
      line = depth === 'none' ? axis : axisCode + axis;
      current = axisCode;
    }
    for (let c = 0; c < cells; c++) {
      const cell = r * cells + c;
      const b = bits[cell]!;
      if (b === 0) {
        line += ' ';
        continue;
      }
      if (depth !== 'none') {
        let owner = 0;
        for (let k = 1; k < series.length; k++) if (counts[k * bits.length + cell]! >= counts[owner * bits.length + cell]!) owner = k;
        if (codes[owner] !== current) line += current = codes[owner]!;
      }
      line += String.fromCharCode(0x2800 + b);
    }
    rows.push(depth === 'none' ? line : line + RESET);
  }
  return { rows: rows.map((r) => endRow(depth, r)), tooShort: false, summary, scale, axisWidth: axisW };
}

/** Labels of the plot rows: top, middle and bottom (the value at each row's dots), '' elsewhere. */
function axisLabels(s: Scale, plotRows: number, percent: boolean): string[] {
  const labels = Array<string>(plotRows).fill('');
  const at = (dot: number): string => formatValue(fromScale(s.log, s.hi - (dot / (s.dots - 1)) * (s.hi - s.lo)), percent);
  if (plotRows >= 1) labels[0] = at(0);
  if (plotRows >= 2) labels[plotRows - 1] = at(s.dots - 1);
  if (plotRows >= 3) {
    const m = Math.floor((plotRows - 1) / 2);
    labels[m] = at(4 * m + 1.5);
  }
  return labels;
}

/** Dots of the line from (x0, y0) to (x1, y1), ends included. */
function bresenham(x0: number, y0: number, x1: number, y1: number, dot: (x: number, y: number) => void): void {
  // a coordinate that is not a whole finite number would never meet its end: no line (never a hang)
  if (!Number.isInteger(x0) || !Number.isInteger(y0) || !Number.isInteger(x1) || !Number.isInteger(y1)) return;
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    dot(x0, y0);
    if (x0 === x1 && y0 === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) ((err += dy), (x0 += sx));
    if (e2 <= dx) ((err += dx), (y0 += sy));
  }
}
