import { describe, expect, it } from 'vitest';
import { allPatterns, buildDataset, gate, generate, GENERATORS, parity } from '../../src/data/datasets.js';
import { createRng } from '../../src/core/rng.js';

describe('logic gates', () => {
  const cases: [Parameters<typeof gate>[0], number[]][] = [
    ['AND', [0, 0, 0, 1]],
    ['OR', [0, 1, 1, 1]],
    ['NAND', [1, 1, 1, 0]],
    ['NOR', [1, 0, 0, 0]],
    ['XOR', [0, 1, 1, 0]],
    ['XNOR', [1, 0, 0, 1]],
    ['NOT', [1, 0]],
  ];
  it.each(cases)('%s has the right truth table in every encoding', (g, labels) => {
    const binary = gate(g, 'binary', 'binary');
    expect(binary.labels).toEqual(labels);
    expect(binary.targets.map((t) => t[0])).toEqual(labels);
    const bipolar = gate(g, 'bipolar', 'bipolar');
    expect(bipolar.targets.map((t) => t[0])).toEqual(labels.map((l) => (l ? 1 : -1)));
    expect(bipolar.inputs.flat().every((v) => v === 1 || v === -1)).toBe(true);
    const mixed = gate(g, 'binary', 'bipolar');
    expect(mixed.inputs).toEqual(binary.inputs);
    expect(mixed.targets).toEqual(bipolar.targets);
  });

  it("lists patterns in the lecture's order (0,0), (0,1), (1,0), (1,1)", () => {
    expect(allPatterns(2)).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(gate('AND').inputs).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
  });
});

describe('parity', () => {
  it('labels every pattern by the xor of its bits', () => {
    const d = parity(4);
    expect(d.inputs).toHaveLength(16);
    d.inputs.forEach((x, i) => expect(d.labels[i]).toBe(x.reduce((s, v) => s ^ v, 0)));
  });
});

describe('2D generators', () => {
  it.each(GENERATORS)('%s is seeded, sized and split', (kind) => {
    const a = generate(kind, { n: 200, noise: 0.1, testFraction: 0.25 }, createRng(9));
    const b = generate(kind, { n: 200, noise: 0.1, testFraction: 0.25 }, createRng(9));
    expect(a).toEqual(b);
    expect(a.inputs).toHaveLength(150);
    expect(a.test!.inputs).toHaveLength(50);
    expect(new Set(a.labels)).toEqual(new Set([0, 1]));
    expect(a.inputs.every((x) => x.length === 2 && x.every(Number.isFinite))).toBe(true);
    const c = generate(kind, { n: 200, noise: 0.1, testFraction: 0.25 }, createRng(10));
    expect(c.inputs).not.toEqual(a.inputs);
  });

  it('blobs without noise are linearly separable by the line x1 + x2 = 0', () => {
    const d = generate('blobs', { n: 400 }, createRng(1));
    const side = d.inputs.map((x) => (x[0]! + x[1]! > 0 ? 0 : 1));
    const agree = side.filter((s, i) => s === d.labels[i]).length / d.labels.length;
    expect(agree).toBeGreaterThan(0.97);
  });

  it('circles put class 1 inside radius 0.5 and class 0 in the ring 0.7–1.0', () => {
    const d = generate('circles', { n: 300 }, createRng(2));
    d.inputs.forEach((x, i) => {
      const r = Math.hypot(x[0]!, x[1]!);
      if (d.labels[i] === 1) expect(r).toBeLessThanOrEqual(0.5);
      else expect(r >= 0.7 && r <= 1.0).toBe(true);
    });
  });

  it('several classes come one-hot', () => {
    const d = generate('spirals', { n: 300, classes: 3 }, createRng(4));
    expect(d.classes).toBe(3);
    expect(d.targetEncoding).toBe('onehot');
    d.targets.forEach((t, i) => expect(t).toEqual([0, 1, 2].map((k) => (k === d.labels[i] ? 1 : 0))));
  });

  it('refuses three classes without one-hot targets', () => {
    expect(() => generate('blobs', { n: 30, classes: 3, targets: 'bipolar' }, createRng(1))).toThrow(/onehot/);
  });
});

describe('buildDataset', () => {
  it('builds inline tables and infers encodings and labels', () => {
    const d = buildDataset({ kind: 'table', inputs: [[0, 0], [1, 1]], targets: [[-1], [1]] }, createRng(1));
    expect(d.targetEncoding).toBe('bipolar');
    expect(d.labels).toEqual([0, 1]);
  });
  it('builds an unlabelled cloud along its angle', () => {
    const d = buildDataset({ kind: 'cloud', n: 500, angle: 45, spread: [1, 0.1] }, createRng(1));
    const corr = d.inputs.reduce((s, x) => s + x[0]! * x[1]!, 0) / d.inputs.length;
    expect(corr).toBeGreaterThan(0.3);
    expect(d.targetEncoding).toBe('none');
  });
});

describe('standardisation of huge values and held-out rows (issue 18)', () => {
  it('standardises values near ±1e200 and ±1.7e308 without overflow', async () => {
    const { standardizer } = await import('../../src/data/datasets.js');
    expect(standardizer([[1e200], [-1e200], [1e200], [-1e200]])([[1e200], [-1e200]])).toEqual([[1], [-1]]);
    expect(standardizer([[1.7e308, 1], [-1.7e308, 3]])([[1.7e308, 1], [-1.7e308, 3]])).toEqual([[1, -1], [-1, 1]]);
    expect(standardizer([[5], [5]])([[5]])).toEqual([[0]]);
  });

  it('gives bit for bit what the plain two-pass formulas give on ordinary data', async () => {
    const { standardizer } = await import('../../src/data/datasets.js');
    const rng = createRng('standardise');
    const rows = Array.from({ length: 50 }, () => [rng.normal(3, 2), rng.uniform() * 1e-3, rng.normal(-40, 100)]);
    const plain = (fit: number[][]) => {
      const mean = fit[0]!.map((_, j) => fit.reduce((s, r) => s + r[j]!, 0) / fit.length);
      const sd = mean.map((m, j) => Math.sqrt(fit.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / fit.length) || 1);
      return fit.map((r) => r.map((v, j) => (v - mean[j]!) / sd[j]!));
    };
    expect(standardizer(rows)(rows)).toEqual(plain(rows));
  });

  it('a separable table at ±1e200 trains as the same table at ±1 does', () => {
    const table = (s: number) => buildDataset({ kind: 'table', inputs: [[s, s], [-s, -s], [s, -s * 0.5], [-s, s * 0.5]], targets: [[1], [-1], [1], [-1]], standardize: true }, createRng(1));
    expect(table(1e200).inputs).toEqual(table(1).inputs);
    expect(table(1e200).inputs.flat().every(Number.isFinite)).toBe(true);
  });

  it('a testFraction that holds out every row is refused, naming the rows', () => {
    expect(() => buildDataset({ kind: 'table', inputs: [[0, 1]], targets: [[1]], testFraction: 0.9 }, createRng(1))).toThrow('testFraction 0.9 of 1 row holds out every row: no training row is left');
  });
});
