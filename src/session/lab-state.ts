/**
 * The lab's own settings as one immutable value (issue 26), changed only by `reduceLab(state,
 * action)`: what plays and how fast, what is on screen, the note, the point cursor. The runs
 * themselves (lanes, mutable training state by nature) are held beside it by the session; an
 * action that depends on them carries the fact it needs (e.g. whether every run is settled), so
 * the reducer stays a pure function of its arguments.
 */
import { DEFAULT_PACE, PACES } from './pace.js';

/** The point cursor on the map: where it stands, as fractions of the map's width and height. */
export interface Cursor {
  readonly u: number;
  readonly v: number;
}

export interface LabState {
  /** The model on screen (index among the scenario's choices). */
  readonly index: number;
  /** Side by side: the model and its partner. */
  readonly compare: boolean;
  /** The explicit pair of a tour stop (run ids), while it names one. */
  readonly pair: readonly [string, string] | null;
  readonly gradients: boolean;
  readonly playing: boolean;
  /** Playing past every verdict (space pressed once all runs were settled). */
  readonly playingOn: boolean;
  /** The pace: an index on the ladder (pace.ts). */
  readonly pace: number;
  /** A note (reset, new seed, parameters applied, what a key did or refused). */
  readonly note: string | null;
  /** The last export's note and its status-line form, shown while that note is the one on screen. */
  readonly exportNote: { readonly note: string; readonly status: string } | null;
  /** Exports written from this lab (the second press says it wrote a second pair). */
  readonly exports: number;
  /** The class a click (or Enter at the point cursor) adds; shift-click adds the other. */
  readonly pointClass: number;
  /** The point cursor on the map (the keyboard's way to add points), or null when off. */
  readonly cursor: Cursor | null;
}

export type LabStateAction =
  /** Space: pause, or play (on past every verdict when `settled`; only when some run `canPlay`). */
  | { readonly type: 'toggle'; readonly settled: boolean; readonly canPlay: boolean }
  | { readonly type: 'pause' }
  /** Every run on screen has its verdict (the telling moment): playing stops, and playing on too. */
  | { readonly type: 'settled' }
  /** The runs were built again (a reset, new data): no longer playing on past a verdict. */
  | { readonly type: 'rebuilt'; readonly count: number }
  | { readonly type: 'faster' }
  | { readonly type: 'slower' }
  | { readonly type: 'compare'; readonly on?: boolean }
  | { readonly type: 'gradients'; readonly on?: boolean }
  /** The next model of `count` (the pair of a tour stop no longer applies). */
  | { readonly type: 'nextModel'; readonly count: number }
  /** The model at `index` (a run named when the lab opened, or a new scenario's first). */
  | { readonly type: 'model'; readonly index: number; readonly pair?: readonly [string, string] | null }
  | { readonly type: 'note'; readonly note: string | null }
  /** `e` or `x` wrote files: the note, its status-line form; `counted` for an export (its second press says so). */
  | { readonly type: 'exported'; readonly note: string; readonly status: string; readonly counted: boolean }
  /** The class the next point gets: the next of `classes`. */
  | { readonly type: 'pointClass'; readonly classes: number }
  | { readonly type: 'cursor'; readonly at: Cursor | null; readonly note: string | null }
  /** One cell of a map of `cols` × `rows` across or down. */
  | { readonly type: 'cursorMove'; readonly dc: number; readonly dr: number; readonly cols: number; readonly rows: number };

export interface LabStateOptions {
  readonly compare?: boolean | readonly [string, string];
  readonly gradients?: boolean;
  readonly autoplay?: boolean;
  /** The pace's index on the ladder. */
  readonly pace?: number;
}

export function initialLabState(o: LabStateOptions = {}): LabState {
  return Object.freeze({
    index: 0,
    compare: Boolean(o.compare),
    pair: Array.isArray(o.compare) ? (o.compare as readonly [string, string]) : null,
    gradients: Boolean(o.gradients),
    playing: Boolean(o.autoplay),
    playingOn: false,
    pace: o.pace ?? DEFAULT_PACE,
    note: null,
    exportNote: null,
    exports: 0,
    pointClass: 1,
    cursor: null,
  });
}

/** Half a sample of the 200-sample field from either edge: the cursor stays on the map. */
const clampCursor = (t: number): number => Math.max(0.5 / 200, Math.min(1 - 0.5 / 200, t));

/** The state after `a` (the same object when nothing changed). */
export function reduceLab(s: LabState, a: LabStateAction): LabState {
  const next = (change: Partial<LabState>): LabState => Object.freeze({ ...s, ...change });
  switch (a.type) {
    case 'toggle':
      return s.playing ? next({ playing: false }) : next({ playingOn: a.settled, playing: a.canPlay });
    case 'pause':
      return s.playing ? next({ playing: false }) : s;
    case 'settled':
      return next({ playing: false, playingOn: false });
    case 'rebuilt':
      return next({ playingOn: false, index: Math.min(s.index, Math.max(0, a.count - 1)) });
    case 'faster':
      return next({ pace: Math.min(PACES.length - 1, s.pace + 1) });
    case 'slower':
      return next({ pace: Math.max(0, s.pace - 1) });
    case 'compare':
      return next({ compare: a.on ?? !s.compare });
    case 'gradients':
      return next({ gradients: a.on ?? !s.gradients });
    case 'nextModel':
      return next({ index: a.count > 1 ? (s.index + 1) % a.count : s.index, pair: null, note: null });
    case 'model':
      return next({ index: a.index, ...(a.pair !== undefined ? { pair: a.pair } : {}) });
    case 'note':
      return s.note === a.note ? s : next({ note: a.note });
    case 'exported':
      return next({ note: a.note, exportNote: { note: a.note, status: a.status }, exports: s.exports + (a.counted ? 1 : 0) });
    case 'pointClass':
      return next({ pointClass: (s.pointClass + 1) % Math.max(2, a.classes) });
    case 'cursor':
      return next({ cursor: a.at, note: a.note });
    case 'cursorMove':
      return s.cursor ? next({ cursor: { u: clampCursor(s.cursor.u + a.dc / a.cols), v: clampCursor(s.cursor.v + a.dr / a.rows) } }) : s;
  }
}
