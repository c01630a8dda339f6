import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/datasets.js';
import { createRng } from '../../src/core/rng.js';
import { elmanRnn } from '../../src/models/elman-rnn.js';
import { build, train } from './helpers.js';

const latch = (steps: number, n = 20) => buildDataset({ kind: 'latch', n, steps, noise: 0.2 }, createRng('elman/data'));

describe('elman-rnn', () => {
  it('reads each latch row as T steps of one input and carries the class from the first step to the last', () => {
    const run = train(elmanRnn, latch(5), { hidden: 2, learningRate: 0.05, shuffle: true, initRange: 1 }, 60);
    expect(run.status.outcome).toBe('solved');
    expect(run.latest.accuracy).toBe(1);
  });

  it('one step is one sequence: the record writes out forward, the error at the end and the carried gradient', () => {
    const m = build(elmanRnn, latch(6), { hidden: 1, recurrentInit: 'identity', recurrentScale: 0.5 });
    const r = m.step!()!;
    expect(r.x).toHaveLength(6);
    expect(r.before).not.toEqual(r.after);
    const text = r.explain();
    expect(text).toContain('forward through T = 6 steps');
    expect(text).toContain('‖∂J/∂h_{T−1−k}‖');
    // one unit: the bound is |w| · max f′ = 0.5 · 1
    expect(text).toContain('|w| · max f′ = 0.5 · 1 = 0.5');
  });

  it('reports the factor bound ‖W_hh‖ · max f′: ¼ of it for the sigmoid', () => {
    const tanh = build(elmanRnn, latch(4), { hidden: 3, recurrentScale: 1.2 }).measure().metrics;
    const sig = build(elmanRnn, latch(4), { hidden: 3, recurrentScale: 1.2, activation: 'sigmoid' }).measure().metrics;
    expect(tanh['factorBound']).toBeCloseTo(1.2, 10);
    expect(sig['factorBound']).toBeCloseTo(0.3, 10);
  });

  it('truncated BPTT trains differently from full BPTT on long sequences, and both are deterministic', () => {
    const data = latch(12);
    const full = build(elmanRnn, data, { hidden: 3 });
    const cut = build(elmanRnn, data, { hidden: 3, truncate: 2 });
    full.epoch();
    cut.epoch();
    expect(Array.from(full.flatWeights())).not.toEqual(Array.from(cut.flatWeights()));
    const again = build(elmanRnn, data, { hidden: 3, truncate: 2 });
    again.epoch();
    expect(Array.from(again.flatWeights())).toEqual(Array.from(cut.flatWeights()));
  });

  it('refuses rows that do not split into its steps, naming the shape', () => {
    const data = { ...latch(4), sequence: { steps: 3, width: 1 } };
    expect(() => build(elmanRnn, data)).toThrow('elman-rnn reads rows of 3 steps × 1 inputs, but the rows have 4 numbers');
  });
});
