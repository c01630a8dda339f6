/** verify's plan of its worker threads: the costliest first to the thread with least work, each share in list order. */
import { describe, expect, it } from 'vitest';
import { planVerify, verifyCost } from '../../src/commands/verify.js';
import { VERIFY_COSTS } from '../../src/commands/verify-costs.js';
import { loadScenario, parseScenario } from '../../src/scenarios/loader.js';

describe('planVerify', () => {
  it('gives the costliest scenarios to different threads and balances the rest, each share in list order', () => {
    const costs = [1, 5, 2, 1, 4, 1, 2];
    const plan = planVerify(costs, 2);
    expect(plan).toEqual([[1, 3, 6], [0, 2, 4, 5]]);
    const load = plan.map((p) => p.reduce((s, i) => s + costs[i]!, 0));
    expect(load).toEqual([8, 8]);
    expect(plan.flat().sort()).toEqual(costs.map((_, i) => i));
  });
  it('one thread takes everything in list order; more threads than scenarios leave some idle', () => {
    expect(planVerify([3, 1, 2], 1)).toEqual([[0, 1, 2]]);
    expect(planVerify([3, 1], 4)).toEqual([[0], [1], [], []]);
  });
});

describe('verifyCost', () => {
  it('reads a shipped scenario\'s measured cost, and estimates one not measured from its runs', () => {
    const shipped = loadScenario('digits-challenge', { digits: false });
    expect(verifyCost(shipped)).toBe(VERIFY_COSTS['digits-challenge']);
    // the same id read from another file is not the shipped one
    const other = parseScenario(
      { id: 'digits-challenge', title: 't', era: '1986', year: 1986, story: ['x'], seed: 1, epochs: 200, data: { kind: 'gate', gate: 'XOR' }, models: [{ model: 'perceptron' }], claims: [] },
      'elsewhere.json',
    );
    expect(verifyCost(other)).toBeCloseTo(1 + 200 * 50 * 0.001);
  });
});
