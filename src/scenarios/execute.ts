/**
 * Running a scenario headless: build each run's data and model from the seed, train to an
 * outcome, and check the claims. The CLI, the verify table and the tests all go through here.
 */
import { buildDataset } from '../core/datasets.js';
import { deriveRng } from '../core/rng.js';
import { Run, gradNorms, type HistoryEntry, type Outcome, type RunSpec } from '../core/runner.js';
import type { LayerCount, Params, StepRecord } from '../core/types.js';
import { evaluateClaims, type ClaimResult } from './claims.js';
import type { ResolvedRun, Scenario } from './loader.js';

export interface ExecuteOptions {
  readonly seed?: number | string;
  readonly epochs?: number;
  /** Only these runs (by run id or model id). */
  readonly only?: readonly string[];
  /** Parameter overrides per run id (already validated against each plugin's schema). */
  readonly params?: ReadonlyMap<string, Params>;
  /** Called after every epoch of every run (progress display). */
  readonly onEpoch?: (run: Run) => void;
  /** When given, runs are driven one update at a time and each update is reported (--trace). */
  readonly onStep?: (run: Run, step: StepRecord) => void;
  /** Called when a run ends, with the seconds it took to build and train (kept out of the results: they vary). */
  readonly onRunEnd?: (run: Run, seconds: number) => void;
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
  readonly weights: unknown;
  /** Units, connections and parameters per layer, for models that count them. */
  readonly architecture?: readonly LayerCount[];
  readonly history: readonly Record<string, unknown>[];
  claims: ClaimResult[];
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly seed: number | string;
  readonly runs: RunResult[];
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
    // Every run of a scenario sees the same data: it is drawn from the seed's "data" stream.
    data: buildDataset(r.data, deriveRng(seed, 'data')),
    seed,
    // A run pinned to its own seed keeps it unless the caller chose a seed for everything.
    ...(opts.seed === undefined && r.seed !== undefined ? { modelSeed: r.seed } : {}),
    epochs: opts.epochs ?? r.epochs,
    ...(r.target ? { target: r.target } : {}),
    ...(scenario.divergeBound ? { divergeBound: scenario.divergeBound } : {}),
  }));
}

/** One history entry as JSON: the per-epoch numbers plus the per-layer arrays the model reported. */
function historyJson(h: HistoryEntry): Record<string, unknown> {
  const norms = h.extra ? null : gradNorms(h);
  return {
    epoch: h.epoch,
    loss: h.loss,
    accuracy: h.accuracy,
    ...(h.testAccuracy !== undefined ? { testAccuracy: h.testAccuracy } : {}),
    updates: h.updates,
    ...(h.weights ? { weights: h.weights } : {}),
    ...(h.extra ?? (norms ? { gradNorm: norms } : {})),
  };
}

export function resultOf(run: Run, label: string): RunResult {
  const last = run.latest;
  // Loops, not Math.max(...spread): a history of a few hundred thousand epochs would overflow the stack.
  let bestAccuracy = -Infinity;
  let bestTestAccuracy = -Infinity;
  for (const h of run.history) {
    if (h.accuracy > bestAccuracy) bestAccuracy = h.accuracy;
    if (h.testAccuracy !== undefined && h.testAccuracy > bestTestAccuracy) bestTestAccuracy = h.testAccuracy;
  }
  const bestTest: Record<string, number> = bestTestAccuracy > -Infinity ? { bestTestAccuracy } : {};
  return {
    id: run.spec.id,
    model: run.spec.plugin.meta.id,
    label,
    params: run.spec.params,
    outcome: run.status.outcome!,
    reason: run.status.reason,
    epochs: run.epoch,
    metrics: {
      ...last.metrics,
      loss: last.loss,
      accuracy: last.accuracy,
      ...(last.testAccuracy !== undefined ? { testAccuracy: last.testAccuracy } : {}),
      bestAccuracy: bestAccuracy > -Infinity ? bestAccuracy : NaN,
      ...bestTest,
      updates: run.history.reduce((s, h) => s + h.updates, 0),
    },
    weights: run.model.weights(),
    ...(run.model.architecture ? { architecture: run.model.architecture() } : {}),
    history: run.history.map(historyJson),
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
    } else while (run.runEpoch()) opts.onEpoch?.(run);
    opts.onRunEnd?.(run, (performance.now() - started) / 1000);
    return run;
  });
  const labels = new Map(scenario.runs.map((r) => [r.id, r.label]));
  const runs = trained.map((run) => resultOf(run, labels.get(run.spec.id) ?? run.spec.id));
  evaluateClaims(scenario.claims, trained, runs);
  return { scenario: scenario.id, seed: opts.seed ?? scenario.seed, runs };
}
