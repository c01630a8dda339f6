/**
 * Which runs of a scenario `verify` may train lean (RunSpec.lean): a lean run makes the same
 * updates but skips the model's per-epoch instruments (full-batch gradient norms, layer statistics,
 * weight norms) and the runner's weight snapshots. That is safe for a run when everything read
 * about it — its claims, its receipts and its target — is a number the runner measures itself
 * (loss and accuracy on each split, epochs, best accuracies, updates), one of the model's own
 * metrics that its lean mode keeps (KEPT_WHEN_LEAN), or its outcome, and its model is a shipped one
 * (whose lean mode trains update for update as the full one). Any other metric, a claim on weights,
 * outputs or net inputs, or a plugin of the user's keeps the run full.
 */
import { MODELS } from '../models/index.js';
import type { Scenario } from './loader.js';

/** What the runner measures in every run, lean or not, the same way. */
const RUNNER_METRICS = new Set(['loss', 'accuracy', 'testAccuracy', 'testLoss', 'epochs']);
/** What a result adds from the runner's own records (resultOf). */
const RESULT_METRICS = new Set([...RUNNER_METRICS, 'bestAccuracy', 'bestTestAccuracy', 'updates']);
/** Shipped models' own metrics that a lean run still reports, the same (tests/scenarios/lean-runs.test.ts). */
const MLP_KEPT = /^(maxError|sse|mse)$/;
export const KEPT_WHEN_LEAN: Readonly<Record<string, RegExp>> = {
  'mlp-backprop': MLP_KEPT,
  'mlp-relu': MLP_KEPT,
  'mlp-dropout': MLP_KEPT,
  'rbm-pretraining': /^(maxError|sse|mse|reconError\d+|pretraining)$/,
};

export function leanRuns(scenario: Scenario): Set<string> {
  const modelOf = new Map(scenario.runs.map((r) => [r.id, r.plugin.meta.id]));
  const kept = (run: string, metric: string, measured: ReadonlySet<string>): boolean =>
    measured.has(metric) || (KEPT_WHEN_LEAN[modelOf.get(run) ?? '']?.test(metric) ?? false);
  const full = new Set<string>();
  const read = (run: string | undefined, metric: string | undefined): void => {
    if (run !== undefined && (metric === undefined || !kept(run, metric, RESULT_METRICS))) full.add(run);
  };
  for (const c of scenario.claims) {
    // a share over model seeds trains its own lean runs (seedMean): it reads nothing of this one
    if (c.seeds !== undefined) continue;
    const runs = c.compare ?? (c.run !== undefined ? [c.run] : []);
    for (const run of runs) {
      if (c.outcome !== undefined) continue;
      if (c.weights !== undefined || c.outputs !== undefined || c.nets !== undefined) full.add(run);
      read(run, c.metric);
      if (c.versus !== undefined) read(run, c.versus);
    }
  }
  for (const r of scenario.receipts ?? []) {
    read(r.ours.run, r.ours.metric);
    if (r.ours.over) read(r.ours.over.run, r.ours.over.metric);
    if (r.published.metric) read(r.published.metric.run, r.published.metric.metric);
  }
  const lean = new Set<string>();
  for (const r of scenario.runs) {
    if (full.has(r.id) || MODELS.get(r.plugin.meta.id) !== r.plugin) continue;
    const target = r.target ?? r.plugin.meta.defaultTarget;
    if (Object.keys(target).every((k) => kept(r.id, k, RUNNER_METRICS))) lean.add(r.id);
  }
  return lean;
}
