/**
 * Live changes (issue 25, TensorFlow Playground's top bar): every parameter a model's schema marks
 * `live` (the MLPs': η, momentum, L2 and L1 penalties, dropout keep probabilities, batch size, the
 * hidden activation) steps along a ladder while the runs train on from their current weights. Each
 * change is a runner LiveChange applied at an epoch's start, kept per run id (the lab's
 * liveSchedule) so that a reset, the share string, the export and a replay apply it at the same
 * place, bit for bit.
 *
 * The live row (`o` in the lab): ↑↓ choose a knob, ←→ change it, Esc or `o` closes. After the
 * parameters it lists the seven feature inputs as toggles; a feature changes the input width, so
 * toggling one restarts the runs on the lifted data (the row and the note say so).
 */
import type { LiveChange, LiveSchedule, Run } from '../core/runner.js';
import { liveParams } from '../core/params.js';
import type { ParamSpec } from '../core/types.js';
import { exact } from '../core/format.js';
import { FEATURES, FEATURE_DEFS, type Feature } from '../data/features.js';
import type { TextKey, Tr } from '../i18n/index.js';
import { ETA_LADDER } from './eta.js';

/** The values the keys step through, per parameter (the Playground's own lists where it has one). */
export const LIVE_LADDERS: Readonly<Record<string, readonly number[]>> = {
  learningRate: ETA_LADDER,
  momentum: [0, 0.5, 0.8, 0.9, 0.95, 0.99],
  // the Playground's regularization rates, with 0.0001 below them
  weightDecay: [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  l1: [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  // keep probabilities: 1 keeps every unit (no dropout)
  keepInput: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
  keepHidden: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
  // 0 is the full batch: the last rung
  batchSize: [1, 2, 4, 8, 16, 32, 64, 128, 256, 0],
};

/** A ladder's order: batch size 0 (the full batch) above every number. */
const rank = (param: string, v: number): number => (param === 'batchSize' && v === 0 ? Infinity : v);

/**
 * The value one step up (+1) or down (−1) from `value` for a live parameter: along its ladder (a
 * value between rungs goes to the nearer rung that way), the next word of an enum (wrapping), else
 * ×2 / ÷2 for a number and ±1 for a whole number, within the schema's bounds. Undefined at an end.
 */
export function stepLive(param: string, spec: ParamSpec, value: number | string, way: 1 | -1): number | string | undefined {
  if (spec.type === 'enum') {
    const at = spec.values.indexOf(value as string);
    return spec.values[(at + way + spec.values.length) % spec.values.length];
  }
  if (typeof value !== 'number') return undefined;
  const ladder = LIVE_LADDERS[param]?.filter((v) => inRange(spec, v));
  let to: number | undefined;
  if (ladder && ladder.length > 0) {
    const r = rank(param, value);
    to = way > 0 ? ladder.find((v) => rank(param, v) > r * (1 + 1e-9) + (r === 0 ? 1e-12 : 0)) : [...ladder].reverse().find((v) => rank(param, v) < r * (1 - 1e-9));
  } else if (spec.type === 'integer') to = value + way;
  else if (spec.type === 'number') to = way > 0 ? (value === 0 ? 0.01 : value * 2) : value / 2;
  return to !== undefined && inRange(spec, to) && to !== value ? to : undefined;
}

const inRange = (spec: ParamSpec, v: number): boolean =>
  (spec.type !== 'number' && spec.type !== 'integer') || ((spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max));

/** A schedule with one more change for `run` (a new map: the lab's schedule is replaced, never edited). */
export function withChange(schedule: LiveSchedule, run: string, change: LiveChange): Map<string, readonly LiveChange[]> {
  const next = new Map(schedule);
  next.set(run, [...(schedule.get(run) ?? []), change]);
  return next;
}

/** A live parameter's name on screen: η, μ, L2 λ… (the parameter's own name when the catalogue has none). */
export function liveName(param: string, tr: Tr): string {
  const key = LIVE_NAMES[param];
  return key ? tr.t(key) : param;
}

const LIVE_NAMES: Readonly<Record<string, TextKey>> = {
  learningRate: 'live.name.learningRate',
  momentum: 'live.name.momentum',
  weightDecay: 'live.name.weightDecay',
  l1: 'live.name.l1',
  batchSize: 'live.name.batchSize',
  activation: 'live.name.activation',
  keepInput: 'live.name.keepInput',
  keepHidden: 'live.name.keepHidden',
};

/** A value on screen: numbers exact, batch size 0 as "full". */
export function liveValue(param: string, value: number | string, tr: Tr): string {
  if (typeof value === 'string') return value;
  return param === 'batchSize' && value === 0 ? tr.t('live.fullBatch') : exact(value);
}

/** The value a run trains with now (or from the next epoch's start): its last change, else its parameter. */
export function liveNow(run: Run, param: string): number | string | undefined {
  const v = run.scheduled(param) ?? run.spec.params[param];
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

/** True when a run can take live changes of `param`. */
export function canChange(run: Run | null, param: string): run is Run {
  return run !== null && run.model.setLive !== undefined && liveParams(run.spec.plugin.meta.params).includes(param);
}

/** The row's order (the Playground's: η first); a plugin's own live parameters follow, in schema order. */
const ORDER = ['learningRate', 'momentum', 'weightDecay', 'l1', 'keepHidden', 'keepInput', 'batchSize', 'activation'];
const order = (param: string): number => (ORDER.includes(param) ? ORDER.indexOf(param) : ORDER.length);

/**
 * A live change for every run on screen that can change `param` while it trains: one step up or
 * down its ladder (Run.change: now, or from the next epoch's start when one is under way). Returns
 * the changes made, by run id, and the note that says them (or why none was made).
 */
export function changeLive(
  lanes: readonly { readonly spec: { readonly id: string }; readonly run: Run | null; readonly error: string | null; version: number }[],
  param: string,
  way: 1 | -1,
  tr: Tr,
): { changes: [string, LiveChange][]; note: string } {
  const said: string[] = [];
  const changes: [string, LiveChange][] = [];
  const eta = param === 'learningRate';
  const name = liveName(param, tr);
  for (const l of lanes) {
    const run = l.run;
    if (l.error || !canChange(run, param)) continue;
    const from = liveNow(run, param);
    const to = from === undefined ? undefined : stepLive(param, run.spec.plugin.meta.params[param]!, from, way);
    if (from === undefined || to === undefined) {
      said.push(tr.t('note.dataBound', { what: `${l.spec.id}: ${name}`, value: from === undefined ? '—' : liveValue(param, from, tr) }));
      continue;
    }
    const change = run.change(param, to);
    changes.push([l.spec.id, change]);
    l.version++;
    const now = change.epoch === run.epoch && run.midEpochSteps === 0;
    const values = { run: l.spec.id, name, from: liveValue(param, from, tr), to: liveValue(param, to, tr), epoch: change.epoch + 1 };
    said.push(eta ? tr.t(now ? 'note.eta' : 'note.etaNext', values) : tr.t(now ? 'note.live' : 'note.liveNext', values));
  }
  return { changes, note: said.length ? said.join(' · ') : eta ? tr.t('note.etaNone') : tr.t('note.liveNone', { name }) };
}

/** One knob of the row: a live parameter, or a feature input (a toggle that restarts the runs). */
export type Knob = { readonly kind: 'param'; readonly param: string } | { readonly kind: 'feature'; readonly feature: Feature };

export interface KnobView {
  readonly label: string;
  readonly value: string;
  /** False for a knob whose change restarts the runs (a feature input). */
  readonly live: boolean;
}

export interface LiveRowView {
  readonly knobs: readonly KnobView[];
  /** The knob selected. */
  readonly at: number;
  /** What the selected knob does when changed, in words. */
  readonly hint: string;
}

/** What the row reads of the lab: the runs on screen and the feature inputs (null: not a generated 2-D set). */
export interface LiveHost {
  lanes(): readonly { readonly run: Run | null; readonly error: string | null }[];
  features(): readonly Feature[] | null;
}

/** The live row's state: open or not, and the knob selected (the lab owns one). */
export class LiveRow {
  open = false;
  at = 0;

  /** The knobs for the runs on screen: every live parameter any of them has (schema order), then the features. */
  knobs(host: LiveHost): Knob[] {
    const params: string[] = [];
    for (const l of host.lanes()) {
      if (!l.run || l.error || !l.run.model.setLive) continue;
      for (const p of liveParams(l.run.spec.plugin.meta.params)) if (!params.includes(p)) params.push(p);
    }
    params.sort((a, b) => order(a) - order(b));
    const features = host.features() ? FEATURES.map((feature) => ({ kind: 'feature' as const, feature })) : [];
    return [...params.map((param) => ({ kind: 'param' as const, param })), ...features];
  }

  toggle(): void {
    this.open = !this.open;
  }
  close(): void {
    this.open = false;
  }
  move(host: LiveHost, way: 1 | -1): void {
    const n = this.knobs(host).length;
    if (n > 0) this.at = (Math.min(this.at, n - 1) + way + n) % n;
  }

  /** The knob selected (null when there is none). */
  selected(host: LiveHost): Knob | null {
    const knobs = this.knobs(host);
    if (knobs.length === 0) return null;
    this.at = Math.min(this.at, knobs.length - 1);
    return knobs[this.at]!;
  }

  view(host: LiveHost, tr: Tr): LiveRowView | null {
    if (!this.open) return null;
    const knobs = this.knobs(host);
    const first = host.lanes().find((l) => l.run && !l.error)?.run ?? null;
    const on = host.features();
    const views = knobs.map((k): KnobView => {
      if (k.kind === 'feature') return { label: FEATURE_DEFS[k.feature].name, value: on?.includes(k.feature) ? tr.t('live.on') : tr.t('live.off'), live: false };
      const run = host.lanes().find((l) => canChange(l.run, k.param))?.run ?? first;
      const v = run ? liveNow(run, k.param) : undefined;
      // a batch as large as the training set is the full batch: the model takes every row
      const whole = k.param === 'batchSize' && typeof v === 'number' && v > 0 && run !== null && v >= run.spec.data.inputs.length;
      return { label: liveName(k.param, tr), value: v === undefined ? '—' : `${liveValue(k.param, v, tr)}${whole ? ` = ${tr.t('live.fullBatch')}` : ''}`, live: true };
    });
    const at = Math.min(this.at, Math.max(0, knobs.length - 1));
    const hint = knobs.length === 0 ? tr.t('live.none') : knobs[at]!.kind === 'feature' ? tr.t('live.hintFeature') : tr.t('live.hintParam');
    return { knobs: views, at, hint };
  }
}

/**
 * The row as one line of text at most `width` columns wide: `live: η 0.5 · [μ 0.9] · …` with the
 * selected knob in brackets (always shown: the knobs around it give way, marked …), and what a
 * feature knob does when one is selected.
 */
export function liveRowText(view: LiveRowView, tr: Tr, width = Infinity): string {
  const items = view.knobs.map((k, i) => {
    const text = `${k.label} ${k.value}${k.live ? '' : '*'}`;
    return i === view.at ? `[${text}]` : text;
  });
  const head = `${tr.t('live.row')}: `;
  if (view.knobs.length === 0) return `${head}${view.hint}`;
  const tail = view.knobs[view.at]?.live === false || view.knobs.length === 0 ? ` — ${view.hint}` : '';
  const room = width - head.length - tail.length;
  let lo = view.at;
  let hi = view.at + 1;
  const length = (a: number, b: number): number => items.slice(a, b).join(' · ').length + (a > 0 ? 4 : 0) + (b < items.length ? 4 : 0);
  for (let grew = true; grew; ) {
    grew = false;
    if (hi < items.length && length(lo, hi + 1) <= room) [hi, grew] = [hi + 1, true];
    if (lo > 0 && length(lo - 1, hi) <= room) [lo, grew] = [lo - 1, true];
  }
  return `${head}${lo > 0 ? '… · ' : ''}${items.slice(lo, hi).join(' · ')}${hi < items.length ? ' · …' : ''}${tail}`;
}
