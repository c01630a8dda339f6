/**
 * Immutable views of a lab: everything a screen draws, computed here from the runs, so that the
 * components render plain data and never call a model. One LaneView per run on screen.
 */
import type { NetworkView } from './network-view.js';
import { exact, num, percent, short, TABLE, matrix } from '../core/format.js';
import { cause, reasonText, type Cause } from '../core/reasons.js';
import { gradNorms, type HistoryEntry, type Outcome } from '../core/runner.js';
import { cellsOf, EN_TR, type Tr } from '../i18n/index.js';
import type { Dataset, FilterBank, ModelMeta, SequenceTrace, Target, WeightsSnapshot } from '../core/types.js';
import type { Field, UnitField } from './field.js';
import type { TraceStep } from './lane.js';
import type { SeriesPoint } from './series.js';

/**
 * The verdict words the screen uses: one per outcome (SOLVED, TRUNCATED, FINISHED — a budget spent on
 * purpose: no target, or a held-out test set to be judged on —, CYCLING, DIVERGED, and WRONG for
 * `inert`: a hand-wired net that does not compute its target and cannot learn), and UNSTABLE ("will
 * diverge": a divergence the model predicts, e.g. η above 2/λmax, while the loss is still below its start).
 */
export type VerdictWord = 'SOLVED' | 'CYCLING' | 'DIVERGED' | 'TRUNCATED' | 'FINISHED' | 'UNSTABLE' | 'WRONG';

/** Causes that predict a divergence before it shows (the LMS bound): DIVERGED only once the loss has grown past its start. */
const PREDICTED: ReadonlySet<string> = new Set(['adaline-unstable']);

export interface Verdict {
  readonly word: VerdictWord;
  /** The word in the language on screen. */
  readonly label: string;
  readonly outcome: Outcome;
  /** What happened and why, with its numbers, in the language on screen. */
  readonly reason: string;
  /** The reason as a code and its numbers (null for a plugin's own text). */
  readonly cause: Cause | null;
}

/** One pattern of a Boolean task: inputs, target, the unit's net input and output, and each hidden unit. */
export interface TruthRow {
  readonly x: readonly number[];
  /** The target in the model's own output code. */
  readonly t: readonly number[];
  readonly net: number | null;
  readonly o: readonly number[];
  readonly ok: boolean;
  readonly hidden: readonly number[] | null;
  /** The pattern of the last single update. */
  readonly current: boolean;
}

export interface GradView {
  /** Per-layer ‖∂J/∂W‖ now (first layer first) and at initialisation. */
  readonly now: readonly number[];
  readonly start: readonly number[] | null;
  /** First-layer over last-layer gradient norm at initialisation (the vanishing-gradient number). */
  readonly startRatio: number | null;
  readonly nowRatio: number | null;
}

export type DataKind = 'boolean' | 'plane' | 'image' | 'other';

/** What the lab shows of a model on images (digits): samples with predictions, mistakes, the confusion matrix, filters. */
export interface ImageView {
  readonly width: number;
  readonly height: number;
  /** The split the samples and the matrix are taken from. */
  readonly split: 'test' | 'training';
  /** The first images of the split, then the first misclassified ones, with their class and prediction. */
  readonly samples: readonly { readonly pixels: readonly number[]; readonly label: number; readonly prediction: number }[];
  readonly mistakes: readonly { readonly pixels: readonly number[]; readonly label: number; readonly prediction: number }[];
  /** counts[true][predicted] over the split. */
  readonly confusion: readonly (readonly number[])[];
  readonly classNames: readonly string[];
  /** The pixel range the images span (for the grey scale). */
  readonly range: readonly [number, number];
  readonly filters: FilterBank | null;
}

export interface LaneView {
  readonly id: string;
  readonly label: string;
  /** 0 for the left (or only) run, 1 for the right one in a comparison. */
  readonly slot: number;
  readonly meta: ModelMeta;
  /** False for a registry model tried on the scenario's data. */
  readonly own: boolean;
  readonly error: string | null;
  readonly epoch: number;
  readonly budget: number;
  readonly midSteps: number;
  readonly verdict: Verdict | null;
  /** Playing past the verdict (the explosion after "diverged"). */
  readonly playingOn: boolean;
  readonly settled: boolean;
  /** Loss and accuracy at the current weights, even in the middle of an epoch. */
  readonly now: { readonly loss: number; readonly accuracy: number };
  readonly latest: HistoryEntry | null;
  readonly lossStart: number;
  readonly series: readonly SeriesPoint[];
  /** Live changes made while it trained (the η keys, the live row): from the start of epoch `epoch` + 1, `param` = `value`. */
  readonly liveMarks: readonly { readonly epoch: number; readonly param: string; readonly value: number | string }[];
  /** Accuracy means something here (labelled data). */
  readonly labelled: boolean;
  readonly dataKind: DataKind;
  readonly features: readonly string[];
  readonly patterns: number;
  readonly describe: readonly string[];
  /** The weights in the lecture's notation: a vector, or one matrix per layer. */
  readonly weights: readonly string[];
  readonly trace: readonly TraceStep[];
  /** The last single update as the paper writes it (formatted when the view is built, never while training). */
  readonly update: string | null;
  /** `.` trained this whole epoch: the model has no single update at this stage (RBM pretraining). */
  readonly wholeEpoch: number | null;
  readonly table: readonly TruthRow[] | null;
  readonly field: Field | null;
  readonly units: readonly UnitField[] | null;
  readonly grads: GradView | null;
  /** Hidden units of the first hidden layer when the net is small enough to draw each (2 inputs, ≤ 8 units). */
  readonly hiddenUnits: number;
  /** Images (digits): what the model reads and how it does, refreshed like the decision field. */
  readonly images: ImageView | null;
  /** The network view (issue 25): set by a lab that asked for it, else absent or null. */
  readonly network?: NetworkView | null;
  /** The point cursor on the map (issue 25), as fractions of its width and height; absent when off. */
  readonly cursor?: { readonly u: number; readonly v: number } | null;
  /** A recurrent run on sequence data: one sequence step by step (the last one stepped, else the first), at the current weights. */
  readonly sequence: { readonly row: number; readonly trace: SequenceTrace } | null;
}

/**
 * The weights as the lecture writes them: w = (…) for a unit, W1 = [rows], W2 = … for a net. Threshold
 * units and named blocks get no lines: describe() lists the units, the architecture and the kernels.
 */
export function weightLines(s: WeightsSnapshot, tr: Tr = EN_TR): string[] {
  switch (s.kind) {
    case 'vector':
      return [`w = (${s.w.map((v) => exact(v)).join(', ')})`];
    case 'layers': {
      const count = s.layers.reduce((n, l) => n + l.reduce((a, u) => a + u.length, 0), 0);
      if (count > 60) return s.layers.map((l, i) => tr.t('weights.summary', { layer: i + 1, rows: l.length, cols: l[0]?.length ?? 0, norm: short(Math.hypot(...l.flat())) }));
      return s.layers.map((l, i) => `W${i + 1} = ${matrix(l, 3)}`);
    }
    case 'units':
    case 'blocks':
      return [];
  }
}

/** A target in words: "accuracy ≥ 1", "maxError ≤ 0.1" (metric names stay: they are ids). */
export function targetText(t: Target, tr: Tr = EN_TR): string {
  return Object.entries(t)
    .map(([k, b]) =>
      b.min !== undefined && b.max !== undefined ? tr.t('target.between', { metric: tr.metric(k), min: num(b.min, TABLE), max: num(b.max, TABLE) }) : b.min !== undefined ? `${tr.metric(k)} ≥ ${num(b.min, TABLE)}` : `${tr.metric(k)} ≤ ${num(b.max!, TABLE)}`,
    )
    .join(tr.t('target.and'));
}

/** True when the run has something to reach (an empty target means: train the whole budget). */
export const hasTarget = (t: Target): boolean => Object.keys(t).length > 0;

/**
 * The verdict as the screen says it, in the translator's language, derived from the state it
 * describes (the JSON outcome stays as decided): a `finished` run (no target, or judged on its held-out
 * test set, `testAccuracy`) did what the experiment asked: FINISHED, with its test accuracy when it has
 * one; an `inert` hand-wired net is WRONG (its wiring misses the target); a predicted divergence is "WILL DIVERGE" until the loss (`loss`) has grown past its
 * start. `reason` is the run's English reason, `why` its cause.
 */
export function verdictOf(
  outcome: Outcome | null,
  reason: string | null,
  o: {
    target: Target;
    epoch: number;
    accuracy: number;
    decidedAt: number | null;
    /** The test accuracy now, when the data has a held-out test set. */
    testAccuracy?: number | undefined;
    /** The training loss now and at epoch 0. */
    loss?: { now: number; start: number };
  },
  why: Cause | null = null,
  tr: Tr = EN_TR,
): Verdict | null {
  if (!outcome) return null;
  const at = o.decidedAt ?? o.epoch;
  const said = (word: VerdictWord, c: Cause | null, english: string | null): Verdict => ({ word, label: tr.t(`verdict.${word}`), outcome, reason: tr.reason(c, english), cause: c });
  if (outcome === 'finished' && o.testAccuracy !== undefined && why?.code === 'finished-test') {
    const english = hasTarget(o.target) ? cause('finished-test-target', { epochs: at, test: o.testAccuracy, target: targetText(o.target, EN_TR) }) : cause('finished-test', { epochs: at, test: o.testAccuracy });
    const c = hasTarget(o.target) ? { ...english, values: { ...english.values, target: targetText(o.target, tr) } } : english;
    return said('FINISHED', c, reasonText(english));
  }
  if (outcome === 'finished') {
    const c = cause('finished', { epochs: at });
    return said('FINISHED', c, reasonText(c));
  }
  // a hand-wired net that misses its target: the wiring is wrong, and it cannot learn
  if (outcome === 'inert') return said('WRONG', why, reason);
  if (outcome === 'diverged' && why && PREDICTED.has(why.code) && o.loss && Number.isFinite(o.loss.now) && !(o.loss.now > o.loss.start)) return said('UNSTABLE', why, reason);
  if (outcome === 'solved') {
    const target = (t: Tr): string => (hasTarget(o.target) ? targetText(o.target, t) : t.t('target.none'));
    const c = cause('solved', { epoch: at, target: target(tr), accuracy: o.accuracy });
    return said('SOLVED', c, reasonText({ ...c, values: { ...c.values, target: target(EN_TR) } }));
  }
  return said(outcome.toUpperCase() as VerdictWord, why, reason);
}

/** The gradient numbers of a run: now, at initialisation, and the first/last ratios. */
export function gradView(first: HistoryEntry | undefined, latest: HistoryEntry): GradView | null {
  const now = gradNorms(latest);
  if (!now) return null;
  const start = first ? gradNorms(first) : null;
  const ratio = (g: readonly number[] | null): number | null => (g && g.length > 1 && g.at(-1)! > 0 ? g[0]! / g.at(-1)! : null);
  return { now, start, startRatio: ratio(start), nowRatio: ratio(now) };
}

export const dataKindOf = (data: Dataset): DataKind =>
  data.image ? 'image' : data.inputEncoding !== 'real' && data.inputs.length <= 16 ? 'boolean' : data.featureNames.length === 2 || data.lifted ? 'plane' : 'other';

/** Epoch, loss and accuracy (train, test and their gap) in one line, shortened until it fits. */
export function numbersLine(l: LaneView, width = Infinity, tr: Tr = EN_TR): string {
  if (!l.latest) return '';
  const epoch = `${l.epoch}${l.midSteps > 0 ? ` +${l.midSteps}` : ''}`;
  const loss = short(l.now.loss);
  const acc = l.labelled ? percent(l.now.accuracy) : null;
  const test = l.labelled ? l.latest.testAccuracy : undefined;
  const tries =
    test !== undefined
      ? (['numbers.split', 'numbers.splitShort', 'numbers.splitShortest'] as const).map((k) =>
          tr.t(k, { epoch, loss, train: acc!, test: percent(test), gap: num(Math.round((l.now.accuracy - test) * 1000) / 10, 3) }),
        )
      : [tr.t('numbers.plain', { epoch, loss }) + (acc ? tr.t('numbers.accuracy', { acc }) : ''), tr.t('numbers.plainShort', { epoch, loss }) + (acc ? tr.t('numbers.acc', { acc }) : '')];
  return tries.find((t) => cellsOf(t) <= width) ?? tries.at(-1)!;
}
