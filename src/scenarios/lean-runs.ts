/**
 * Which runs of a scenario `verify` may train lean (RunSpec.lean): a lean run makes the same
 * updates but skips the model's per-epoch instruments (full-batch gradient norms, layer statistics,
 * weight norms) and the runner's weight snapshots. That is safe for a run when everything read
 * about it — its claims, its receipts and its target — is a number the runner measures itself
 * (loss and accuracy on each split, epochs, best accuracies, updates) or its outcome, and its model
 * is a shipped one (whose lean mode is known to train update for update as the full one). Any other
 * metric, a claim on weights, outputs or net inputs, or a plugin of the user's keeps the run full.
 */
import { MODELS } from '../models/index.js';
import type { Scenario } from './loader.js';

/** What the runner measures in every run, lean or not, the same way. */
const RUNNER_METRICS = new Set(['loss', 'accuracy', 'testAccuracy', 'testLoss', 'epochs']);
/** What a result adds from the runner's own records (resultOf). */
const RESULT_METRICS = new Set([...RUNNER_METRICS, 'bestAccuracy', 'bestTestAccuracy', 'updates']);

export function leanRuns(scenario: Scenario): Set<string> {
  const full = new Set<string>();
  const read = (run: string | undefined, metric: string | undefined): void => {
    if (run !== undefined && (metric === undefined || !RESULT_METRICS.has(metric))) full.add(run);
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
    if (Object.keys(target).every((k) => RUNNER_METRICS.has(k))) lean.add(r.id);
  }
  return lean;
}
