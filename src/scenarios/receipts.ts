/**
 * Receipts: a published figure beside the one this scenario measures for it. A `matches` receipt
 * is checked like a claim (verify fails when the replay drifts from the paper); `same-kind` and
 * `differs` receipts are shown with the direction expected or the reason, never failed. Their
 * words, in either language, are in src/session/receipts.ts.
 */
import { SHORT, num } from '../core/format.js';
import type { RunResult } from './result.js';
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
