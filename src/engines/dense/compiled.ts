/**
 * Specialised training chunks for tiny networks: once per network shape, JavaScript is generated
 * (new Function, as synaptic does) that loads, runs forward and backward over a chunk of rows with
 * every unit and weight unrolled into locals, so the loops, index arithmetic and per-layer calls
 * of the generic kernels disappear. Every sum is formed in exactly the generic order, with zero
 * deltas skipped exactly where the kernels skip them (bit-identical results):
 *   z_j     = w_j0 + w_j1 a_1 + … + w_jn a_n;
 *   g_ji   += delta_j a_i row after row (first layer and fewer than four outputs: skipped when
 *             delta_j is 0, the bias never; otherwise per block of four outputs, skipped when the
 *             block's four deltas are 0, then one by one, skipped when delta_j is 0);
 *   dPrev_i = 0 + w_0i d_0 + w_1i d_1 + … + w_ji d_j, in output order (blocks of four outputs
 *             skipped when their deltas are all 0; fewer than four outputs: each term skipped when
 *             its delta is 0) — the order of the reference engine (reference.ts).
 * A chunk run without its buffer writes (store false) computes the same numbers and leaves a, z,
 * delta and t alone: Network.trainEpoch runs it where a later chunk of the epoch overwrites every
 * row it would have written, so the buffers end as the generic path leaves them.
 * A chunk run with update also makes the batch's plain SGD step at its end (W ← W − step·g, the
 * weights read from the locals they were loaded into): Network runs it for a batch that fits in
 * one chunk without momentum or decay, in place of its separate update pass.
 * Both are flags of the one generated function per shape (the writes gathered in `if (store)`
 * blocks), so V8 compiles and optimises one function, not three: an epoch that ends on a storing
 * chunk reaches full speed as soon as its quiet chunks do.
 * With batched tanh (tanh-simd.ts, Math.tanh's bits eight at a time), a tanh layer's net inputs go
 * to the kernel's scratch TV, one call TH(n) takes them all, and its activations are read back.
 * Covered: trainable nets without dropout, element-wise activations, ½·MSE or sigmoid + BCE,
 * layers of at most MAX_UNITS units; anything else returns null and the generic path runs.
 */
import { ACTIVATION_LIST, ACTIVATIONS } from './activations.js';
import type { Loss } from './losses.js';
import { type BatchTanh, batchTanh } from '../../core/tanh-simd.js';

/**
 * One chunk: loads B rows (order[start …] or start …), forward + backward, adds ∂J/∂W to g; returns
 * the summed loss. store: also write the rows' values to a, z, delta and t; update: then make the
 * plain SGD step W ← W − step·g.
 */
export type ChunkFn = (
  w: Float64Array, g: Float64Array, X: Float64Array, T: Float64Array, order: Uint32Array | null, start: number, B: number,
  a: readonly Float64Array[], z: readonly Float64Array[], delta: readonly Float64Array[], t: Float64Array,
  step: number, store: boolean, update: boolean,
) => number;

/** The generated function's parameters, in order. */
export const CHUNK_PARAMS = ['w', 'g', 'X', 'T', 'order', 'start', 'B', 'a', 'z', 'delta', 't', 'step', 'store', 'update'] as const;

/** Buffer writes gathered, then said as one `if (store) { … }` block. */
class Writes {
  private list: string[] = [];
  add(stmt: string): void {
    this.list.push(stmt);
  }
  flush(out: string[]): void {
    if (this.list.length > 0) out.push(`if (store) { ${this.list.join(' ')} }`);
    this.list = [];
  }
}

/** Widest layer the generated code unrolls. */
export const MAX_UNITS = 16;
/** Most weights the generated code unrolls. */
export const MAX_WEIGHTS = 640;

/** The activation the kernel of tanh-simd.ts computes. */
const TANH = ACTIVATIONS.tanh.code;

/** f(z) as a JavaScript expression over the name v (the activation's own snippet). */
const activation = (code: number, v: string): string => ACTIVATION_LIST[code]!.source!.f(v);

/** delta ∘ f'(z) as an expression over delta d, z and a = f(z) (the activation's own snippet). */
const derivative = (code: number, d: string, z: string, a: string): string => ACTIVATION_LIST[code]!.source!.times(d, z, a);

/** Names of one row's values: suffix r picks the row of a pair (s or s + 1). */
const N = {
  w: (k: number, j: number, i: number): string => `w${k}_${j}_${i}`,
  a: (k: number, i: number, r: string): string => `a${k}_${i}${r}`,
  z: (k: number, i: number, r: string): string => `z${k}_${i}${r}`,
  d: (k: number, i: number, r: string): string => `d${k}_${i}${r}`,
  p: (k: number, i: number, r: string): string => `p${k}_${i}${r}`,
};

/** The generated body of the chunk function (parameters CHUNK_PARAMS), or null when the shape is not covered. */
export function chunkSource(sizes: readonly number[], act: ArrayLike<number>, loss: Loss, dropout: boolean, batched = false): string | null {
  const L = sizes.length - 1;
  // a loss with its own snippet, paired with any output activation or the one it cancels against
  if (dropout || L < 1 || !loss.source || !(loss.cancels === undefined || loss.cancels === act[L])) return null;
  let weights = 0;
  for (let k = 0; k <= L; k++) {
    if (!(sizes[k]! >= 1 && sizes[k]! <= MAX_UNITS)) return null;
    if (k > 0 && ACTIVATION_LIST[act[k]!]?.source === undefined) return null;
    if (k > 0) weights += sizes[k]! * (sizes[k - 1]! + 1);
  }
  if (weights > MAX_WEIGHTS) return null;
  const head: string[] = ['"use strict";', 'let J = 0;'];
  for (let k = 0; k <= L; k++) head.push(`const A${k} = a[${k}];`);
  for (let k = 1; k <= L; k++) head.push(`const Z${k} = z[${k}], D${k} = delta[${k}];`);
  const offsets = [0];
  for (let k = 1; k <= L; k++) {
    offsets.push(offsets[k - 1]! + sizes[k]! * (sizes[k - 1]! + 1));
    for (let j = 0, p = offsets[k - 1]!; j < sizes[k]!; j++) {
      for (let i = 0; i <= sizes[k - 1]!; i++, p++) head.push(`const ${N.w(k, j, i)} = w[${p}];`);
    }
  }
  // the loss and deltas row after row (J sums in row order)
  const pair = [...forward(sizes, act, [ROW_A, ROW_B], batched), ...backward(sizes, act, loss, 'A'), ...backward(sizes, act, loss, 'B')];
  const single = [...forward(sizes, act, [ROW_A], batched), ...backward(sizes, act, loss, 'A')];
  for (let k = L; k >= 1; k--) {
    pair.push(...gradient(sizes, k, offsets[k - 1]!, ['A', 'B']));
    single.push(...gradient(sizes, k, offsets[k - 1]!, ['A']));
  }
  return [
    ...head,
    'let s = 0;',
    // two rows at a time: each g entry is loaded and stored once for both
    'for (; s + 1 < B; s += 2) {', ...pair.map((l) => `  ${l}`), '}',
    'if (s < B) {', ...single.map((l) => `  ${l}`), '}',
    // with update (a batch in one chunk, plain SGD): W ← W − step·g from the weights held in locals
    'if (update) {', ...weightStores(sizes).map((l) => `  ${l}`), '}',
    `return ${loss.source.total('J')};`,
  ].join('\n');
}

/** w_p = w_p − step·g_p for every weight, in the flat order (what Network.update does without momentum or decay). */
function weightStores(sizes: readonly number[]): string[] {
  const out: string[] = [];
  for (let k = 1, p = 0; k < sizes.length; k++) {
    for (let j = 0; j < sizes[k]!; j++) {
      for (let i = 0; i <= sizes[k - 1]!; i++, p++) out.push(`w[${p}] = ${N.w(k, j, i)} - step * g[${p}];`);
    }
  }
  return out;
}

/** Row names and index expressions: suffix r picks the row, at its place in the chunk. */
interface Row { readonly r: string; readonly at: string }
const ROW_A: Row = { r: 'A', at: 's' };
const ROW_B: Row = { r: 'B', at: 's + 1' };

/**
 * Load and forward pass of one row or a pair, layer by layer (the rows' values are independent, so
 * the order between them changes no bit); with store, each value is also written to its row of the
 * buffers a, z and t (what the generic path leaves). A batched tanh layer sends the net inputs of
 * all the rows to the kernel in one call.
 */
function forward(sizes: readonly number[], act: ArrayLike<number>, rows: readonly Row[], batched: boolean): string[] {
  const L = sizes.length - 1;
  const nin = sizes[0]!;
  const nout = sizes[L]!;
  const out: string[] = [];
  const writes = new Writes();
  for (const { r, at } of rows) {
    out.push(`const row${r} = order === null ? start + ${at} : order[start + ${at}];`);
    for (let k = 0; k <= L; k++) out.push(`const o${k}${r} = (${at}) * ${sizes[k]};`);
    for (let i = 0; i < nin; i++) {
      out.push(`const ${N.a(0, i, r)} = X[row${r} * ${nin} + ${i}];`);
      writes.add(`A0[o0${r} + ${i}] = ${N.a(0, i, r)};`);
    }
    for (let c = 0; c < nout; c++) {
      out.push(`const t${c}${r} = T[row${r} * ${nout} + ${c}];`);
      writes.add(`t[o${L}${r} + ${c}] = t${c}${r};`);
    }
    writes.flush(out);
  }
  for (let k = 1; k <= L; k++) {
    // z^k = W^k a^{k−1} (bias first), a^k = f(z^k); a batched tanh layer: every z^k to TV, one call, a^k back
    const viaKernel = batched && act[k] === TANH;
    const n = sizes[k]!;
    rows.forEach(({ r }, q) => {
      for (let j = 0; j < n; j++) {
        let sum = N.w(k, j, 0);
        for (let i = 0; i < sizes[k - 1]!; i++) sum += ` + ${N.w(k, j, i + 1)} * ${N.a(k - 1, i, r)}`;
        const z = N.z(k, j, r);
        out.push(`const ${z} = ${sum};`);
        if (viaKernel) out.push(`TV[${q * n + j}] = ${z};`);
        else out.push(`const ${N.a(k, j, r)} = ${activation(act[k]!, z)};`);
      }
    });
    if (viaKernel) out.push(`TH(${rows.length * n});`);
    rows.forEach(({ r }, q) => {
      for (let j = 0; j < n; j++) {
        if (viaKernel) out.push(`const ${N.a(k, j, r)} = TV[${q * n + j}];`);
        writes.add(`Z${k}[o${k}${r} + ${j}] = ${N.z(k, j, r)}; A${k}[o${k}${r} + ${j}] = ${N.a(k, j, r)};`);
      }
      writes.flush(out);
    });
  }
  return out;
}

/** Loss and every delta of one forwarded row (suffix r); with store, each delta is also written to its row of the buffer. */
function backward(sizes: readonly number[], act: ArrayLike<number>, loss: Loss, r: string): string[] {
  const L = sizes.length - 1;
  const nout = sizes[L]!;
  const out: string[] = [];
  const writes = new Writes();
  for (let c = 0; c < nout; c++) {
    const [a, z, d] = [N.a(L, c, r), N.z(L, c, r), N.d(L, c, r)];
    // the loss's own snippet: its term of J and delta^L
    const row = loss.source!.row(a, z, `t${c}${r}`, `e${c}${r}`, (e) => derivative(act[L]!, e, z, a));
    out.push(...row.lines, `const ${d} = ${row.delta};`);
    writes.add(`D${L}[o${L}${r} + ${c}] = ${d};`);
  }
  writes.flush(out);
  for (let k = L; k > 1; k--) {
    const nk = sizes[k]!;
    const np = sizes[k - 1]!;
    const d = (j: number): string => N.d(k, j, r);
    for (let i = 0; i < np; i++) out.push(`let ${N.p(k, i, r)} = 0;`);
    let j = 0;
    if (nk >= 4) {
      for (; j + 3 < nk; j += 4) {
        const q = [j, j + 1, j + 2, j + 3];
        // (W^T delta)_i += the block's four terms one by one, skipped when its deltas are all 0
        out.push(`if (${q.map((u) => `${d(u)} !== 0`).join(' || ')}) {`);
        for (let i = 0; i < np; i++) out.push(`  ${N.p(k, i, r)} = ${N.p(k, i, r)} + ${q.map((u) => `${N.w(k, u, i + 1)} * ${d(u)}`).join(' + ')};`);
        out.push('}');
      }
    }
    for (; j < nk; j++) {
      out.push(`if (${d(j)} !== 0) {`);
      for (let i = 0; i < np; i++) out.push(`  ${N.p(k, i, r)} += ${N.w(k, j, i + 1)} * ${d(j)};`);
      out.push('}');
    }
    // delta^{k−1} = f'(z^{k−1}) ∘ (W^k)^T delta^k
    for (let i = 0; i < np; i++) {
      const dp = N.d(k - 1, i, r);
      out.push(`const ${dp} = ${derivative(act[k - 1]!, N.p(k, i, r), N.z(k - 1, i, r), N.a(k - 1, i, r))};`);
      writes.add(`D${k - 1}[o${k - 1}${r} + ${i}] = ${dp};`);
    }
    writes.flush(out);
  }
  return out;
}

/**
 * g += delta^k (a^{k−1})^T over the rows (one or a pair, in order). Units j … j + 3 of a blocked
 * layer share one skip test per row (all four deltas 0); otherwise each unit tests its own delta,
 * and the first layer or one with fewer than four outputs adds its bias deltas unconditionally.
 */
function gradient(sizes: readonly number[], k: number, off: number, rows: readonly string[]): string[] {
  const nin = sizes[k - 1]!;
  const nout = sizes[k]!;
  const stride = nin + 1;
  const blocked = k > 1 && nout >= 4;
  const out: string[] = [];
  const nz = (units: number[], r: string): string => units.map((u) => `${N.d(k, u, r)} !== 0`).join(' || ');
  /** g_ji = g_ji + delta_j a_i for the rows rs (bias: + delta_j when withBias). */
  const adds = (units: number[], rs: readonly string[], withBias: boolean, pad: string): void => {
    for (const u of units) {
      const row = off + u * stride;
      if (withBias) out.push(`${pad}g[${row}] = g[${row}]${rs.map((r) => ` + ${N.d(k, u, r)}`).join('')};`);
      for (let i = 0; i < nin; i++) {
        const terms = rs.map((r) => ` + ${N.d(k, u, r)} * ${N.a(k - 1, i, r)}`).join('');
        out.push(`${pad}g[${row + i + 1}] = g[${row + i + 1}]${terms};`);
      }
    }
  };
  /** The skip tests of a group of units over the rows: every subset of rows that passes. */
  const guarded = (units: number[], withBias: boolean): void => {
    if (rows.length === 1) {
      out.push(`if (${nz(units, rows[0]!)}) {`);
      adds(units, rows, withBias, '  ');
      out.push('}');
      return;
    }
    const [r0, r1] = rows as [string, string];
    out.push(`if ((${nz(units, r0)}) && (${nz(units, r1)})) {`);
    adds(units, rows, withBias, '  ');
    out.push(`} else if (${nz(units, r0)}) {`);
    adds(units, [r0], withBias, '  ');
    out.push(`} else if (${nz(units, r1)}) {`);
    adds(units, [r1], withBias, '  ');
    out.push('}');
  };
  let j = 0;
  if (blocked) for (; j + 3 < nout; j += 4) guarded([j, j + 1, j + 2, j + 3], true);
  if (!blocked) {
    // the bias column sums every delta (adding a 0 changes nothing)
    for (let u = 0; u < nout; u++) {
      const row = off + u * stride;
      out.push(`g[${row}] = g[${row}]${rows.map((r) => ` + ${N.d(k, u, r)}`).join('')};`);
    }
  }
  for (; j < nout; j++) guarded([j], blocked);
  return out;
}

/**
 * Compiled chunks by shape. The generated code keeps no state (everything comes in as arguments),
 * so networks of one shape share one function: V8 compiles and optimises it once, not once per
 * network (a sweep builds a thousand networks of the same shape).
 */
const compiled = new Map<string, ChunkFn | null>();

/**
 * The compiled chunk function of a shape, or null (not covered, or code generation refused). Its
 * tanh layers go through `kernel` (by default the checked SIMD kernel, where this runtime has one).
 */
export function compileChunk(
  sizes: readonly number[], act: ArrayLike<number>, loss: Loss, dropout: boolean,
  kernel: BatchTanh | null = Array.from(act).includes(TANH) ? batchTanh() : null,
): ChunkFn | null {
  const key = `${sizes.join(',')}|${Array.from(act).join(',')}|${loss.code}|${dropout}|${kernel !== null}`;
  if (compiled.has(key)) return compiled.get(key)!;
  const src = chunkSource(sizes, act, loss, dropout, kernel !== null);
  let fn: ChunkFn | null = null;
  if (src !== null) {
    try {
      fn = (kernel === null
        ? new Function(...CHUNK_PARAMS, src)
        : new Function('TH', 'TV', `return function chunk(${CHUNK_PARAMS.join(', ')}) {\n${src}\n};`)(kernel.run, kernel.values)) as ChunkFn;
    } catch {
      fn = null;
    }
  }
  compiled.set(key, fn);
  return fn;
}
