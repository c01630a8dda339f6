import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripAnsi, type ColorDepth } from '../../../src/ui/color.js';
import { decadesOf, gradientBars, gradientHeadline, magnitudeRgb } from '../../../src/ui/render/bars.js';
import { rowsProblem } from '../../../src/ui/render/text.js';

const DEPTHS: readonly ColorDepth[] = ['none', '16', '256', 'truecolor'];
const sigmoid = Array.from({ length: 11 }, (_, i) => 3e-7 * 4.2 ** i);
const relu = Array.from({ length: 11 }, (_, i) => 0.05 * 1.25 ** i);

/** Layer numbers named by the row labels (L3, L3,4 or L5–8 cover 3, 3 4 and 5 6 7 8). */
function layersNamed(rows: readonly string[]): number[] {
  const named: number[] = [];
  for (const r of rows) {
    const m = /^L(\d+)(?:([,–])(\d+))?\s/.exec(stripAnsi(r));
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[3] ? Number(m[3]) : a;
    for (let i = a; i <= b; i++) named.push(i);
  }
  return named;
}

describe('gradient bars', () => {
  it('shows all eleven layers, one a row when the rows allow, with 3-figure values', () => {
    const { rows, perRow } = gradientBars({ runs: [{ label: 'sigmoid', norms: sigmoid }], width: 60, height: 12, depth: 'none' });
    expect(perRow).toBe(1);
    expect(layersNamed(rows)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(rows[0]).toContain('sigmoid');
    expect(rows[0]).toMatch(/log 1e−7…1e0/);
    expect(rows[1]).toMatch(/^L1 +█+[▏▎▍▌▋▊▉]? +3e−7 *$/);
    expect(rows[11]).toContain('0.512');
  });

  it('packs two layers a row, then four, then one cell a layer, and never hides one', () => {
    for (const [height, perRow] of [[11, 1], [10, 2], [6, 2], [5, 4], [3, 4], [2, 0], [1, 0]] as const) {
      const g = gradientBars({ runs: [{ norms: sigmoid }], width: 70, height, depth: 'none' });
      expect(g.perRow).toBe(perRow);
      if (perRow > 0) expect(layersNamed(g.rows)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
      else expect(g.rows[0]).toMatch(/^L1–11 [▁▂▃▄▅▆▇█]{11} 3e−7…0\.512/);
    }
  });

  it('draws longer bars for larger norms on one log axis shared by both runs', () => {
    const { rows } = gradientBars({ runs: [{ label: 'sigmoid', norms: sigmoid }, { label: 'ReLU', norms: relu }], width: 100, height: 12, depth: 'none' });
    const lengths = rows.slice(1).map((r) => r.split('│').map((half) => (half.match(/[█▏▎▍▌▋▊▉]/g) ?? []).length));
    for (let i = 1; i < 11; i++) expect(lengths[i]![0]!).toBeGreaterThanOrEqual(lengths[i - 1]![0]!);
    expect(lengths[0]![0]!).toBeGreaterThan(0);
    // ReLU's first layer (0.05) is far longer than sigmoid's (3e−7) on the shared axis.
    expect(lengths[0]![1]!).toBeGreaterThan(4 * lengths[0]![0]!);
    expect(rows[0]).toMatch(/sigmoid .*ReLU/);
  });

  it('half blocks: the upper layer is ▀ and the lower ▄ where only one reaches', () => {
    const { rows } = gradientBars({ runs: [{ norms: [1e-6, 1e-2] }], width: 40, height: 1, depth: 'none', decades: [-8, 0] });
    expect(rows[0]).toMatch(/^L1,2 █+▄+ /);
    const flipped = gradientBars({ runs: [{ norms: [1e-2, 1e-6] }], width: 40, height: 1, depth: 'none', decades: [-8, 0] });
    expect(flipped.rows[0]).toMatch(/^L1,2 █+▀+ /);
  });

  it('colours by magnitude: vanishing, weak, healthy and exploding differ', () => {
    const colours = [1e-6, 1e-3, 0.5, 1e4].map((v) => magnitudeRgb(v).join());
    expect(new Set(colours).size).toBe(4);
    const { rows } = gradientBars({ runs: [{ norms: [1e-6, 1e-3, 0.5] }], width: 40, height: 3, depth: '256' });
    expect(new Set(rows.map((r) => /\x1b\[38;5;(\d+)m/.exec(r)?.[1])).size).toBe(3);
  });

  it('writes 0, NaN and ∞ norms as such, with no bar for 0 and NaN', () => {
    const { rows } = gradientBars({ runs: [{ norms: [0, Number.NaN, Infinity, 0.1] }], width: 40, height: 4, depth: 'none' });
    expect(rows[0]).toMatch(/^L1 +0 *$/);
    expect(rows[1]).toMatch(/^L2 +NaN *$/);
    expect(rows[2]).toMatch(/^L3 █+ +∞ *$/);
    expect(decadesOf([{ norms: [0, Number.NaN] }])).toEqual([-8, 2]);
  });

  it('gives exactly `height` rows of `width` cells for any norms and size', () => {
    const norm = fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0, Number.NaN, Infinity, 1e-300));
    const run = fc.record({ label: fc.option(fc.constantFrom('sigmoid', 'ReLU', '시그모이드'), { nil: undefined }), norms: fc.array(norm, { maxLength: 30 }) });
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 2 }), fc.integer({ min: 0, max: 250 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom(...DEPTHS), (runs, width, height, depth) => {
        expect(rowsProblem(gradientBars({ runs, width, height, depth }).rows, width, height, depth)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('gradient headline', () => {
  it('says in words how much of the last layer’s gradient reaches the first', () => {
    const sig = [3e-7, 1e-4, 1];
    expect(gradientHeadline(sig, { label: 'ReLU', norms: [0.5, 0.8, 1] })).toBe("the first layer receives 3 × 10⁻⁷ of the last layer's gradient; with ReLU 0.5");
    expect(gradientHeadline([2.4e-5, 1])).toBe("the first layer receives 2.4 × 10⁻⁵ of the last layer's gradient");
    expect(gradientHeadline([12, 1])).toBe("the first layer receives 12 times the last layer's gradient");
    expect(gradientHeadline([1, 1])).toBe('the first layer receives as much gradient as the last layer');
    expect(gradientHeadline([1, 0])).toBe("the first layer's gradient cannot be compared with the last layer's (1 against 0)");
    expect(gradientHeadline([0.7])).toBe('one layer, gradient norm 0.7');
    expect(gradientHeadline([])).toBe('no gradients reported');
  });
});
