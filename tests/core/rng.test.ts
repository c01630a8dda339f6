import { describe, expect, it } from 'vitest';
import { createRng, deriveRng } from '../../src/core/rng.js';

describe('rng', () => {
  it('same seed gives the same stream, bit for bit', () => {
    const a = createRng(42);
    const b = createRng(42);
    const draw = (r: ReturnType<typeof createRng>) => [r.uniform(), r.normal(), r.normal(), r.int(10), r.range(-2, 3), ...r.shuffle([1, 2, 3, 4, 5])];
    expect(draw(a)).toEqual(draw(b));
  });

  it('different seeds and purposes give different streams', () => {
    expect(createRng(1).uniform()).not.toBe(createRng(2).uniform());
    expect(deriveRng(1, 'data').uniform()).not.toBe(deriveRng(1, 'model:a').uniform());
    expect(deriveRng(1, 'data').uniform()).toBe(deriveRng(1, 'data').uniform());
  });

  it('draws lie in their ranges', () => {
    const r = createRng('ranges');
    for (let i = 0; i < 2000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const k = r.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      const x = r.range(-3, -1);
      expect(x >= -3 && x < -1).toBe(true);
    }
  });

  it('normal draws have the asked mean and spread', () => {
    const r = createRng(7);
    const xs = Array.from({ length: 20000 }, () => r.normal(2, 3));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeCloseTo(3, 1);
  });

  it('shuffle is a permutation and shuffleIndices matches it', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRng(3).shuffle([...items]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    const idx = Uint32Array.from(items);
    createRng(3).shuffleIndices(idx);
    expect(Array.from(idx)).toEqual(shuffled);
  });
});
