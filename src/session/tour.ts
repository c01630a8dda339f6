/**
 * The tour, headless: the curriculum's stops one after another, each a lab that plays by itself to
 * its telling moment, then a closing summary (each era: what failed → what fixed it, with the
 * numbers of the runs the tour just played). The interactive tour, `neural-eras tour` off a
 * terminal and the lesson tests all drive this object.
 */
import { percent } from '../core/format.js';
import { CURRICULUM, type Stop } from './curriculum.js';
import { factLines } from './facts.js';
import { LabSession, type LabView } from './lab.js';
import type { LaneView } from './views.js';
import { EN_TR, type Tr } from '../i18n/index.js';

export interface TourView extends Omit<LabView, 'kind'> {
  readonly kind: 'tour';
  readonly stop: number;
  readonly stops: number;
  readonly stopTitle: string;
  readonly narrative: readonly string[];
}

/** One era in the closing summary: its stop's title, what failed → what fixed it, and its runs' numbers. */
export interface SummaryEra {
  readonly title: string;
  readonly failure: string;
  readonly fix: string;
  /** Each run as the tour left it ("η = 0.33 DIVERGED 25%"), or null when the stop was not played out. */
  readonly runs: readonly string[] | null;
}

export interface SummaryView {
  readonly kind: 'summary';
  readonly eras: readonly SummaryEra[];
  /** The first era on screen (the list scrolls). */
  readonly scroll: number;
}

/** A stop's lab, playing from its first frame. */
export function stopSession(stop: Stop, clock?: () => number, tr: Tr = EN_TR): LabSession {
  return new LabSession({
    scenario: stop.scenario,
    run: stop.runs[0],
    compare: stop.runs.length === 2 ? [stop.runs[0], stop.runs[1]!] : false,
    pace: stop.pace,
    autoplay: true,
    ...(stop.gradients ? { gradients: true } : {}),
    ...(stop.playOn ? { playOn: stop.playOn } : {}),
    ...(stop.epochs !== undefined ? { epochs: stop.epochs } : {}),
    leaderboard: false,
    ...(clock ? { clock } : {}),
    tr,
  });
}

/** A run's numbers for the summary: its verdict and (test) accuracy, in the language on screen. */
export function summaryRun(l: LaneView, tr: Tr): string {
  const verdict = l.verdict?.label ?? '…';
  const test = l.latest?.testAccuracy;
  return test !== undefined ? tr.t('summary.runTest', { label: l.label, verdict, test: percent(test) }) : tr.t('summary.run', { label: l.label, verdict, acc: percent(l.now.accuracy) });
}

/** The summary's eras from the runs as recorded (`runs` by stop index). */
export function summaryEras(stops: readonly Stop[], runs: ReadonlyMap<number, readonly string[]>, tr: Tr): SummaryEra[] {
  return stops.map((s, i) => {
    const said = tr.stop(s);
    return { title: said.title, failure: said.failure, fix: said.fix, runs: runs.get(i) ?? null };
  });
}

export class TourSession {
  lab: LabSession;
  /** Past the last stop: the closing summary is on screen. */
  summary = false;
  scroll = 0;
  /** Each played-out stop's runs as the tour left them (the summary's numbers). */
  private readonly results = new Map<number, readonly string[]>();
  constructor(
    public stop = 0,
    private readonly stops: readonly Stop[] = CURRICULUM,
    private readonly clock?: () => number,
    private readonly tr: Tr = EN_TR,
  ) {
    this.lab = stopSession(this.stops[this.stop]!, clock, tr);
  }

  get count(): number {
    return this.stops.length;
  }
  get current(): Stop {
    return this.stops[this.stop]!;
  }

  /** Keeps the stop's numbers for the summary once every run on screen is decided. */
  private record(): void {
    const lanes = this.lab.lanes();
    if (lanes.length === 0 || !lanes.every((l) => l.decided)) return;
    this.results.set(this.stop, this.lab.view(0).lanes.map((l) => summaryRun(l, this.tr)));
  }

  /** Moves to another stop; false past either end. */
  go(i: number): boolean {
    if (i < 0 || i >= this.stops.length) return false;
    this.record();
    this.summary = false;
    this.stop = i;
    this.lab = stopSession(this.stops[i]!, this.clock, this.tr);
    return true;
  }

  /** Past the last stop: the summary (true), or false when it is already showing. */
  next(): boolean {
    if (this.summary) return false;
    if (this.go(this.stop + 1)) return true;
    this.record();
    this.summary = true;
    this.scroll = 0;
    return true;
  }

  /** From the summary back to the last stop, as it was left. */
  back(): void {
    if (this.summary) this.summary = false;
    else this.go(this.stop - 1);
  }

  scrollBy(d: number): void {
    this.scroll = Math.max(0, Math.min(this.stops.length - 1, this.scroll + d));
  }

  summaryView(): SummaryView {
    return { kind: 'summary', eras: summaryEras(this.stops, this.results, this.tr), scroll: this.scroll };
  }

  /** The stop's text facts now, each meant to be shown whole at `width` cells (curriculum `show`). */
  facts(width: number, now = 0): string[] {
    if (this.current.show.length === 0) return [];
    return factLines(this.current, this.lab.view(now).lanes, this.lab.lanes(), width, this.tr);
  }

  view(now: number, fields: Parameters<LabSession['view']>[1] = []): TourView {
    const { kind: _kind, ...lab } = this.lab.view(now, fields);
    const said = this.tr.stop(this.current);
    return { ...lab, kind: 'tour', stop: this.stop, stops: this.stops.length, stopTitle: said.title, narrative: said.narrative };
  }
}
