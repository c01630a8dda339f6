/**
 * The sequence view of a recurrent run: one column per step (every k-th step when the sequence is
 * wider than the pane), the inputs and each unit of each state as a strip of shades, and below them
 * the gradient through time, ‖∂J/∂state_t‖, as one bar per step on a log scale. Drawn from the
 * trace every frame, never stored; without colour the sign is in the character.
 */
import { sci } from '../../core/format.js';
import type { SequenceTrace } from '../../core/types.js';
import type { Tr } from '../../i18n/index.js';
import type { ColorDepth } from '../color.js';
import { paint } from './style.js';
import { fit } from './text.js';

const POSITIVE = ['·', '░', '▒', '▓', '█'] as const;
const NEGATIVE = ['·', '-', '=', '≡', '■'] as const;
const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const LABEL = 4;

/** The shade of v against the strip's scale: its level by |v|, its character by the sign. */
function shade(v: number, scale: number): string {
  const level = Math.min(4, Math.round((Math.abs(v) / scale) * 4));
  return (v < 0 ? NEGATIVE : POSITIVE)[level]!;
}

export interface SequenceLinesOptions {
  readonly trace: SequenceTrace;
  /** Index of the sequence in the training set. */
  readonly row: number;
  readonly width: number;
  readonly rows: number;
  readonly depth: ColorDepth;
  readonly tr: Tr;
  /** One log axis (powers of ten) shared with the run beside it; default: this trace's own range. */
  readonly decades?: readonly [number, number];
}

/** The powers of ten that hold every positive finite value of the gradient(s): [lo, hi], hi > lo. */
export function gradientDecades(gradients: readonly (readonly number[])[]): [number, number] {
  const positive = gradients.flat().filter((v) => v > 0 && Number.isFinite(v));
  const lo = positive.length ? Math.floor(Math.log10(Math.min(...positive))) : 0;
  return [lo, Math.max(lo + 1, positive.length ? Math.ceil(Math.log10(Math.max(...positive))) : 1)];
}

export function sequenceLines(o: SequenceLinesOptions): string[] {
  const { trace, width, rows, depth, tr } = o;
  const T = trace.inputs.length;
  const room = Math.max(1, width - LABEL);
  const every = Math.ceil(T / room);
  const steps = Array.from({ length: Math.ceil(T / every) }, (_, c) => c * every);
  // a short sequence gets up to 3 columns a step, so its strips stay readable
  const per = every > 1 ? 1 : Math.max(1, Math.min(3, Math.floor(room / T)));
  const head = paint(depth, fit(tr.t('seq.head', { row: o.row + 1, steps: T, every: every > 1 ? tr.t('seq.every', { every }) : '' }), width), { tone: 'dim' });
  const strip = (label: string, values: readonly number[], scale: number): string => fit(label, LABEL) + steps.map((t) => shade(values[t]!, scale).repeat(per)).join('');
  const lines: string[] = [];
  const D = trace.inputs[0]?.length ?? 0;
  for (let d = 0; d < D; d++) {
    const xs = trace.inputs.map((x) => x[d]!);
    lines.push(strip(D > 1 ? `x${d + 1}` : 'x', xs, Math.max(1, ...xs.map(Math.abs))));
  }
  for (const s of trace.strips) {
    const units = s.values[0]?.length ?? 0;
    const scale = Math.max(1, ...s.values.flatMap((v) => v.map(Math.abs)));
    for (let j = 0; j < units; j++) lines.push(strip(`${s.name}${j + 1}`, s.values.map((v) => v[j]!), scale));
  }
  // the gradient bars and their axis line: 3 rows (up to 20 when the strips leave room), 1 in a short pane
  const barRows = rows >= 8 ? Math.max(3, Math.min(20, rows - 2 - lines.length)) : rows >= 5 ? 1 : 0;
  const stripRows = Math.max(0, rows - 1 - (barRows > 0 ? barRows + 1 : 0));
  const out = [head, ...lines.slice(0, stripRows)];
  if (barRows > 0) {
    const g = steps.map((t) => trace.gradient[t]!);
    const [lo, hi] = o.decades ?? gradientDecades([trace.gradient]);
    const eighths = g.map((v) => (v > 0 && Number.isFinite(v) ? Math.max(1, Math.round(((Math.log10(v) - lo) / (hi - lo)) * barRows * 8)) : 0));
    for (let r = barRows - 1; r >= 0; r--) {
      const cells = eighths.map((e) => EIGHTHS[Math.max(0, Math.min(8, e - r * 8))]!.repeat(per)).join('');
      out.push(paint(depth, ' '.repeat(LABEL) + cells, { tone: 'warn' }));
    }
    out.push(paint(depth, fit(tr.t('seq.grad', { state: trace.state, lo: sci(10 ** lo), hi: sci(10 ** hi) }), width), { tone: 'dim' }));
  }
  return out.map((l) => fit(l, width)).slice(0, rows);
}
