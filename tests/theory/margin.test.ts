import { describe, expect, it } from 'vitest';
import { dot } from '../../src/theory/linalg.js';
import { maxMargin } from '../../src/theory/margin.js';
import { createRng } from '../../src/core/rng.js';

/** z_i = s_i (1, x_i): the bias input x0 = 1 first, times the class sign. */
const signed = (xs: number[][], s: number[]): number[][] => xs.map((x, i) => [1, ...x].map((v) => v * s[i]!));

describe('maxMargin (Wolfe\'s minimum-norm point)', () => {
  it('two points: the segment from (1, 0) to (0, 1) is nearest the origin at (½, ½), γ = 1/√2', () => {
    const m = maxMargin([[1, 0], [0, 1]]);
    expect(m.separable).toBe(true);
    expect(m.gamma).toBeCloseTo(Math.SQRT1_2, 14);
    expect(m.u[0]).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it('one input with its bias: x = 1 (+1) against x = 3 (−1) gives u ∝ (2, −1), γ = 1/√5', () => {
    const m = maxMargin(signed([[1], [3]], [1, -1]));
    expect(m.gamma).toBeCloseTo(1 / Math.sqrt(5), 14);
    expect(m.u[0]! / m.u[1]!).toBeCloseTo(-2, 12);
  });

  it('bipolar AND with the bias: u = (−1, 1, 1)/√3, γ = 1/√3, three support vectors', () => {
    const m = maxMargin(signed([[-1, -1], [-1, 1], [1, -1], [1, 1]], [-1, -1, -1, 1]));
    expect(m.gamma).toBeCloseTo(1 / Math.sqrt(3), 14);
    m.u.forEach((v, j) => expect(v).toBeCloseTo([-1, 1, 1][j]! / Math.sqrt(3), 14));
    expect(m.support).toEqual([1, 2, 3]);
  });

  it('the lecture\'s AND (0/1 inputs, ±1 targets): u = (−3, 2, 2)/√17, γ = 1/√17', () => {
    const m = maxMargin(signed([[0, 0], [0, 1], [1, 0], [1, 1]], [-1, -1, -1, 1]));
    expect(m.gamma).toBeCloseTo(1 / Math.sqrt(17), 14);
    m.u.forEach((v, j) => expect(v).toBeCloseTo([-3, 2, 2][j]! / Math.sqrt(17), 14));
  });

  it('XOR is not separable: the origin lies in the hull, γ = 0', () => {
    const m = maxMargin(signed([[0, 0], [0, 1], [1, 0], [1, 1]], [-1, 1, 1, -1]));
    expect(m.separable).toBe(false);
    expect(m.gamma).toBe(0);
    expect(m.upper).toBeLessThan(1e-9);
  });

  it('on random point sets the certificate closes: min_i u·z_i = ‖p‖ (separable) or p = 0 (not)', () => {
    const rng = createRng('margin');
    let separable = 0;
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + rng.int(30);
      const d = 2 + rng.int(4);
      const shift = rng.range(-1, 3);
      const z = Array.from({ length: n }, () => Array.from({ length: d }, (_, j) => rng.normal() + (j === 0 ? shift : 0)));
      const m = maxMargin(z);
      if (m.separable) {
        separable++;
        expect(Math.abs(Math.hypot(...m.u) - 1)).toBeLessThan(1e-12);
        expect(m.upper - m.gamma).toBeLessThanOrEqual(1e-9 * Math.max(1, m.upper));
        for (const p of z) expect(dot(m.u, p)).toBeGreaterThanOrEqual(m.gamma - 1e-12);
      } else {
        // a convex combination of the points that is (nearly) the origin: no u is positive on all of them
        expect(m.lambda.every((l) => l >= 0)).toBe(true);
        expect(m.lambda.reduce((a, l) => a + l, 0)).toBeCloseTo(1, 12);
        const p = Array.from({ length: d }, (_, j) => m.support.reduce((a, s, k) => a + m.lambda[k]! * z[s]![j]!, 0));
        expect(Math.hypot(...p)).toBeLessThan(1e-9 * Math.max(...z.map((q) => Math.hypot(...q))));
      }
    }
    expect(separable).toBeGreaterThan(40);
    expect(separable).toBeLessThan(180);
  });

  it('is deterministic', () => {
    const z = signed([[0.2, 1], [1, 0.3], [2, 2], [-1, 0.5]], [1, 1, -1, -1]);
    expect(maxMargin(z)).toEqual(maxMargin(z));
  });
});
