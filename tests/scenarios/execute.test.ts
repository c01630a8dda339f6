import { describe, expect, it } from 'vitest';
import { Run } from '../../src/core/runner.js';
import { prepareRuns, resultOf } from '../../src/scenarios/execute.js';
import { loadScenario } from '../../src/scenarios/loader.js';

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
