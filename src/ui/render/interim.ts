/**
 * Stand-ins for the renderers being rebuilt on branch hr (braille charts, gradient bars, the
 * decision field's colours): same inputs, simpler drawing. Replaced when that branch lands.
 */
import { percent, short } from '../../core/format.js';
import type { Field, UnitField } from '../../session/field.js';
import type { SeriesPoint } from '../../session/series.js';
import { classRgb, mix, sgr, type ColorDepth, type Rgb } from '../color.js';
import { paint } from './style.js';
import { fit } from './text.js';

const AXIS = 7;

/** Loss (or accuracy) over epochs: a column per sample, a mark per series, an axis at left. */
export function interimChart(title: string, series: readonly { label: string; values: readonly number[]; rgb: Rgb; mark: string }[], width: number, height: number, depth: ColorDepth, pct = false): string[] {
  const w = Math.max(4, width - AXIS);
  const rows = Math.max(1, height - 1);
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (hi - lo < 1e-12) ((lo -= 0.5), (hi += 0.5));
  const grid = Array.from({ length: rows }, () => Array<string>(w).fill(' '));
  for (const s of series) {
    const n = s.values.length;
    for (let c = 0; c < Math.min(w, n); c++) {
      const v = s.values[n <= w ? c : Math.round((c * (n - 1)) / (w - 1))]!;
      if (!Number.isFinite(v)) continue;
      const r = rows - 1 - Math.round(((v - lo) / (hi - lo)) * (rows - 1));
      grid[r]![c] = paint(depth, s.mark, { rgb: s.rgb });
    }
  }
  const label = (v: number): string => (pct ? percent(v, 0) : short(v));
  const legend = series.map((s) => `${paint(depth, s.mark, { rgb: s.rgb })} ${s.label} ${label(s.values.at(-1) ?? NaN)}`).join('  ');
  const out = [fit(`${title}  ${legend}`, width)];
  grid.forEach((g, i) => out.push(fit(`${(i === 0 ? label(hi) : i === rows - 1 ? label(lo) : '').padStart(AXIS - 1)}│${g.join('')}`, width)));
  return out;
}

export const LOG_MIN = -8;
export const LOG_MAX = 2;

export function logBar(v: number, width: number): string {
  if (!(v > 0) || !Number.isFinite(v)) return ' '.repeat(width);
  const t = Math.max(0, Math.min(1, (Math.log10(v) - LOG_MIN) / (LOG_MAX - LOG_MIN)));
  const eighths = Math.round(t * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  return ('█'.repeat(full) + (part > 0 ? '▏▎▍▌▋▊▉'[part - 1]! : '')).padEnd(width, ' ');
}

/** Every layer's gradient norm as a log-scale bar; two layers a row when rows are short. */
export function interimBars(norms: readonly number[], width: number, height: number, depth: ColorDepth): string[] {
  const perRow = norms.length > height ? 2 : 1;
  const cellW = Math.floor(width / perRow);
  const lines: string[] = [];
  for (let i = 0; i < norms.length; i += perRow) {
    let line = '';
    for (let k = 0; k < perRow && i + k < norms.length; k++) {
      const v = norms[i + k]!;
      const bar = Math.max(3, cellW - 13);
      const tone = v < 1e-4 ? ([235, 80, 80] as Rgb) : v < 1e-2 ? ([235, 200, 70] as Rgb) : ([90, 210, 110] as Rgb);
      line += fit(`L${String(i + k + 1).padEnd(3)}${paint(depth, logBar(v, bar), { rgb: tone })} ${short(v)}`, cellW);
    }
    lines.push(fit(line, width));
  }
  return lines;
}

const NEUTRAL: Rgb = [40, 40, 48];
const SHADES = [' ', '░', '▒', '▓'];
const MARKS = 'ox*#@%&=~+';

/** The decision field: two pixels a cell (▀), colour by class and confidence, points on top. */
export function interimField(f: Field, depth: ColorDepth): string[] {
  const { cols, rows, domain } = f;
  const marks = new Map<number, { label: number; test: boolean }>();
  for (const p of f.points) {
    const c = Math.floor(((p.x - domain.x[0]) / (domain.x[1] - domain.x[0])) * cols);
    const r = Math.floor(((domain.y[1] - p.y) / (domain.y[1] - domain.y[0])) * rows);
    if (c < 0 || c >= cols || r < 0 || r >= rows) continue;
    const k = r * cols + c;
    if (!p.test || !marks.has(k)) marks.set(k, p);
  }
  const colour = (i: number): Rgb => {
    const label = f.labels[i]!;
    const s = f.scores[i]!;
    const conf = f.classes <= 2 ? Math.abs(2 * s - 1) : s;
    return mix(NEUTRAL, classRgb(label), 0.35 + 0.65 * Math.min(1, conf));
  };
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const top = 2 * r * cols + c;
      const bottom = top + cols;
      const m = marks.get(r * cols + c);
      const glyph = m ? (m.test ? String(m.label) : MARKS[m.label % MARKS.length]!) : null;
      if (depth === 'none') {
        line += glyph ?? (f.labels[top] === 0 ? '·' : SHADES[Math.min(3, 1 + Math.floor(Math.abs(2 * f.scores[top]! - 1) * 3))]!);
      } else if (glyph) {
        line += `\x1b[1;${sgr(depth, [255, 255, 255])};${sgr(depth, mix([0, 0, 0], classRgb(m!.label), 0.8), true)}m${glyph}\x1b[0m`;
      } else {
        line += `\x1b[${sgr(depth, colour(top))};${sgr(depth, colour(bottom), true)}m▀\x1b[0m`;
      }
    }
    out.push(line);
  }
  return out;
}

/** A hidden unit's activation over the plane, dark to bright. */
export function interimUnit(u: UnitField, depth: ColorDepth): string[] {
  const out: string[] = [];
  const level = (v: number): number => (u.hi - u.lo < 1e-12 ? 0.5 : (v - u.lo) / (u.hi - u.lo));
  for (let r = 0; r < u.rows; r++) {
    let line = '';
    for (let c = 0; c < u.cols; c++) {
      const top = level(u.values[2 * r * u.cols + c]!);
      const bottom = level(u.values[(2 * r + 1) * u.cols + c]!);
      if (depth === 'none') line += SHADES[Math.min(3, Math.round(((top + bottom) / 2) * 3))]!;
      else line += `\x1b[${sgr(depth, mix(classRgb(0), classRgb(1), top))};${sgr(depth, mix(classRgb(0), classRgb(1), bottom), true)}m▀\x1b[0m`;
    }
    out.push(line);
  }
  return out;
}

/** Train and test curves of one lane as two charts (loss, accuracy). */
export function interimCurves(points: readonly SeriesPoint[], width: number, height: number, depth: ColorDepth): string[] {
  const hasTest = points.some((p) => p.testAccuracy !== undefined);
  const lossH = Math.ceil(height / 2);
  const accH = height - lossH;
  const loss = interimChart('loss', [
    { label: 'train', values: points.map((p) => p.loss), rgb: [220, 110, 220], mark: '•' },
    ...(hasTest ? [{ label: 'test', values: points.map((p) => p.testLoss ?? NaN), rgb: [240, 170, 90] as Rgb, mark: '◦' }] : []),
  ], width, lossH, depth);
  const acc = interimChart('accuracy', [
    { label: 'train', values: points.map((p) => p.accuracy), rgb: [90, 210, 110], mark: '•' },
    ...(hasTest ? [{ label: 'test', values: points.map((p) => p.testAccuracy ?? NaN), rgb: [90, 170, 240] as Rgb, mark: '◦' }] : []),
  ], width, accH, depth, true);
  return [...loss, ...acc].slice(0, height);
}
