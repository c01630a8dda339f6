/**
 * One run on screen: the Run itself, the curves kept for display, the last single updates (the
 * weight trace) and the loss and accuracy right now, even in the middle of an epoch.
 */
import { Run, type RunSpec } from '../core/runner.js';
import type { StepRecord, WeightsSnapshot } from '../core/types.js';
import { EN_TR, type Tr } from '../i18n/index.js';
import { DisplaySeries } from './series.js';

/**
 * Runner history entries kept (epoch 0 and the latest ones): the screen reads only those two, but
 * `e` exports the history, so a lesson's whole run is kept; a session that plays on for ever
 * stays bounded.
 */
export const KEEP_HISTORY = 10_000;
/** Single updates remembered for the weight trace. */
const TRACE = 24;
/** Data sets up to this size are re-scored after every single update (the status bar's accuracy). */
const SCORE_EACH_STEP = 512;

/** When to stop playing on after a divergence was named: the explosion must be visible. */
export interface PlayOn {
  /** Until the loss is at least this many times its value at epoch 0. */
  readonly lossFactor?: number;
  /** …or some weight's magnitude passes this. */
  readonly weightAbove?: number;
  /** …or this many epochs have been played past the verdict (a loss that cannot grow would play for ever). */
  readonly epochs?: number;
}

/**
 * A lab's play-on after a divergence it names before it shows (the LMS bound at epoch 9, loss still
 * below its start): on until the loss has doubled from its start, so the screen shows what the verdict says.
 */
export const LAB_PLAY_ON: PlayOn = { lossFactor: 2, weightAbove: 1e6, epochs: 1000 };

export interface TraceStep extends StepRecord {
  /** The epoch this update belongs to (1 for the first epoch). */
  readonly epoch: number;
  /** The training loss just before and just after this update (absent when the set is too large to score each step). */
  readonly loss?: { readonly before: number; readonly after: number };
  /** ‖ΔW‖ of each weight layer (or named block) this update moved, first layer first: a deep net's step, layer by layer. */
  readonly layerSteps?: readonly { readonly name: string; readonly norm: number }[];
}

/** Weight layers (or named blocks) of a snapshot as flat lists, to measure one update layer by layer. */
function layersOf(s: WeightsSnapshot): { name: string; w: number[] }[] | null {
  if (s.kind === 'layers' && s.layers.length >= 2) return s.layers.map((l, k) => ({ name: `W${k + 1}`, w: l.flat() }));
  if (s.kind === 'blocks') return s.blocks.map((b) => ({ name: b.name, w: 'vector' in b ? [...b.vector] : b.rows.flat() }));
  return null;
}

/** ‖after − before‖ per layer (null when the shapes differ). */
function layerSteps(before: WeightsSnapshot, after: WeightsSnapshot): { name: string; norm: number }[] | undefined {
  const a = layersOf(before);
  const b = layersOf(after);
  if (!a || !b || a.length !== b.length) return undefined;
  return a.map((l, k) => {
    let sum = 0;
    for (let j = 0; j < l.w.length; j++) sum += ((b[k]!.w[j] ?? l.w[j]!) - l.w[j]!) ** 2;
    return { name: l.name, norm: Math.sqrt(sum) };
  });
}

export class Lane {
  readonly run: Run | null;
  /** Why the run cannot go on: it could not be built, or its model threw while training (a user plugin). */
  error: string | null;
  readonly series = new DisplaySeries();
  /** The latest single updates, oldest first. */
  readonly trace: TraceStep[] = [];
  /** Loss and accuracy at the current weights (after the last update, even mid-epoch). */
  now: { loss: number; accuracy: number } = { loss: NaN, accuracy: NaN };
  /** Bumped on every change: views are cached on it. */
  version = 0;
  /** Wall-clock seconds spent training this run (the challenge's leaderboard records them). */
  seconds = 0;

  constructor(
    readonly spec: RunSpec,
    private readonly playOnUntil: PlayOn | null = null,
    tr: Tr = EN_TR,
  ) {
    let run: Run | null = null;
    let error: string | null = null;
    try {
      run = new Run({ ...spec, historyLimit: KEEP_HISTORY });
    } catch (e) {
      error = tr.t('lab.cannotRun', { id: spec.plugin.meta.id, error: (e as Error).message });
    }
    this.run = run;
    this.error = error;
    if (run) {
      this.series.push(run.latest);
      this.now = { loss: run.latest.loss, accuracy: run.latest.accuracy };
    }
  }

  /** The outcome is known (or the run could not start, or stopped on an error). */
  get decided(): boolean {
    return !this.run || this.run.done || this.error !== null;
  }

  /** Nothing more to play by itself: decided, and past any play-on its verdict asks for. */
  get settled(): boolean {
    const run = this.run;
    if (!run || this.error !== null) return true;
    if (!run.done) return false;
    if (!this.playOnUntil || run.status.outcome !== 'diverged') return true;
    if (!run.canPlayOn()) return true;
    return this.playOnReached();
  }

  /** Whether the run can take another update (after the verdict only when playing on). */
  canAdvance(playingOn: boolean): boolean {
    const run = this.run;
    if (!run || this.error !== null) return false;
    if (!run.done) return true;
    return (playingOn || !this.settled) && run.canPlayOn();
  }

  private playOnReached(): boolean {
    const run = this.run!;
    const start = run.history[0]!.loss;
    const { lossFactor, weightAbove, epochs } = this.playOnUntil!;
    if (epochs !== undefined && run.epoch - (run.decidedAt ?? run.epoch) >= epochs) return true;
    if (lossFactor !== undefined && Number.isFinite(start) && run.latest.loss >= lossFactor * start) return true;
    if (weightAbove !== undefined) {
      const w = run.model.flatWeights();
      for (let j = 0; j < w.length; j++) if (Math.abs(w[j]!) > weightAbove) return true;
    }
    return false;
  }

  /**
   * One pattern (a single update) or the rest of the epoch. After the verdict it plays on only when
   * asked (`playingOn`: a key pressed, or the verdict's own play-on).
   */
  advance(unit: 'pattern' | 'epoch', playingOn: boolean): boolean {
    const run = this.run;
    if (!run) return false;
    if (!this.canAdvance(playingOn)) return false;
    if (run.done) run.playOn = true;
    const epoch = run.epoch;
    const t0 = performance.now();
    let record: StepRecord | null = null;
    // A layered net's step is measured layer by layer (a copy of the weights before it).
    const layered = unit === 'pattern' ? run.model.snapshot() : null;
    const lossBefore = this.now.loss;
    const scoredBefore = this.scored;
    try {
      if (unit === 'pattern') {
        record = run.step();
      } else {
        run.runEpoch();
      }
    } catch (e) {
      // A model that throws (a user plugin) stops its own run, with its id and the error; the lab goes on.
      this.error = `${this.spec.plugin.meta.id} failed at epoch ${run.epoch}: ${(e as Error).message?.split('\n')[0] ?? String(e)}`;
      this.version++;
      return false;
    } finally {
      this.seconds += (performance.now() - t0) / 1000;
    }
    if (run.epoch !== epoch) {
      this.series.push(run.latest);
      this.now = { loss: run.latest.loss, accuracy: run.latest.accuracy };
      this.scored = true;
    } else if (unit === 'pattern' && run.spec.data.inputs.length <= SCORE_EACH_STEP) {
      const s = run.model.evaluate(run.spec.data);
      this.now = { loss: s.loss, accuracy: s.accuracy };
      this.scored = true;
    } else {
      // mid-epoch on a large set: `now` still holds the last epoch's numbers
      this.scored = false;
    }
    // `.` on a model that has no single update at this stage (RBM pretraining) trained a whole epoch: said, not silent
    this.wholeEpoch = unit === 'pattern' && !record && run.epoch !== epoch ? run.epoch : null;
    if (record) {
      const steps = layered && layerSteps(layered, run.model.snapshot());
      this.remember({
        ...record,
        epoch: epoch + 1,
        ...(scoredBefore && this.scored ? { loss: { before: lossBefore, after: this.now.loss } } : {}),
        ...(steps ? { layerSteps: steps } : {}),
      });
    }
    this.version++;
    return true;
  }

  /** The epoch `.` trained whole because the model had no single update to make (null after a single update). */
  wholeEpoch: number | null = null;
  /** True while `now` holds the loss at the current weights (false mid-epoch on a set too large to score each step). */
  private scored = true;

  private remember(step: TraceStep): void {
    this.trace.push(step);
    if (this.trace.length > TRACE) this.trace.shift();
  }
}
