import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import type { ColorDepth } from '../../../src/ui/color.js';
import { stripAnsi } from '../../../src/ui/color.js';
import { brailleChart, type ChartOptions, type ChartSeries } from '../../../src/ui/render/chart.js';
import { chooseScale, dotRow } from '../../../src/ui/render/scale.js';
import { displayWidth, rowsProblem } from '../../../src/ui/render/text.js';

const GREEN = [90, 210, 110] as const;
const AMBER = [240, 180, 60] as const;
const DEPTHS: readonly ColorDepth[] = ['none', '16', '256', 'truecolor'];

/** Lit dots of the plot, as a set of "x,y" in dot coordinates (x from the plot's left edge). */
function litDots(rows: readonly string[], axisWidth: number): Set<string> {
  const dots = new Set<string>();
  const bit = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
  rows.slice(1).forEach((row, r) => {
    [...stripAnsi(row)].slice(axisWidth).forEach((ch, c) => {
      const b = ch.charCodeAt(0) - 0x2800;
      if (b < 0 || b > 0xff) return;
      for (let dx = 0; dx < 2; dx++) for (let dy = 0; dy < 4; dy++) if (b & bit[dx]![dy]!) dots.add(`${2 * c + dx},${4 * r + dy}`);
    });
  });
  return dots;
}

/** Accuracy rising from 0.5 to `end` over `n` epochs with seeded noise, ending exactly on `end`. */
function accuracyCurve(seed: string, end: number, n = 601): number[] {
  const rng = createRng(seed);
  const v = Array.from({ length: n }, (_, e) => 0.5 + (end - 0.5) * (1 - Math.exp(-e / 90)) + rng.normal(0, 0.002));
  v[n - 1] = end;
  return v;
}

function expectShape(rows: readonly string[], width: number, height: number, depth: ColorDepth): void {
  expect(rowsProblem(rows, width, height, depth)).toBeNull();
}

describe('braille charts: shape', () => {
  it('gives exactly `height` rows of exactly `width` cells at every table size and depth', () => {
    const series: ChartSeries[] = [
      { label: 'train accuracy', values: accuracyCurve('a', 0.7), rgb: GREEN },
      { label: 'test accuracy', values: accuracyCurve('b', 0.69), rgb: AMBER, dash: true },
    ];
    for (const depth of DEPTHS) {
      for (const [width, height] of [[80, 6], [100, 7], [160, 12], [200, 20], [12, 3], [5, 2], [1, 1], [0, 0], [3, 0], [0, 4]] as const) {
        const c = brailleChart({ series, width, height, depth, percent: true, limits: [0, 1], title: 'accuracy' });
        expectShape(c.rows, width, height, depth);
      }
    }
  });

  it('keeps that shape for any series, NaN, ∞, negatives and huge values included', () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1e300, -1e-300));
    const series = fc.record({ label: fc.string({ maxLength: 20, unit: 'grapheme' }), values: fc.array(value, { maxLength: 80 }), rgb: fc.constant(GREEN), dash: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(series, { maxLength: 3 }),
        fc.integer({ min: 0, max: 250 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(...DEPTHS),
        fc.boolean(),
        fc.constantFrom<ChartOptions['log']>('auto', true, false),
        (s, width, height, depth, percent, log) => {
          const labels = s.map((x) => ({ ...x, label: x.label.replace(/[\x00-\x1f\x7f]/g, '') }));
          const c = brailleChart({ series: labels, width, height, depth, percent, log, title: 'loss' });
          expectShape(c.rows, width, height, depth);
          expect(c.rows.join('')).not.toMatch(/null|undefined/);
        },
      ),
      // a fixed seed: the same 300 cases every run (a case that hangs or fails replays)
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('draws two series that end on the same value 0 after a large one (the zoom once made a window 0 wide, and the line never ended)', () => {
    const c = brailleChart({ series: [{ label: 'a', values: [0], rgb: GREEN }, { label: 'b', values: [0, 1e10, 0], rgb: GREEN, dash: true }], width: 141, height: 26, depth: 'none', title: 'loss' });
    expectShape(c.rows, 141, 26, 'none');
    expect(chooseScale([[0], [0, 1e10, 0]], 100).hi).toBeGreaterThan(chooseScale([[0], [0, 1e10, 0]], 100).lo);
  });
});

describe('braille charts: resolution (issue 9)', () => {
  it('ends two accuracy curves one percentage point apart on different dot rows, at 100 columns and 5–8 rows', () => {
    for (const height of [6, 7, 8, 9]) {
      const series: ChartSeries[] = [
        { label: 'train', values: accuracyCurve('train', 0.7), rgb: GREEN },
        { label: 'test', values: accuracyCurve('test', 0.69), rgb: AMBER, dash: true },
      ];
      const c = brailleChart({ series, width: 100, height, depth: 'none', percent: true, limits: [0, 1], title: 'accuracy' });
      const scale = c.scale!;
      const yTrain = dotRow(scale, 0.7);
      const yTest = dotRow(scale, 0.69);
      expect(yTrain).not.toBeNull();
      expect(yTest).not.toBeNull();
      expect(yTest! - yTrain!).toBeGreaterThanOrEqual(1);
      // Both ends are drawn in the last dot column, on their own rows.
      const dots = litDots(c.rows, c.axisWidth);
      const lastX = 2 * (100 - c.axisWidth) - 1;
      expect(dots.has(`${lastX},${yTrain}`)).toBe(true);
      expect(dots.has(`${lastX},${yTest}`)).toBe(true);
      // Short charts zoom in, but still show most of the run, not only its last epochs.
      expect(scale.zoomed).toBe(height <= 8);
      expect(scale.hi - scale.lo).toBeGreaterThan(0.1);
    }
  });

  it('does not zoom when the full range already resolves the ends', () => {
    const s = chooseScale([accuracyCurve('x', 0.99), accuracyCurve('y', 0.7)], 24, { percent: true, limits: [0, 1] });
    expect(s.zoomed).toBe(false);
    expect(s.lo).toBeLessThanOrEqual(0.5);
    expect(s.hi).toBeGreaterThanOrEqual(0.99);
    expect(s.hi).toBeLessThanOrEqual(1);
  });

  it('keeps a fixed range when asked, and an automatic one within its limits with round bounds', () => {
    const fixed = chooseScale([[0.5, 0.6]], 24, { range: [0, 1], percent: true });
    expect([fixed.lo, fixed.hi]).toEqual([0, 1]);
    const logFixed = chooseScale([[0.5, 0.6]], 24, { range: [0, 100], log: true });
    expect([logFixed.lo, logFixed.hi, logFixed.log]).toEqual([0, 2, true]);
    const auto = chooseScale([[0.93, 0.97, 1]], 24, { percent: true, limits: [0, 1] });
    expect(auto.hi).toBe(1);
    expect(auto.lo).toBeLessThan(0.93);
    expect(Number((auto.lo * 100).toFixed(6)) % 1).toBe(0);
  });
});

describe('braille charts: scale and values', () => {
  it('switches to log when the positive values span more than two decades', () => {
    const exploding = Array.from({ length: 50 }, (_, e) => 2 * 1.5 ** e);
    const c = brailleChart({ series: [{ label: 'train', values: exploding, rgb: GREEN }], width: 60, height: 8, depth: 'none', title: 'loss' });
    expect(c.scale!.log).toBe(true);
    expect(c.rows[0]).toContain('loss (log)');
    const twoDecades = [1, 0.5, 0.1, 0.02, 0.011];
    expect(chooseScale([twoDecades], 24, {}).log).toBe(false);
    expect(chooseScale([[...twoDecades, 0.009]], 24, {}).log).toBe(true);
    expect(chooseScale([[1, 1e-5]], 24, { percent: true }).log).toBe(false);
    expect(chooseScale([[1, 1e-5]], 24, { log: false }).log).toBe(false);
  });

  it('labels the axis with 3 significant figures, percent for accuracy', () => {
    const loss = brailleChart({ series: [{ label: 'train', values: [1.2345, 0.98765, 0.5], rgb: GREEN }], width: 40, height: 6, depth: 'none', title: 'loss' });
    const axis = loss.rows.slice(1).map((r) => r.slice(0, loss.axisWidth).trim()).filter((l) => /\d/.test(l));
    expect(axis).toHaveLength(3);
    for (const l of axis) expect(l.replace(/[^\d]/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(3);
    const acc = brailleChart({ series: [{ label: 'train', values: [0.2, 0.9], rgb: GREEN }], width: 40, height: 6, depth: 'none', percent: true, limits: [0, 1] });
    expect(acc.rows[1]!.slice(0, acc.axisWidth)).toMatch(/\d%┤$/);
    expect(acc.rows[0]).toContain('train 90%');
  });

  it('skips NaN and ∞: the line joins the finite samples around them and is never drawn at them', () => {
    const base = { width: 40, height: 6, depth: 'none' as const, range: [0, 4] as const };
    const withGaps = brailleChart({ ...base, series: [{ label: 's', values: [1, Number.NaN, 2, Infinity, 3, -Infinity], rgb: GREEN }] });
    const clean = brailleChart({ ...base, series: [{ label: 's', values: [1, 2, 3], epochs: [0, 2, 4], rgb: GREEN }] });
    expect(withGaps.rows.slice(1)).toEqual(clean.rows.slice(1));
    expect(withGaps.rows[0]).toContain('s −∞');
    const diverged = brailleChart({ ...base, series: [{ label: 'loss', values: [1, 2, 3, Infinity, Number.NaN], rgb: GREEN }] });
    expect(diverged.rows[0]).toContain('loss ∞');
  });

  it('draws lines, not points: consecutive samples far apart are joined', () => {
    const c = brailleChart({ series: [{ label: 's', values: [0, 1], rgb: GREEN }], width: 21, height: 6, depth: 'none', range: [0, 1] });
    const dots = litDots(c.rows, c.axisWidth);
    const cols = new Set([...dots].map((d) => d.split(',')[0]));
    expect(cols.size).toBe(2 * (21 - c.axisWidth));
  });

  it('keeps a one-epoch spike in a long series visible', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i === 2345 ? 1 : 0));
    const c = brailleChart({ series: [{ label: 's', values, rgb: GREEN }], width: 30, height: 5, depth: 'none', range: [0, 1] });
    expect(litDots(c.rows, c.axisWidth).has(`${Math.round((2345 / 4999) * (2 * (30 - c.axisWidth) - 1))},0`)).toBe(true);
  });

  it('tells a dotted series from a solid one without colour', () => {
    const c = brailleChart({
      series: [
        { label: 'train', values: Array(50).fill(0.8), rgb: GREEN },
        { label: 'test', values: Array(50).fill(0.2), rgb: AMBER, dash: true },
      ],
      width: 30, height: 5, depth: 'none', range: [0, 1],
    });
    const plot = c.rows.slice(1).map((r) => [...r].slice(c.axisWidth).join(''));
    const solid = plot.find((r) => r.includes('⠉') || r.includes('⠒') || r.includes('⠤') || r.includes('⣀'))!;
    const dotted = plot.find((r) => r !== solid && /[⠁⠂⠄⡀⠈⠐⠠⢀]/.test(r))!;
    expect(solid.trim().length).toBe(30 - c.axisWidth);
    // One dot per cell, bar the last: the latest value is always drawn.
    expect([...dotted.trim()].slice(0, -1).every((ch) => [1, 2, 4, 8, 16, 32, 64, 128].includes(ch.charCodeAt(0) - 0x2800))).toBe(true);
    expect(c.rows[0]).toMatch(/━ train 0\.8 +┅ test 0\.2/);
  });

  it('colours each series and merges repeated codes along a row', () => {
    const c = brailleChart({ series: [{ label: 'train', values: Array(100).fill(0.5), rgb: GREEN }], width: 60, height: 4, depth: '256', range: [0, 1] });
    for (const r of c.rows.slice(1)) expect(r.split('\x1b[').length - 1).toBeLessThanOrEqual(3);
  });

  it('condenses the legend to fit, dropping words before values, and never overflows', () => {
    const series: ChartSeries[] = [
      { label: 'train accuracy', values: [0.5, 0.7], rgb: GREEN },
      { label: 'test accuracy', values: [0.5, 0.69], rgb: AMBER, dash: true },
    ];
    const at = (width: number): string => brailleChart({ series, width, height: 3, depth: 'none', percent: true, title: 'accuracy' }).rows[0]!;
    expect(at(80)).toMatch(/^accuracy {2}━ train accuracy 70% {2}┅ test accuracy 69%/);
    expect(at(36)).toMatch(/━ train 70% +┅ test 69%/);
    expect(at(20)).toMatch(/━ 70% ┅ 69%/);
    for (let w = 0; w < 90; w++) expect(displayWidth(at(w))).toBe(w);
  });
});

describe('braille charts: too short to draw', () => {
  it('says in words what one epoch gave, and draws no empty chart', () => {
    const c = brailleChart({ series: [{ label: 'train', values: [0.5], rgb: GREEN }, { label: 'test', values: [0.75], rgb: AMBER }], width: 60, height: 5, depth: '256', percent: true, title: 'accuracy' });
    expect(c.tooShort).toBe(true);
    expect(c.summary).toBe('train 50%, test 75%');
    expect(c.rows[0]).toContain('accuracy: one epoch so far: train 50%, test 75%');
    expect(c.rows.join('')).not.toMatch(/[\u2800-\u28ff│┤]/);
    expectShape(c.rows, 60, 5, '256');
  });
  it('says so before the first epoch', () => {
    const c = brailleChart({ series: [{ label: 'train', values: [], rgb: GREEN }], width: 30, height: 2, depth: 'none', title: 'loss' });
    expect(c.tooShort).toBe(true);
    expect(c.rows[0]).toBe('loss: no epochs yet'.padEnd(30));
  });
});
