import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/datasets.js';
import { createRng } from '../../src/core/rng.js';
import { lstm1997 } from '../../src/models/lstm-1997.js';
import { build, train } from './helpers.js';

const latch = (steps: number, n = 20) => buildDataset({ kind: 'latch', n, steps, noise: 0.2 }, createRng('lstm/data'));

describe('lstm-1997', () => {
  it('learns the latch at a short span', () => {
    const run = train(lstm1997, latch(5), { cells: 2, learningRate: 0.05, shuffle: true, initRange: 1 }, 60);
    expect(run.status.outcome).toBe('solved');
  });

  it('has three weight sets per cell as published, four with the forget gate (Gers et al. 2000)', () => {
    const names = (m: ReturnType<typeof build>) => {
      const s = m.snapshot();
      return s.kind === 'blocks' ? s.blocks.map((b) => b.name) : [];
    };
    expect(names(build(lstm1997, latch(3)))).toEqual(['Wg', 'Wi', 'Wo', 'bg', 'bi', 'bo', 'Why', 'by']);
    expect(names(build(lstm1997, latch(3), { forgetGate: true }))).toEqual(['Wg', 'Wi', 'Wo', 'Wf', 'bg', 'bi', 'bo', 'bf', 'Why', 'by']);
    // 2 cells, 1 input: each unit reads x and both h, plus a bias
    expect(build(lstm1997, latch(3)).flatWeights()).toHaveLength(3 * 2 * 3 + 3 * 2 + 2 + 1);
  });

  it('the carousel passes the error back with factor 1; a forget gate that starts half shut does not', () => {
    const data = buildDataset({ kind: 'latch', n: 16, steps: 16, noise: 0 }, createRng('lstm/carousel'));
    const cec = build(lstm1997, data, { cells: 2, initRange: 0.0001 }).measure().metrics;
    const forget = build(lstm1997, data, { cells: 2, initRange: 0.0001, forgetGate: true, forgetBias: 0 }).measure().metrics;
    expect(cec['gradPerStep']).toBeCloseTo(1, 4);
    // f = σ(0) = ½ at every step: the error halves per step back
    expect(forget['gradPerStep']).toBeCloseTo(0.5, 3);
  });

  it('the step record names the carousel', () => {
    expect(build(lstm1997, latch(4)).step!()!.explain()).toContain('∂s_t/∂s_{t−1} = 1 (the constant error carousel)');
  });
});
