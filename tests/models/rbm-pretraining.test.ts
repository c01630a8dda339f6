import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/datasets.js';
import { Rbm } from '../../src/engines/rbm/rbm.js';
import { createRng, deriveRng } from '../../src/core/rng.js';
import { rbmPretraining } from '../../src/models/rbm-pretraining.js';
import { build, train } from './helpers.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('Rbm (CD-1)', () => {
  it('one update on one row is ΔW = ε (h₀ᵖ v₀ᵀ − h₁ᵖ v₁ᵀ) with h₀ sampled from the Rng', () => {
    const rbm = new Rbm(3, 2, createRng(5));
    const W = Array.from(rbm.W);
    const v0 = [1, 0, 0.5];
    const eta = 0.1;
    // replay the sampling: the Rbm drew 6 normals for W from its Rng, then draws one uniform per hidden unit
    const replay = createRng(5);
    for (let p = 0; p < 6; p++) replay.normal(0, 0.01);
    const h0p = [0, 1].map((j) => sigmoid(v0.reduce((s, v, i) => s + W[j * 3 + i]! * v, 0)));
    const h0: number[] = h0p.map((p) => (replay.uniform() < p ? 1 : 0));
    const v1 = [0, 1, 2].map((i) => sigmoid(h0.reduce((s, h, j) => s + W[j * 3 + i]! * h, 0)));
    const h1p = [0, 1].map((j) => sigmoid(v1.reduce((s, v, i) => s + W[j * 3 + i]! * v, 0)));
    const error = rbm.cd1(Float64Array.from(v0), Uint32Array.of(0), 0, 1, eta);
    expect(error).toBeCloseTo(v0.reduce((s, v, i) => s + (v - v1[i]!) ** 2, 0), 12);
    W.forEach((w, p) => {
      const j = Math.floor(p / 3);
      const i = p % 3;
      expect(rbm.W[p]).toBeCloseTo(w + eta * (h0p[j]! * v0[i]! - h1p[j]! * v1[i]!), 14);
    });
    v0.forEach((v, i) => expect(rbm.b[i]).toBeCloseTo(eta * (v - v1[i]!), 14));
    h0p.forEach((p, j) => expect(rbm.c[j]).toBeCloseTo(eta * (p - h1p[j]!), 14));
  });

  it('learns to reconstruct two repeated patterns', () => {
    const rbm = new Rbm(6, 4, createRng(2));
    const V = Float64Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const order = Uint32Array.of(0, 1);
    const first = rbm.cd1(V, order, 0, 2, 0.5);
    let last = first;
    for (let e = 0; e < 300; e++) last = rbm.cd1(V, order, 0, 2, 0.5);
    expect(last).toBeLessThan(first / 5);
  });
});

describe('rbm-pretraining', () => {
  const data = buildDataset({ kind: 'digits', size: 16, train: 200, test: 100, pixels: 'unit' }, deriveRng(1, 'data'));

  it('pretrains each RBM for pretrainEpochs epochs, reporting its reconstruction error, then fine-tunes', () => {
    const run = train(rbmPretraining, data, { hidden: [16, 8], pretrainEpochs: 2 }, 5);
    const rbm = run.history.slice(1).map((h) => h.extra?.['rbm'] ?? 0);
    expect(rbm).toEqual([1, 1, 2, 2, 0]);
    const errors = run.history.slice(1, 5).map((h) => h.extra!['reconError'] as number);
    expect(errors[1]).toBeLessThan(errors[0]!);
    expect(run.latest.metrics['reconError2']).toBe(errors[3]);
    expect(run.latest.metrics['pretraining']).toBe(0);
    expect(run.model.filters!()!.filters).toHaveLength(16);
  });

  it('with pretrainEpochs 0 it is the same net from random weights, trained from the first epoch', () => {
    const a = build(rbmPretraining, data, { hidden: [16, 8], pretrainEpochs: 0 });
    const b = build(rbmPretraining, data, { hidden: [16, 8], pretrainEpochs: 3 });
    expect(Array.from(a.flatWeights())).toEqual(Array.from(b.flatWeights()));
    a.epoch();
    expect(a.measure().metrics['pretraining']).toBe(0);
    expect(b.measure().metrics['pretraining']).toBe(1);
  });

  it('refuses inputs outside [0, 1]', () => {
    const bipolar = buildDataset({ kind: 'digits', size: 16, train: 20, test: 0, pixels: 'bipolar' }, deriveRng(1, 'data'));
    expect(() => build(rbmPretraining, bipolar)).toThrow(/inputs must be probabilities/);
  });
});
