/**
 * Sequence data in scenario files (issue 22) and claims over model seeds: readable errors at the
 * boundary, the data as the generators define it, and a success share that is what it says.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/datasets.js';
import { createRng } from '../../src/core/rng.js';
import { Run } from '../../src/core/runner.js';
import { ADDING_TOLERANCE, LATCH_TARGET } from '../../src/data/sequences.js';
import { executeScenario, prepareRuns } from '../../src/scenarios/execute.js';
import { parseScenario } from '../../src/scenarios/loader.js';

const base = {
  id: 'tiny-latch',
  title: 'A tiny latch',
  era: '1994',
  year: 1994,
  story: ['test'],
  seed: 1,
  epochs: 30,
  data: { kind: 'latch', n: 12, steps: 4, noise: 0.2 },
  models: [{ id: 'elman', model: 'elman-rnn', params: { hidden: 2, learningRate: 0.05, initRange: 1 } }],
  claims: [] as unknown[],
};

describe('sequence data', () => {
  it('latch: the class in the first input only, Gaussian noise after it, targets ±0.8', () => {
    const d = buildDataset({ kind: 'latch', n: 400, steps: 6, noise: 0.2 }, createRng('latch'));
    expect(d.sequence).toEqual({ steps: 6, width: 1 });
    d.inputs.forEach((x, i) => {
      expect(x[0]).toBe(d.labels[i] === 1 ? 1 : -1);
      expect(d.targets[i]).toEqual([d.labels[i] === 1 ? LATCH_TARGET : -LATCH_TARGET]);
    });
    const noise = d.inputs.flatMap((x) => x.slice(1));
    const variance = noise.reduce((s, v) => s + v * v, 0) / noise.length;
    expect(variance).toBeGreaterThan(0.18);
    expect(variance).toBeLessThan(0.22);
  });

  it('adding: two marked values, one among the first ten, the target 0.5 + (X1 + X2)/4', () => {
    const d = buildDataset({ kind: 'adding', n: 50, steps: 30 }, createRng('adding'));
    expect(d.sequence).toEqual({ steps: 30, width: 2, tolerance: ADDING_TOLERANCE });
    d.inputs.forEach((x, i) => {
      const marked = Array.from({ length: 30 }, (_, t) => t).filter((t) => x[2 * t + 1] === 1);
      expect(marked).toHaveLength(2);
      expect(marked[0]).toBeLessThan(10);
      expect(marked[1]).toBeLessThan(15);
      expect(d.targets[i]![0]).toBeCloseTo(0.5 + (x[2 * marked[0]!]! + x[2 * marked[1]!]!) / 4, 15);
    });
  });

  it('bad sequence data in a scenario file is named by field, in one line', () => {
    const bad = (data: unknown) => () => parseScenario({ ...base, data }, 'bad.json');
    expect(bad({ kind: 'latch', n: 12 })).toThrow(/bad\.json: data\.steps: /);
    expect(bad({ kind: 'adding', n: 12, steps: 2 })).toThrow(/bad\.json: data\.steps: .*>=3/);
    expect(bad({ kind: 'latch', n: 2, steps: 4, testFraction: 0.5 })).toThrow('bad.json: data.testFraction: 0.5 of 2 sequences leaves 1 for training; at least 2 are needed');
    expect(() => parseScenario({ ...base, claims: [{ run: 'elman', outcome: 'solved', seeds: 3 }] }, 'bad.json')).toThrow(/bad\.json: claims\[0\]/);
  });
});

describe('claims over seeds', () => {
  it('the solved share is the share of model seeds 1 … n whose run ends solved, on the same data', () => {
    const claim = { run: 'elman', metric: 'solved', seeds: 4, min: 0 };
    const scenario = parseScenario({ ...base, claims: [claim, { ...claim, metric: 'accuracy' }] }, 'tiny.json');
    const [spec] = prepareRuns(scenario);
    const again = [1, 2, 3, 4].map((s) => new Run({ ...spec!, modelSeed: `1/${s}` }).toEnd());
    const share = again.filter((r) => r.status.outcome === 'solved').length / 4;
    const accuracy = again.reduce((s, r) => s + r.latest.accuracy, 0) / 4;
    const [solved, mean] = executeScenario(scenario).runs[0]!.claims;
    expect(solved!.claim).toBe(`elman solved share over 4 seeds ≥ 0 (got ${String(share).replace('-', '−')})`);
    expect(mean!.claim).toContain(`elman accuracy over 4 seeds ≥ 0 (got ${String(Math.round(accuracy * 1e6) / 1e6)})`);
    // each seed trains its own initial weights
    expect(new Set(again.map((r) => r.latest.loss)).size).toBe(4);
  });
});
