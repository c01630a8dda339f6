/**
 * The runner: builds a model from a plugin and trains it epoch by epoch (or step by step, for the
 * UI), records per-epoch history and ends each run with one outcome:
 *   solved    — the target was reached;
 *   truncated — the epoch budget was spent (or the model cannot learn);
 *   cycling   — the weights returned to an earlier state at an epoch boundary with deterministic
 *               epochs, so the same epochs repeat for ever and it can never converge;
 *   diverged  — the loss or a weight became NaN/±∞ or grew past a bound; stopped at once.
 */
import { num } from './format.js';
import { deriveRng } from './rng.js';
import type { Dataset, ModelInstance, ModelPlugin, Params, StepRecord, Target } from './types.js';

export type Outcome = 'solved' | 'truncated' | 'cycling' | 'diverged';

export interface RunSpec {
  /** Label of this run inside its scenario (defaults to the plugin id). */
  readonly id: string;
  readonly plugin: ModelPlugin;
  readonly params: Params;
  readonly data: Dataset;
  readonly seed: number | string;
  /** Seed of the model's stream when it differs from the data's (a run pinned to its own seed). */
  readonly modelSeed?: number | string;
  /** Epoch budget. */
  readonly epochs: number;
  readonly target?: Target;
  /** |w| or loss above this counts as diverged. */
  readonly divergeBound?: number;
  /**
   * Let the model skip its per-epoch instruments and the runner its weight snapshots (sweeps: many
   * runs, only outcomes read). Training is the same, update for update.
   */
  readonly lean?: boolean;
  /**
   * Keep about this many of the latest history entries (at least this many, at most twice), so
   * memory stays flat however long a run plays; by default every epoch is kept.
   */
  readonly historyLimit?: number;
}

export interface HistoryEntry {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly testAccuracy?: number;
  /** Weight-changing updates during this epoch. */
  readonly updates: number;
  /** Flat weight snapshot (kept for small models only). */
  readonly weights?: readonly number[];
  /** Model metrics at the end of the epoch (gradient norms, weight norm…). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Per-layer arrays the model reported for this epoch (gradNorm, meanAbsDelta…). */
  readonly extra?: Readonly<Record<string, number | readonly number[]>>;
}

export interface Status {
  readonly outcome: Outcome | null;
  readonly reason: string | null;
}

/** Weight vectors longer than this are not snapshotted in the per-epoch history. */
const SMALL_MODEL = 256;
const DEFAULT_BOUND = 1e6;

/** Equal weight states, up to float round-off (relative 1e-12). */
function sameState(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let j = 0; j < a.length; j++) if (Math.abs(a[j]! - b[j]!) > 1e-12 * Math.max(1, Math.abs(a[j]!))) return false;
  return true;
}

/**
 * Per-layer gradient norms of a history entry: the epoch report's array, or else the metrics
 * gradNorm0, gradNorm1, … (epoch 0 and pattern-by-pattern epochs have no epoch report). Null when
 * the model reports none.
 */
export function gradNorms(entry: HistoryEntry): readonly number[] | null {
  const g = entry.extra?.['gradNorm'];
  if (Array.isArray(g)) return g;
  const norms: number[] = [];
  while (entry.metrics[`gradNorm${norms.length}`] !== undefined) norms.push(entry.metrics[`gradNorm${norms.length}`]!);
  return norms.length > 0 ? norms : null;
}

export function withinTarget(target: Target, metrics: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(target);
  return keys.length > 0 && keys.every((k) => {
    // own entries only: a target on "constructor" names no metric
    const v = Object.hasOwn(metrics, k) ? metrics[k] : undefined;
    const b = target[k]!;
    return typeof v === 'number' && !Number.isNaN(v) && (b.min === undefined || v >= b.min) && (b.max === undefined || v <= b.max);
  });
}

export class Run {
  readonly model: ModelInstance;
  readonly history: HistoryEntry[] = [];
  readonly target: Target;
  private epochCount = 0;
  private updatesThisEpoch = 0;
  private stepsThisEpoch = 0;
  /** Brent's cycle detection: one saved state, re-saved at power-of-two distances (O(1) memory). */
  private saved: { epoch: number; w: Float64Array } | null = null;
  private power = 1;
  private state: Status = { outcome: null, reason: null };
  lastStep: StepRecord | null = null;

  constructor(readonly spec: RunSpec) {
    this.model = spec.plugin.create({ data: spec.data, params: spec.params, rng: deriveRng(spec.modelSeed ?? spec.seed, `model:${spec.id}`), ...(spec.lean ? { lean: true } : {}) });
    this.target = spec.target ?? this.model.target ?? spec.plugin.meta.defaultTarget;
    this.closeEpoch(0, undefined);
  }

  get epoch(): number {
    return this.epochCount;
  }
  get done(): boolean {
    return this.state.outcome !== null;
  }
  get status(): Status {
    return this.state;
  }
  /** Steps taken inside the current, unfinished epoch. */
  get midEpochSteps(): number {
    return this.stepsThisEpoch;
  }
  get latest(): HistoryEntry {
    return this.history[this.history.length - 1]!;
  }

  /** One single update (a pattern, or a batch); closes the epoch when it completes one. */
  step(): StepRecord | null {
    if (this.done) return null;
    const record = this.model.step();
    if (!record) {
      this.runEpoch();
      return null;
    }
    this.lastStep = record;
    this.stepsThisEpoch++;
    if (record.changed) this.updatesThisEpoch++;
    // the update belongs to the epoch in progress, one past the last closed one
    if (!this.failIfUnbounded(record.after, this.epochCount + 1)) {
      if (this.model.atEpochBoundary()) this.closeEpoch(this.updatesThisEpoch, undefined);
    }
    return record;
  }

  /** Finishes the current epoch (or runs a whole one); returns false when the run has ended. */
  runEpoch(): boolean {
    if (this.done) return false;
    if (this.stepsThisEpoch > 0) {
      while (!this.done && this.stepsThisEpoch > 0) this.step();
      return !this.done;
    }
    const report = this.model.epoch();
    this.closeEpoch(report.updates, report.extra);
    return !this.done;
  }

  /** Trains until an outcome is reached. */
  toEnd(): this {
    while (this.runEpoch());
    return this;
  }

  /** Ends the run as diverged when a weight is not finite or past the bound; `epoch` is named in the reason. */
  private failIfUnbounded(w: ArrayLike<number>, epoch: number): boolean {
    const bound = this.spec.divergeBound ?? DEFAULT_BOUND;
    for (let j = 0; j < w.length; j++) {
      const v = w[j]!;
      if (!Number.isFinite(v)) return this.end('diverged', `weight ${j} became ${v} at epoch ${epoch}`);
      if (Math.abs(v) > bound) return this.end('diverged', `weight ${j} = ${num(v, 4)} grew past the bound ${num(bound)} at epoch ${epoch}`);
    }
    return false;
  }

  private end(outcome: Outcome, reason: string | null): true {
    this.state = { outcome, reason };
    return true;
  }

  private closeEpoch(updates: number, extra: HistoryEntry['extra']): void {
    const epoch = this.history.length === 0 ? 0 : ++this.epochCount;
    this.stepsThisEpoch = 0;
    this.updatesThisEpoch = 0;
    const { data, plugin } = this.spec;
    const train = this.model.score?.(data) ?? this.model.evaluate(data);
    const test = data.test ? (this.model.score?.(data.test) ?? this.model.evaluate(data.test)) : undefined;
    const w = this.model.flatWeights();
    const small = w.length <= SMALL_MODEL;
    const metrics = { ...(this.model.metrics?.() ?? {}), loss: train.loss, accuracy: train.accuracy, epochs: epoch, ...(test ? { testAccuracy: test.accuracy } : {}) };
    this.history.push({
      epoch,
      loss: train.loss,
      accuracy: train.accuracy,
      ...(test ? { testAccuracy: test.accuracy } : {}),
      updates,
      ...(small && !this.spec.lean ? { weights: Array.from(w) } : {}),
      metrics,
      ...(extra ? { extra } : {}),
    });
    const limit = this.spec.historyLimit;
    if (limit !== undefined && this.history.length >= 2 * limit) this.history.splice(0, this.history.length - limit);

    if (!Number.isFinite(train.loss)) {
      this.end('diverged', `the loss became ${train.loss} at epoch ${epoch}`);
      return;
    }
    if (this.failIfUnbounded(w, epoch)) return;
    const why = this.model.divergence?.();
    if (why) {
      this.end('diverged', why);
      return;
    }
    if (withinTarget(this.target, metrics)) {
      this.end('solved', null);
      return;
    }
    if (!plugin.meta.learns) {
      this.end('truncated', `${plugin.meta.name} does not learn: its weights are wired by hand, and they do not reach the target`);
      return;
    }
    if (this.model.deterministicEpochs) {
      if (this.saved && sameState(w, this.saved.w)) {
        const first = this.saved.epoch;
        const period = epoch - first;
        this.end(
          'cycling',
          period === 1
            ? updates > 0
              ? `the weights at epoch ${epoch} equal those at epoch ${first}: the epoch's ${updates} updates bring the weights back to where it began, so the same epoch repeats for ever, short of the target`
              : `the weights stopped changing at epoch ${first} without reaching the target: a fixed point, so training can get no further`
            : `the weights at epoch ${epoch} equal those at epoch ${first}: the same ${period} epochs repeat for ever, errors and all, so it can never converge`,
        );
        return;
      }
      if (!this.saved || epoch - this.saved.epoch === this.power) {
        if (this.saved) this.power *= 2;
        this.saved = { epoch, w: Float64Array.from(w) };
      }
    }
    if (epoch >= this.spec.epochs) this.end('truncated', `epoch budget of ${this.spec.epochs} spent without reaching the target`);
  }
}
