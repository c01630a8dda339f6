import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripAnsi, type ColorDepth } from '../../../src/ui/color.js';
import { activationRange, unitGallery, unitMap } from '../../../src/ui/render/units.js';
import { rowsProblem } from '../../../src/ui/render/text.js';

const DEPTHS: readonly ColorDepth[] = ['none', '16', '256', 'truecolor'];
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const box = { x: [-0.4, 1.4], y: [-0.4, 1.4] } as const;
const OR = (a: number, b: number): number => sigmoid(20 * (a + b - 0.5));
const NAND = (a: number, b: number): number => sigmoid(-20 * (a + b - 1.5));
const units = [
  { label: 'h1 OR', activation: OR },
  { label: 'h2 NAND', activation: NAND },
];

describe('per-unit maps', () => {
  it('draw h1 = OR dark (on) everywhere but near (0, 0), and h2 = NAND the other way round', () => {
    const or = unitMap({ activation: OR, domain: box, cols: 12, rows: 6, depth: 'none' });
    const nand = unitMap({ activation: NAND, domain: box, cols: 12, rows: 6, depth: 'none' });
    expect(or).toHaveLength(6);
    // Bottom left is (0, 0): OR is off there, NAND on; top right is (1, 1): OR on, NAND off.
    expect(or[5]![0]).toBe('·');
    expect(or[0]![11]).toBe('▓');
    expect(nand[5]![0]).toBe('▓');
    expect(nand[0]![11]).toBe('·');
  });

  it('use the heatmap’s two colours: class 0’s blue for off, class 1’s orange for on', () => {
    const [row] = unitMap({ activation: (a) => a, domain: { x: [0, 1], y: [0, 1] }, cols: 10, rows: 1, depth: 'truecolor', range: [0, 1] });
    const bgs = [...row!.matchAll(/48;2;(\d+);(\d+);(\d+)m/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    const [r0, , b0] = bgs[0]!;
    const [r1, , b1] = bgs.at(-1)!;
    expect(b0).toBeGreaterThan(r0!);
    expect(r1).toBeGreaterThan(b1!);
  });

  it('choose the range from the activations: [0, 1], [−1, 1], or their extent (ReLU)', () => {
    expect(activationRange([0.1, 0.9])).toEqual([0, 1]);
    expect(activationRange([-0.5, 0.9])).toEqual([-1, 1]);
    expect(activationRange([0, 3.5])).toEqual([0, 3.5]);
    expect(activationRange([2, 2])).toEqual([1.5, 2.5]);
    expect(activationRange([Number.NaN])).toEqual([0, 1]);
  });

  it('lay every unit out, labelled, in the room given, with square pixels', () => {
    const g = unitGallery({ units, domain: box, width: 40, height: 7, depth: 'none' });
    expect(g.tile).toEqual({ cols: 12, rows: 6 });
    expect(g.rows[0]).toMatch(/^h1 OR +h2 NAND/);
    const eight = Array.from({ length: 8 }, (_, k) => ({ label: `h${k + 1}`, activation: (a: number, b: number) => sigmoid(a * (k - 4) + b) }));
    const wide = unitGallery({ units: eight, domain: box, width: 200, height: 10, depth: '256' });
    expect(wide.tile!.cols).toBe(2 * wide.tile!.rows);
    for (let k = 1; k <= 8; k++) expect(stripAnsi(wide.rows.join('\n'))).toContain(`h${k}`);
    const small = unitGallery({ units: eight, domain: box, width: 20, height: 3, depth: 'none' });
    expect(small.tile).toBeNull();
    expect(small.rows[0]).toContain('too little room');
  });

  it('give exactly `height` rows of `width` cells for any room and depth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom(...DEPTHS), (n, width, height, depth) => {
        const g = unitGallery({ units: Array.from({ length: n }, (_, k) => ({ label: `h${k + 1}`, activation: k % 2 ? OR : (a: number) => (a > 1 ? Number.NaN : Math.max(0, a)) })), domain: box, width, height, depth });
        expect(rowsProblem(g.rows, width, height, depth)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
