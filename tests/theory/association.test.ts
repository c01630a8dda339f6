import { describe, expect, it } from 'vitest';
import { associate, firingProbability, firingShare, litShare, wireRosenblatt } from '../../src/theory/association.js';
import { createRng } from '../../src/core/rng.js';

describe("Rosenblatt's association units (1958)", () => {
  it('P_a by hand: x = 1, y = 0, θ = 1 is R; x = 2, y = 1, θ = 1 is Σ over (e, i) with e − i ≥ 1', () => {
    expect(firingProbability({ excitatory: 1, inhibitory: 0, theta: 1 }, 0.3)).toBeCloseTo(0.3, 15);
    // e = 1, i = 0: 2·R(1−R)·(1−R); e = 2, i = 0: R²(1−R); e = 2, i = 1: R²·R
    const R = 0.2;
    expect(firingProbability({ excitatory: 2, inhibitory: 1, theta: 1 }, R)).toBeCloseTo(2 * R * (1 - R) ** 2 + R * R * (1 - R) + R ** 3, 15);
    expect(firingProbability({ excitatory: 5, inhibitory: 5, theta: 1 }, 0.2)).toBeCloseTo(0.3401240576, 10);
    expect(firingProbability({ excitatory: 3, inhibitory: 3, theta: -10 }, 0.5)).toBeCloseTo(1, 15);
  });

  it('each unit has exactly x excitatory and y inhibitory connections and fires when e − i ≥ θ', () => {
    const units = wireRosenblatt(50, 10, { excitatory: 4, inhibitory: 2, theta: 2 }, createRng(1));
    for (const u of units) {
      expect(u.c.reduce((a, c) => a + c, 0)).toBe(2);
      expect(u.c.reduce((a, c) => a + Math.abs(c), 0)).toBeLessThanOrEqual(6);
      expect(u.theta).toBe(2);
    }
    const all = new Array<number>(10).fill(1);
    // every point lit: e − i = 4 − 2 = 2 ≥ θ for every unit
    expect(associate(units, all)).toEqual(new Array<number>(50).fill(1));
    expect(litShare([1, 0, 0, 1])).toBe(0.5);
  });

  it('the measured share of firing units approaches P_a (10 000 units, one stimulus)', () => {
    const wiring = { excitatory: 6, inhibitory: 4, theta: 1 };
    const units = wireRosenblatt(10000, 40, wiring, createRng('a-units'));
    const stimulus = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const p = firingProbability(wiring, litShare(stimulus));
    // binomial standard error √(p(1 − p)/10000) ≈ 0.005; 4 of them
    expect(Math.abs(firingShare(units, stimulus) - p)).toBeLessThan(0.02);
  });
});
