/**
 * What a run of a scenario gives back, as data: its result (outcome, metrics, weights, history,
 * patterns, report, data), the claims checked against it, and what it says about its data. Its own
 * file so execute.ts (which makes results) and claims.ts and receipts.ts (which read them) do not
 * import each other.
 */
import type { Outcome } from '../core/runner.js';
import type { LayerCount, Params } from '../core/types.js';

/**
 * A checked claim as data: the sentence, and what it compared in full precision — the metric (or
 * outcome, weights, outputs, nets), the relation, the bound it was held to and the value measured
 * (a list for weights, outputs and nets; null when the run has no such number).
 */
export interface ClaimResult {
  readonly claim: string;
  readonly metric: string;
  /** '>=', '<=', '>', '<', '=', or 'in' (bound is [min, max]). */
  readonly relation: string;
  /** Absent when there was nothing to hold it to (the other run has no such number). */
  readonly bound?: number | string | readonly number[];
  /** Absent when the run has no such number. */
  readonly actual?: number | string | readonly number[];
  /** What the bound was measured from, for a relation between two numbers: `run.metric` (compare) or a metric (versus). */
  readonly against?: string;
  /** The allowed difference of an '=' relation. */
  readonly tolerance?: number;
  readonly holds: boolean;
  readonly note?: string;
}

export interface RunResult {
  readonly id: string;
  readonly model: string;
  readonly label: string;
  readonly params: Params;
  readonly outcome: Outcome;
  readonly reason: string | null;
  readonly epochs: number;
  readonly metrics: Readonly<Record<string, number>>;
  /** The final weights in their JSON form (weightsJson of the model's snapshot). */
  readonly weights: unknown;
  /** Units, connections and parameters per layer, for models that count them. */
  readonly architecture?: readonly LayerCount[];
  readonly history: readonly Record<string, unknown>[];
  /** Every training (and test) pattern at the final weights: x, t, net input(s), output(s), prediction. */
  readonly patterns: PatternTable;
  /** What the model reports once at the end (novikoff, association, layers, collapsed, monteCarlo…). */
  readonly report: Readonly<Record<string, unknown>>;
  /** The data it trained on: names of the features and classes, row counts, standardisation. */
  readonly data: DataInfo;
  claims: ClaimResult[];
  /** Given parameters that could not apply (run --json): each says what was asked and what ran. */
  notes?: string[];
}

/**
 * What a result says about its data: the feature (column) names; the class names, where label i
 * (patterns' `label`, `prediction`) is classNames[i]; rows per split; and, when the inputs were
 * standardised, each raw column's mean and sd over the training rows (x' = (x − mean) / sd).
 */
export interface DataInfo {
  readonly name: string;
  readonly features: readonly string[];
  readonly classes: number;
  /** Absent when the classes have no names (label i is then class i). */
  readonly classNames?: readonly string[];
  readonly rows: { readonly train: number; readonly test: number };
  readonly standardization?: { readonly mean: readonly number[]; readonly sd: readonly number[] };
}

export interface PatternRow {
  readonly x: readonly number[];
  readonly t: readonly number[];
  readonly label: number;
  readonly net?: readonly number[];
  readonly output: readonly number[];
  readonly prediction: number;
}

export interface PatternTable {
  readonly train: readonly PatternRow[];
  readonly test?: readonly PatternRow[];
  /** Rows left out beyond MAX_PATTERN_ROWS per split (only when some were). */
  readonly omitted?: { readonly train: number; readonly test: number };
}
