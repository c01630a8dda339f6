/**
 * The safety net of the runner ↔ model protocol (issue 26, part 1): a compact fingerprint of
 * `run --json` per shipped scenario, recorded on the code before the change
 * (tests/fixtures/outputs/run-json.json, written by `npx tsx tests/scenarios/record-outputs.ts`)
 * and compared by tests/scenarios/claims.test.ts on the runs it already makes.
 *
 * Kept per run: id, model, outcome, reason, epochs, the final metrics (exact numbers), each
 * claim's metric, relation, actual and holds, and a hash (sha256, 16 hex) of the canonical JSON
 * (keys sorted, NaN/±∞ as their names as in --json) of: params, weights, history, patterns,
 * report and data. Per scenario: seed and the receipts' hash. Nothing in `run --json` depends on
 * the machine or the clock (the share string is left out: it encodes the same scenario and seed).
 */
import { createHash } from 'node:crypto';
import { cause, reasonText } from '../../src/core/reasons.js';

export interface RunPrint {
  readonly id: string;
  readonly model: string;
  readonly outcome: string;
  readonly reason: string | null;
  readonly epochs: number;
  readonly metrics: Readonly<Record<string, unknown>>;
  readonly claims: readonly { readonly metric: string; readonly relation: string; readonly actual: unknown; readonly holds: boolean }[];
  readonly hashes: Readonly<Record<string, string>>;
}
export interface ScenarioPrint {
  readonly seed: unknown;
  readonly receipts: string;
  readonly runs: readonly RunPrint[];
}

/** JSON with every object's keys sorted (key order is not part of what a run computed). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const hash = (value: unknown): string => createHash('sha256').update(canonical(value)).digest('hex').slice(0, 16);

const HASHED = ['params', 'weights', 'history', 'patterns', 'report', 'data'] as const;

/** The fingerprint of a parsed `run --json` document (as JSON.parse reads it: NaN as "NaN"). */
export function fingerprint(doc: { seed: unknown; receipts?: unknown; runs: readonly Record<string, unknown>[] }): ScenarioPrint {
  return {
    seed: doc.seed,
    receipts: hash(doc.receipts ?? null),
    runs: doc.runs.map((r) => ({
      id: r['id'] as string,
      model: r['model'] as string,
      outcome: r['outcome'] as string,
      reason: (r['reason'] as string | null) ?? null,
      epochs: r['epochs'] as number,
      metrics: r['metrics'] as Record<string, unknown>,
      claims: ((r['claims'] as Record<string, unknown>[] | undefined) ?? []).map((c) => ({
        metric: c['metric'] as string, relation: c['relation'] as string, actual: c['actual'], holds: c['holds'] as boolean,
      })),
      hashes: Object.fromEntries(HASHED.map((k) => [k, hash(r[k] ?? null)])),
    })),
  };
}

/**
 * The first documented change: outcomes renamed (issue 26). Before it, "truncated" said three things.
 * A recorded truncated run is now:
 *   inert    — when its reason was the hand-wired model's (cause no-learning: "… does not learn: its
 *              weights are wired by hand …"); the reason stays;
 *   finished — when it trained its whole budget with no target (cause finished: "all N epochs
 *              trained: this experiment has no target …"); the reason stays;
 *   finished — when it spent its budget ("epoch budget of N spent …") with a held-out test set
 *              (a recorded testAccuracy) and no target of the scenario's own (`ownTarget` false): the
 *              reason becomes the finished-test one, with the recorded test accuracy.
 * A claim on the outcome reads the new word. Everything else must be as recorded.
 */
/**
 * The one other documented change, a stale number corrected: during the RBM pretraining epochs
 * that leave the fine-tuning net's weights as they were, the old runner found that net's fit and
 * gradient cached, so its `saturation` was read from whatever the network's buffers last held —
 * the test split's last chunk. Measured in one pass now, it is the training set's, as documented
 * (history metrics of epochs 5–7, 9–11, 13–15 differ in `saturation` only; checked by hand).
 */
export const CHANGED_HASHES: readonly { readonly scenario: string; readonly run: string; readonly field: string; readonly from: string; readonly to: string }[] = [
  { scenario: 'pretraining-vs-random', run: 'pretrained', field: 'history', from: '66f2d1ceca9e3bbd', to: '55cfcfc0fa3cb208' },
];

export function renamed(print: ScenarioPrint, ownTarget: (run: string) => boolean, scenario = ''): ScenarioPrint {
  return {
    ...print,
    runs: print.runs.map((recorded) => {
      const changes = CHANGED_HASHES.filter((c) => c.scenario === scenario && c.run === recorded.id && recorded.hashes[c.field] === c.from);
      const r = changes.length ? { ...recorded, hashes: { ...recorded.hashes, ...Object.fromEntries(changes.map((c) => [c.field, c.to])) } } : recorded;
      if (r.outcome !== 'truncated' || r.reason === null) return r;
      let next: { outcome: string; reason: string } | null = null;
      const budget = /^epoch budget of (\d+) spent without reaching the target$/.exec(r.reason);
      const test = r.metrics['testAccuracy'];
      if (/ does not learn: its weights are wired by hand/.test(r.reason)) next = { outcome: 'inert', reason: r.reason };
      else if (/^all \d+ epochs trained: this experiment has no target/.test(r.reason)) next = { outcome: 'finished', reason: r.reason };
      else if (budget && typeof test === 'number' && !ownTarget(r.id)) {
        next = { outcome: 'finished', reason: reasonText(cause('finished-test', { epochs: Number(budget[1]), test })) };
      }
      if (!next) return r;
      const claims = r.claims.map((c) => (c.metric === 'outcome' && c.actual === 'truncated' ? { ...c, actual: next.outcome } : c));
      return { ...r, ...next, claims };
    }),
  };
}
