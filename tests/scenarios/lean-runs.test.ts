/**
 * verify trains lean the runs whose claims read only what a lean run measures the same
 * (src/scenarios/lean-runs.ts): the lean runs against full ones, update for update, and the choice.
 */
import { describe, expect, it } from 'vitest';
import { Run, type RunSpec } from '../../src/core/runner.js';
import { verifyScenario } from '../../src/commands/verify.js';
import { executeScenario, prepareRuns } from '../../src/scenarios/execute.js';
import { KEPT_WHEN_LEAN, leanRuns } from '../../src/scenarios/lean-runs.js';
import { loadScenario, parseScenario } from '../../src/scenarios/loader.js';

const base = { title: 'lean', era: '1986', year: 1986, story: ['x'], seed: 3 };

/** A small scenario of one run of `model` (moons with a test split; rbm-pretraining on 0/1 parity). */
function small(model: string, params: Record<string, unknown>, epochs: number) {
  const data = model === 'rbm-pretraining' ? { kind: 'parity', bits: 3, inputs: 'binary', targets: 'binary' } : { kind: 'moons', n: 40, noise: 0.2, testFraction: 0.25 };
  return parseScenario({ ...base, id: `lean-${model}`, epochs, data, models: [{ model, params }], claims: [] }, `lean-${model}.json`);
}

const CASES: [string, Record<string, unknown>, number][] = [
  ['mlp-backprop', { hidden: [4], learningRate: 0.5, batchSize: 4, momentum: 0.5 }, 30],
  ['mlp-relu', { hidden: [6, 5], learningRate: 0.05, batchSize: 3, shuffle: true }, 30],
  ['mlp-dropout', { hidden: [8], learningRate: 0.05, batchSize: 5, keepHidden: 0.5, momentum: 0.9 }, 30],
  ['rbm-pretraining', { hidden: [4, 3], pretrainEpochs: 3, learningRate: 0.5 }, 20],
];

describe('a lean run trains as the full one and keeps the metrics KEPT_WHEN_LEAN names', () => {
  it('lists exactly the models tested here', () => {
    expect(Object.keys(KEPT_WHEN_LEAN).sort()).toEqual(CASES.map(([m]) => m).sort());
  });
  it.each(CASES)('%s', (model, params, epochs) => {
    const [spec] = prepareRuns(small(model, params, epochs));
    const full = new Run(spec as RunSpec).toEnd();
    const lean = new Run({ ...(spec as RunSpec), lean: true }).toEnd();
    expect(lean.status).toEqual(full.status);
    expect(lean.epoch).toBe(full.epoch);
    expect(full.epoch).toBeGreaterThan(3);
    expect(Array.from(lean.model.flatWeights())).toEqual(Array.from(full.model.flatWeights()));
    const kept = KEPT_WHEN_LEAN[model]!;
    let compared = 0;
    full.history.forEach((h, e) => {
      const l = lean.history[e]!;
      expect([l.epoch, l.loss, l.accuracy, l.testAccuracy, l.testLoss, l.updates]).toEqual([h.epoch, h.loss, h.accuracy, h.testAccuracy, h.testLoss, h.updates]);
      for (const k of Object.keys(h.metrics).filter((k) => kept.test(k))) {
        expect(l.metrics[k], `${k} at epoch ${e}`).toBe(h.metrics[k]);
        compared++;
      }
    });
    // the kept metrics exist in the full run (the table names real metrics)
    expect(compared).toBeGreaterThan(full.history.length);
  });
});

describe('leanRuns: which runs verify trains lean', () => {
  const scenario = (claims: unknown[], extra: Record<string, unknown> = {}) =>
    parseScenario(
      {
        ...base, id: 'choice', epochs: 5, data: { kind: 'gate', gate: 'XOR', inputs: 'binary', targets: 'binary' },
        models: [
          { id: 'a', model: 'mlp-backprop', params: { hidden: [2] } },
          { id: 'b', model: 'mlp-backprop', params: { hidden: [2] } },
        ],
        claims,
        ...extra,
      },
      'choice.json',
    );
  it('runs read only through the runner\'s numbers, kept metrics or outcomes go lean', () => {
    const s = scenario([
      { run: 'a', metric: 'accuracy', min: 0 },
      { compare: ['a', 'b'], metric: 'bestAccuracy', relation: '>=' },
      { run: 'b', outcome: 'truncated' },
      { run: 'b', metric: 'maxError', max: 10 },
    ]);
    expect([...leanRuns(s)].sort()).toEqual(['a', 'b']);
  });
  it('a metric a lean run does not keep, weights, outputs or net inputs keep the run full', () => {
    expect([...leanRuns(scenario([{ run: 'a', metric: 'gradNorm0', min: 0 }]))]).toEqual(['b']);
    expect([...leanRuns(scenario([{ run: 'b', metric: 'gradRatio', epoch: 0, min: 0 }]))]).toEqual(['a']);
    expect([...leanRuns(scenario([{ run: 'a', metric: 'loss', relation: '<', versus: 'saturation' }]))]).toEqual(['b']);
    expect([...leanRuns(scenario([{ run: 'a', outputs: [0, 1, 1, 0], tolerance: 1 }]))]).toEqual(['b']);
  });
  it('a share over seeds trains its own lean runs: it leaves the run lean', () => {
    expect([...leanRuns(scenario([{ run: 'a', metric: 'gradNorm0', seeds: 2, min: 0 }]))].sort()).toEqual(['a', 'b']);
  });
  it('a target on a metric a lean run does not keep keeps every run full', () => {
    expect([...leanRuns(scenario([], { target: { gradRatio: { min: 1 } } }))]).toEqual([]);
    expect([...leanRuns(scenario([], { target: { maxError: { max: 0.1 } } }))].sort()).toEqual(['a', 'b']);
  });
  it('shipped scenarios: the instruments claims read keep their runs full', () => {
    expect([...leanRuns(loadScenario('why-not-step'))]).toEqual([]);
    expect([...leanRuns(loadScenario('digits-challenge', { digits: false }))].sort()).toEqual(['mlp-1986', 'recipe-2012']);
    expect([...leanRuns(loadScenario('pretraining-vs-random', { digits: false }))].sort()).toEqual(['pretrained', 'random']);
  });
});

describe('verify (lean runs) reports what a full execution does', () => {
  it.each(['features-not-depth', 'why-nonlinearity', 'xor-backprop'])('%s', (id) => {
    const s = loadScenario(id);
    expect(leanRuns(s).size).toBeGreaterThan(0);
    const full = executeScenario(s).runs.flatMap((r) => r.claims.map((c) => ({ scenario: s.id, run: r.id, ...c })));
    expect(verifyScenario(s).claims.slice(0, full.length)).toEqual(full);
  });
});
