/**
 * Receipts: a published figure beside the one this scenario measures for it. A `matches` receipt
 * is checked like a claim (verify fails when the replay drifts from the paper); `same-kind` and
 * `differs` receipts are shown with the direction expected or the reason, never failed.
 */
import { SHORT, num } from '../core/format.js';
import { EN_TR, type Tr } from '../i18n/index.js';
import type { RunResult } from './execute.js';
import type { Receipt } from './schema.js';

/** A same-kind receipt expecting "similar" holds its direction when ours is within this factor of the paper's. */
export const SIMILAR_FACTOR = 2;

export interface ReceiptResult {
  readonly receipt: Receipt;
  /** The published figure (or the published formula evaluated on this data); undefined when its run is missing. */
  readonly published: number | undefined;
  /** What this scenario measured for it; undefined while its runs are missing or not done. */
  readonly ours: number | undefined;
  /** matches: the check (false when drifted or not a finite number); null for same-kind, differs, or when its runs are missing. */
  readonly holds: boolean | null;
  /** same-kind: whether ours lies where the receipt expects it; null otherwise or when not measured. */
  readonly direction: boolean | null;
}

/** Trained results by run id. */
type ById = ReadonlyMap<string, RunResult>;

const metricOf = (byId: ById, run: string, metric: string): number | undefined => {
  const m = byId.get(run)?.metrics;
  return m !== undefined && Object.hasOwn(m, metric) && typeof m[metric] === 'number' ? m[metric] : undefined;
};

/** The value a receipt's `ours` names: run.metric (÷ over), n-th root, complement, scale. */
export function oursOf(r: Receipt, byId: ById): number | undefined {
  if (r.ours.run === undefined || r.ours.metric === undefined) return r.ours.value;
  const read = (run: string, metric: string): number | undefined => {
    const m = metricOf(byId, run, metric);
    return m === undefined || !r.ours.complement ? m : 1 - m;
  };
  let v = read(r.ours.run, r.ours.metric);
  if (v === undefined) return undefined;
  if (r.ours.over) {
    const d = read(r.ours.over.run, r.ours.over.metric);
    if (d === undefined) return undefined;
    v = v / d;
  }
  if (r.ours.root !== undefined) v = Math.sign(v) * Math.abs(v) ** (1 / r.ours.root);
  return v * (r.ours.scale ?? 1);
}

const publishedOf = (r: Receipt, byId: ById): number | undefined =>
  r.published.metric ? metricOf(byId, r.published.metric.run, r.published.metric.metric) : r.published.value;

/** The runs a receipt reads. */
export const receiptRuns = (r: Receipt): string[] => [...new Set([...(r.ours.run !== undefined ? [r.ours.run] : []), ...(r.ours.over ? [r.ours.over.run] : []), ...(r.published.metric ? [r.published.metric.run] : [])])];

/** Checks one receipt against trained runs (by run id; a missing run leaves ours undefined). */
export function checkReceipt(r: Receipt, byId: ById): ReceiptResult {
  const published = publishedOf(r, byId);
  const ours = oursOf(r, byId);
  const measured = ours !== undefined && published !== undefined && Number.isFinite(ours) && Number.isFinite(published);
  let holds: boolean | null = null;
  let direction: boolean | null = null;
  if (r.comparison === 'matches' && ours !== undefined && published !== undefined) {
    const rel = r.relation ?? '=';
    holds = measured && (rel === '=' ? Math.abs(ours - published) <= r.tolerance! : rel === '<=' ? ours <= published : ours >= published);
  } else if (r.comparison === 'same-kind' && measured) {
    direction = r.expect === 'higher' ? ours > published : r.expect === 'lower' ? ours < published : published !== 0 && ours / published >= 1 / SIMILAR_FACTOR && ours / published <= SIMILAR_FACTOR;
  }
  return { receipt: r, published, ours, holds, direction };
}

/** Every receipt of a scenario against its trained runs. */
export function evaluateReceipts(receipts: readonly Receipt[] | undefined, runs: readonly RunResult[]): ReceiptResult[] {
  const byId = new Map(runs.map((r) => [r.id, r]));
  return (receipts ?? []).map((r) => checkReceipt(r, byId));
}

/** A figure as text: from 1,000 up with thousands commas (and one decimal at most), others with 3 significant digits. */
export function figure(v: number | undefined): string {
  if (v === undefined) return '…';
  if (Number.isFinite(v) && Math.abs(v) >= 1000) return v.toLocaleString('en-US', { maximumFractionDigits: 1 }).replace(/-/g, '−');
  return num(v, SHORT);
}

const unitOf = (u: string | undefined): string => (u === undefined ? '' : u === '%' || u === '×' ? u : ` ${u}`);

/** The source as cited on a line: "Rumelhart, Hinton & Williams 1986". */
export const citeOf = (r: Receipt): string => `${r.source.authors} ${r.source.year}`;

/** The verdict in words: matches ✓/✗, same kind with the direction expected (and whether it holds), or differs. */
export function verdictOf(res: ReceiptResult | undefined, r: Receipt, tr: Tr = EN_TR): string {
  if (r.comparison === 'matches') {
    const within = (r.relation ?? '=') === '=' ? tr.t('receipts.within', { tolerance: figure(r.tolerance) }) : tr.t(r.relation === '<=' ? 'receipts.atMost' : 'receipts.atLeast');
    if (!res || res.ours === undefined) return tr.t('receipts.matchesPending', { within });
    return tr.t(res.holds ? 'receipts.matches' : 'receipts.drifted', { within });
  }
  if (r.comparison === 'same-kind') {
    const expect = tr.t(r.expect === 'higher' ? 'receipts.expectHigher' : r.expect === 'lower' ? 'receipts.expectLower' : 'receipts.expectSimilar');
    const mark = !res || res.direction === null ? '' : res.direction ? ' ✓' : ' ✗';
    return tr.t('receipts.sameKind', { expect, mark });
  }
  return tr.t('receipts.differs');
}

/** Which language's words a receipt is shown in: its Korean prose when asked and given. */
const words = (r: Receipt, tr: Tr) =>
  tr.lang === 'ko' && r.ko ? { text: r.ko.text, quantity: r.ko.quantity, what: r.ko.what } : { text: r.published.text, quantity: r.published.quantity, what: r.ours.what };

/** One line: "published 1,425 sweeps (RHW 1986: mirror symmetry) · here 2,151 sweeps (median over 50 seeds) · verdict". */
export function receiptLine(r: Receipt, res: ReceiptResult | undefined, tr: Tr = EN_TR): string {
  const w = words(r, tr);
  return tr.t('receipts.line', { published: publishedText(r, res, tr), cite: citeOf(r), quantity: w.quantity, ours: oursText(r, res, tr), what: w.what, verdict: verdictOf(res, r, tr) });
}

/** The published figure as shown: its text, and for a published formula its value on this data. */
export function publishedText(r: Receipt, res: ReceiptResult | undefined, tr: Tr = EN_TR): string {
  const text = words(r, tr).text;
  return r.published.metric && res?.published !== undefined ? `${text} = ${figure(res.published)}${unitOf(r.ours.unit)}` : text;
}

/** Ours as shown: the value with its unit, or pending. */
export const oursText = (r: Receipt, res: ReceiptResult | undefined, tr: Tr = EN_TR): string =>
  res?.ours === undefined ? tr.t('receipts.pending') : `${figure(res.ours)}${unitOf(r.ours.unit)}`;

/** How the figure was checked, in words (for info and the verify table). */
export function checkedText(r: Receipt, tr: Tr = EN_TR): string {
  const how = tr.t(r.source.checked === 'paper' ? 'receipts.checkedPaper' : r.source.checked === 'secondary' ? 'receipts.checkedSecondary' : 'receipts.notVerified');
  return r.source.via ? `${how}: ${r.source.via}` : how;
}

/** A receipt in full, for `info`: the line, the source, the paper's conditions and the comparison's terms. */
export function receiptDetail(r: Receipt, tr: Tr = EN_TR): string[] {
  const ko = tr.lang === 'ko' ? r.ko : undefined;
  const c = r.conditions;
  return [
    `${citeOf(r)}, ${r.source.where} — ${checkedText(r, tr)}`,
    tr.t('receipts.conditions', { data: c.data, net: c.net, rule: c.rule, budget: c.budget }),
    ...(r.differences ? [tr.t('receipts.differences', { text: ko?.differences ?? r.differences })] : []),
    ...(r.reason ? [tr.t('receipts.reason', { text: ko?.reason ?? r.reason })] : []),
  ];
}

/**
 * A scenario's receipt lines, for any screen that lists them (the tour's summary): with results
 * when its runs were trained, else each with "here …" pending.
 */
export function receiptLines(scenario: { readonly receipts?: readonly Receipt[] }, results?: readonly RunResult[], tr: Tr = EN_TR): string[] {
  const checked = results ? evaluateReceipts(scenario.receipts, results) : undefined;
  return (scenario.receipts ?? []).map((r, i) => receiptLine(r, checked?.[i], tr));
}
