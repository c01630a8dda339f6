/**
 * The weight trace of a single unit over its last steps: one row a step (epoch, pattern, x, t, o
 * and the weights after it), each distinct weight vector tagged with a letter, so a perceptron on
 * XOR shows A B C D A B C D: the same four updates bring w back. When the rows are too few it
 * becomes a sparkline a weight (one column a step) under the same letters.
 */
import { short } from '../../core/format.js';
import { classRgb, type ColorDepth } from '../color.js';
import { blankRows, displayWidth, endRow, fit, paint } from './text.js';
import { EN_TR, type Tr } from '../../i18n/index.js';

export interface TraceStep {
  readonly epoch: number;
  /** Index of the pattern in the training set (shown from 1). */
  readonly pattern: number;
  /** Patterns one batch step summed over (shown as 1–n for the whole set, n from the pattern on for a minibatch). @default 1 */
  readonly batch?: number;
  /** Patterns in the training set. */
  readonly patterns?: number;
  /** The input as the rule saw it (with its leading bias 1, if the caller keeps it). */
  readonly x?: readonly number[];
  readonly t?: number;
  readonly o?: number;
  readonly after: readonly number[];
}

export interface TraceOptions {
  /** Steps, oldest first; the latest ones are shown when not all fit. */
  readonly steps: readonly TraceStep[];
  readonly width: number;
  readonly height: number;
  readonly depth: ColorDepth;
  /** Names of the weights. @default w0, w1, … */
  readonly names?: readonly string[];
  /** 'auto' (default): the table when it shows at least four steps, else sparklines. */
  readonly mode?: 'auto' | 'table' | 'sparkline';
  /** The language of its words. @default English */
  readonly tr?: Tr;
}

export interface Trace {
  /** `height` rows of exactly `width` cells. */
  readonly rows: string[];
  readonly mode: 'table' | 'sparkline';
  /** Steps shown (the latest ones). */
  readonly shown: number;
  /** The letter of each step's weights after it, for all steps given. */
  readonly letters: string[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SPARK = '▁▂▃▄▅▆▇█';

/** A letter per distinct weight vector, in order of first appearance ('?' past 52 of them). */
export function stateLetters(steps: readonly TraceStep[]): string[] {
  const seen = new Map<string, string>();
  return steps.map((s) => {
    // Twelve digits: a state reached again by the same updates rounds to the same key.
    const key = s.after.map((v) => Number(v.toPrecision(12))).join(',');
    let l = seen.get(key);
    if (l === undefined) seen.set(key, (l = LETTERS[seen.size] ?? '?'));
    return l;
  });
}

/** The trace of a unit's weights (see the module comment). */
export function weightTrace(o: TraceOptions): Trace {
  const width = Math.max(0, Math.floor(o.width));
  const height = Math.max(0, Math.floor(o.height));
  const letters = stateLetters(o.steps);
  const done = (rows: string[], mode: Trace['mode'], shown: number): Trace => ({
    rows: [...rows, ...blankRows(width, height)].slice(0, height).map((r) => endRow(o.depth, fit(r, width))),
    mode,
    shown,
    letters,
  });
  if (o.steps.length === 0) return done([(o.tr ?? EN_TR).t('trace.none')], 'table', 0);
  const mode = o.mode === 'table' || o.mode === 'sparkline' ? o.mode : height - 1 >= Math.min(4, o.steps.length) ? 'table' : 'sparkline';
  const tag = (l: string): string => paint(o.depth, classRgb(LETTERS.indexOf(l) < 0 ? 8 : LETTERS.indexOf(l)), l, true);
  const n = Math.max(...o.steps.map((s) => s.after.length));
  const names = Array.from({ length: n }, (_, j) => o.names?.[j] ?? `w${j}`);
  if (mode === 'table') return done(table(o, letters, names, width, height, tag), 'table', Math.min(o.steps.length, Math.max(0, height - 1)));
  return done(sparklines(o, letters, names, width, tag), 'sparkline', Math.min(o.steps.length, sparkColumns(o, names, width)));
}

/** Header and step rows, columns dropped from the least telling (x, then t and o, then pattern) until they fit. */
function table(o: TraceOptions, letters: readonly string[], names: readonly string[], width: number, height: number, tag: (l: string) => string): string[] {
  const count = Math.max(0, Math.min(o.steps.length, height - 1));
  const first = o.steps.length - count;
  const steps = o.steps.slice(first);
  type Column = { head: string; cell: (s: TraceStep) => string; right: boolean };
  const columns: Column[] = [
    { head: 'ep', cell: (s) => String(s.epoch), right: true },
    { head: '#', cell: (s) => ((s.batch ?? 1) <= 1 ? String(s.pattern + 1) : s.patterns !== undefined && s.batch! >= s.patterns ? `1–${s.patterns}` : `${s.pattern + 1}+${s.batch! - 1}`), right: true },
    { head: 'x', cell: (s) => (s.x ? s.x.map((v) => short(v)).join(' ') : ''), right: false },
    { head: 't', cell: (s) => (s.t === undefined ? '' : short(s.t)), right: true },
    { head: 'o', cell: (s) => (s.o === undefined ? '' : short(s.o)), right: true },
    ...names.map((name, j) => ({ head: name, cell: (s: TraceStep) => (s.after[j] === undefined ? '' : short(s.after[j]!)), right: true })),
  ];
  const widthOf = (c: Column): number => Math.max(displayWidth(c.head), ...steps.map((s) => displayWidth(c.cell(s))));
  let shown = columns.filter((c) => steps.some((s) => c.cell(s) !== ''));
  const total = (cs: Column[]): number => cs.reduce((a, c) => a + widthOf(c) + 1, 0) + 2;
  for (const drop of [['x'], ['t', 'o'], ['#']]) if (total(shown) > width) shown = shown.filter((c) => !drop.includes(c.head));
  const widths = shown.map(widthOf);
  const cell = (c: Column, w: number, text: string): string => (c.right ? text.padStart(w + text.length - displayWidth(text)) : text.padEnd(w + text.length - displayWidth(text)));
  const head = `${shown.map((c, i) => cell(c, widths[i]!, c.head)).join(' ')}  w`;
  const rows = steps.map((s, k) => `${shown.map((c, i) => cell(c, widths[i]!, c.cell(s))).join(' ')}  ${tag(letters[first + k]!)}`);
  return [head, ...rows];
}

/** Steps a sparkline row has room for. */
function sparkColumns(o: TraceOptions, names: readonly string[], width: number): number {
  const labelW = Math.max(...names.map(displayWidth)) + 1;
  const valueW = Math.max(...o.steps.map((s) => Math.max(...s.after.map((v) => displayWidth(short(v)))))) + 1;
  return Math.max(1, width - labelW - valueW);
}

/** A row of letters, then a sparkline a weight scaled to its own range, with its latest value. */
function sparklines(o: TraceOptions, letters: readonly string[], names: readonly string[], width: number, tag: (l: string) => string): string[] {
  const labelW = Math.max(...names.map(displayWidth)) + 1;
  const cols = sparkColumns(o, names, width);
  const first = Math.max(0, o.steps.length - cols);
  const steps = o.steps.slice(first);
  const rows = [' '.repeat(labelW) + letters.slice(first).map(tag).join('')];
  names.forEach((name, j) => {
    const vs = steps.map((s) => s.after[j] ?? Number.NaN);
    const finite = vs.filter(Number.isFinite);
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const bar = vs.map((v) => (!Number.isFinite(v) ? ' ' : hi > lo ? SPARK[Math.round(((v - lo) / (hi - lo)) * 7)]! : SPARK[3]!)).join('');
    rows.push(`${name.padEnd(labelW)}${bar} ${short(vs.at(-1))}`);
  });
  return rows;
}
