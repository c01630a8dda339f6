/**
 * The runner: builds a model from a plugin and trains it epoch by epoch (or step by step, for the
 * UI), records per-epoch history and ends each run with one outcome:
 *   solved    — the target was reached;
 *   truncated — the epoch budget was spent before the target was reached;
 *   finished  — the epoch budget was spent as designed: a run with no target (the whole budget), or
 *               one judged on its held-out test set (test data, and no target of the scenario's own);
 *   inert     — a hand-wired model (meta.learns false: McCulloch-Pitts) missed its target: it cannot learn;
 *   cycling   — the weights returned to an earlier state at an epoch boundary with deterministic
 *               epochs, so the same epochs repeat for ever and it can never converge;
 *   diverged  — the loss or a weight became NaN/±∞ or grew past a bound; stopped at once.
 */
import { cause, isCause, reasonText, type Cause } from './reasons.js';
import { checkLive } from './params.js';
import { deriveRng } from './rng.js';
import { type Dataset, type EpochResult, ModelConfigError, type ModelInstance, type ModelPlugin, type Params, type Scores, type StepRecord, type Target } from './types.js';
import { asModelInstance } from './plugin-instance.js';
import { StateSet } from './state-set.js';

export { StateSet } from './state-set.js';

/** Every outcome, in the order summaries list them. */
export const OUTCOMES = ['solved', 'truncated', 'finished', 'inert', 'cycling', 'diverged'] as const;
export type Outcome = (typeof OUTCOMES)[number];

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
  /** Parameter changes made while training (the lab's live keys), applied at their epochs' starts. */
  readonly changes?: readonly LiveChange[];
}

/**
 * A change of a live parameter while a run trains (η, momentum, a penalty, the activation…): from
 * the start of epoch `epoch + 1` (after `epoch` epochs were closed), `param` = `value`, the weights
 * kept. Made in the lab, recorded in the share string, and applied at the same place by every run
 * made again from it, so the run is the same bit for bit.
 */
export interface LiveChange {
  readonly epoch: number;
  readonly param: string;
  readonly value: number | string;
}

/** Live changes per run id (the lab's, a share string's, an export's). */
export type LiveSchedule = ReadonlyMap<string, readonly LiveChange[]>;

export interface HistoryEntry {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly testAccuracy?: number;
  /** The model's own loss on the held-out split. */
  readonly testLoss?: number;
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
  /** Why, in English (the JSON output's `reason`). */
  readonly reason: string | null;
  /** The same reason as a code and its numbers (null for a plugin's own text), for other languages. */
  readonly cause: Cause | null;
}

/** Weight vectors longer than this are not snapshotted in the per-epoch history. */
const SMALL_MODEL = 256;
/** End-of-epoch states remembered exactly (small models), so a cycle is named at its first repeat. */
const MAX_SEEN = 100_000;
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

/** A metric's value lies within a target's bounds (a number, not NaN). */
function inBounds(b: Target[string], v: unknown): boolean {
  return typeof v === 'number' && !Number.isNaN(v) && (b.min === undefined || v >= b.min) && (b.max === undefined || v <= b.max);
}

export function withinTarget(target: Target, metrics: Readonly<Record<string, number>>, keys: readonly string[] = Object.keys(target)): boolean {
  return keys.length > 0 && keys.every((k) => {
    // own entries only: a target on "constructor" names no metric
    const v = Object.hasOwn(metrics, k) ? metrics[k] : undefined;
    return inBounds(target[k]!, v);
  });
}


/**
 * An epoch's metrics as the runner reports them: the model's own, then (overriding any of the same
 * name) loss, accuracy, epochs and, with a test split, testAccuracy and testLoss, in that key order.
 */
function mergedMetrics(own: Readonly<Record<string, number>> | undefined, train: Scores, test: Scores | undefined, epoch: number): Record<string, number> {
  const metrics: Record<string, number> = Object.assign({}, own);
  metrics['loss'] = train.loss;
  metrics['accuracy'] = train.accuracy;
  metrics['epochs'] = epoch;
  if (test) {
    metrics['testAccuracy'] = test.accuracy;
    metrics['testLoss'] = test.loss;
  }
  return metrics;
}

/**
 * A lean run's history entry (sweeps, claims' seed shares: only the outcome, the last loss and
 * accuracies, and the last metrics are read). It keeps the model's metrics object as returned and
 * merges it with the runner's numbers (mergedMetrics) only when `metrics` is read, so an epoch
 * allocates no merged copy nobody reads. Fields as a plain entry's; `weights` is never kept.
 */
class LeanEntry implements HistoryEntry {
  readonly testAccuracy?: number;
  readonly testLoss?: number;
  readonly extra?: HistoryEntry['extra'];
  private merged: Record<string, number> | undefined;
  constructor(
    readonly epoch: number,
    readonly loss: number,
    readonly accuracy: number,
    test: Scores | undefined,
    readonly updates: number,
    private readonly own: Readonly<Record<string, number>> | undefined,
    extra: HistoryEntry['extra'],
  ) {
    if (test) {
      this.testAccuracy = test.accuracy;
      this.testLoss = test.loss;
    }
    if (extra) this.extra = extra;
  }
  get metrics(): Readonly<Record<string, number>> {
    const test = this.testAccuracy !== undefined ? { accuracy: this.testAccuracy, loss: this.testLoss! } : undefined;
    return (this.merged ??= mergedMetrics(this.own, this, test, this.epoch));
  }
}

/** withinTarget on mergedMetrics(own, train, test, epoch), read without building the merged object. */
function leanWithinTarget(target: Target, keys: readonly string[], own: Readonly<Record<string, number>> | undefined, train: Scores, test: Scores | undefined, epoch: number): boolean {
  if (keys.length === 0) return false;
  for (const k of keys) {
    let v: unknown;
    if (k === 'loss') v = train.loss;
    else if (k === 'accuracy') v = train.accuracy;
    else if (k === 'epochs') v = epoch;
    else if (test && k === 'testAccuracy') v = test.accuracy;
    else if (test && k === 'testLoss') v = test.loss;
    // own entries only, as withinTarget reads the merged copy (metrics() returns a plain object)
    else v = own !== undefined && own !== null && Object.hasOwn(own, k) ? own[k] : undefined;
    if (!inBounds(target[k]!, v)) return false;
  }
  return true;
}

export class Run {
  readonly model: ModelInstance;
  private readonly entries: HistoryEntry[] = [];
  /**
   * A lean run that keeps one latest entry (historyLimit 1: every sweep run) holds its latest
   * epoch in these fields and builds the entry only when the history is read: the next epoch's
   * entry would trim it away unread (an object and a trim per epoch were ~4 % of a sweep's time).
   */
  private held: { epoch: number; loss: number; accuracy: number; test: Scores | undefined; updates: number; own: Readonly<Record<string, number>> | undefined; extra: HistoryEntry['extra'] } | null = null;
  /** Every epoch's entry from epoch 0 (trimmed to about historyLimit of the latest, epoch 0 kept). */
  get history(): HistoryEntry[] {
    if (this.held) {
      const h = this.held;
      this.held = null;
      this.record(new LeanEntry(h.epoch, h.loss, h.accuracy, h.test, h.updates, h.own, h.extra));
    }
    return this.entries;
  }
  readonly target: Target;
  private readonly targetKeys: readonly string[];
  private epochCount = 0;
  private updatesThisEpoch = 0;
  private stepsThisEpoch = 0;
  /** Brent's cycle detection: one saved state, re-saved at power-of-two distances (O(1) memory). */
  private saved: { epoch: number; w: Float64Array } | null = null;
  private power = 1;
  /** Exact end-of-epoch states of a small deterministic model → the epoch that first reached each. */
  private seen: StateSet | null = null;
  /** StateSet.hash of this epoch's weights when the bound check computed it on its pass (−1: not computed). */
  private stateHash = -1;
  private state: Status = { outcome: null, reason: null, cause: null };
  private decided: number | null = null;
  private best = { accuracy: -Infinity, testAccuracy: -Infinity };
  lastStep: StepRecord | null = null;
  /**
   * Keep training after the verdict (the UI's "play on": the teacher shows the explosion after the
   * divergence was named). The outcome stays as decided; history goes on; the budget no longer stops it.
   */
  playOn = false;

  /** Live changes still to come (in epoch order, stable), and those made so far. */
  private readonly pending: LiveChange[];
  readonly changes: LiveChange[] = [];

  constructor(readonly spec: RunSpec) {
    this.model = asModelInstance(spec.plugin.create({ data: spec.data, params: spec.params, rng: deriveRng(spec.modelSeed ?? spec.seed, `model:${spec.id}`), ...(spec.lean ? { lean: true } : {}) }), spec.data);
    this.pending = [...(spec.changes ?? [])].map((c) => this.checked(c.epoch, c.param, c.value)).sort((a, b) => a.epoch - b.epoch);
    this.target = spec.target ?? this.model.target ?? spec.plugin.meta.defaultTarget;
    this.targetKeys = Object.keys(this.target);
    this.closeEpoch(this.model.measure(), 0);
  }

  get epoch(): number {
    return this.epochCount;
  }
  get done(): boolean {
    return this.state.outcome !== null;
  }
  /** True while training may go on: before the verdict, or after it when playing on with finite weights. */
  get live(): boolean {
    return !this.done || (this.playOn && this.canPlayOn());
  }
  /** Training can go on past the verdict: every weight and the loss are still finite numbers. */
  canPlayOn(): boolean {
    const w = this.model.flatWeights();
    for (let j = 0; j < w.length; j++) if (!Number.isFinite(w[j]!)) return false;
    return Number.isFinite(this.latest.loss);
  }
  /**
   * A diverged run trained on past its verdict (the lab's "play on", as an export recorded it) up
   * to epoch `to`, never more than `most` epochs past the verdict (an export is untrusted).
   */
  playOnUntil(to: number, most: number): this {
    if (this.state.outcome !== 'diverged' || this.decided === null || !(to > this.epoch)) return this;
    this.playOn = true;
    while (this.epoch < to && this.epoch - this.decided < most && this.runEpoch());
    return this;
  }
  /** The epoch at which the outcome was decided (null while undecided). */
  get decidedAt(): number | null {
    return this.decided;
  }
  /** Best training (and test) accuracy over every epoch so far, kept even when the history is trimmed. */
  get bestAccuracy(): number {
    return this.best.accuracy > -Infinity ? this.best.accuracy : NaN;
  }
  get bestTestAccuracy(): number | undefined {
    return this.best.testAccuracy > -Infinity ? this.best.testAccuracy : undefined;
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

  /**
   * Changes a live parameter while the run trains, the weights kept: now when no epoch is under way,
   * else from the next epoch's start (so a replay applies it at the same place). Returns the change
   * as recorded; throws a ModelConfigError for a parameter that is not live or a value out of range.
   */
  change(param: string, value: number | string): LiveChange {
    const change = this.checked(this.changePosition(), param, value);
    // in epoch order, after any change already due at the same place
    const at = this.pending.findIndex((c) => c.epoch > change.epoch);
    this.pending.splice(at < 0 ? this.pending.length : at, 0, change);
    if (this.stepsThisEpoch === 0) this.applyChanges();
    return change;
  }

  /** A change checked against the plugin's schema (live, in range) and the model (it can change). */
  private checked(epoch: number, param: string, value: unknown): LiveChange {
    const meta = this.spec.plugin.meta;
    if (!this.model.setLive) throw new ModelConfigError(`${meta.id} cannot change its parameters while it trains`, param);
    if (!(Number.isInteger(epoch) && epoch >= 0)) throw new ModelConfigError(`a change's epoch must be a whole number ≥ 0, got ${epoch}`, param);
    let v: unknown;
    try {
      v = checkLive(meta.params, param, value);
    } catch (e) {
      throw new ModelConfigError(`${meta.id}: ${(e as Error).message}`, param);
    }
    if (typeof v !== 'number' && typeof v !== 'string') throw new ModelConfigError(`${meta.id}: ${param} cannot change while the model trains`, param);
    return { epoch, param, value: v };
  }

  /** Where a change made now takes effect: this epoch's start when none is under way, else the next's. */
  private changePosition(): number {
    return this.stepsThisEpoch === 0 ? this.epochCount : this.epochCount + 1;
  }

  /** The value the last change of `param` made or due by that place set (undefined: none, the run's own parameter). */
  scheduled(param: string): number | string | undefined {
    const at = this.changePosition();
    return [...this.changes, ...this.pending.filter((c) => c.epoch <= at)].filter((c) => c.param === param).at(-1)?.value;
  }

  /** The changes due at this epoch's start (the weights are those the last epoch closed with). */
  private applyChanges(): void {
    while (this.pending.length > 0 && this.pending[0]!.epoch <= this.epochCount) {
      const change = this.pending.shift()!;
      this.model.setLive!(change.param, change.value);
      this.changes.push(change);
      // other dynamics from here: a state seen before the change says nothing about a cycle after it
      this.seen?.release();
      this.seen = null;
      this.saved = null;
      this.power = 1;
    }
  }

  /** One single update (a pattern, or a batch); closes the epoch when it completes one. */
  step(): StepRecord | null {
    if (!this.live) return null;
    if (this.stepsThisEpoch === 0 && this.pending.length > 0) this.applyChanges();
    const record = this.model.step?.() ?? null;
    if (!record) {
      this.runEpoch();
      return null;
    }
    this.lastStep = record;
    this.stepsThisEpoch++;
    if (record.changed) this.updatesThisEpoch++;
    // the update belongs to the epoch in progress, one past the last closed one
    if (this.done || !this.failIfUnbounded(record.after, this.epochCount + 1)) {
      if (record.closes) this.closeEpoch(record.closes, this.updatesThisEpoch);
    }
    return record;
  }

  /** Finishes the current epoch (or runs a whole one); returns false when the run has ended. */
  runEpoch(): boolean {
    if (!this.live) return false;
    if (this.stepsThisEpoch > 0) {
      while (this.live && this.stepsThisEpoch > 0) this.step();
      return this.live;
    }
    if (this.pending.length > 0) this.applyChanges();
    const result = this.model.epoch();
    this.closeEpoch(result, result.updates);
    return this.live;
  }

  /** Trains until an outcome is reached. */
  toEnd(): this {
    while (this.runEpoch());
    return this;
  }

  /**
   * Ends the run as diverged when a weight is not finite or past the bound; `epoch` is named in the
   * reason. With `hash` (the exact cycle check follows), the weights are also hashed for the
   * StateSet (this.stateHash): a small net's in the same pass (the one chain of StateSet.hash).
   */
  private failIfUnbounded(w: ArrayLike<number>, epoch: number, hash = false): boolean {
    // at most the largest double, so that ±∞ fails the one comparison per weight (NaN fails it too);
    // which rule failed is found after
    const bound = Math.min(this.spec.divergeBound ?? DEFAULT_BOUND, Number.MAX_VALUE);
    if (hash && w instanceof Float64Array && w.length < StateSet.LANES_FROM) {
      const words = StateSet.words(w);
      let h: number = StateSet.SEEDS[0];
      for (let j = 0; j < w.length; j++) {
        const v = w[j]!;
        if (!(v <= bound && v >= -bound)) return this.unbounded(w, j, epoch);
        h = StateSet.mix(h, words[2 * j]!, words[2 * j + 1]!);
      }
      this.stateHash = StateSet.finish(h);
      return false;
    }
    for (let j = 0; j < w.length; j++) {
      const v = w[j]!;
      if (!(v <= bound && v >= -bound)) return this.unbounded(w, j, epoch);
    }
    if (hash) this.stateHash = StateSet.hash(w);
    return false;
  }

  /** Ends the run on weight j, which is not finite or past the bound. */
  private unbounded(w: ArrayLike<number>, j: number, epoch: number): true {
    const value = w[j]!;
    if (!Number.isFinite(value)) return this.end('diverged', cause('weight-not-finite', { index: j, value, epoch }));
    return this.end('diverged', cause('weight-past-bound', { index: j, value, bound: this.spec.divergeBound ?? DEFAULT_BOUND, epoch }));
  }

  /** Decides the outcome once; a reason is a Cause (its English text is filled here) or a plugin's own text. */
  private end(outcome: Outcome, why: Cause | string | null): true {
    if (this.state.outcome === null) {
      const meta = this.spec.plugin.meta;
      const reason = isCause(why) ? reasonText(why, { model: (id) => (id === meta.id ? meta.name : id) }) : why;
      this.state = { outcome, reason, cause: isCause(why) ? why : null };
      this.decided = this.epochCount;
      // decided: no state is looked up again (closeEpoch stops before the cycle check), the buffers go to the next run
      this.seen?.release();
      this.seen = null;
    }
    return true;
  }

  /**
   * With deterministic epochs, a state seen before means the same epochs repeat for ever. Small
   * models remember every end-of-epoch state exactly, so the cycle is named at its first repeat;
   * beyond that (or for large models) Brent's method, equal up to round-off, in O(1) memory.
   */
  private detectCycle(w: Float64Array | readonly number[], epoch: number, updates: number): boolean {
    let first: number | undefined;
    if (w.length <= SMALL_MODEL) {
      this.seen ??= new StateSet(w.length);
      const hash = this.stateHash >= 0 ? this.stateHash : StateSet.hash(w);
      first = this.seen.find(w, hash);
      if (first === undefined && this.seen.size < MAX_SEEN) this.seen.add(w, hash, epoch);
    }
    if (first === undefined && this.saved && sameState(w, this.saved.w)) first = this.saved.epoch;
    if (first === undefined) {
      if (!this.saved || epoch - this.saved.epoch === this.power) {
        if (this.saved) this.power *= 2;
        this.saved = { epoch, w: w instanceof Float64Array ? w.slice() : Float64Array.from(w) };
      }
      return false;
    }
    const period = epoch - first;
    return this.end(
      'cycling',
      period === 1
        ? // one update that leaves the weights as they were is no return: the step changed nothing
          updates > 1
          ? cause('epoch-returns', { epoch, first, updates })
          : cause('fixed-point', { first })
        : cause('cycle', { epoch, first, period }),
    );
  }

  /** Appends an entry; the initial state (epoch 0) is always kept: claims and the gradient panel read it. */
  private record(entry: HistoryEntry): void {
    const h = this.entries;
    h.push(entry);
    const limit = this.spec.historyLimit;
    if (limit !== undefined && h.length > 2 * limit) {
      // splice(1, length − 1 − limit) written out: a trim in every `limit` epochs (each epoch with limit 1)
      const cut = h.length - 1 - limit;
      for (let i = 1; i <= limit; i++) h[i] = h[i + cut]!;
      // pop, not `length =` (setting the length is a runtime call)
      while (h.length > limit + 1) h.pop();
    }
  }

  /**
   * Records what an epoch ended with (the model's one EpochResult; `updates` counted by the runner
   * when steps made the epoch) and decides the outcome from it: nothing else is asked of the model.
   */
  private closeEpoch(result: EpochResult, updates: number): void {
    const epoch = this.entries.length === 0 ? 0 : ++this.epochCount;
    this.stepsThisEpoch = 0;
    this.updatesThisEpoch = 0;
    const { plugin } = this.spec;
    const { train, test, extra, weights: w, metrics: own } = result;
    const small = w.length <= SMALL_MODEL;
    if (train.accuracy > this.best.accuracy) this.best.accuracy = train.accuracy;
    if (test && test.accuracy > this.best.testAccuracy) this.best.testAccuracy = test.accuracy;
    // a lean run (every epoch of every sweep run passes here) merges the metrics only when read
    const metrics = this.spec.lean ? null : mergedMetrics(own, train, test, epoch);
    if (metrics) {
      const entry: Record<string, unknown> = { epoch, loss: train.loss, accuracy: train.accuracy };
      if (test) {
        entry['testAccuracy'] = test.accuracy;
        entry['testLoss'] = test.loss;
      }
      entry['updates'] = updates;
      if (small) entry['weights'] = Array.from(w);
      entry['metrics'] = metrics;
      if (extra) entry['extra'] = extra;
      this.record(entry as unknown as HistoryEntry);
    } else if (this.spec.historyLimit === 1 && this.entries.length > 0) {
      // held, not built: the one kept after epoch 0 (the entry held before is dropped, as its trim would)
      if (this.held) {
        const h = this.held;
        h.epoch = epoch;
        h.loss = train.loss;
        h.accuracy = train.accuracy;
        h.test = test;
        h.updates = updates;
        h.own = own;
        h.extra = extra;
      } else this.held = { epoch, loss: train.loss, accuracy: train.accuracy, test, updates, own, extra };
    } else this.record(new LeanEntry(epoch, train.loss, train.accuracy, test, updates, own, extra));
    // After the verdict the run only records (the UI playing on); nothing is decided again.
    if (this.done) return;

    if (!Number.isFinite(train.loss)) {
      this.end('diverged', cause('loss-not-finite', { loss: train.loss, epoch }));
      return;
    }
    // a run without a target (the whole budget) trains every epoch: a repeat is no verdict there
    const cycleCheck = this.model.deterministicEpochs === true && this.targetKeys.length > 0;
    this.stateHash = -1;
    if (this.failIfUnbounded(w, epoch, cycleCheck && small)) return;
    const why = result.stop;
    if (why) {
      this.end('diverged', why);
      return;
    }
    if (metrics ? withinTarget(this.target, metrics, this.targetKeys) : leanWithinTarget(this.target, this.targetKeys, own, train, test, epoch)) {
      this.end('solved', null);
      return;
    }
    if (!plugin.meta.learns) {
      this.end('inert', cause('no-learning', { model: plugin.meta.id }));
      return;
    }
    if (cycleCheck && this.detectCycle(w, epoch, updates)) return;
    if (epoch >= this.spec.epochs) this.endOfBudget(test);
  }

  /**
   * The budget is spent short of the target: truncated, unless spending it was the design. A run
   * with no target (--full-budget, "fullBudget") finished; so did one judged on its held-out test
   * set (test data, and no target of the scenario's own: the model's default target is a training
   * fit the experiment does not ask for).
   */
  private endOfBudget(test: Scores | undefined): void {
    const epochs = this.spec.epochs;
    if (this.targetKeys.length === 0) this.end('finished', cause('finished', { epochs }));
    else if (test && this.spec.target === undefined) this.end('finished', cause('finished-test', { epochs, test: test.accuracy }));
    else this.end('truncated', cause('budget', { epochs }));
  }
}
