import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { denseBackward } from '../../../src/engines/dense/kernels.js';

/** The reference order: row by row, outputs one after another (blocks of four all-zero deltas skipped). */
function reference(
  w: Float64Array, g: Float64Array, nin: number, nout: number, delta: Float64Array, a: Float64Array, dPrev: Float64Array | null, B: number,
): void {
  const stride = nin + 1;
  for (let s = 0; s < B; s++) {
    let j = 0;
    for (; j < nout; j += j + 3 < nout ? 4 : 1) {
      const width = j + 3 < nout ? 4 : 1;
      const d = Array.from({ length: width }, (_, q) => delta[s * nout + j + q]!);
      if (d.every((v) => v === 0)) continue;
      d.forEach((v, q) => (g[(j + q) * stride]! += v));
      for (let i = 0; i < nin; i++) {
        d.forEach((v, q) => (g[(j + q) * stride + 1 + i]! += v * a[s * nin + i]!));
        if (dPrev) d.forEach((v, q) => (dPrev[s * nin + i] = dPrev[s * nin + i]! + w[(j + q) * stride + 1 + i]! * v));
      }
    }
  }
}

describe('dense kernels', () => {
  it('the blocked backward kernel sums in the reference order (bit-identical), zero deltas included', () => {
    const rng = createRng('kernels');
    for (const [nin, nout] of [[2, 8], [8, 8], [8, 1], [3, 7], [5, 2], [32, 32], [1, 5], [6, 13]] as const) {
      for (const B of [1, 2, 7, 10]) {
        const w = Float64Array.from({ length: (nin + 1) * nout }, () => rng.range(-1, 1));
        const a = Float64Array.from({ length: B * nin }, () => rng.range(-1, 1));
        const delta = Float64Array.from({ length: B * nout }, () => (rng.uniform() < 0.3 ? 0 : rng.range(-1, 1)));
        if (nout >= 4) delta.fill(0, 0, 4); // a whole block of zeros in the first row
        const g0 = Float64Array.from({ length: w.length }, () => rng.range(-1, 1));
        for (const withPrev of [false, true]) {
          const [g1, g2] = [Float64Array.from(g0), Float64Array.from(g0)];
          const [p1, p2] = withPrev ? [new Float64Array(B * nin), new Float64Array(B * nin)] : [null, null];
          reference(w, g1, nin, nout, delta, a, p1, B);
          denseBackward(w, g2, 0, nin, nout, delta, a, p2, B);
          expect([...g2]).toEqual([...g1]);
          if (p1 && p2) expect([...p2]).toEqual([...p1]);
        }
      }
    }
  });
});
