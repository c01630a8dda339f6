/**
 * `run --plot`: the SVG figures, read back with an XML parser; each series' geometry, mapped back
 * through the scales the panel records, gives the run's numbers (history, points, gradient norms).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';
import { lossSvg, sampleIndices } from '../../src/report/plot.js';
import type { RunResult } from '../../src/scenarios/execute.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['g', 'path', 'rect', 'circle', 'text', 'line'].includes(name) });
const read = (file: string): Node => parser.parse(readFileSync(file, 'utf8')).svg as Node;
const nums = (s: unknown): number[] => String(s).split(',').map(Number);
const panels = (svg: Node): Node[] => (svg['g'] as Node[]).filter((g) => g['class'] === 'panel');

/** The points of an M/L path (the only commands d3's linear curve writes). */
function pathPoints(d: string): [number, number][] {
  expect(d).toMatch(/^M[-\d.,eL]+$/);
  return d.slice(1).split('L').map((p) => p.split(',').map(Number) as [number, number]);
}

/** d3-shape writes coordinates to 3 decimals: a value is read back to within half a thousandth of a pixel. */
const HALF = 0.0005;

/** True when `want` lies within the values of px ± HALF through the scale. */
function readsAs(px: number, want: number, domain: number[], range: number[], log = false): boolean {
  const [a, b] = [invert(px - HALF, domain, range, log), invert(px + HALF, domain, range, log)].sort((u, v) => u - v);
  const slack = 1e-12 * Math.max(1, Math.abs(want));
  return want >= a! - slack && want <= b! + slack;
}

/** Inverse of a linear or log scale given its domain and range. */
function invert(px: number, domain: number[], range: number[], log = false): number {
  const t = (px - range[0]!) / (range[1]! - range[0]!);
  if (!log) return domain[0]! + t * (domain[1]! - domain[0]!);
  return Math.exp(Math.log(domain[0]!) + t * (Math.log(domain[1]!) - Math.log(domain[0]!)));
}

let dir = '';
let doc: { seed: number; runs: { id: string; history: Record<string, unknown>[]; patterns: { train: { x: number[]; label: number }[]; test?: { x: number[]; label: number }[] } }[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ne-plot-'));
  const io = bufferIo();
  // two networks on two moons (a test split): loss curves over several decades, a map, gradient bars
  const code = await main(['run', 'perceptron-xor', '-m', 'perceptron', '-m', 'mlp-backprop', '-e', '300', '--json', '--plot', join(dir, 'loss.svg'), '--plot', `map=${join(dir, 'figure-2.svg')}`, '--plot', join(dir, 'gradients.svg')], io);
  expect(code).toBe(0);
  doc = JSON.parse(io.stdout());
  expect(io.stderr()).toContain('wrote');
});

describe('run --plot', () => {
  it('loss.svg: one path per run whose points are the run\'s epochs and losses', () => {
    const svg = read(join(dir, 'loss.svg'));
    const [panel] = panels(svg);
    const log = panel!['data-y-scale'] === 'log';
    const paths = panel!['path'] as Node[];
    expect(paths.map((p) => `${p['data-run']}:${p['data-series']}`)).toEqual(['perceptron:train', 'mlp-backprop:train']);
    for (const p of paths) {
      const run = doc.runs.find((r) => r.id === p['data-run'])!;
      const points = pathPoints(String(p['d']));
      expect(points).toHaveLength(run.history.length);
      points.forEach(([px, py], i) => {
        const h = run.history[i]!;
        expect(readsAs(px, h['epoch'] as number, nums(panel!['data-x-domain']), nums(panel!['data-x-range'])), `${p['data-run']} epoch ${i}`).toBe(true);
        expect(readsAs(py, h['loss'] as number, nums(panel!['data-y-domain']), nums(panel!['data-y-range']), log), `${p['data-run']} loss at ${i}`).toBe(true);
      });
    }
    // a log scale exactly when the losses span more than two decades (here they do not)
    const losses = doc.runs.flatMap((r) => r.history.map((h) => h['loss'] as number));
    expect(log).toBe(Math.max(...losses) / Math.min(...losses) > 100);
    expect(log).toBe(false);
  });

  it('a loss that falls by decades is drawn on a log scale, said on the axis', () => {
    const history = [1, 0.1, 0.01, 0.001].map((loss, epoch) => ({ epoch, loss, accuracy: 1, updates: 1 }));
    const text = lossSvg({ scenario: 's', seed: 1, runs: [{ id: 'r', history } as unknown as RunResult] }, 'decades');
    const svg = parser.parse(text).svg as Node;
    const [panel] = panels(svg);
    expect(panel!['data-y-scale']).toBe('log');
    expect((panel!['text'] as Node[]).some((t) => String(t['#text']).includes('(log scale)'))).toBe(true);
    pathPoints(String((panel!['path'] as Node[])[0]!['d'])).forEach(([, py], i) => expect(readsAs(py, history[i]!.loss, nums(panel!['data-y-domain']), nums(panel!['data-y-range']), true)).toBe(true));
  });

  it('map (kind=file): one panel per run, a point per training pattern where its x is', () => {
    const svg = read(join(dir, 'figure-2.svg'));
    const ps = panels(svg);
    expect(ps.map((p) => p['data-run'])).toEqual(['perceptron', 'mlp-backprop']);
    for (const panel of ps) {
      const run = doc.runs.find((r) => r.id === panel['data-run'])!;
      const circles = panel['circle'] as Node[];
      expect(circles).toHaveLength(run.patterns.train.length);
      circles.forEach((c, i) => {
        const p = run.patterns.train[i]!;
        expect(invert(Number(c['cx']), nums(panel['data-x-domain']), nums(panel['data-x-range']))).toBeCloseTo(p.x[0]!, 9);
        expect(invert(Number(c['cy']), nums(panel['data-y-domain']), nums(panel['data-y-range']))).toBeCloseTo(p.x[1]!, 9);
        expect(Number(c['data-label'])).toBe(p.label);
      });
      // the axes carry the data's column names
      expect((panel['text'] as Node[]).filter((t) => t['class'] === 'axis').map((t) => t['#text'])).toEqual(['x1', 'x2']);
      // the cells tile the panel: every pixel row is covered edge to edge
      const cells = (panel['rect'] as Node[]).filter((r) => r['class'] === 'cell');
      const width = cells.reduce((s, r) => s + Number(r['width']), 0);
      expect(width).toBeCloseTo(48 * 320, 0);
    }
    // a single unit's line is drawn when it has one (w2 ≠ 0); the network has none
    const w = (doc.runs[0] as unknown as { weights: number[] }).weights;
    expect((ps[0]!['line'] as Node[] | undefined)?.length ?? 0).toBe(w[2] !== 0 ? 1 : 0);
    expect(ps[1]!['line']).toBeUndefined();
  });

  it('gradients.svg: a bar per layer, its height the last epoch\'s gradient norm', () => {
    const svg = read(join(dir, 'gradients.svg'));
    const [panel] = panels(svg);
    const bars = panel!['rect'] as Node[];
    const mlp = doc.runs.find((r) => r.id === 'mlp-backprop')!;
    const last = mlp.history.at(-1)!;
    const norms = last['gradNorm'] as number[];
    expect(bars.map((b) => `${b['data-run']}:${b['data-layer']}:${b['data-epoch']}`)).toEqual(norms.map((_, k) => `mlp-backprop:${k + 1}:${last['epoch']}`));
    const [d0, d1] = nums(panel!['data-y-domain']);
    const [r0, r1] = nums(panel!['data-y-range']);
    bars.forEach((b, k) => expect((Number(b['height']) / (r0! - r1!)) * (d1! - d0!)).toBeCloseTo(norms[k]!, 9));
  });

  it('refuses a figure it cannot name or draw, before or instead of writing it', async () => {
    const io = bufferIo();
    expect(await main(['run', 'perceptron-xor', '--plot', join(dir, 'figure.svg')], io)).toBe(2);
    expect(io.stderr()).toContain('say which figure');
    const png = bufferIo();
    expect(await main(['run', 'perceptron-xor', '--plot', join(dir, 'loss.png')], png)).toBe(2);
    const grad = bufferIo();
    expect(await main(['run', 'perceptron-xor', '--plot', join(dir, 'gradients-p.svg')], grad)).toBe(2);
    expect(grad.stderr()).toContain('no run here reports per-layer gradient norms');
  });

  it('samples a long history evenly, first and last epochs kept', () => {
    expect(sampleIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const s = sampleIndices(100_001, 2000);
    expect(s).toHaveLength(2000);
    expect(s[0]).toBe(0);
    expect(s.at(-1)).toBe(100_000);
    expect(s.every((v, i) => i === 0 || v > s[i - 1]!)).toBe(true);
  });
});
