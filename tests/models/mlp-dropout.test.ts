import { describe, expect, it } from 'vitest';
import { gate, generate } from '../../src/data/datasets.js';
import { resolveParams } from '../../src/core/params.js';
import { createRng } from '../../src/core/rng.js';
import { mlpDropout } from '../../src/models/mlp-dropout.js';
import { saidText } from '../../src/core/said.js';

const circles = generate('circles', { n: 60 }, createRng('data'));
const build = (overrides: Record<string, unknown> = {}, seed = 1) =>
  mlpDropout.create({ data: circles, params: resolveParams(mlpDropout.meta.params, overrides), rng: createRng(seed) });

describe('mlp-dropout', () => {
  it('carries the 2012 defaults: keep 0.8 for inputs, 0.5 for hidden units', () => {
    expect(mlpDropout.meta.id).toBe('mlp-dropout');
    expect(mlpDropout.meta.year).toBe(2012);
    expect(mlpDropout.meta.defaultTarget).toEqual({ accuracy: { min: 1 } });
    expect(resolveParams(mlpDropout.meta.params)).toMatchObject({
      hidden: [32], activation: 'relu', output: 'sigmoid-bce', init: 'he', keepInput: 0.8, keepHidden: 0.5, batchSize: 10,
    });
    expect(build().describe!().map(saidText)).toEqual([
      'architecture 2-32-1: relu hidden, sigmoid-bce output',
      'parameters (2+1)·32 + (32+1)·1 = 129',
      'η = 0.05, μ = 0.9, λ = 0, minibatch 10, shuffled order, dropout keep 0.8 input / 0.5 hidden',
      'test time: weight scaling (all units, inverted dropout)',
    ]);
  });

  it('epochs are random draws (masks), yet a same seed replays them exactly', () => {
    const train = (seed: number) => {
      const model = build({}, seed);
      const losses = Array.from({ length: 5 }, () => model.epoch().train.loss);
      return { losses, w: [...model.flatWeights()] };
    };
    expect(build().deterministicEpochs).toBe(false);
    expect(build({ shuffle: false }).deterministicEpochs).toBe(false);
    expect(build({ shuffle: false, keepInput: 1, keepHidden: 1 }).deterministicEpochs).toBe(true);
    expect(train(3)).toEqual(train(3));
    expect(train(3).w).not.toEqual(train(4).w);
  });

  it('evaluates without masks: the same weights give the same outputs every time', () => {
    const model = build();
    model.epoch();
    const first = model.evaluate(circles);
    expect(model.evaluate(circles)).toEqual(first);
    expect(model.predict(circles.inputs[0]!).score).toBe(first.outputs[0]![0]);
  });

  it('learns the circles from seed 1 despite the dropped units', () => {
    const model = build();
    let epochs = 0;
    while (model.evaluate(circles).accuracy < 1 && epochs < 100) {
      model.epoch();
      epochs++;
    }
    expect(model.evaluate(circles).accuracy).toBe(1);
    expect(epochs).toBeGreaterThan(0);
  });

  it('learns XOR with bipolar targets, dropping inputs and hidden units', () => {
    const xor = gate('XOR');
    const model = mlpDropout.create({ data: xor, params: resolveParams(mlpDropout.meta.params), rng: createRng(2) });
    for (let e = 0; e < 200 && model.evaluate(xor).accuracy < 1; e++) model.epoch();
    expect(model.evaluate(xor).predictions).toEqual([0, 1, 1, 0]);
  });

  it('predicts at test time by weight scaling or by the Monte-Carlo average over mcSamples masks, as chosen', () => {
    expect(() => build({ testTime: 'monte-carlo' })).toThrow(/mcSamples ≥ 1/);
    expect(() => build({ mcSamples: 100000 })).toThrow(/mcSamples: 100000 masks × 60 rows × 129 weights is more than 200000000 multiply-adds/);
    const scaled = build({ mcSamples: 50 });
    const mc = build({ testTime: 'monte-carlo', mcSamples: 50 });
    for (let e = 0; e < 5; e++) [scaled, mc].forEach((m) => m.epoch());
    // same seed, same training: only the test-time rule differs
    expect(mc.snapshot()).toEqual(scaled.snapshot());
    const report = scaled.finalReport!();
    const a = scaled.evaluate(circles);
    const b = mc.evaluate(circles);
    expect(b.net).toEqual(a.net);
    expect(b.outputs).not.toEqual(a.outputs);
    expect(b.accuracy).toBe(report.metrics!['mcAccuracy50']);
    expect(a.accuracy).toBe(report.metrics!['scaledAccuracy']);
    // a function of the weights: evaluating twice gives the same averages
    expect(mc.evaluate(circles).outputs).toEqual(b.outputs);
    expect(mc.describe!().map(saidText).at(-1)).toBe('test time: Monte-Carlo average over 50 dropout masks');
    expect(Object.keys(report.metrics!)).toEqual(['scaledAccuracy', 'mcGap1', 'mcAccuracy1', 'mcAgreement1', 'mcGap10', 'mcAccuracy10', 'mcAgreement10', 'mcGap50', 'mcAccuracy50', 'mcAgreement50']);
  });
});
