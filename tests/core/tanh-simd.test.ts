/**
 * The batched tanh kernel (tanh-simd.ts) against Math.tanh, bit for bit, and the generated chunks
 * that use it against the same chunks calling Math.tanh (rule 9: the fast path proves itself).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { ACTIVATIONS, activate } from '../../src/engines/dense/activations.js';
import { compileChunk } from '../../src/engines/dense/compiled.js';
import { LOSSES } from '../../src/engines/dense/losses.js';
import { type BatchTanh, SCRATCH, agreesWithMathTanh, batchTanh, probeInputs, tanhInto, tanhModule } from '../../src/core/tanh-simd.js';

const bits = (x: ArrayLike<number>): bigint[] => [...new BigUint64Array(Float64Array.from(x).buffer)];

function kernel(): BatchTanh {
  const k = batchTanh();
  if (k === null) throw new Error('no kernel: this runtime lacks WebAssembly SIMD or the kernel disagrees with Math.tanh');
  return k;
}

/** tanh of xs through the kernel, SCRATCH at a time. */
function viaKernel(xs: Float64Array): Float64Array {
  const out = new Float64Array(xs.length);
  tanhInto(kernel(), xs, out, xs.length);
  return out;
}

describe('batched tanh (WebAssembly SIMD, fdlibm)', () => {
  it('is a valid module, and this runtime (Node 20 or newer) builds it', () => {
    const wasm = (globalThis as unknown as { WebAssembly: { validate: (bytes: Uint8Array) => boolean } }).WebAssembly;
    expect(wasm.validate(tanhModule())).toBe(true);
    expect(batchTanh()).not.toBeNull();
    expect(batchTanh()).toBe(batchTanh()); // built once per thread
  });

  it("gives Math.tanh's bits on every branch, both signs and the edges", () => {
    const rng = createRng('tanh-simd');
    // every scale from 2^-40 to 2^6 (tiny, each of expm1's cases of k, past 22), plus the probe set
    const random = Float64Array.from({ length: 300_000 }, () => (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform() * 2 ** rng.range(-40, 6));
    const edges = Float64Array.from([0, -0, Infinity, -Infinity, NaN, 22, -22, 21.999999999999996, 1, -1, 0.9999999999999999, 5e-324, -5e-324, 2.2250738585072014e-308, 3.725290298461914e-9, -3.725290298461914e-9, 0.34657359027997264, 0.5198603854199589, 19.06, 19.4, 1e300]);
    for (const xs of [random, edges, probeInputs()]) {
      const got = viaKernel(xs);
      expect(bits(got)).toEqual(bits(Array.from(xs, Math.tanh)));
    }
  });

  it('takes any count, leaving the values past the next multiple of eight alone', () => {
    const k = kernel();
    for (let n = 1; n <= 24; n++) {
      const xs = Float64Array.from({ length: 32 }, (_, i) => (i - 16) / 3);
      k.values.set(xs);
      k.run(n);
      expect(bits(k.values.subarray(0, n))).toEqual(bits(Array.from(xs.subarray(0, n), Math.tanh)));
      // past the next multiple of eight nothing is touched
      const end = Math.ceil(n / 8) * 8;
      expect(bits(k.values.subarray(end, 32))).toEqual(bits(xs.subarray(end, 32)));
    }
  });

  it("runs the generic kernels' tanh layers too, any length, past the scratch", () => {
    const rng = createRng('tanh-simd-layers');
    for (const len of [1, 7, 8, 9, 16, 100, SCRATCH - 1, SCRATCH, SCRATCH + 1, 2 * SCRATCH + 37]) {
      const z = Float64Array.from({ length: len + 3 }, () => rng.range(-25, 25) * (rng.uniform() < 0.1 ? 1e-10 : 1));
      const a = Float64Array.from({ length: len + 3 }, () => 7);
      activate(ACTIVATIONS.tanh.code, z, a, len);
      expect(bits(a.subarray(0, len))).toEqual(bits(Array.from(z.subarray(0, len), Math.tanh)));
      expect(Array.from(a.subarray(len))).toEqual([7, 7, 7]);
      // in place
      const w = Float64Array.from(z);
      activate(ACTIVATIONS.tanh.code, w, w, len);
      expect(bits(w.subarray(0, len))).toEqual(bits(a.subarray(0, len)));
    }
  });

  it('is refused when it disagrees with Math.tanh anywhere in the probe', () => {
    const values = new Float64Array(SCRATCH);
    const right: BatchTanh = { values, run: (n) => { for (let i = 0; i < n; i++) values[i] = Math.tanh(values[i]!); } };
    expect(agreesWithMathTanh(right)).toBe(true);
    // off by one ulp on one branch only (2^-28 ≤ |x| < 1, x > 0)
    const wrong: BatchTanh = {
      values,
      run: (n) => {
        for (let i = 0; i < n; i++) {
          const x = values[i]!;
          values[i] = x > 3.725290298461914e-9 && x < 1 ? Math.tanh(x) * (1 + Number.EPSILON) : Math.tanh(x);
        }
      },
    };
    expect(agreesWithMathTanh(wrong)).toBe(false);
  });

  it('makes generated chunks train bit for bit as with Math.tanh (random shapes, rows, batches, buffers)', () => {
    const rng = createRng('tanh-simd-chunks');
    const { tanh, sigmoid, linear, relu } = ACTIVATIONS;
    let cases = 0;
    for (let c = 0; c < 60; c++) {
      const depth = 1 + Math.floor(rng.uniform() * 3);
      const sizes = [1 + Math.floor(rng.uniform() * 4)];
      for (let k = 0; k < depth; k++) sizes.push(1 + Math.floor(rng.uniform() * 16));
      sizes.push(1 + Math.floor(rng.uniform() * 3));
      const L = sizes.length - 1;
      const act = [0, ...sizes.slice(1).map((_, k) => (k === L - 1 ? [sigmoid, tanh, linear][c % 3]! : rng.uniform() < 0.7 ? tanh : [relu, sigmoid][c % 2]!).code)];
      if (!act.includes(tanh.code)) act[1] = tanh.code;
      const store = c % 2 === 0;
      const update = c % 3 === 0 && !store;
      const fast = compileChunk(sizes, act, LOSSES.mse, false, kernel());
      const plain = compileChunk(sizes, act, LOSSES.mse, false, null);
      if (fast === null || plain === null) continue; // more weights than the generated code unrolls
      const rows = 1 + Math.floor(rng.uniform() * 9);
      const X = Float64Array.from({ length: rows * sizes[0]! }, () => rng.range(-3, 3));
      const T = Float64Array.from({ length: rows * sizes[L]! }, () => rng.uniform());
      const weights = sizes.slice(1).reduce((s, u, k) => s + u * (sizes[k]! + 1), 0);
      const w0 = Float64Array.from({ length: weights }, () => rng.range(-1.5, 1.5));
      const run = (chunk: NonNullable<typeof fast>) => {
        const w = Float64Array.from(w0);
        const g = new Float64Array(weights);
        const buffers = (n: number) => sizes.map((u) => new Float64Array(n * u));
        const a = buffers(rows), z = buffers(rows), delta = buffers(rows);
        const t = new Float64Array(rows * sizes[L]!);
        const J = chunk(w, g, X, T, null, 0, rows, a, z, delta, t, 0.01, store, update);
        return [J, ...bits(w), ...bits(g), ...a.flatMap(bits), ...z.flatMap(bits), ...delta.flatMap(bits), ...bits(t)];
      };
      expect(run(fast)).toEqual(run(plain));
      cases++;
    }
    expect(cases).toBeGreaterThan(40);
  });
});
