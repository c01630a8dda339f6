/**
 * Drives one or more Runs (a lab, or the two sides of a compare) in bounded time slices, and keeps
 * the decimated curves the screens draw. A model that cannot take the data becomes an error line.
 */
import { Run, type RunSpec } from '../core/runner.js';
import { DisplaySeries } from './charts.js';

/** Runner history entries kept: the UI reads only the latest; the curves live in the decimated series. */
const KEEP_HISTORY = 256;

export interface Lane {
  readonly spec: RunSpec;
  readonly run: Run | null;
  readonly error: string | null;
  readonly series: DisplaySeries;
}

function lane(spec: RunSpec): Lane {
  const series = new DisplaySeries();
  try {
    const run = new Run({ ...spec, historyLimit: KEEP_HISTORY });
    series.push(run.latest);
    return { spec, run, error: null, series };
  } catch (e) {
    return { spec, run: null, error: `${spec.plugin.meta.id} cannot run here: ${(e as Error).message}`, series };
  }
}

export class Trainer {
  readonly lanes: Lane[];
  /** Bumped after every change: the screens memoise expensive views (the heatmap) on it. */
  version = 0;
  constructor(specs: readonly RunSpec[]) {
    this.lanes = specs.map(lane);
  }

  /** How many runs have ended (or could not start). */
  get ended(): number {
    return this.lanes.filter((l) => !l.run || l.run.done).length;
  }

  /** True when every run has ended (or could not start). */
  get done(): boolean {
    return this.lanes.every((l) => !l.run || l.run.done);
  }

  /** One epoch (or the rest of the current one) on every live run. */
  epoch(): void {
    this.advance((run) => run.runEpoch());
  }

  /** One single update (one pattern or batch) on every live run. */
  pattern(): void {
    this.advance((run) => run.step());
  }

  /** Moves every live run on, and adds each epoch it closes to the lane's curves. */
  private advance(move: (run: Run) => unknown): void {
    for (const l of this.lanes) {
      if (!l.run || l.run.done) continue;
      const epoch = l.run.epoch;
      move(l.run);
      if (l.run.epoch !== epoch) l.series.push(l.run.latest);
    }
    this.version++;
  }

  /** Epochs until `maxEpochs` are done, the time budget is spent, or another run has ended. */
  slice(maxEpochs: number, budgetMs: number, now: () => number = () => performance.now()): number {
    const start = now();
    const ended = this.ended;
    let n = 0;
    while (n < maxEpochs && this.ended === ended && !this.done) {
      this.epoch();
      n++;
      if (now() - start >= budgetMs) break;
    }
    return n;
  }
}

/** The outcome line of a lane: what happened and why. */
export function outcomeText(lane: Lane): string | null {
  const s = lane.run?.status;
  if (!s?.outcome) return null;
  return `${s.outcome.toUpperCase()}${s.reason ? `: ${s.reason}` : s.outcome === 'solved' ? `: target reached at epoch ${lane.run!.epoch}` : ''}`;
}
