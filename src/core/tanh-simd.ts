/**
 * tanh for the dense engine's tanh layers (its generated chunks and its kernels), eight values per
 * step in WebAssembly SIMD, with exactly Math.tanh's bits. (The 1989 convnet's squash was tried:
 * its convolutions dominate, bench W4 did not move.) V8 computes Math.tanh with fdlibm's algorithm (base::ieee754::tanh,
 * through its expm1); this is the same algorithm, the same operations in the same order, except
 * that both lanes of a vector compute every branch and each lane keeps the one fdlibm would take
 * (where two ways give a lane the same bits, the cheaper is taken; tanhVectors says where):
 *   tanh x = 1 − 2/(expm1(2|x|) + 2)      for 1 ≤ |x| < 22, with x's sign,
 *          = −t/(t + 2), t = expm1(−2|x|)  for 2⁻²⁸ ≤ |x| < 1, with x's sign,
 *          = x for |x| < 2⁻²⁸, ±1 for |x| ≥ 22, NaN for NaN;
 *   expm1 y = reduce y = k·ln2 + r (hi − lo, with the correction c), R(r) by fdlibm's rational
 *          approximation, then rebuild by k's case (k = 0, −1, ≤ −2 or > 56, < 20, otherwise).
 * Branches cost a misprediction a call in scalar code; four vectors side by side (eight values)
 * keep the CPU busy through the two divisions (two or eight vectors measured slower: one waits on
 * its divisions, the other spills). The first use checks the kernel against Math.tanh
 * on thousands of inputs (every branch, both signs, the edges); any difference, or a runtime
 * without WebAssembly SIMD, and batchTanh() is null: the chunks then call Math.tanh as before.
 */
import { encodeModule, FunctionBuilder, OP, SIMD, TYPE } from './wasm.js';

/** Doubles the scratch holds: the widest layer a chunk unrolls, and more. */
export const SCRATCH = 1024;
/** Values computed per step of the loop (four vectors of two). */
const STEP = 8;

/**
 * The kernel as the chunks use it: values in `values[0 … n)`, `run(n)` replaces them by their tanh
 * (n ≤ SCRATCH; the values after n, up to the next multiple of eight, are scratch too).
 */
export interface BatchTanh {
  readonly values: Float64Array;
  readonly run: (n: number) => void;
}

/** Two-lane operations on groups of WIDTH vectors, each result in a new local. */
function lanes(f: FunctionBuilder, width: number) {
  type V = number[];
  const fresh = (emit: () => void): number => {
    emit();
    const l = f.local(TYPE.v128);
    f.set(l);
    return l;
  };
  const consts = new Map<string, V>();
  const splat = (key: string, emit: () => void): V => {
    if (!consts.has(key)) consts.set(key, Array<number>(width).fill(fresh(emit)));
    return consts.get(key)!;
  };
  const k = (x: number): V => splat(`f${Object.is(x, -0) ? '-0' : x}`, () => f.f64(x).simd(SIMD.f64Splat));
  const ki = (x: number): V => splat(`i${x}`, () => f.i64(x).simd(SIMD.i64Splat));
  const each = (fn: (...ls: number[]) => void) => (...args: V[]): V => Array.from({ length: width }, (_, i) => fresh(() => fn(...args.map((a) => a[i]!))));
  const bin = (op: number) => each((a, b) => f.get(a!).get(b!).simd(op));
  const un = (op: number) => each((a) => f.get(a!).simd(op));
  return {
    k, ki,
    add: bin(SIMD.f64Add), sub: bin(SIMD.f64Sub), mul: bin(SIMD.f64Mul), div: bin(SIMD.f64Div),
    abs: un(SIMD.f64Abs), trunc: un(SIMD.f64Trunc),
    min: bin(SIMD.f64Min),
    lt: bin(SIMD.f64Lt), le: bin(SIMD.f64Le), ge: bin(SIMD.f64Ge), eq: bin(SIMD.f64Eq), ne: bin(SIMD.f64Ne),
    and: bin(SIMD.and), andnot: bin(SIMD.andnot), or: bin(SIMD.or), xor: bin(SIMD.xor),
    iadd: bin(SIMD.i64Add), isub: bin(SIMD.i64Sub),
    shl52: each((a) => f.get(a!).i32(52).simd(SIMD.i64Shl)),
    /** m ? a : b, lane by lane (m all ones or all zeros) */
    sel: each((a, b, m) => f.get(a!).get(b!).get(m!).simd(SIMD.bitselect)),
  };
}

/** A double from its high word (low word 0), as fdlibm writes its thresholds. */
const fromHigh = (hi: number): number => new Float64Array(new Uint32Array([0, hi]).buffer)[0]!;
const ln2_hi = 6.93147180369123816490e-01;
const ln2_lo = 1.90821492927058770002e-10;
const invln2 = 1.44269504088896338700e+00;
const Q = [-3.33333333333331316428e-02, 1.58730158725481460165e-03, -7.93650757867487942473e-05, 4.00821782732936239552e-06, -2.01099218183624371326e-07] as const;
const HALF_LN2 = fromHigh(0x3fd62e43);
const THREEHALF_LN2 = fromHigh(0x3ff0a2b2);
/** Below this |x|, tanh x = x (2⁻²⁸). */
const TINY = 3.725290298461914e-9;
/** 1.5·2^52: k + this has k in the low bits of its pattern. */
const SHIFTER = 6755399441055744;

/**
 * tanh of the vectors x, fdlibm's branches chosen lane by lane. The selections are written to cost
 * few instructions (this is most of W1's time): where a lane's case is known to give the same bits
 * another way, that way is taken, as the comments say.
 */
function tanhVectors(v: ReturnType<typeof lanes>, x: number[]): number[] {
  const { k, ki, add, sub, mul, div, abs, min, trunc, lt, le, ge, eq, ne, and, andnot, or, xor, iadd, isub, shl52, sel } = v;
  const ax = abs(x);
  // |x| ≥ 22 (and ∞) computed as 22: 1 − 2/(e⁴⁴ + 2) rounds to 1, fdlibm's answer there
  const cx = min(ax, k(22));
  const large = ge(cx, k(1));
  // the sign bit where |x| < 1: y = 2|x| or −2|x| (y < 0 exactly there, for |x| ≥ 2⁻²⁸), t = expm1(y)
  const minus = andnot(k(-0), large);
  const ay = mul(k(2), cx);
  const y = xor(ay, minus);
  // k = 0 below ½ln2; −1 below 1.5ln2 (only y < 0 gets there: y ≥ 2 otherwise); else (int)(y/ln2 ± ½)
  const general = trunc(add(mul(k(invln2), y), xor(k(0.5), minus)));
  const kf = and(sel(k(-1), general, lt(ay, k(THREEHALF_LN2))), ge(ay, k(HALF_LN2)));
  // hi = y − k·ln2_hi, lo = k·ln2_lo, r = hi − lo, c = (hi − r) − lo (k = 0: r = y)
  const hi = sub(y, mul(kf, k(ln2_hi)));
  const lo = mul(kf, k(ln2_lo));
  const r = sub(hi, lo);
  const c = sub(sub(hi, r), lo);
  const hfx = mul(k(0.5), r);
  const hxs = mul(r, hfx);
  const r1 = add(k(1), mul(hxs, add(k(Q[0]), mul(hxs, add(k(Q[1]), mul(hxs, add(k(Q[2]), mul(hxs, add(k(Q[3]), mul(hxs, k(Q[4])))))))))));
  const t = sub(k(3), mul(r1, hfx));
  const e = mul(hxs, div(sub(r1, t), sub(k(6), mul(r, t))));
  const e2 = sub(sub(mul(r, sub(e, c)), c), hxs);
  // 2^k and 2^−k from k's bits
  const kBits = isub(add(kf, k(SHIFTER)), k(SHIFTER));
  const twopk = shl52(iadd(kBits, ki(1023)));
  const twomk = shl52(isub(ki(1023), kBits));
  const atZero = sub(r, sub(mul(r, e), hxs));
  const atMinusOne = sub(mul(k(0.5), sub(r, e2)), k(0.5));
  const far = sub(mul(sub(k(1), sub(e2, r)), twopk), k(1));
  const below20 = mul(sub(sub(k(1), twomk), sub(e2, r)), twopk);
  const above20 = mul(add(sub(r, add(e2, twomk)), k(1)), twopk);
  // k = 1 needs 0.35 ≤ y < 1.04, which tanh never asks for; for k > 56 (y > 39) fdlibm's own case
  // and the k ≥ 20 one both give t > 10¹⁶, so 1 − 2/(t + 2) = 1 from either
  let em1 = sel(above20, below20, ge(kf, k(20)));
  em1 = sel(far, em1, le(kf, k(-2)));
  em1 = sel(atMinusOne, em1, eq(kf, k(-1)));
  em1 = sel(atZero, em1, eq(kf, k(0)));
  // z = 1 − 2/(t + 2), or −t/(t + 2) = 0 − t/(t + 2) (t < 0 there): one division either way
  const z = sub(and(k(1), large), div(sel(k(2), em1, large), add(em1, k(2))));
  // z > 0: x's sign bit makes ±z; x itself where |x| < 2⁻²⁸ and for NaN
  return sel(x, or(z, and(x, k(-0))), or(lt(ax, k(TINY)), ne(x, x)));
}

/** The module: run(n) replaces the doubles at 0 … n (rounded up to eight) by their tanh. */
export function tanhModule(): Uint8Array {
  const f = new FunctionBuilder('run', [TYPE.i32], []);
  const width = STEP / 2;
  const v = lanes(f, width);
  const p = f.local(TYPE.i32);
  const end = f.local(TYPE.i32);
  f.get(0).i32(3).op(OP.i32Shl).set(end);
  f.op(OP.block, TYPE.void, OP.loop, TYPE.void).get(p).get(end).op(OP.i32GeU, OP.brIf, 1);
  const x = Array.from({ length: width }, (_, i) => {
    const l = f.local(TYPE.v128);
    f.get(p).simd(SIMD.load, 4, 16 * i).set(l);
    return l;
  });
  const y = tanhVectors(v, x);
  y.forEach((l, i) => f.get(p).get(l).simd(SIMD.store, 4, 16 * i));
  f.get(p).i32(16 * width).op(OP.i32Add).set(p).op(OP.br, 0, OP.end, OP.end);
  return encodeModule([f], 1);
}

/** Inputs that take every branch, both signs and the edges: the check before first use. */
export function probeInputs(): Float64Array {
  const xs: number[] = [0, -0, Infinity, -Infinity, NaN, 22, 21.999999999999996, 1, 0.9999999999999999, 3.725290298461914e-9, 3.7252902984619136e-9, 5e-324, 1e-300, HALF_LN2 / 2, THREEHALF_LN2 / 2, 19.4, 9.7, 10];
  for (let e = -30; e <= 5; e++) for (let m = 0; m < 64; m++) xs.push((1 + m / 64 + m / 4099) * 2 ** e);
  return Float64Array.from([...xs, ...xs.map((x) => -x)]);
}

let cached: BatchTanh | null | undefined;

/** The part of the WebAssembly API used here (the project's type library has no DOM). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

/** a = tanh(z) over n entries through the kernel, SCRATCH at a time (a may be z). */
export function tanhInto(kernel: BatchTanh, z: ArrayLike<number>, a: Float64Array, n: number): void {
  const { values, run } = kernel;
  for (let s = 0; s < n; s += SCRATCH) {
    const m = Math.min(SCRATCH, n - s);
    for (let k = 0; k < m; k++) values[k] = z[s + k]!;
    run(m);
    for (let k = 0; k < m; k++) a[s + k] = values[k]!;
  }
}

/** Whether a kernel gives Math.tanh's bits on every probe input (probeInputs). */
export function agreesWithMathTanh(kernel: BatchTanh): boolean {
  const probe = probeInputs();
  const got = new Float64Array(probe.length);
  tanhInto(kernel, probe, got, probe.length);
  return got.every((v, j) => Object.is(v, Math.tanh(probe[j]!)));
}

/** The kernel, built and checked once per thread; null where WebAssembly SIMD is missing or any probe differs from Math.tanh. */
export function batchTanh(): BatchTanh | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (wasm === undefined) return null;
    const instance = new wasm.Instance(new wasm.Module(tanhModule()));
    const { run, memory } = instance.exports as { run: (n: number) => void; memory: { buffer: ArrayBuffer } };
    const kernel: BatchTanh = { values: new Float64Array(memory.buffer, 0, SCRATCH), run };
    if (agreesWithMathTanh(kernel)) cached = kernel;
  } catch {
    cached = null;
  }
  return cached;
}
