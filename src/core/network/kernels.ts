/**
 * The dense-layer kernels: tight loops over row-major Float64Array buffers, four output units at
 * a time so each input a_i is loaded once for four independent sums (the CPU overlaps them
 * instead of waiting on one chain of additions). Each z_j is still summed in input order, so
 * results do not depend on the blocking. Weight rows are [w0 (bias), w1 … w_in].
 */

/** z = W a over B rows: z^k = W^k a^{k−1}, the bias w0 on a0 = 1. */
export function denseForward(
  w: Float64Array, off: number, nin: number, nout: number, aPrev: Float64Array, z: Float64Array, B: number,
): void {
  const stride = nin + 1;
  for (let s = 0; s < B; s++) {
    const ai = s * nin;
    const zi = s * nout;
    let j = 0;
    let row = off;
    for (; j + 3 < nout; j += 4, row += 4 * stride) {
      const r1 = row + stride;
      const r2 = r1 + stride;
      const r3 = r2 + stride;
      let net0 = w[row]!;
      let net1 = w[r1]!;
      let net2 = w[r2]!;
      let net3 = w[r3]!;
      for (let i = 0; i < nin; i++) {
        const x = aPrev[ai + i]!;
        net0 += w[row + 1 + i]! * x;
        net1 += w[r1 + 1 + i]! * x;
        net2 += w[r2 + 1 + i]! * x;
        net3 += w[r3 + 1 + i]! * x;
      }
      z[zi + j] = net0;
      z[zi + j + 1] = net1;
      z[zi + j + 2] = net2;
      z[zi + j + 3] = net3;
    }
    for (; j < nout; j++, row += stride) {
      let net = w[row]!;
      for (let i = 0; i < nin; i++) net += w[row + 1 + i]! * aPrev[ai + i]!;
      z[zi + j] = net;
    }
  }
}

/**
 * Over B rows: g += delta (a^{k−1})^T (the bias column gets delta, a0 = 1), and, when dPrev is
 * given, dPrev = (W^k)^T delta. dPrev must be zeroed by the caller.
 */
export function denseBackward(
  w: Float64Array, g: Float64Array, off: number, nin: number, nout: number,
  delta: Float64Array, aPrev: Float64Array, dPrev: Float64Array | null, B: number,
): void {
  const stride = nin + 1;
  for (let s = 0; s < B; s++) {
    const ai = s * nin;
    const di = s * nout;
    let j = 0;
    let row = off;
    for (; j + 3 < nout; j += 4, row += 4 * stride) {
      const d0 = delta[di + j]!;
      const d1 = delta[di + j + 1]!;
      const d2 = delta[di + j + 2]!;
      const d3 = delta[di + j + 3]!;
      if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) continue;
      const r1 = row + stride;
      const r2 = r1 + stride;
      const r3 = r2 + stride;
      g[row]! += d0;
      g[r1]! += d1;
      g[r2]! += d2;
      g[r3]! += d3;
      if (dPrev === null) {
        for (let i = 0; i < nin; i++) {
          const x = aPrev[ai + i]!;
          g[row + 1 + i]! += d0 * x;
          g[r1 + 1 + i]! += d1 * x;
          g[r2 + 1 + i]! += d2 * x;
          g[r3 + 1 + i]! += d3 * x;
        }
        continue;
      }
      for (let i = 0; i < nin; i++) {
        const x = aPrev[ai + i]!;
        g[row + 1 + i]! += d0 * x;
        g[r1 + 1 + i]! += d1 * x;
        g[r2 + 1 + i]! += d2 * x;
        g[r3 + 1 + i]! += d3 * x;
        dPrev[ai + i]! += w[row + 1 + i]! * d0 + w[r1 + 1 + i]! * d1 + w[r2 + 1 + i]! * d2 + w[r3 + 1 + i]! * d3;
      }
    }
    for (; j < nout; j++, row += stride) {
      const d = delta[di + j]!;
      if (d === 0) continue;
      g[row]! += d;
      if (dPrev === null) {
        for (let i = 0; i < nin; i++) g[row + 1 + i]! += d * aPrev[ai + i]!;
        continue;
      }
      for (let i = 0; i < nin; i++) {
        g[row + 1 + i]! += d * aPrev[ai + i]!;
        dPrev[ai + i]! += w[row + 1 + i]! * d;
      }
    }
  }
}
