import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { createNetwork, toFlat } from '../../../src/engines/dense/index.js';

const X = toFlat([[0.5, -1, 2], [1, 0.25, -0.5]]);
const T = toFlat([[1], [0]]);
const config = { sizes: [3, 6, 1], hidden: 'relu', keepInput: 0.8, keepHidden: 0.5, maxBatch: 2 } as const;

function masksOf(seed: number): number[][] {
  const net = createNetwork(config, createRng(seed));
  const seen: number[][] = [];
  for (let e = 0; e < 3; e++) {
    net.trainEpoch(X, T, 2, { eta: 0.1, batchSize: 2 });
    seen.push([...net.mask[0]!, ...net.mask[1]!]);
  }
  return seen;
}

describe('dropout', () => {
  it('masks come from the run\'s Rng: the same seed replays every mask and every weight', () => {
    expect(masksOf(7)).toEqual(masksOf(7));
    expect(masksOf(7)).not.toEqual(masksOf(8));
    const a = createNetwork(config, createRng(3));
    const b = createNetwork(config, createRng(3));
    for (let e = 0; e < 5; e++) {
      a.trainEpoch(X, T, 2, { eta: 0.1 });
      b.trainEpoch(X, T, 2, { eta: 0.1 });
    }
    expect([...a.w]).toEqual([...b.w]);
  });

  it('masks hold 0 or 1/keep (inverted scaling)', () => {
    const masks = masksOf(1).flat();
    for (const m of masks) expect([0, 1.25, 2]).toContain(m);
    expect(masks).toContain(0);
  });

  it('evaluation uses no mask', () => {
    const net = createNetwork(config, createRng(4));
    const out1 = new Float64Array(2);
    const out2 = new Float64Array(2);
    net.predictInto(X, 2, out1);
    net.trainBatch(X, T, null, 0, 2, { eta: 0 }); // draws masks, changes nothing (η = 0)
    net.predictInto(X, 2, out2);
    expect([...out2]).toEqual([...out1]);
    expect(net.evaluate(X, T, 2).loss).toBe(net.evaluate(X, T, 2).loss);
  });

  it('the expected activation under dropout equals the evaluation activation', () => {
    const net = createNetwork({ ...config, keepInput: 1, keepHidden: 0.5, init: 'he' }, createRng(9));
    net.load(X, null, null, 0, 2);
    net.forward(2, false);
    const plain = Float64Array.from(net.a[1]!);
    const mean = new Float64Array(plain.length);
    const draws = 20000;
    for (let n = 0; n < draws; n++) {
      net.forward(2, true);
      net.dropped[1]!.forEach((v, e) => (mean[e]! += v / draws));
    }
    plain.forEach((v, e) => expect(Math.abs(mean[e]! - v)).toBeLessThan(0.03 * Math.max(1, Math.abs(v))));
  });
});
