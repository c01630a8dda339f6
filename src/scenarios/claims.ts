/**
 * Claims: a scenario's expected outcomes, as data. Each is checked against the trained runs and
 * reported as a sentence with what was measured.
 */
import { TABLE, num } from '../core/format.js';
import { Run } from '../core/runner.js';
import { weightNumbers } from '../core/weights.js';
import type { ClaimResult, RunResult } from './result.js';
import type { Claim } from './schema.js';

export type { ClaimResult } from './result.js';

type Measured = Omit<ClaimResult, 'note'>;

const DEFAULT_TOLERANCE = 1e-12;

/**
 * The words around a claim's numbers: English for verify, the JSON and the reports; the lab passes
 * its language's (the numbers, run ids and relations stay as they are).
 */
export interface ClaimWords {
  readonly atEpoch: (epoch: number) => string;
  /** " over 6 seeds": a claim on the mean over model seeds 1 … n. */
  readonly overSeeds: (seeds: number) => string;
  /** The name of the "solved" metric averaged over seeds. */
  readonly solvedShare: string;
  /** "relu's": the run a comparison is made with. */
  readonly of: (run: string) => string;
  readonly ends: (run: string, outcome: string) => string;
  readonly weights: string;
  readonly outputs: string;
  readonly nets: string;
  readonly inRange: (min: string, max: string) => string;
  readonly got: (value: string) => string;
  readonly vs: string;
  readonly nothing: string;
  /** A metric's name (the id in English). */
  readonly metric: (id: string) => string;
  /** An outcome's word (the outcome itself in English). */
  readonly outcome: (o: string) => string;
}

export const EN_CLAIM_WORDS: ClaimWords = {
  atEpoch: (e) => ` at epoch ${e}`,
  overSeeds: (n) => ` over ${n} seeds`,
  solvedShare: 'solved share',
  of: (run) => `${run}'s`,
  ends: (run, outcome) => `${run} ends ${outcome}`,
  weights: 'weights',
  outputs: 'outputs',
  nets: 'net inputs',
  inRange: (min, max) => `in [${min}, ${max}]`,
  got: (v) => `(got ${v})`,
  vs: 'vs',
  nothing: 'nothing',
  metric: (id) => id,
  outcome: (o) => o,
};

const shown = (v: number | undefined, w: ClaimWords): string => (v === undefined ? w.nothing : num(v, TABLE));
const show = (v: number | undefined): string => shown(v, EN_CLAIM_WORDS);

/** Every number in a weights claim's (nested) list, in order (an explicit stack: no depth limit). */
export function flatNumbers(value: unknown): number[] {
  const out: number[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') out.push(v);
    else if (v !== null && typeof v === 'object') {
      const items = Array.isArray(v) ? v : Object.values(v);
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    }
  }
  return out;
}

/** A metric by name: own entries only ("constructor" is no metric), numbers only. */
const lookup = (metrics: Readonly<Record<string, number>> | undefined, metric: string): number | undefined =>
  metrics !== undefined && Object.hasOwn(metrics, metric) && typeof metrics[metric] === 'number' ? metrics[metric] : undefined;

/** Means over seeds by run, then metric and count: several claims on one share train once. */
export type SeedCache = WeakMap<Run, Map<string, number | undefined>>;

/**
 * The mean of `metric` at the end over model seeds 1 … n, the data kept: "solved" counts the runs that
 * end solved (a success share). The runs are lean: only outcomes, loss and accuracies are read.
 */
export function seedMean(run: Run, metric: string, seeds: number, caches: SeedCache = new WeakMap()): number | undefined {
  const key = `${metric}/${seeds}`;
  const cache = caches.get(run) ?? new Map<string, number | undefined>();
  caches.set(run, cache);
  if (cache.has(key)) return cache.get(key);
  let sum = 0;
  let value: number | undefined;
  for (let s = 1; s <= seeds; s++) {
    const again = new Run({ ...run.spec, modelSeed: `${run.spec.modelSeed ?? run.spec.seed}/${s}`, lean: true, historyLimit: 1 }).toEnd();
    const v = metric === 'solved' ? (again.status.outcome === 'solved' ? 1 : 0) : lookup(again.latest.metrics, metric);
    if (v === undefined) break;
    sum += v;
    if (s === seeds) value = sum / seeds;
  }
  cache.set(key, value);
  return value;
}

function metricOf(result: RunResult, run: Run, metric: string, epoch?: number, seeds?: number, cache?: SeedCache): number | undefined {
  if (seeds !== undefined) return seedMean(run, metric, seeds, cache);
  if (epoch === undefined) return lookup(result.metrics, metric);
  // the history is an array: only a whole index inside it names an epoch
  const entry = Number.isInteger(epoch) && epoch >= 0 ? run.history.find((h) => h.epoch === epoch) : undefined;
  return lookup(entry?.metrics, metric);
}

const RELATION: Record<string, (a: number, b: number, tol: number) => boolean> = {
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '=': (a, b, tol) => Math.abs(a - b) <= tol,
};

const rangeText = (c: Claim, w: ClaimWords): string =>
  c.min !== undefined && c.max !== undefined ? w.inRange(show(c.min), show(c.max)) : c.min !== undefined ? `≥ ${show(c.min)}` : `≤ ${show(c.max)}`;

/** "A relation factor × B" for two measured values (undefined when either is missing). */
function relate(c: Claim, va: number | undefined, vb: number | undefined): boolean {
  const factor = c.factor ?? 1;
  const tol = c.tolerance ?? DEFAULT_TOLERANCE;
  const holds = va !== undefined && vb !== undefined && RELATION[c.relation!]!(va, factor * vb, tol);
  return holds && !Number.isNaN(va) && !Number.isNaN(vb);
}

const relationText = (c: Claim): string => `${c.relation} ${(c.factor ?? 1) !== 1 ? `${show(c.factor!)} × ` : ''}`;
const within = (c: Claim): string => (c.relation === '=' ? ` ± ${show(c.tolerance ?? DEFAULT_TOLERANCE)}` : '');

/** What a claim asserts, as a sentence (without what was measured): `check` and the lab list these before any run. */
export function claimText(c: Claim, w: ClaimWords = EN_CLAIM_WORDS): string {
  const at = c.epoch !== undefined ? w.atEpoch(c.epoch) : c.seeds !== undefined ? w.overSeeds(c.seeds) : '';
  const metric = c.metric === 'solved' && c.seeds !== undefined ? w.solvedShare : w.metric(c.metric!);
  if (c.compare) return `${c.compare[0]} ${metric}${at} ${relationText(c)}${w.of(c.compare[1])}${within(c)}`;
  if (c.versus) return `${c.run} ${metric}${at} ${relationText(c)}${w.metric(c.versus)}${within(c)}`;
  if (c.outcome) return w.ends(c.run!, w.outcome(c.outcome));
  const tol = c.tolerance ?? DEFAULT_TOLERANCE;
  if (c.weights) return `${c.run} ${w.weights} = (${flatNumbers(c.weights).map(show).join(', ')}) ± ${show(tol)}`;
  if (c.outputs) return `${c.run} ${w.outputs} (${c.outputs.map(show).join(', ')})`;
  if (c.nets) return `${c.run} ${w.nets} (${c.nets.map(show).join(', ')})`;
  return `${c.run} ${metric}${at} ${rangeText(c, w)}`;
}

/** The runs a claim is about. */
export const claimRuns = (c: Claim): readonly string[] => c.compare ?? (c.run !== undefined ? [c.run] : []);

/** Checks one claim against trained runs (by run id); null when a run it names is not among them. */
export function checkClaim(c: Claim, byId: ReadonlyMap<string, readonly [Run, RunResult]>, w: ClaimWords = EN_CLAIM_WORDS, cache: SeedCache = new WeakMap()): Measured | null {
  const text = claimText(c, w);
  const tolerance = c.tolerance ?? DEFAULT_TOLERANCE;
  // a relation between two measured values: the bound is factor × the other one
  const related = (va: number | undefined, vb: number | undefined): Omit<Measured, 'claim'> => ({
    metric: c.metric!,
    relation: c.relation!,
    against: c.compare ? `${c.compare[1]}.${c.metric}` : c.versus!,
    ...(vb === undefined ? {} : { bound: (c.factor ?? 1) * vb }),
    ...(va === undefined ? {} : { actual: va }),
    ...(c.relation === '=' ? { tolerance } : {}),
    holds: relate(c, va, vb),
  });
  if (c.compare) {
    const [a, b] = c.compare.map((id) => byId.get(id));
    if (!a || !b) return null;
    const va = metricOf(a[1], a[0], c.metric!, c.epoch, c.seeds, cache);
    const vb = metricOf(b[1], b[0], c.metric!, c.epoch, c.seeds, cache);
    return { claim: `${text} (${shown(va, w)} ${w.vs} ${shown(vb, w)})`, ...related(va, vb) };
  }
  const pair = byId.get(c.run!);
  if (!pair) return null;
  const [run, result] = pair;
  if (c.versus) {
    const va = metricOf(result, run, c.metric!, c.epoch);
    const vb = metricOf(result, run, c.versus, c.epoch);
    return { claim: `${text} (${shown(va, w)} ${w.vs} ${shown(vb, w)})`, ...related(va, vb) };
  }
  if (c.outcome) return { claim: `${text} ${w.got(w.outcome(result.outcome))}`, metric: 'outcome', relation: '=', bound: c.outcome, actual: result.outcome, holds: result.outcome === c.outcome };
  const tol = tolerance;
  const list = (metric: string, want: readonly number[], got: readonly number[]): Measured => ({
    claim: `${text} ${w.got(`(${got.map(show).join(', ')})`)}`,
    metric,
    relation: '=',
    bound: want,
    actual: got,
    tolerance: tol,
    holds: got.length === want.length && want.every((x, i) => Math.abs(x - got[i]!) <= tol),
  });
  if (c.weights) return list('weights', flatNumbers(c.weights), weightNumbers(run.model.snapshot()));
  if (c.outputs) return list('outputs', c.outputs, run.model.evaluate(run.spec.data).outputs.map((o) => o[0]!));
  if (c.nets) return list('nets', c.nets, result.patterns.train.map((p) => p.net?.[0] ?? NaN));
  const v = metricOf(result, run, c.metric!, c.epoch, c.seeds, cache);
  const holds = v !== undefined && !Number.isNaN(v) && (c.min === undefined || v >= c.min) && (c.max === undefined || v <= c.max);
  const range = c.min !== undefined && c.max !== undefined ? { relation: 'in', bound: [c.min, c.max] } : c.min !== undefined ? { relation: '>=', bound: c.min } : { relation: '<=', ...(c.max !== undefined ? { bound: c.max } : {}) };
  return { claim: `${text} ${w.got(shown(v, w))}`, metric: c.metric!, ...range, ...(v !== undefined ? { actual: v } : {}), holds };
}

/** Checks the claims and attaches each to the run it is about (a comparison to its first run). */
export function evaluateClaims(claims: readonly Claim[], runs: readonly Run[], results: RunResult[]): void {
  const byId = new Map(runs.map((r, i) => [r.spec.id, [r, results[i]!] as [Run, RunResult]]));
  const cache: SeedCache = new WeakMap();
  for (const c of claims) {
    const outcome = checkClaim(c, byId, EN_CLAIM_WORDS, cache);
    if (!outcome) continue; // a claim about a run that was filtered out
    const owner = byId.get(c.compare?.[0] ?? c.run!)![1];
    owner.claims.push({ ...outcome, ...(c.note ? { note: c.note } : {}) });
  }
}
