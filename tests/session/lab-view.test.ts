/**
 * The lab's views from actions and numbers (issue 26): the facts each lane's layout needs are
 * computed when the lane is built, so sizing a frame never calls a model; the share string follows
 * the runs on screen; a view asked twice is the same. No clock, no terminal.
 */
import { describe, expect, it, vi } from 'vitest';
import { decodeShare } from '../../src/scenarios/share.js';
import { LabSession } from '../../src/session/lab.js';
import { reduceLab, type LabStateAction } from '../../src/session/lab-state.js';
import { labView, type LabViewInput } from '../../src/session/lab-view.js';
import { EN_TR } from '../../src/i18n/index.js';

describe('the lab view', () => {
  it('sizing a frame calls no model: the lanes facts were computed as they were built', () => {
    const lab = new LabSession({ scenario: 'spiral-net', run: 'net' });
    const model = lab.lanes()[0]!.run!.model;
    const asked = (['snapshot', 'hidden', 'describe', 'evaluate', 'flatWeights'] as const).filter((k) => typeof model[k] === 'function').map((k) => vi.spyOn(model, k));
    expect(asked.length).toBeGreaterThan(2);
    const shape = lab.frameShape();
    lab.epoch();
    const after = lab.frameShape();
    expect(asked.map((s) => s.mock.calls.length)).toEqual(asked.map(() => 0));
    expect(shape.lanes[0]).toMatchObject({ dataKind: after.lanes[0]!.dataKind, network: [2, 4, 4, 1], epochs: 0 });
    expect(after.lanes[0]!.epochs).toBe(1);
  });

  it('the share string follows the runs on screen: a model tried on this data is in it', () => {
    const lab = new LabSession({ scenario: 'xor-backprop' });
    const own = lab.view(0).share!;
    while (lab.choices[lab.index]!.own) lab.nextModel();
    const tried = lab.view(0).share!;
    expect(tried).not.toBe(own);
    expect(decodeShare(tried).t).toEqual([lab.choices[lab.index]!.id]);
    expect(decodeShare(own).t).toBeUndefined();
  });

  it('the view is remembered: asked again with nothing changed, its lanes and claims are the same values', () => {
    const lab = new LabSession({ scenario: 'xor-backprop', compare: true });
    const a = lab.view(0);
    const b = lab.view(0);
    expect(b.claims).toBe(a.claims);
    expect(b.share).toBe(a.share);
    expect(b.lanes[0]!.series).toBe(a.lanes[0]!.series);
    lab.epoch();
    const c = lab.view(0);
    expect(c.lanes[0]!.series).not.toBe(a.lanes[0]!.series);
    expect(c.lanes[0]!.epoch).toBe(1);
  });
});

describe('labView: the state after actions, as a view (no session, no clock)', () => {
  // the inputs of one lab, taken once; the state then changes by actions alone
  const lab = new LabSession({ scenario: 'xor-backprop', run: 'mlp-backprop' });
  const first = lab.view(0);
  const input: LabViewInput = { state: lab.state, scenario: lab.scenario, ref: 'xor-backprop', problem: null, seed: lab.seed, choices: lab.choices, shown: [lab.index], lanes: first.lanes, claims: first.claims, receipts: first.receipts, pace: { perSecond: null, short: false }, share: first.share, leaderboard: null, live: null, keysOff: first.keysOff, tr: EN_TR };
  const after = (...actions: LabStateAction[]) => labView({ ...input, state: actions.reduce(reduceLab, lab.state) });

  it('is the session view for the same inputs', () => {
    expect(labView(input)).toEqual(first);
  });

  it('the note, the export flash while its note is on screen, the pace, the play mark', () => {
    const exported = after({ type: 'exported', note: 'wrote x.json', status: 'x', counted: true });
    expect([exported.message, exported.flash]).toEqual(['wrote x.json', 'x']);
    const replaced = after({ type: 'exported', note: 'wrote x.json', status: 'x', counted: true }, { type: 'note', note: 'other' });
    expect([replaced.message, replaced.flash]).toEqual(['other', null]);
    expect(after({ type: 'faster' }, { type: 'faster' }).pace).toBe('100 epochs/s');
    expect(after({ type: 'toggle', settled: false, canPlay: true }).playing).toBe(true);
    expect(labView({ ...input, state: reduceLab(lab.state, { type: 'faster' }), pace: { perSecond: 40, short: true } }).pace).toBe('~40 epochs/s (set 25)');
  });

  it('the point cursor is drawn on the first run; the model index and gradients are the state', () => {
    const v = after({ type: 'cursor', at: { u: 0.5, v: 0.5 }, note: null }, { type: 'cursorMove', dc: 2, dr: 1, cols: 20, rows: 10 }, { type: 'gradients' });
    expect(v.lanes[0]!.cursor).toEqual({ u: 0.6, v: 0.6 });
    expect(v.gradients).toBe(true);
    expect(v.modelIndex).toBe(lab.index);
    expect(first.lanes[0]!.cursor).toBeUndefined();
  });
});
