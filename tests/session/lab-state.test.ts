/**
 * The lab's settings (lab-state.ts) driven by actions alone: a pure reducer over an immutable
 * value, so each key's effect is a comparison of two values. No lab, no clock, no terminal.
 */
import { describe, expect, it } from 'vitest';
import { initialLabState, reduceLab, type LabState, type LabStateAction } from '../../src/session/lab-state.js';
import { DEFAULT_PACE, PACES } from '../../src/session/pace.js';

const run = (s: LabState, ...actions: LabStateAction[]): LabState => actions.reduce(reduceLab, s);
const start = initialLabState();

describe('the lab state is one immutable value', () => {
  it('starts from the options', () => {
    expect(start).toMatchObject({ index: 0, compare: false, pair: null, gradients: false, playing: false, playingOn: false, pace: DEFAULT_PACE, note: null, exports: 0, pointClass: 1, cursor: null });
    expect(initialLabState({ compare: ['a', 'b'], autoplay: true, gradients: true, pace: 3 })).toMatchObject({ compare: true, pair: ['a', 'b'], playing: true, gradients: true, pace: 3 });
  });

  it('is frozen, and an action returns a new value without touching the old one', () => {
    expect(Object.isFrozen(start)).toBe(true);
    const after = reduceLab(start, { type: 'gradients' });
    expect(after.gradients).toBe(true);
    expect(start.gradients).toBe(false);
    expect(Object.isFrozen(after)).toBe(true);
    expect(() => ((after as { gradients: boolean }).gradients = false)).toThrow(TypeError);
  });

  it('an action that changes nothing returns the same value', () => {
    expect(reduceLab(start, { type: 'pause' })).toBe(start);
    expect(reduceLab(start, { type: 'note', note: null })).toBe(start);
    expect(reduceLab(start, { type: 'cursorMove', dc: 1, dr: 0, cols: 24, rows: 12 })).toBe(start);
  });
});

describe('each key is an action', () => {
  it('space plays; again pauses; after every verdict it plays on; with nothing to play it does not play', () => {
    const playing = reduceLab(start, { type: 'toggle', settled: false, canPlay: true });
    expect([playing.playing, playing.playingOn]).toEqual([true, false]);
    expect(reduceLab(playing, { type: 'toggle', settled: true, canPlay: true }).playing).toBe(false);
    expect(reduceLab(start, { type: 'toggle', settled: true, canPlay: true })).toMatchObject({ playing: true, playingOn: true });
    expect(reduceLab(start, { type: 'toggle', settled: true, canPlay: false })).toMatchObject({ playing: false, playingOn: true });
    // the telling moment stops playing, and playing on
    expect(run(start, { type: 'toggle', settled: true, canPlay: true }, { type: 'settled' })).toMatchObject({ playing: false, playingOn: false });
  });

  it('+ and − step the pace along the ladder and stop at its ends', () => {
    expect(run(start, { type: 'faster' }).pace).toBe(DEFAULT_PACE + 1);
    expect(run(start, ...Array<LabStateAction>(20).fill({ type: 'faster' })).pace).toBe(PACES.length - 1);
    expect(run(start, ...Array<LabStateAction>(20).fill({ type: 'slower' })).pace).toBe(0);
  });

  it('c and g toggle (or set); m goes round the models and forgets a tour pair and the note', () => {
    expect(run(start, { type: 'compare' }, { type: 'compare' }).compare).toBe(false);
    expect(run(start, { type: 'compare', on: false }).compare).toBe(false);
    expect(run(start, { type: 'gradients', on: true }, { type: 'gradients', on: true }).gradients).toBe(true);
    const paired = run(initialLabState({ compare: ['a', 'b'] }), { type: 'note', note: 'hi' });
    const next = run(paired, { type: 'nextModel', count: 3 }, { type: 'nextModel', count: 3 }, { type: 'nextModel', count: 3 });
    expect(next).toMatchObject({ index: 0, pair: null, note: null });
    expect(run(paired, { type: 'nextModel', count: 3 }).index).toBe(1);
    expect(run(paired, { type: 'nextModel', count: 1 }).index).toBe(0);
  });

  it('a rebuild keeps the model in range and ends playing on', () => {
    const s = run(start, { type: 'model', index: 4 }, { type: 'toggle', settled: true, canPlay: true });
    expect(reduceLab(s, { type: 'rebuilt', count: 2 })).toMatchObject({ index: 1, playingOn: false, playing: true });
    expect(reduceLab(s, { type: 'rebuilt', count: 0 }).index).toBe(0);
  });

  it('e counts its exports (x does not); the status line shows the note it wrote', () => {
    const once = reduceLab(start, { type: 'exported', note: 'wrote a', status: 'a', counted: true });
    expect(once).toMatchObject({ note: 'wrote a', exportNote: { note: 'wrote a', status: 'a' }, exports: 1 });
    expect(reduceLab(once, { type: 'exported', note: 'shared', status: 's', counted: false }).exports).toBe(1);
    expect(reduceLab(once, { type: 'exported', note: 'again', status: 'b', counted: true }).exports).toBe(2);
  });

  it('k steps the point class round the classes; a puts the cursor on the map, the arrows move it a cell, inside the map', () => {
    expect(run(start, { type: 'pointClass', classes: 2 }).pointClass).toBe(0);
    expect(run(start, { type: 'pointClass', classes: 3 }, { type: 'pointClass', classes: 3 }).pointClass).toBe(0);
    const on = reduceLab(start, { type: 'cursor', at: { u: 0.5, v: 0.5 }, note: 'cursor' });
    expect(on).toMatchObject({ cursor: { u: 0.5, v: 0.5 }, note: 'cursor' });
    expect(reduceLab(on, { type: 'cursorMove', dc: 1, dr: -2, cols: 20, rows: 10 }).cursor).toEqual({ u: 0.55, v: 0.3 });
    const edge = run(on, ...Array<LabStateAction>(30).fill({ type: 'cursorMove', dc: 1, dr: 1, cols: 20, rows: 10 }));
    expect(edge.cursor).toEqual({ u: 1 - 0.5 / 200, v: 1 - 0.5 / 200 });
    expect(reduceLab(edge, { type: 'cursor', at: null, note: null })).toMatchObject({ cursor: null, note: null });
  });
});
