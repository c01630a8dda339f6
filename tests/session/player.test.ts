/**
 * The player's clock arithmetic (player.ts), with numbers for times: what a tick owes at a pace,
 * the carry of a fraction of a unit, the cap, the meter's measured pace. No clock, no lab.
 */
import { describe, expect, it } from 'vitest';
import { PACES, playedPaceLabel, type Pace } from '../../src/session/pace.js';
import { IDLE_PLAYER, measure, meterAdd, owe, paused, played, restarted, type MeterSample, type Player } from '../../src/session/player.js';

const perSecond = (n: number): Pace => ({ unit: 'epoch', perSecond: n });

/** Ticks every `dt` ms from 0, running at most `canRun` units a tick; returns the units run per tick and the player. */
function ticks(pace: Pace, dt: number, n: number, canRun = Infinity): { runs: number[]; player: Player } {
  let p = IDLE_PLAYER;
  const runs: number[] = [];
  for (let i = 1; i <= n; i++) {
    const due = owe(p, pace, i * dt);
    const moved = Math.min(due.units, canRun);
    p = played(due, pace, moved, true);
    runs.push(moved);
  }
  return { runs, player: p };
}

describe('the player owes units for the time since the last tick', () => {
  it("a play's first tick counts one frame (at most a thirtieth of a second)", () => {
    // 10 a second: the first tick is 1/10 s, one unit; at 100 a second a thirtieth, 3.33 units
    expect(owe(IDLE_PLAYER, perSecond(10), 5000)).toMatchObject({ units: 1, elapsed: 100, measured: false });
    const due = owe(IDLE_PLAYER, perSecond(100), 5000);
    expect(due.units).toBe(3);
    expect(due.player.carry).toBeCloseTo(10 / 3, 12);
    expect(due.player.last).toBe(5000);
  });

  it('the fraction of a unit is carried to the next tick', () => {
    // 10 a second at 33 ms ticks: the first tick owes 1 unit, then 0.33 a tick: 0.99 after three, and the
    // fourth owes 1.32 capped at a tenth of a second's units (1), so the fraction over it is not kept
    const { runs, player } = ticks(perSecond(10), 33, 10);
    expect(runs).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0]);
    expect(player.carry).toBeCloseTo(0.33, 12);
  });

  it('a long pause owes at most a tenth of a second of units (never less than one)', () => {
    let p: Player = { ...IDLE_PLAYER, last: 0 };
    expect(owe(p, perSecond(100), 60_000).units).toBe(10);
    expect(owe(p, perSecond(1), 60_000).units).toBe(1);
    p = played(owe(p, perSecond(100), 60_000), perSecond(100), 4, true);
    expect(p.carry).toBe(6);
  });

  it('at "max" a tick owes without bound, and the carry does not outlive it', () => {
    const max = PACES.at(-1)!;
    const due = owe({ ...IDLE_PLAYER, last: 0 }, max, 33);
    expect(due.units).toBe(Infinity);
    expect(played(due, max, 7, true).carry).toBe(0);
    // two ticks in the same millisecond owe nothing (not NaN, which would stop the play for good)
    const same = owe({ ...IDLE_PLAYER, last: 33 }, max, 33);
    expect(same.units).toBe(0);
    expect(owe(played(same, max, 0, true), max, 66).units).toBe(Infinity);
  });

  it('a play that ends drops its carry; a pause forgets the last tick; a restart the meter too', () => {
    const due = owe({ ...IDLE_PLAYER, last: 0 }, perSecond(100), 25);
    expect(played(due, perSecond(100), 2, false)).toEqual({ last: 25, carry: 0, samples: [] });
    const p = played(due, perSecond(100), 2, true);
    expect(p.samples).toEqual([{ dt: 25, owed: 2.5, units: 2 }]);
    expect(paused(p)).toEqual({ ...p, last: null });
    expect(restarted(p)).toEqual({ last: null, carry: p.carry, samples: [] });
  });
});

describe('the meter measures the pace played', () => {
  it('training too slow: 2 units a 33 ms tick where the pace owes 3.3', () => {
    const { player } = ticks(perSecond(100), 33, 40, 2);
    const m = measure(player.samples);
    // the first tick is not measured: 39 ticks of 33 ms, 2 units each
    expect(m.perSecond).toBeCloseTo(2000 / 33, 9);
    expect(m.short).toBe(true);
    expect(playedPaceLabel(perSecond(100), m)).toBe('~61 epochs/s (set 100)');
  });

  it('training that keeps up shows the setting', () => {
    const m = measure(ticks(perSecond(100), 33, 40).player.samples);
    expect(m.short).toBe(false);
    expect(playedPaceLabel(perSecond(100), m)).toBe('100 epochs/s');
  });

  it('nothing is said before half a second and ten units were measured', () => {
    // 9 ticks measured: 297 ms, too short to say a pace (the label keeps the setting), though already short of it
    const early = measure(ticks(perSecond(100), 33, 10, 2).player.samples);
    expect(early).toEqual({ perSecond: null, short: true });
    expect(playedPaceLabel(perSecond(100), early)).toBe('100 epochs/s');
    expect(measure([{ dt: 600, owed: 9, units: 1 }]).perSecond).toBeNull();
    expect(measure([{ dt: 600, owed: 10, units: 6 }]).perSecond).toBe(10);
  });

  it('keeps the last two seconds (and twenty units owed): older samples are dropped', () => {
    let samples: readonly MeterSample[] = [];
    for (let i = 0; i < 100; i++) samples = meterAdd(samples, { dt: 100, owed: 10, units: i < 50 ? 0 : 10 });
    // 20 samples (2,000 ms, 200 units owed): dropping one more would leave 1,900 ms
    expect(samples.length).toBe(20);
    expect(measure(samples)).toEqual({ perSecond: 100, short: false });
  });
});
