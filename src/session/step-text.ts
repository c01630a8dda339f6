/**
 * The `.` write-out: one update in words. What the rule did and why is derived from the record's
 * own o and t and the kind of rule that made it (StepRecord.rule), never from whether the weights
 * happened to change:
 *   hebb             — no error term at all: Δw = η·x·t (or η·x·y), whatever o was;
 *   error-correction — an error when o ≠ t (corrected), none when o = t (w unchanged);
 *   gradient         — the error t − o and the step it took, ‖Δw‖ (a deep net: per layer).
 * A batch step says it is one update over every pattern (or a minibatch), not "pattern 1"; a
 * recurrent net's step is one back-propagation through time over a sequence of T steps, its output
 * y against the target, then ‖Δ‖ of each of its weight blocks (Wxh, Whh, …) and the loss before → after.
 */
import { exact, short, vector, vectorHead } from '../core/format.js';
import type { StepRecord } from '../core/types.js';
import { EN_TR, type Tr } from '../i18n/index.js';
import type { TraceStep } from './lane.js';

/** The label of one update, as data: which words, with which numbers. */
export type StepLabel =
  | { readonly kind: 'hebb'; readonly supervised: boolean }
  | { readonly kind: 'error' | 'no-error' }
  | { readonly kind: 'gradient'; readonly error: readonly number[]; readonly step: number }
  | { readonly kind: 'none' };

/** ‖after − before‖ of the weights the record carries. */
const stepNorm = (s: StepRecord): number => {
  let sum = 0;
  for (let j = 0; j < s.before.length; j++) sum += ((s.after[j] ?? 0) - s.before[j]!) ** 2;
  return Math.sqrt(sum);
};

/** What the rule made of this update, from o, t and the rule alone. */
export function stepLabel(s: StepRecord): StepLabel {
  switch (s.rule) {
    case 'hebb':
      return { kind: 'hebb', supervised: s.t.length > 0 };
    case 'error-correction':
      return { kind: s.o.length === s.t.length && s.o.every((o, i) => o === s.t[i]) ? 'no-error' : 'error' };
    case 'gradient':
      return { kind: 'gradient', error: s.t.map((t, i) => t - (s.o[i] ?? NaN)), step: stepNorm(s) };
    default:
      return { kind: 'none' };
  }
}

/** The label in words (`perLayer`: a net's step is written out layer by layer on a line of its own). */
export function stepLabelText(label: StepLabel, tr: Tr = EN_TR, perLayer = false): string {
  switch (label.kind) {
    case 'hebb':
      return tr.t(label.supervised ? 'step.hebb' : 'step.hebbY');
    case 'error':
      return tr.t('step.error');
    case 'no-error':
      return tr.t('step.noError');
    case 'gradient': {
      const e = label.error;
      const error = e.length === 1 ? exact(e[0]!) : e.length <= 4 ? vector(e) : tr.t('step.errorNorm', { norm: short(Math.hypot(...e)) });
      return perLayer ? tr.t('step.gradientError', { error }) : tr.t('step.gradient', { error, step: short(label.step) });
    }
    case 'none':
      return '';
  }
}

const list = (v: readonly number[]): string => (v.length <= 10 ? v.map((e) => exact(e)).join(', ') : vectorHead(v, 6).slice(1, -1));

/**
 * The update written out: what the unit saw (one pattern, a minibatch, or the whole batch), what the
 * rule made of it, the weights before → after, a deep net's step per layer with the loss before →
 * after, and the model's own equation (`equation`, the record's explain()).
 */
export function stepLines(s: TraceStep, patterns: number, equation: string | null, tr: Tr = EN_TR): string[] {
  const label = stepLabelText(stepLabel(s), tr, s.layerSteps !== undefined);
  const result = label ? tr.t('step.result', { result: label }) : '';
  const n = s.batch ?? 1;
  // a plugin's record is untrusted: its sequence length and weights' name are used only when well-formed
  const T = typeof s.timeSteps === 'number' && Number.isInteger(s.timeSteps) && s.timeSteps > 0 ? s.timeSteps : undefined;
  const weights = typeof s.weights === 'string' && s.weights.length > 0 ? s.weights : undefined;
  const seen = { epoch: s.epoch, net: list(s.net), o: list(s.o), t: list(s.t), result };
  const head =
    T !== undefined
      ? tr.t('step.seqHead', { epoch: s.epoch, sequence: s.pattern + 1, steps: T, o: list(s.o), t: list(s.t), result })
      : n > 1 && n >= patterns
        ? tr.t('step.batchHead', { ...seen, n })
        : n > 1
          ? tr.t('step.miniHead', { ...seen, n, pattern: s.pattern + 1, x: s.x.length ? tr.t('step.x', { x: vector(s.x) }) : '' })
          : tr.t('step.head', { ...seen, pattern: s.pattern + 1, x: s.x.length ? tr.t('step.x', { x: vector(s.x) }) : '' });
  const lines = [head];
  if (T !== undefined) {
    // a recurrent net: one BPTT step over the sequence, each weight block's step and the loss
    const blocks = (s.layerSteps ?? []).map((l) => `${l.name} ${short(l.norm)}`).join(', ');
    lines.push(s.loss ? tr.t('step.bpttLoss', { blocks, before: short(s.loss.before), after: short(s.loss.after) }) : tr.t('step.bptt', { blocks }));
  } else if (s.layerSteps) {
    const layers = s.layerSteps.map((l) => `${l.name} ${short(l.norm)}`).join(', ');
    lines.push(s.loss ? tr.t('step.layersLoss', { layers, before: short(s.loss.before), after: short(s.loss.after) }) : tr.t('step.layers', { layers }));
  } else if (s.loss && s.rule === 'gradient') {
    lines.push(tr.t('step.loss', { before: short(s.loss.before), after: short(s.loss.after) }));
  }
  // a net's record carries its last layer's weights, a recurrent net's every parameter (θ): named as such
  // (θ is long: its first entries, the rest elided)
  const shown = (v: readonly number[]): string => (weights !== undefined && v.length > 10 ? vectorHead(v, 6) : vector(v));
  lines.push(`${weights ?? s.layerSteps?.at(-1)?.name ?? 'w'} ${shown(s.before)} → ${shown(s.after)}`);
  if (equation) lines.push(equation);
  return lines;
}
