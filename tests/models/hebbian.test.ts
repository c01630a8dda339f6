import { describe, expect, it } from 'vitest';
import { buildDataset, gate } from '../../src/data/datasets.js';
import { createRng } from '../../src/core/rng.js';
import { hebbian } from '../../src/models/hebbian.js';
import { build, train, vectorOf } from './helpers.js';
import { saidText } from '../../src/core/said.js';

describe('hebbian', () => {
  it('the bipolar Hebb net learns AND in one pass: w = (−2, 2, 2)', () => {
    const run = train(hebbian, gate('AND', 'bipolar', 'bipolar'), {}, 1);
    expect(vectorOf(run.model)).toEqual([-2, 2, 2]);
    expect(run.status.outcome).toBe('solved');
  });

  it('with binary coding only (1,1) changes a weight, and the net fails', () => {
    const run = train(hebbian, gate('AND', 'binary', 'binary'), {}, 1);
    expect(vectorOf(run.model)).toEqual([1, 1, 1]);
    expect(run.latest.accuracy).toBe(0.25);
    expect(run.status.outcome).toBe('truncated');
  });

  it('Δw = η·x·t, written out per pattern', () => {
    const m = build(hebbian, gate('AND', 'bipolar', 'bipolar'), { learningRate: 0.5 });
    const rec = m.step!()!;
    expect(rec.after).toEqual([-0.5, 0.5, 0.5]);
    expect(rec.explain()).toContain('w ← w + η·x·t');
  });

  const cloud = () => buildDataset({ kind: 'cloud', n: 200, angle: 30, spread: [1, 0.3] }, createRng(7));

  it('plain unsupervised Hebb grows without bound and is stopped as diverged', () => {
    const run = train(hebbian, cloud(), { mode: 'unsupervised', learningRate: 0.01 }, 300);
    expect(run.status.outcome).toBe('diverged');
    expect(run.status.reason).toMatch(/unbounded/);
  });

  it("Oja's rule settles at ‖w‖ = 1 along the principal axis (30°)", () => {
    const run = train(hebbian, cloud(), { mode: 'oja', learningRate: 0.01 }, 300);
    expect(run.status.outcome).toBe('solved');
    const [w1, w2] = vectorOf(run.model);
    expect(Math.hypot(w1!, w2!)).toBeCloseTo(1, 1);
    const angle = (Math.atan2(Math.abs(w2!), Math.abs(w1!)) * 180) / Math.PI;
    expect(Math.abs(angle - 30)).toBeLessThan(5);
  });

  it("Oja's y = w·x by hand: w = (1, 0), x = (2, 1), η = 0.1 gives y = 2 and w = (1, 0) + 0.1·2·((2, 1) − 2·(1, 0)) = (1, 0.2)", () => {
    const data = buildDataset({ kind: 'table', inputs: [[2, 1]], targetEncoding: 'none' }, createRng(1));
    const rec = build(hebbian, data, { mode: 'oja', learningRate: 0.1, weights: [1, 0] }).step!()!;
    expect(rec.after[0]).toBe(1);
    expect(rec.after[1]).toBeCloseTo(0.2, 15);
    expect(rec.explain()).toBe('w ← w + η·y·(x − y·w), y = 2: w = (1, 0.2)');
  });

  it('reports ‖w‖ and the angle to the principal axis every epoch; Oja ends within 2.6° (|cos| ≥ 0.999)', () => {
    const run = train(hebbian, cloud(), { mode: 'oja', learningRate: 0.01 }, 300);
    for (const h of run.history) {
      expect(h.metrics['weightNorm']).toBeGreaterThan(0);
      expect(h.metrics['angle']).toBeCloseTo((Math.acos(h.metrics['alignment']!) * 180) / Math.PI, 12);
    }
    expect(run.latest.metrics['angle']).toBeLessThan(2.6);
    expect(run.model.describe!().map(saidText)[1]).toMatch(/^angle to the principal axis \(/);
  });

  it('refuses supervised mode on unlabelled data', () => {
    expect(() => build(hebbian, cloud())).toThrow(/supervised mode needs one target/);
  });
});
