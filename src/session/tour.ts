/**
 * The tour, headless: the curriculum's stops one after another, each a lab that plays by itself to
 * its telling moment. The interactive tour, `neural-eras tour` off a terminal and the lesson tests
 * all drive this object.
 */
import { CURRICULUM, type Stop } from './curriculum.js';
import { LabSession, type LabView } from './lab.js';
import { EN_TR, type Tr } from '../i18n/index.js';

export interface TourView extends Omit<LabView, 'kind'> {
  readonly kind: 'tour';
  readonly stop: number;
  readonly stops: number;
  readonly stopTitle: string;
  readonly narrative: readonly string[];
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
    ...(clock ? { clock } : {}),
    tr,
  });
}

export class TourSession {
  lab: LabSession;
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

  /** Moves to another stop; false past either end. */
  go(i: number): boolean {
    if (i < 0 || i >= this.stops.length) return false;
    this.stop = i;
    this.lab = stopSession(this.stops[i]!, this.clock, this.tr);
    return true;
  }

  view(now: number, fields: Parameters<LabSession['view']>[1] = []): TourView {
    const { kind: _kind, ...lab } = this.lab.view(now, fields);
    const said = this.tr.stop(this.current);
    return { ...lab, kind: 'tour', stop: this.stop, stops: this.stops.length, stopTitle: said.title, narrative: said.narrative };
  }
}
