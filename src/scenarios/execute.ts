/**
 * Running a scenario headless: build each run's data and model from the seed, train to an
 * outcome, and check the claims. The CLI, the verify table and the tests all go through here.
 */
import { buildDataset } from '../data/datasets.js';
import { withPoints } from '../data/added-points.js';
import { deriveRng } from '../core/rng.js';
import { Run, gradNorms, type LiveChange, type HistoryEntry, type Outcome, type RunSpec } from '../core/runner.js';
import type { Dataset, LayerCount, ModelInstance, Params, StepRecord } from '../core/types.js';
import { weightsJson } from '../core/weights.js';
import { evaluateClaims } from './claims.js';
import { evaluateReceipts, type ReceiptResult } from './receipts.js';
import type { ResolvedRun, Scenario } from './loader.js';
import type { DataInfo, PatternRow, PatternTable, RunResult } from './result.js';

export type { DataInfo, PatternRow, PatternTable, RunResult } from './result.js';

export interface ExecuteOptions {
  readonly seed?: number | string;
  /** The seed of the data stream (test split, generated points), apart from the weights' (default: the seed). */
  readonly dataSeed?: number | string;
  readonly epochs?: number;
  /** Only these runs (by run id or model id). */
  readonly only?: readonly string[];
  /** Train every run's whole budget, past its target (--full-budget). */
  readonly fullBudget?: boolean;
  /** Parameter overrides per run id (already validated against each plugin's schema). */
  readonly params?: ReadonlyMap<string, Params>;
  /** Live changes per run id (η, momentum…), made while it trained (the lab's η keys and live row, from a share string). */
  readonly liveSchedule?: ReadonlyMap<string, readonly LiveChange[]>;
  /** Per run id, the epoch a diverged run is played on to past its verdict (a lab export's "play on"), and the most epochs past it. */
  readonly playOn?: { readonly to: ReadonlyMap<string, number>; readonly most: number };
  /** Called after every epoch of every run, the last one included (progress display, the API's onEpoch). */
  readonly onEpoch?: (run: Run) => void;
  /** When given, runs are driven one update at a time and each update is reported (--trace). */
  readonly onStep?: (run: Run, step: StepRecord) => void;
  /** Called when a run ends, with the seconds it took to build and train (kept out of the results: they vary). */
  readonly onRunEnd?: (run: Run, seconds: number) => void;
  /**
   * Run ids trained lean (RunSpec.lean: the same updates, no per-epoch instruments): `verify`
   * passes the runs whose claims read only what a lean run measures the same (leanRuns).
   */
  readonly lean?: ReadonlySet<string>;
}

export function dataInfo(d: Dataset): DataInfo {
  return {
    name: d.name,
    features: d.featureNames,
    classes: d.classes,
    ...(d.classNames ? { classNames: d.classNames } : {}),
    rows: { train: d.inputs.length, test: d.test?.inputs.length ?? 0 },
    ...(d.standardization ? { standardization: d.standardization } : {}),
  };
}

/** Per-pattern rows kept in a result, per split: enough for any table a student checks by hand. */
export const MAX_PATTERN_ROWS = 5000;

export interface ScenarioResult {
  readonly scenario: string;
  readonly seed: number | string;
  readonly runs: RunResult[];
  /** The scenario's receipts against these runs (when it has any). */
  readonly receipts?: readonly ReceiptResult[];
}

export function selectRuns(scenario: Scenario, only?: readonly string[]): ResolvedRun[] {
  if (!only || only.length === 0) return [...scenario.runs];
  // A name picks the run with that id, or else every run of that model.
  const picked = new Set(only.flatMap((name) => {
    const byId = scenario.runs.filter((r) => r.id === name);
    return byId.length > 0 ? byId : scenario.runs.filter((r) => r.plugin.meta.id === name);
  }));
  return scenario.runs.filter((r) => picked.has(r));
}

/** The RunSpecs of a scenario with the options applied: what the UI and the CLI both train. */
export function prepareRuns(scenario: Scenario, opts: ExecuteOptions = {}): RunSpec[] {
  const seed = opts.seed ?? scenario.seed;
  return selectRuns(scenario, opts.only).map((r) => ({
    id: r.id,
    plugin: r.plugin,
    params: { ...r.params, ...(opts.params?.get(r.id) ?? {}) },
    // Every run of a scenario sees the same data: it is drawn from the seed's "data" stream
    // (or a data seed of its own: --split-seed, or the lab's newly drawn data), then the points
    // added by hand after its training rows, in the order added: the one place they enter the data.
    data: withPoints(buildDataset(r.data, deriveRng(opts.dataSeed ?? scenario.dataEdit?.seed ?? seed, 'data')), scenario.dataEdit?.points ?? []),
    seed,
    // A run pinned to its own seed keeps it unless the caller chose a seed for everything.
    ...(opts.seed === undefined && r.seed !== undefined ? { modelSeed: r.seed } : {}),
    epochs: opts.epochs ?? r.epochs,
    ...(opts.fullBudget ? { target: {} } : r.target ? { target: r.target } : {}),
    ...(scenario.divergeBound ? { divergeBound: scenario.divergeBound } : {}),
    ...(opts.liveSchedule?.get(r.id)?.length ? { changes: opts.liveSchedule.get(r.id)! } : {}),
    ...(opts.lean?.has(r.id) ? { lean: true } : {}),
  }));
}

/** Keys of an entry's metrics that the entry already has as its own fields. */
const OWN = new Set(['loss', 'accuracy', 'testAccuracy', 'testLoss', 'epochs']);

/** One history entry as JSON: the per-epoch numbers, the model's metrics and the per-layer arrays it reported. */
function historyJson(h: HistoryEntry): Record<string, unknown> {
  // Plain assignments, not spreads: a long run has hundreds of thousands of entries.
  const out: Record<string, unknown> = { epoch: h.epoch, loss: h.loss, accuracy: h.accuracy };
  if (h.testAccuracy !== undefined) out['testAccuracy'] = h.testAccuracy;
  if (h.testLoss !== undefined) out['testLoss'] = h.testLoss;
  out['updates'] = h.updates;
  if (h.weights) out['weights'] = h.weights;
  let metrics: Record<string, number> | null = null;
  for (const k in h.metrics) if (!OWN.has(k)) (metrics ??= {})[k] = h.metrics[k]!;
  if (metrics) out['metrics'] = metrics;
  if (h.extra) Object.assign(out, h.extra);
  else {
    const norms = gradNorms(h);
    if (norms) out['gradNorm'] = norms;
  }
  return out;
}

/** The rows of one split at the final weights (at most MAX_PATTERN_ROWS). */
function patternRows(model: ModelInstance, rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): PatternRow[] {
  const n = Math.min(rows.inputs.length, MAX_PATTERN_ROWS);
  // The rows themselves when they all fit, so a model's caches for them apply.
  const head = n === rows.inputs.length ? rows : { inputs: rows.inputs.slice(0, n), targets: rows.targets.slice(0, n), labels: rows.labels.slice(0, n) };
  const e = model.evaluate(head);
  return head.inputs.map((x, i) => ({
    x,
    t: head.targets[i]!,
    label: head.labels[i]!,
    ...(e.net ? { net: e.net[i]! } : {}),
    output: e.outputs[i]!,
    prediction: e.predictions[i]!,
  }));
}

export function patternTable(model: ModelInstance, data: Dataset): PatternTable {
  const over = (rows?: Pick<Dataset, 'inputs'>): number => Math.max(0, (rows?.inputs.length ?? 0) - MAX_PATTERN_ROWS);
  const omitted = { train: over(data), test: over(data.test) };
  return {
    train: patternRows(model, data),
    ...(data.test ? { test: patternRows(model, data.test) } : {}),
    ...(omitted.train + omitted.test > 0 ? { omitted } : {}),
  };
}

export function resultOf(run: Run, label: string): RunResult {
  const last = run.latest;
  const bestTest = run.bestTestAccuracy;
  const final = run.model.finalReport?.() ?? {};
  // The per-epoch JSON and the per-pattern table are built when read (--json, --out, a nets
  // claim), not for every result: verify and the lab's claims panel read neither.
  const entries = run.history.slice();
  let history: Record<string, unknown>[] | undefined;
  let patterns: PatternTable | undefined;
  return {
    id: run.spec.id,
    model: run.spec.plugin.meta.id,
    label,
    // what ran: a model that had to change a parameter (a 3-class net's softmax output) says so
    params: { ...run.spec.params, ...run.model.ranWith?.() },
    outcome: run.status.outcome!,
    reason: run.status.reason,
    epochs: run.epoch,
    metrics: {
      ...last.metrics,
      loss: last.loss,
      accuracy: last.accuracy,
      ...(last.testAccuracy !== undefined ? { testAccuracy: last.testAccuracy } : {}),
      bestAccuracy: run.bestAccuracy,
      ...(bestTest !== undefined ? { bestTestAccuracy: bestTest } : {}),
      updates: run.history.reduce((s, h) => s + h.updates, 0),
      ...final.metrics,
    },
    weights: weightsJson(run.model.snapshot()),
    ...(run.model.architecture ? { architecture: run.model.architecture() } : {}),
    get history() {
      return (history ??= entries.map(historyJson));
    },
    get patterns() {
      return (patterns ??= patternTable(run.model, run.spec.data));
    },
    report: final.sections ?? {},
    data: dataInfo(run.spec.data),
    claims: [],
  };
}

export function executeScenario(scenario: Scenario, opts: ExecuteOptions = {}): ScenarioResult {
  const specs = prepareRuns(scenario, opts);
  const trained = specs.map((spec) => {
    const started = performance.now();
    const run = new Run(spec);
    if (opts.onStep) {
      while (!run.done) {
        const record = run.step();
        if (record) opts.onStep(run, record);
      }
    } else {
      // every epoch is reported, the last (the verdict's) too
      while (run.live) {
        run.runEpoch();
        opts.onEpoch?.(run);
      }
    }
    const to = opts.playOn?.to.get(spec.id);
    if (to !== undefined) run.playOnUntil(to, opts.playOn!.most);
    opts.onRunEnd?.(run, (performance.now() - started) / 1000);
    return run;
  });
  const labels = new Map(scenario.runs.map((r) => [r.id, r.label]));
  const runs = trained.map((run) => resultOf(run, labels.get(run.spec.id) ?? run.spec.id));
  evaluateClaims(scenario.claims, trained, runs);
  const receipts = scenario.receipts?.length ? { receipts: evaluateReceipts(scenario.receipts, runs) } : {};
  return { scenario: scenario.id, seed: opts.seed ?? scenario.seed, runs, ...receipts };
}
