/** Shift augmentation: each image moved by a fresh random (dx, dy), the background filling in. */
import { describe, expect, it } from 'vitest';
import { shiftImages } from '../../src/data/augment.js';
import { buildDataset } from '../../src/data/datasets.js';
import { createRng } from '../../src/core/rng.js';
import { mlpDropout } from '../../src/models/mlp-dropout.js';
import { build } from '../models/helpers.js';
import { saidText } from '../../src/core/said.js';

describe('shiftImages', () => {
  it('moves each image by the (dx, dy) drawn from the Rng, filling with the background', () => {
    // one 3×3 image with a single lit pixel in the middle
    const X = Float64Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    const out = new Float64Array(9);
    const seen = new Set<string>();
    const rng = createRng(4);
    const replay = createRng(4);
    for (let t = 0; t < 40; t++) {
      shiftImages(X, out, 1, 3, 3, 1, -1, rng);
      const dx = replay.int(3) - 1;
      const dy = replay.int(3) - 1;
      const lit = out.indexOf(1);
      expect(lit).toBe((1 + dy) * 3 + (1 + dx));
      // the pixels shifted in from outside the image take the background value
      expect(out.filter((v) => v === -1)).toHaveLength((dx !== 0 ? 3 : 0) + (dy !== 0 ? 3 : 0) - (dx !== 0 && dy !== 0 ? 1 : 0));
      seen.add(`${dx},${dy}`);
    }
    expect(seen.size).toBe(9);
  });

  it('an MLP with shift trains on moved copies, reproducibly, and refuses data that is not images', () => {
    const digits = buildDataset({ kind: 'digits', train: 40, test: 0 }, createRng(1));
    const run = () => {
      const m = build(mlpDropout, digits, { shift: 2, keepHidden: 1, keepInput: 1 });
      m.epoch();
      return Array.from(m.flatWeights());
    };
    expect(run()).toEqual(run());
    const still = build(mlpDropout, digits, { shift: 0, keepHidden: 1, keepInput: 1 });
    still.epoch();
    expect(Array.from(still.flatWeights())).not.toEqual(run());
    expect(build(mlpDropout, digits, { shift: 1 }).describe!().map(saidText).join(' ')).toContain('shifted by up to 1 px');
    expect(() => build(mlpDropout, buildDataset({ kind: 'blobs', n: 20 }, createRng(1)), { shift: 1 })).toThrow(/needs image data/);
  });
});
