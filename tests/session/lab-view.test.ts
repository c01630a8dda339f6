/**
 * The lab's views from actions and numbers (issue 26): the facts each lane's layout needs are
 * computed when the lane is built, so sizing a frame never calls a model; the share string follows
 * the runs on screen; a view asked twice is the same. No clock, no terminal.
 */
import { describe, expect, it, vi } from 'vitest';
import { decodeShare } from '../../src/scenarios/share.js';
import { LabSession } from '../../src/session/lab.js';

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
