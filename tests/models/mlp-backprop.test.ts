import { describe, expect, it } from 'vitest';
import { gate, generate } from '../../src/data/datasets.js';
import { resolveParams } from '../../src/core/params.js';
import { createRng } from '../../src/core/rng.js';
import { Run } from '../../src/core/runner.js';
import { type Dataset, ModelConfigError } from '../../src/core/types.js';
import { mlpBackprop } from '../../src/models/mlp-backprop.js';
import { layersOf } from './helpers.js';
import { saidText } from '../../src/core/said.js';

const xor = gate('XOR'); // binary inputs, bipolar targets −1 / +1 (the lecture's default)
const build = (overrides: Record<string, unknown> = {}, seed: number | string = 1, data: Dataset = xor) =>
  mlpBackprop.create({ data, params: resolveParams(mlpBackprop.meta.params, overrides), rng: createRng(seed) });

describe('mlp-backprop', () => {
  it('carries the 1986 defaults in its schema', () => {
    const { meta } = mlpBackprop;
    expect(meta.id).toBe('mlp-backprop');
    expect(meta.year).toBe(1986);
    expect(meta.defaultTarget).toEqual({ accuracy: { min: 1 } });
    const defaults = resolveParams(meta.params);
    expect(defaults).toMatchObject({
      hidden: [2], activation: 'sigmoid', output: 'sigmoid-mse', init: 'uniform', initRange: 0.5,
      learningRate: 0.5, momentum: 0.9, batchSize: 1, shuffle: false, keepInput: 1, keepHidden: 1, weights: null,
    });
  });

  it('describes a 2-2-1 sigmoid net with (2+1)·2 + (2+1)·1 = 9 weights in ±0.5', () => {
    const model = build();
    expect(model.describe!().map(saidText)).toEqual([
      'architecture 2-2-1: sigmoid hidden, sigmoid-mse output',
      'parameters (2+1)·2 + (2+1)·1 = 9',
      'η = 0.5, μ = 0.9, λ = 0, online, fixed order',
      'bipolar targets −1/+1 read as 0/1 for the sigmoid output',
    ]);
    expect(model.flatWeights()).toHaveLength(9);
    expect([...model.flatWeights()].every((w) => Math.abs(w) <= 0.5)).toBe(true);
    expect(model.deterministicEpochs).toBe(true);
    const w = layersOf(model);
    expect(w.map((layer) => layer.map((row) => row.length))).toEqual([[3, 3], [3]]);
  });

  it('steps through the patterns online, in order, writing the output-layer update', () => {
    const model = build();
    const first = model.step!()!;
    expect(first.pattern).toBe(0);
    expect(first.x).toEqual([0, 0]);
    expect(first.t).toEqual([0]); // the −1 target of (0, 0), read as 0
    expect(first.before).toHaveLength(3);
    expect(first.changed).toBe(true);
    expect(first.explain()).toMatch(/^W2 ← W2 − η δ2 \(a1\)ᵀ \+ μΔW2, μ = 0\.9: η = 0\.5, δ2 = \(-?0\.\d+\), a1 = \(1, 0\.\d+, 0\.\d+\)$/);
    expect(first.closes).toBeUndefined();
    const rest = [model.step!()!, model.step!()!, model.step!()!];
    expect(rest.map((r) => r.pattern)).toEqual([1, 2, 3]);
    // the fourth update completes the epoch: its record carries what the epoch ended with
    expect(rest.map((r) => r.closes !== undefined)).toEqual([false, false, true]);
    expect(rest[2]!.closes!.train).toEqual({ loss: model.evaluate(xor).loss, accuracy: model.evaluate(xor).accuracy });
  });

  it('learns XOR from seed 1 within 250 epochs, and a replay is bit-for-bit identical', () => {
    const trace = () => {
      const model = build();
      const losses: number[] = [];
      while (model.evaluate(xor).accuracy < 1 && losses.length < 250) losses.push(model.epoch().train.loss);
      return { model, losses };
    };
    const a = trace();
    expect(a.losses).toHaveLength(234);
    const result = a.model.evaluate(xor);
    expect(result.predictions).toEqual([0, 1, 1, 0]);
    expect(result.predictions).toEqual(xor.labels);
    const b = trace();
    expect(b.losses).toEqual(a.losses);
    expect([...b.model.flatWeights()]).toEqual([...a.model.flatWeights()]);
    const report = b.model.epoch();
    expect(report.updates).toBe(4);
    expect(report.extra!['gradNorm']).toHaveLength(2);
    expect(report.extra!['meanAbsDelta']).toHaveLength(2);
    expect(b.model.predict([1, 0])).toMatchObject({ label: 1 });
    expect(b.model.predict([1, 1]).score).toBeLessThan(0.5);
  });

  it('runs hand-wired weights given bias first: OR and NAND into AND computes XOR', () => {
    const weights = [[[-10, 20, 20], [30, -20, -20]], [[-30, 20, 20]]];
    const model = build({ weights });
    expect(layersOf(model)).toEqual(weights);
    expect(model.evaluate(xor).accuracy).toBe(1);
    expect(() => build({ weights: [[[0, 1, 1]], [[0, 1]], [[0, 1]]] })).toThrow(/describe layers 2-1-1-1, the network is 2-2-1/);
  });

  it('reports the targets in its own output code: −1/+1 become 0/1 for the sigmoid output', () => {
    const data = gate('XOR', 'binary', 'bipolar');
    const model = mlpBackprop.create({ data, params: resolveParams(mlpBackprop.meta.params), rng: createRng(1) });
    expect(model.evaluate(data).targets).toEqual([[0], [1], [1], [0]]);
  });

  it('trains step hidden units by back-propagation, and nothing below the output moves (derivative 0)', () => {
    const data = gate('XOR', 'binary', 'bipolar');
    const run = new Run({ id: 'step', plugin: mlpBackprop, params: resolveParams(mlpBackprop.meta.params, { hidden: [3], activation: 'step-binary' }), data, seed: 1, epochs: 30 }).toEnd();
    const [w1, w2] = layersOf(run.model);
    const [i1, i2] = run.history[0]!.weights ? [run.history[0]!.weights.slice(0, 9), run.history[0]!.weights.slice(9)] : [[], []];
    expect(w1!.flat()).toEqual(i1);
    expect(w2!.flat()).not.toEqual(i2);
    expect(run.latest.metrics['gradNorm0']).toBe(0);
    expect(run.latest.metrics['hiddenWeightChange']).toBe(0);
    expect(run.model.describe!().map(saidText)).toContain('step hidden units: f′(z) = 0, so back-propagation leaves W1 unchanged; only W2 learns');
  });

  it('gives several classes a softmax output, one unit per class', () => {
    const blobs = generate('blobs', { n: 30, classes: 3 }, createRng('blobs'));
    const model = build({ hidden: [4] }, 2, blobs);
    expect(model.describe!().map(saidText)[0]).toBe('architecture 2-4-3: sigmoid hidden, softmax-ce output');
    expect(model.describe!().map(saidText)).toContain('output softmax-ce: 3 classes need one softmax unit per class (sigmoid-mse was asked)');
    const e = model.evaluate(blobs);
    expect(e.outputs[0]).toHaveLength(3);
    expect(e.outputs[0]!.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    const { label, score } = model.predict(blobs.inputs[0]!);
    expect(score).toBe(e.outputs[0]![label]);
  });

  it('reads binary targets as ±1 for a tanh output', () => {
    const model = build({ output: 'tanh-mse', activation: 'tanh' }, 1, gate('AND', 'binary', 'binary'));
    expect(model.describe!().map(saidText)).toContain('binary targets 0/1 read as −1/+1 for the tanh output');
    expect(model.step!()!.t).toEqual([-1]);
  });
});
