import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Run } from '../../../src/core/runner.js';
import { prepareRuns } from '../../../src/scenarios/execute.js';
import { loadScenario } from '../../../src/scenarios/loader.js';
import { stripAnsi, type ColorDepth } from '../../../src/ui/color.js';
import { heatmapRows, TRAIN_MARKS, type Predictor } from '../../../src/ui/heatmap.js';
import { CLASS_GLYPHS, lineBits, mapLegend } from '../../../src/ui/render/map.js';
import { rowsProblem } from '../../../src/ui/render/text.js';

const DEPTHS: readonly ColorDepth[] = ['none', '16', '256', 'truecolor'];
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
/** A single unit w0 + w1·x1 + w2·x2 as a predictor (score = σ(net)). */
const unit = (w: readonly number[], gain = 1): Predictor => ({
  predict: (x) => {
    const s = sigmoid(gain * (w[0]! + w[1]! * x[0]! + w[2]! * x[1]!));
    return { label: s >= 0.5 ? 1 : 0, score: s };
  },
});
const square = { x: [-1, 1], y: [-1, 1] } as const;
const noData = { inputs: [], labels: [], classes: 2 };
const BRAILLE = /[\u2801-\u28ff]/;

describe('heatmap rows', () => {
  it('are exactly `cols` cells, `rows` of them, at every depth, for any unit and size', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 50 }), fc.constantFrom(...DEPTHS), (w, cols, rows, depth) => {
        const out = heatmapRows({ model: unit(w), data: noData, cols, rows, depth, domain: square, line: w });
        expect(rowsProblem(out, cols, rows, depth)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it('without colour: the two classes have disjoint glyphs, every point keeps its mark, the line shows in braille', () => {
    const run = new Run(prepareRuns(loadScenario('seed-or-unit'))[0]!);
    const s = run.model.snapshot();
    const w = s.kind === 'vector' ? s.w : [];
    const rows = heatmapRows({ model: run.model, data: run.spec.data, cols: 40, rows: 14, depth: 'none', line: w });
    const text = rows.join('\n');
    expect(text).not.toContain('\x1b');
    expect((text.match(/o/g) ?? []).length).toBe(1);
    expect((text.match(/\+/g) ?? []).length).toBe(3);
    expect(text).toMatch(BRAILLE);
    // Region glyphs: class 0 from " ·:", class 1 from "░▒▓", never shared.
    const glyphsOf = (label: 0 | 1): Set<string> => {
      const seen = new Set<string>();
      rows.forEach((r, i) => [...r].forEach((ch, c) => {
        const x = [-0.4 + ((c + 0.5) / 40) * 1.8, 1.4 - ((i + 0.5) / 14) * 1.8];
        if (run.model.predict(x).label === label && !BRAILLE.test(ch) && !TRAIN_MARKS.includes(ch)) seen.add(ch);
      }));
      return seen;
    };
    const zero = glyphsOf(0);
    const one = glyphsOf(1);
    expect([...zero].every((g) => ' ·:'.includes(g))).toBe(true);
    expect([...one].every((g) => '░▒▓'.includes(g))).toBe(true);
  });

  it('draws the line where the unit’s net input changes sign, and only there', () => {
    const w = [0.1, 0.7, -0.4];
    const rows = heatmapRows({ model: unit(w), data: noData, cols: 30, rows: 12, depth: 'none', domain: square, line: w });
    let cells = 0;
    rows.forEach((r, i) => [...r].forEach((ch, c) => {
      if (!BRAILLE.test(ch)) return;
      cells++;
      const xs = [-1 + (c / 30) * 2, -1 + ((c + 1) / 30) * 2];
      const ys = [1 - (i / 12) * 2, 1 - ((i + 1) / 12) * 2];
      const nets = xs.flatMap((x) => ys.map((y) => w[0]! + w[1]! * x + w[2]! * y));
      expect(Math.min(...nets)).toBeLessThanOrEqual(1e-12);
      expect(Math.max(...nets)).toBeGreaterThanOrEqual(-1e-12);
    }));
    expect(cells).toBeGreaterThanOrEqual(12);
  });

  it('lights exactly the dot column the line x1 = 0.03 crosses', () => {
    const bits = lineBits([-0.03, 1, 0], square, 10, 3)!;
    for (let r = 0; r < 3; r++) expect(Array.from(bits.subarray(r * 10, r * 10 + 10))).toEqual([0, 0, 0, 0, 0, 0x47, 0, 0, 0, 0]);
    expect(lineBits([1, 0, 0], square, 10, 3)).toBeNull();
    expect(lineBits([5, 1, 1], square, 10, 3)).toBeNull();
    expect(lineBits([0, Number.NaN, 1], square, 10, 3)).toBeNull();
  });

  it('in colour: a diverging scale, blue where sure of class 0, grey at the boundary, orange where sure of class 1', () => {
    const [row] = heatmapRows({ model: unit([0, 1, 0], 8), data: noData, cols: 41, rows: 1, depth: 'truecolor', domain: square });
    const bgs = [...row!.matchAll(/48;2;(\d+);(\d+);(\d+)m(▀+)/g)].flatMap((m) => Array<number[]>(m[4]!.length).fill([Number(m[1]), Number(m[2]), Number(m[3])]));
    expect(bgs).toHaveLength(41);
    const [r0, , b0] = bgs[0]!;
    const [rm, gm, bm] = bgs[20]!;
    const [r1, , b1] = bgs[40]!;
    expect(b0).toBeGreaterThan(r0! + 100);
    expect(r1).toBeGreaterThan(b1! + 100);
    expect(Math.max(rm!, gm!, bm!) - Math.min(rm!, gm!, bm!)).toBeLessThan(Math.max(b0! - r0!, r1! - b1!) / 2);
  });

  it('in colour: points are bold glyphs in their class colour on a black cell, on both regions', () => {
    const data = { inputs: [[-0.5, 0], [0.5, 0]], labels: [0, 1], classes: 2 };
    for (const depth of ['16', '256', 'truecolor'] as const) {
      const rows = heatmapRows({ model: unit([0, 1, 0], 8), data, cols: 20, rows: 5, depth, domain: square });
      const o = /\x1b\[1;([\d;]+)mo/.exec(rows.join(''));
      const plus = /\x1b\[1;([\d;]+)m\+/.exec(rows.join(''));
      expect(o && plus).toBeTruthy();
      expect(o![1]).not.toBe(plus![1]);
      const black = depth === '16' ? /;40$/ : depth === '256' ? /;48;5;16$/ : /;48;2;0;0;0$/;
      expect(o![1]).toMatch(black);
      expect(plus![1]).toMatch(black);
    }
  });

  it('ten classes: one colour each with colour, one glyph each without', () => {
    const sectors: Predictor = { predict: ([a, b]) => ({ label: Math.min(9, Math.floor(((Math.atan2(b!, a!) + Math.PI) / (2 * Math.PI)) * 10)), score: 0.9 }) };
    const data = { inputs: [], labels: [], classes: 10 };
    const plain = heatmapRows({ model: sectors, data, cols: 60, rows: 30, depth: 'none', domain: square }).join('');
    expect(new Set(CLASS_GLYPHS).size).toBe(10);
    for (const g of CLASS_GLYPHS) expect(plain).toContain(g);
    const coloured = heatmapRows({ model: sectors, data, cols: 60, rows: 30, depth: 'truecolor', domain: square }).join('');
    expect(new Set([...coloured.matchAll(/48;2;(\d+;\d+;\d+)m/g)].map((m) => m[1])).size).toBe(10);
    expect(stripAnsi(coloured)).toMatch(/^▀+$/);
  });

  it('draws the line in a contrasting white at every colour depth', () => {
    for (const [depth, white] of [['16', ';97;'], ['256', ';38;5;231;'], ['truecolor', ';38;2;250;250;250;']] as const) {
      const rows = heatmapRows({ model: unit([0, 1, 1]), data: noData, cols: 20, rows: 8, depth, domain: square, line: [0, 1, 1] });
      expect(rows.join('')).toContain(white);
      expect(stripAnsi(rows.join(''))).toMatch(BRAILLE);
    }
  });

  it('has a legend for its glyphs', () => {
    expect(mapLegend('none', 2, true)).toBe('·: class 0, ░▒▓ class 1 (darker = surer), ⠤ the unit’s line');
    expect(mapLegend('none', 3, false)).toBe('0:· 1:░ 2:▒');
  });
});
