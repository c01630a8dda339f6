import { describe, expect, it } from 'vitest';
import { gate } from '../../src/data/datasets.js';
import { mccullochPitts, PRESETS } from '../../src/models/mcculloch-pitts.js';
import { build, train } from './helpers.js';

describe('mcculloch-pitts', () => {
  it.each(Object.keys(PRESETS))('the %s preset computes its gate', (name) => {
    const data = gate(name as 'AND', 'binary', 'binary');
    expect(build(mccullochPitts, data, { preset: name }).evaluate(data).accuracy).toBe(1);
  });

  it('inhibition is an absolute veto, whatever the excitation', () => {
    const data = gate('AND', 'binary', 'binary');
    const m = build(mccullochPitts, data, { network: { layers: [[{ w: [100, 0], theta: 1, inhibitory: [1] }]] } });
    expect(m.evaluate(data).outputs.map((o) => o[0])).toEqual([0, 0, 1, 0]);
  });

  it("runs the lecture's ±1 two-layer XOR net with bias weights", () => {
    const data = gate('XOR');
    const hidden = [{ bias: -0.4, w: [0.6, 0.6] }, { bias: 0.6, w: [-0.5, -0.5] }];
    const fixed = build(mccullochPitts, data, { coding: 'bipolar', network: { layers: [hidden, [{ bias: -0.4, w: [0.6, 0.6] }]] } });
    expect(fixed.evaluate(data).outputs.map((o) => o[0])).toEqual([-1, 1, 1, -1]);
    const printed = build(mccullochPitts, data, { coding: 'bipolar', network: { layers: [hidden, [{ bias: -0.4, w: [0.6, -0.6] }]] } });
    expect(printed.evaluate(data).outputs.map((o) => o[0])).toEqual([-1, -1, -1, 1]);
  });

  it('does not learn: the run says so and stops at epoch 0', () => {
    const run = train(mccullochPitts, gate('OR', 'binary', 'binary'), { preset: 'AND' });
    expect(run.status.outcome).toBe('inert');
    expect(run.status.reason).toMatch(/does not learn/);
    expect(run.epoch).toBe(0);
  });

  it.each([
    [{ layers: [] }, /non-empty list of layers/],
    [{ layers: [[{ w: [1], theta: 1 }]] }, /^network\.layers\[0\]\[0\]\.w: must list 2 numbers/],
    [{ layers: [[{ w: [1, 1], inhibitory: [5] }]] }, /^network\.layers\[0\]\[0\]\.inhibitory: must list input indices 0…1/],
    [{ layers: [[{ w: [1, 1], theta: 1, bias: 1 }]] }, /both theta and bias/],
    [{ layers: [[{ w: [1, 1] }, { w: [1, 1] }]] }, /exactly one unit/],
    // a field of another name was carried into the run's weights, a bare null in --json (npm run fuzz, seed 1033334834)
    [{ layers: [[{ w: [1, 1], theta: 2, '}_<73?': null }]] }, /^network\.layers\[0\]\[0\]: has an unknown field "\}_<73\?"/],
    [{ layers: [[{ w: [1, 1], theta: 2 }]], note: 1 }, /^network: has an unknown field "note"/],
  ])('refuses a malformed network %#', (network, message) => {
    expect(() => build(mccullochPitts, gate('AND'), { network })).toThrow(message);
  });
});
