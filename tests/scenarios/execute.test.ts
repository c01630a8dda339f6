import { describe, expect, it } from 'vitest';
import { Run } from '../../src/core/runner.js';
import { executeScenario, prepareRuns, resultOf } from '../../src/scenarios/execute.js';
import { loadScenario, parseScenario } from '../../src/scenarios/loader.js';

describe('resultOf', () => {
  it('summarises a history of hundreds of thousands of epochs without overflowing the stack', () => {
    const [spec] = prepareRuns(loadScenario('perceptron-xor'), { epochs: 3 });
    const run = new Run(spec!).toEnd();
    const last = run.latest;
    for (let e = 0; e < 300_000; e++) run.history.push({ ...last });
    const result = resultOf(run, 'perceptron');
    expect(result.history).toHaveLength(run.history.length);
  });

  it('keeps the best accuracy of every epoch when the history is trimmed', () => {
    // A shuffled perceptron on XOR: its accuracy goes up and down from epoch to epoch.
    const [spec] = prepareRuns(loadScenario('perceptron-xor'), { epochs: 200, params: new Map([['perceptron', { shuffle: true }]]) });
    const full = new Run(spec!).toEnd();
    const trimmed = new Run({ ...spec!, historyLimit: 2 }).toEnd();
    expect(trimmed.history.length).toBeLessThan(5);
    expect(trimmed.history[0]!.epoch).toBe(0);
    const best = Math.max(...full.history.map((h) => h.accuracy));
    expect(resultOf(trimmed, 'p').metrics['bestAccuracy']).toBe(best);
    expect(resultOf(full, 'p').metrics['bestAccuracy']).toBe(best);
  });
});

describe('run results: per-pattern rows and comparisons within a run', () => {
  const scenario = parseScenario(
    {
      id: 'and', title: 'AND', era: '1958', year: 1958, story: ['x'], seed: 1, epochs: 100,
      data: { kind: 'gate', gate: 'AND', inputs: 'binary', targets: 'bipolar' },
      models: [{ model: 'perceptron', params: { learningRate: 1 } }],
      claims: [
        { run: 'perceptron', metric: 'mistakes', relation: '<=', versus: 'mistakeBound' },
        { run: 'perceptron', metric: 'mistakes', relation: '>', versus: 'mistakeBound' },
        { run: 'perceptron', metric: 'mistakeBound', relation: '=', versus: 'mistakes', factor: 51 / 11, tolerance: 1e-9 },
        { run: 'perceptron', metric: 'margin', relation: '=', versus: 'radius', tolerance: 0.1 },
        { run: 'perceptron', nets: [-6, -4, -2, 0] },
      ],
    },
    'and.json',
  );
  const [run] = executeScenario(scenario).runs;

  it('lists every training pattern with its net input, output and prediction', () => {
    expect(run!.patterns.train).toEqual([
      { x: [0, 0], t: [-1], label: 0, net: [-6], output: [-1], prediction: 0 },
      { x: [0, 1], t: [-1], label: 0, net: [-4], output: [-1], prediction: 0 },
      { x: [1, 0], t: [-1], label: 0, net: [-2], output: [-1], prediction: 0 },
      { x: [1, 1], t: [1], label: 1, net: [0], output: [1], prediction: 1 },
    ]);
    expect(run!.patterns.test).toBeUndefined();
    expect(run!.report['novikoff']).toMatchObject({ mistakes: 11, formula: '(R/γ)²' });
  });

  it('checks a metric against another of the same run, and can fail', () => {
    expect(run!.claims.map((c) => c.holds)).toEqual([true, false, true, false, true]);
    expect(run!.claims[0]!.claim).toBe('perceptron mistakes <= mistakeBound (11 vs 51)');
    expect(run!.claims[3]!.claim).toBe('perceptron margin = radius ± 0.1 (0.242536 vs 1.73205)');
  });
});
