/**
 * The lab's player (issue 26): the clock arithmetic of playback as pure functions of numbers. A
 * tick at `now` owes units of training for the time since the previous tick at the pace (a carry
 * keeps the fraction of a unit owed); the lab runs what it can within a slice of the frame and
 * reports how many it ran; the meter keeps what was owed and played, to say the pace played.
 * No clock here: the caller passes the times, so tests use numbers.
 */
import type { Pace, PaceMeasure } from './pace.js';

/** Training time per tick: the rest of the frame is for input and drawing. */
export const SLICE_MS = 22;

/** One tick measured: `units` played in the `dt` milliseconds since the previous tick, when the pace asked for `owed`. */
export interface MeterSample {
  readonly dt: number;
  readonly owed: number;
  readonly units: number;
}

export interface Player {
  /** Time of the previous tick while playing (null: the next tick is a play's first). */
  readonly last: number | null;
  /** Units owed and not yet played (a fraction of one, or what a slice could not play). */
  readonly carry: number;
  /** The meter: the last two seconds of ticks (and at least twenty units owed). */
  readonly samples: readonly MeterSample[];
}

export const IDLE_PLAYER: Player = Object.freeze({ last: null, carry: 0, samples: Object.freeze([]) as readonly MeterSample[] });

/** What a tick owes: the player moved to `now`, at most `units` to run (Infinity at "max"), and the time it covers. */
export interface Due {
  readonly player: Player;
  readonly units: number;
  readonly elapsed: number;
  /** False on a play's first tick: no time before it to measure against. */
  readonly measured: boolean;
}

/** Units the pace owes for `ms` of wall time (none for no time, even at "max": 0 × ∞ is not a number). */
export const owedIn = (ms: number, pace: Pace): number => (ms === 0 ? 0 : (ms / 1000) * pace.perSecond);

/** The tick at `now` at `pace`: the time since the previous tick (a first tick counts one frame), owed as whole units. */
export function owe(p: Player, pace: Pace, now: number): Due {
  const measured = p.last !== null;
  const elapsed = p.last === null ? 1000 / Math.min(pace.perSecond, 30) : Math.max(0, now - p.last);
  const cap = pace.perSecond === Infinity ? Infinity : Math.max(1, pace.perSecond / 10);
  const carry = Math.min(p.carry + owedIn(elapsed, pace), cap);
  return { player: { ...p, last: now, carry }, units: carry === Infinity ? Infinity : Math.floor(carry), elapsed, measured };
}

/**
 * After the tick: `moved` units were run; `live` when some run still plays (the meter measures only
 * those ticks: the last one stops short by design); not live, the carry is dropped.
 */
export function played(due: Due, pace: Pace, moved: number, live: boolean): Player {
  let carry = due.player.carry - moved;
  if (carry === Infinity) carry = 0;
  const samples = due.measured && live ? meterAdd(due.player.samples, { dt: due.elapsed, owed: owedIn(due.elapsed, pace), units: moved }) : due.player.samples;
  return { last: due.player.last, carry: live ? carry : 0, samples };
}

/** Not playing: the next tick starts a play (its time is not measured). */
export const paused = (p: Player): Player => (p.last === null ? p : { ...p, last: null });
/** A play starts again, or the pace changed: the meter starts over. */
export const restarted = (p: Player): Player => ({ ...p, last: null, samples: [] });
/** The meter starts over (the pace changed, the runs were rebuilt). */
export const unmeasured = (p: Player): Player => (p.samples.length === 0 ? p : { ...p, samples: [] });

/** The meter with one more sample, the oldest dropped while the rest still covers two seconds and twenty units owed. */
export function meterAdd(samples: readonly MeterSample[], s: MeterSample): readonly MeterSample[] {
  const out = [...samples, s];
  const sum = (k: 'dt' | 'owed'): number => out.reduce((a, x) => a + x[k], 0);
  while (out.length > 1 && sum('dt') - out[0]!.dt >= 2000 && sum('owed') - out[0]!.owed >= 20) out.shift();
  return out;
}

/** What the meter says (pace.ts says it in words). */
export function measure(samples: readonly MeterSample[]): PaceMeasure {
  const { dt, owed, units } = samples.reduce((a, x) => ({ dt: a.dt + x.dt, owed: a.owed + x.owed, units: a.units + x.units }), { dt: 0, owed: 0, units: 0 });
  return { perSecond: dt >= 500 && owed >= 10 ? (units * 1000) / dt : null, short: owed >= 10 && units < 0.9 * owed };
}
