import { describe, expect, it } from 'vitest';
import { gate, generate } from '../../src/data/datasets.js';
import { resolveParams } from '../../src/core/params.js';
import { createRng } from '../../src/core/rng.js';
import type { Dataset } from '../../src/core/types.js';
import { mlpRelu } from '../../src/models/mlp-relu.js';
import { layersOf } from './helpers.js';
import { saidText } from '../../src/core/said.js';

const circles = generate('circles', { n: 60 }, createRng('data'));
const build = (overrides: Record<string, unknown> = {}, seed = 1, data: Dataset = circles) =>
  mlpRelu.create({ data, params: resolveParams(mlpRelu.meta.params, overrides), rng: createRng(seed) });

describe('mlp-relu', () => {
  it('carries the rectifier-era defaults in its schema', () => {
    expect(mlpRelu.meta.id).toBe('mlp-relu');
    expect(mlpRelu.meta.year).toBe(2010);
    expect(mlpRelu.meta.defaultTarget).toEqual({ accuracy: { min: 1 } });
    expect(resolveParams(mlpRelu.meta.params)).toMatchObject({
      hidden: [8], activation: 'relu', output: 'sigmoid-bce', init: 'he', learningRate: 0.05, momentum: 0.9,
      batchSize: 10, shuffle: true, averageGradient: true, keepInput: 1, keepHidden: 1,
    });
  });

  it('builds a 2-8-1 ReLU net with He init (zero biases) and says so', () => {
    const model = build();
    expect(model.describe!().map(saidText)).toEqual([
      'architecture 2-8-1: relu hidden, sigmoid-bce output',
      'parameters (2+1)·8 + (8+1)·1 = 33',
      'η = 0.05, μ = 0.9, λ = 0, minibatch 10, shuffled order',
    ]);
    const [hidden, output] = layersOf(model);
    expect(hidden!.map((row) => row[0])).toEqual(Array(8).fill(0));
    expect(output![0]![0]).toBe(0);
    expect(model.deterministicEpochs).toBe(false);
  });

  it('learns the circles from seed 1 within 100 epochs; a same-seed replay is identical', () => {
    const train = () => {
      const model = build();
      const losses: number[] = [];
      while (model.evaluate(circles).accuracy < 1 && losses.length < 100) losses.push(model.epoch().train.loss);
      return { model, losses };
    };
    const a = train();
    expect(a.model.evaluate(circles).accuracy).toBe(1);
    expect(a.losses.length).toBeGreaterThan(0);
    const b = train();
    expect(b.losses).toEqual(a.losses);
    expect([...b.model.flatWeights()]).toEqual([...a.model.flatWeights()]);
    expect(a.model.epoch().updates).toBe(6); // 60 rows in minibatches of 10
  });

  it('reports per-layer gradient norms, their ratio and the dead-ReLU share', () => {
    const model = build();
    model.epoch();
    const m = model.measure().metrics;
    expect(Object.keys(m).sort()).toEqual([
      'deadRelu', 'deadUnits', 'deadUnits1', 'gradNorm0', 'gradNorm1', 'gradRatio', 'hiddenWeightChange', 'maxError', 'saturation', 'sse',
      'weightNorm', 'weightVariance1', 'weightVariance2', 'zeroShare', 'zeroShare1',
    ]);
    expect(m['gradRatio']).toBeCloseTo(m['gradNorm0']! / m['gradNorm1']!, 12);
    expect(m['saturation']).toBe(0); // ReLUs have no flat tails
    expect(m['deadRelu']).toBeGreaterThanOrEqual(0);
    expect(m['deadRelu']).toBeLessThanOrEqual(1);
  });

  it('a dead ReLU layer passes no gradient back, so its weights never move', () => {
    // every hidden unit has z = −1 − x1 − x2 < 0 on binary inputs: all dead
    const weights = [[[-1, -1, -1], [-1, -1, -1]], [[0, 1, 1]]];
    const xor = gate('XOR', 'binary', 'binary');
    const model = build({ hidden: [2], weights, shuffle: false }, 1, xor);
    const before = layersOf(model);
    const report = model.epoch();
    expect(model.measure().metrics['deadRelu']).toBe(1);
    expect(report.extra!['gradNorm']).toEqual([0, 0]);
    expect(layersOf(model)[0]).toEqual(before[0]);
    expect(model.evaluate(xor).accuracy).toBe(0.5);
  });
});
