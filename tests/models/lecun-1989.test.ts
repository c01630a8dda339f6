import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/datasets.js';
import { deriveRng } from '../../src/core/rng.js';
import { lecun1989 } from '../../src/models/lecun-1989.js';
import { build, train } from './helpers.js';
import { saidText } from '../../src/core/said.js';
import { translator } from '../../src/i18n/index.js';

const digits = buildDataset({ kind: 'digits', size: 16, train: 300, test: 200, pixels: 'bipolar' }, deriveRng(1, 'data'));

describe('lecun-1989', () => {
  it('counts its own units, connections and parameters as the paper does', () => {
    const m = build(lecun1989, digits);
    expect(m.measure().metrics).toEqual({ units: 1256, connections: 64660, parameters: 9760 });
    expect(m.flatWeights().length).toBe(9760);
    expect(m.architecture!().map((l) => l.parameters)).toEqual([0, 1068, 2592, 5790, 310]);
    expect(m.describe!().map(saidText).join('\n')).toMatch(/total\s+1256 units\s+64660 connections\s+9760 parameters/);
    expect(lecun1989.meta.notes!.join('\n')).toContain('9760 parameters');
  });

  it('starts with weights uniform in ±2.4/fan-in and biases 0', () => {
    const s = build(lecun1989, digits).snapshot();
    if (s.kind !== 'blocks') throw new Error(`expected blocks, got ${s.kind}`);
    expect(s.blocks.map((b) => b.name)).toEqual(['H1kernels', 'H1biases', 'H2kernels', 'H2biases', 'H3', 'output']);
    const w = Object.fromEntries(s.blocks.map((b) => [b.name, 'rows' in b ? b.rows : b.vector]));
    const h1 = (w['H1kernels'] as number[][]).flat();
    expect(Math.max(...h1.map(Math.abs))).toBeLessThanOrEqual(2.4 / 25);
    expect(Math.max(...h1.map(Math.abs))).toBeGreaterThan(0.8 * (2.4 / 25));
    expect((w['H1biases'] as number[]).every((b) => b === 0)).toBe(true);
    const out = (w['output'] as number[][]).flatMap((row) => row.slice(1));
    expect(Math.max(...out.map(Math.abs))).toBeLessThanOrEqual(2.4 / 30);
  });

  it('learns real digits: above 65 % on held-out digits after 5 online epochs on 300', () => {
    const run = train(lecun1989, digits, {}, 5);
    expect(run.latest.testAccuracy).toBeGreaterThan(0.65);
    expect(run.history[0]!.testAccuracy).toBeLessThan(0.3);
    expect(run.model.filters!()!.filters).toHaveLength(12);
    // the kernels' title is said as data: each language writes it (the Korean lab wrote it in English before)
    const title = run.model.filters!()!.title;
    expect(translator('en').say(title)).toBe('H1 kernels (5×5, shared by every unit of a map)');
    expect(translator('ko').say(title)).toMatch(/^H1 커널 \(5×5, /);
  });

  it('is deterministic from its seed, and shuffle changes the order, not the reproducibility', () => {
    const once = (shuffle: boolean) => Array.from(train(lecun1989, digits, { shuffle }, 1, 5).model.flatWeights());
    expect(once(true)).toEqual(once(true));
    expect(once(true)).not.toEqual(once(false));
  });

  it('refuses data that is not square images, in one line', () => {
    const blobs = buildDataset({ kind: 'blobs', n: 20 }, deriveRng(1, 'data'));
    expect(() => build(lecun1989, blobs)).toThrow(/needs square images/);
  });
});

describe('lecun-1989 in a scenario', () => {
  it('run --json carries the per-layer counts (architecture) beside the totals in metrics', async () => {
    const { parseScenario } = await import('../../src/scenarios/loader.js');
    const { executeScenario } = await import('../../src/scenarios/execute.js');
    const scenario = parseScenario(
      { id: 'tiny', title: 't', era: '1989', year: 1989, story: ['s'], seed: 1, epochs: 1, target: {}, data: { kind: 'digits', train: 30, test: 10, pixels: 'bipolar' }, models: [{ model: 'lecun-1989' }], claims: [] },
      'tiny.json',
    );
    const [run] = JSON.parse(JSON.stringify(executeScenario(scenario))).runs;
    expect(run.architecture.map((l: { name: string; parameters: number }) => [l.name, l.parameters])).toEqual([['input', 0], ['H1', 1068], ['H2', 2592], ['H3', 5790], ['output', 310]]);
    expect(run.metrics).toMatchObject({ units: 1256, connections: 64660, parameters: 9760 });
    expect(run.outcome).toBe('finished');
  });
});
