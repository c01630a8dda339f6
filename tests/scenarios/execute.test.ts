import { describe, expect, it } from 'vitest';
import { Run } from '../../src/core/runner.js';
import { prepareRuns, resultOf } from '../../src/scenarios/execute.js';
import { loadScenario } from '../../src/scenarios/loader.js';

describe('resultOf', () => {
  it('summarises a history of hundreds of thousands of epochs without overflowing the stack', () => {
    const [spec] = prepareRuns(loadScenario('perceptron-xor'), { epochs: 3 });
    const run = new Run(spec!).toEnd();
    const last = run.latest;
    for (let e = 0; e < 300_000; e++) run.history.push({ ...last, accuracy: e === 123_456 ? 0.75 : 0.5 });
    const result = resultOf(run, 'perceptron');
    expect(result.metrics['bestAccuracy']).toBe(0.75);
    expect(result.history).toHaveLength(run.history.length);
  });
});
