import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/datasets.js';
import { resolveParams } from '../../src/core/params.js';
import { BUMPS, regression, regressionTarget } from '../../src/data/regression.js';
import { createRng } from '../../src/core/rng.js';
import { logistic } from '../../src/models/logistic.js';
import { mlpBackprop } from '../../src/models/mlp-backprop.js';
import { parseScenario, ScenarioError } from '../../src/scenarios/loader.js';
import { LabSession } from '../../src/session/lab.js';
import { continuousLegend } from '../../src/ui/render/map.js';

describe('the Playground regression sets', () => {
  it('reads the plane and the six bumps at known points', () => {
    expect(regressionTarget('reg-plane', 3, 2)).toBe(0.5);
    expect(regressionTarget('reg-plane', -6, -6)).toBeCloseTo(-1.2, 15);
    for (const [cx, cy, s] of BUMPS) expect(regressionTarget('reg-gauss', cx, cy)).toBe(s);
    expect(regressionTarget('reg-gauss', -4, 1.5)).toBe(0.5); // distance 1 from the + bump at (−4, 2.5)
    expect(regressionTarget('reg-gauss', 0, 1.5)).toBe(-0.5);
    expect(regressionTarget('reg-gauss', -6, 0)).toBe(0); // 3.2 from the nearest bump
  });

  it('draws every point from the Rng it is given: same seed, same data; the targets as the formula says', () => {
    const a = regression({ kind: 'reg-gauss', n: 50, testFraction: 0.2 }, createRng('r'));
    const b = regression({ kind: 'reg-gauss', n: 50, testFraction: 0.2 }, createRng('r'));
    const c = regression({ kind: 'reg-gauss', n: 50, testFraction: 0.2 }, createRng('other'));
    expect(b).toEqual(a);
    expect(c.inputs).not.toEqual(a.inputs);
    expect(a.inputs).toHaveLength(40);
    expect(a.test!.inputs).toHaveLength(10);
    expect(a.targetEncoding).toBe('real');
    expect(a.regression).toEqual({ tolerance: 0.1, range: [-1, 1] });
    a.inputs.forEach((x, i) => {
      expect(Math.abs(x[0]!)).toBeLessThanOrEqual(6);
      expect(a.targets[i]).toEqual([regressionTarget('reg-gauss', x[0]!, x[1]!)]);
      expect(a.labels[i]).toBe(a.targets[i]![0]! >= 0 ? 1 : 0);
    });
    // noise moves the point the target is read at (not the point): some targets change
    const noisy = regression({ kind: 'reg-plane', n: 50, noise: 0.5 }, createRng('r'));
    const changed = noisy.inputs.filter((x, i) => noisy.targets[i]![0] !== regressionTarget('reg-plane', x[0]!, x[1]!));
    expect(changed.length).toBeGreaterThan(40);
  });

  const scenario = (data: Record<string, unknown>, params: Record<string, unknown> = { output: 'linear-mse' }, model = 'mlp-backprop') => ({
    id: 'r', title: 't', era: '2016', year: 2016, story: ['s'], seed: 1, epochs: 5, data, models: [{ model, params }], claims: [],
  });
  const message = (json: unknown): string => {
    try {
      parseScenario(json, 'r.json');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as Error).message;
    }
    return 'accepted';
  };

  it('is validated in scenario files, and only a model that gives a real number takes it', () => {
    expect(message(scenario({ kind: 'reg-gauss', n: 20, features: ['x1', 'x2', 'x1*x2'] }))).toBe('accepted');
    expect(message(scenario({ kind: 'reg-plane', n: 20, tolerance: 0 }))).toMatch(/data\.tolerance/);
    expect(message(scenario({ kind: 'reg-plane', n: 20, classes: 3 }))).toMatch(/data.*classes/);
    expect(message(scenario({ kind: 'reg-plane', n: 20 }, { output: 'sigmoid-mse' }))).toMatch(/models\[0\]\.params\.output: .*real-valued targets \(regression\): use output linear-mse/);
    expect(message(scenario({ kind: 'reg-plane', n: 20 }, {}, 'logistic'))).toMatch(/logistic needs binary or bipolar targets, but the data has real targets/);
    expect(() => logistic.create({ data: buildDataset({ kind: 'reg-plane', n: 8 }, createRng(1)), params: resolveParams(logistic.meta.params, {}), rng: createRng(1) })).toThrow(/real targets/);
  });
});

describe('the MLP with a linear output and the squared error on real targets', () => {
  const data = buildDataset({ kind: 'reg-gauss', n: 12 }, createRng('fd'));
  const make = (over: Record<string, unknown> = {}) =>
    mlpBackprop.create({ data, params: resolveParams(mlpBackprop.meta.params, { hidden: [3], activation: 'tanh', output: 'linear-mse', momentum: 0, batchSize: 0, learningRate: 0.05, ...over }), rng: createRng('fd/w') });

  it('trains on the targets as given: a full-batch step moves every weight by −η ∂J/∂w (central finite differences of the reported loss)', () => {
    const m = make() as ReturnType<typeof make> & { overwrite(from: number, v: ArrayLike<number>): void };
    const w0 = Float64Array.from(m.flatWeights());
    const h = 1e-6;
    const fd = Array.from(w0, (_, p) => {
      const at = (v: number) => {
        m.overwrite(p, [v]);
        return m.measure().train.loss;
      };
      const g = (at(w0[p]! + h) - at(w0[p]! - h)) / (2 * h);
      m.overwrite(p, [w0[p]!]);
      return g;
    });
    // J = ½·(1/n) Σ (o − t)², so the gradient of a linear output's bias is (1/n) Σ (o − t)
    const e = m.evaluate(data);
    const meanError = e.outputs.reduce((s, o, i) => s + o[0]! - data.targets[i]![0]!, 0) / data.inputs.length;
    const biasOut = w0.length - 4; // the output row [bias, w1, w2, w3] is last
    expect(fd[biasOut]!).toBeCloseTo(meanError, 8);
    m.epoch();
    const w1 = m.flatWeights();
    w0.forEach((w, p) => expect(Math.abs(w1[p]! - (w - 0.05 * fd[p]!))).toBeLessThan(1e-9));
  });

  it('accuracy is the share within the tolerance, mse the mean squared error (twice the loss)', () => {
    const m = make();
    for (let k = 0; k < 30; k++) m.epoch();
    const e = m.evaluate(data);
    const errors = e.outputs.map((o, i) => o[0]! - data.targets[i]![0]!);
    expect(e.accuracy).toBe(errors.filter((d) => Math.abs(d) < 0.1).length / errors.length);
    expect(m.measure().train.accuracy).toBe(e.accuracy);
    const mse = errors.reduce((s, d) => s + d * d, 0) / errors.length;
    expect(m.measure().metrics['mse']).toBeCloseTo(mse, 14);
    expect(m.measure().metrics['mse']).toBeCloseTo(2 * e.loss, 14);
    // a classification set has no mse metric
    const xor = mlpBackprop.create({ data: buildDataset({ kind: 'gate', gate: 'XOR' }, createRng(1)), params: resolveParams(mlpBackprop.meta.params, {}), rng: createRng(1) });
    expect(xor.measure().metrics).not.toHaveProperty('mse');
  });

  it('refuses Monte-Carlo dropout, which counts classes', () => {
    expect(() => make({ mcSamples: 10 })).toThrow(/mcSamples: Monte-Carlo dropout counts classes/);
  });
});

describe("the lab's map of a regression run", () => {
  it('shows the output value over the plane, not classes', () => {
    const lab = new LabSession({ scenario: 'playground-regression', run: 'hidden' });
    lab.playToMoment();
    const view = lab.view(0, [{ cols: 24, rows: 8, unitCols: 0, unitRows: 0 }]);
    const lane = view.lanes[0]!;
    expect(lane.verdict?.word).toBe('SOLVED');
    const field = lane.field!;
    expect(field.continuous).toEqual({ lo: -1, hi: 1 });
    // many shades, not two classes
    expect(new Set(Array.from(field.scores, (s) => Math.round(s * 20))).size).toBeGreaterThan(10);
    // each pixel's score is where the net's output lies in [−1, 1]
    const model = lab.lanes()[0]!.run!.model;
    const { domain } = field;
    for (const [c, r] of [[0, 0], [5, 3], [12, 8], [23, 15]] as const) {
      const x = domain.x[0] + ((c + 0.5) / 24) * (domain.x[1] - domain.x[0]);
      const y = domain.y[1] - ((r + 0.5) / 16) * (domain.y[1] - domain.y[0]);
      const o = model.evaluate({ inputs: [[x, y]], targets: [[0]], labels: [0] }).outputs[0]![0]!;
      expect(field.scores[r * 24 + c]).toBeCloseTo(Math.min(1, Math.max(0, (o + 1) / 2)), 6);
      expect(field.labels[r * 24 + c]).toBe(o >= 0 ? 1 : 0);
    }
    // near a + bump the output is high, near a − bump low
    const pixel = (px: number, py: number) => {
      const c = Math.floor(((px - domain.x[0]) / (domain.x[1] - domain.x[0])) * 24);
      const r = Math.floor(((domain.y[1] - py) / (domain.y[1] - domain.y[0])) * 16);
      return field.scores[r * 24 + c]!;
    };
    expect(pixel(-4, 2.5)).toBeGreaterThan(0.75);
    expect(pixel(0, 2.5)).toBeLessThan(0.25);
    expect(continuousLegend(field.continuous!, 'truecolor', '')).toBe('o target < 0, + ≥ 0 · colour = the output from −1 to 1, grey at 0, deeper = further');
  });

  it('a classification map has no continuous scale', () => {
    const lab = new LabSession({ scenario: 'features-not-depth', run: 'squares' });
    lab.playToMoment();
    const field = lab.view(0, [{ cols: 12, rows: 4, unitCols: 0, unitRows: 0 }]).lanes[0]!.field!;
    expect(field.continuous).toBeNull();
  });
});
