/**
 * Issue 20, W1 against synaptic: how fast can bench W1's chunk (2-8-8-1, tanh hidden, sigmoid
 * output, batch 10) run while every result stays bit-identical? The generated chunk of the engine
 * (src/engines/dense/compiled.ts) timed three ways, alternated round by round, best of the rounds:
 *   - as it is, with Math.tanh;
 *   - with fdlibm's tanh written out in JavaScript (bench/fdlibm-tanh.mjs; first checked to give
 *     Math.tanh's bits on 3,000,000 inputs, and the runs compared weight for weight);
 *   - with tanh replaced by a linear map: not a valid network, the floor of everything else;
 *   - with the batched SIMD kernel (src/core/tanh-simd.ts): what the engine runs now.
 * `node bench/app.mjs --tanh` bundles and runs it; prints one line per variant (ns per example).
 */
import { ACTIVATIONS } from '../src/engines/dense/activations.js';
import { CHUNK_PARAMS, chunkSource } from '../src/engines/dense/compiled.js';
import { LOSSES } from '../src/engines/dense/losses.js';
import { batchTanh } from '../src/core/tanh-simd.js';
// @ts-expect-error plain JavaScript, no declarations
import { tanh as fdlibmTanh } from './fdlibm-tanh.mjs';

const th = fdlibmTanh as (x: number) => number;
const sizes = [2, 8, 8, 1];
const src = chunkSource(sizes, [0, ACTIVATIONS.tanh.code, ACTIVATIONS.tanh.code, ACTIVATIONS.sigmoid.code], LOSSES.mse, false)!;
const params = [...CHUNK_PARAMS];
type Chunk = (...args: unknown[]) => number;
const asIs = new Function(...params, src) as Chunk;
const port = new Function('TH', `return function (${params.join(', ')}) {\n${src.replaceAll('Math.tanh(', 'TH(')}\n}`)(th) as Chunk;
const linear = new Function(...params, src.replaceAll('Math.tanh(', '(0.5 * ')) as Chunk;
const bt = batchTanh();
if (bt === null) throw new Error('this runtime has no WebAssembly SIMD kernel (batchTanh() is null)');
const batchedSrc = chunkSource(sizes, [0, ACTIVATIONS.tanh.code, ACTIVATIONS.tanh.code, ACTIVATIONS.sigmoid.code], LOSSES.mse, false, true)!;
const kernel = new Function('TH', 'TV', `return function (${params.join(', ')}) {\n${batchedSrc}\n}`)(bt.run, bt.values) as Chunk;

// the port against Math.tanh, bit for bit (every magnitude the chunk meets, and beyond)
let state = 12345;
const uniform = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
let differ = 0;
for (let i = 0; i < 3_000_000; i++) {
  const x = (2 * uniform() - 1) * [1e-9, 1e-4, 0.2, 1, 3, 10, 30][i % 7]!;
  if (!Object.is(th(x), Math.tanh(x))) differ++;
}

const n = 200;
const X = new Float64Array(2 * n);
const T = new Float64Array(n);
for (let i = 0; i < n; i++) {
  X[2 * i] = 2 * uniform() - 1;
  X[2 * i + 1] = 2 * uniform() - 1;
  T[i] = X[2 * i]! * X[2 * i + 1]! > 0 ? 1 : 0;
}
const weights = sizes.slice(1).reduce((s, units, k) => s + units * (sizes[k]! + 1), 0);
const EPOCHS = 300;
function train(chunk: Chunk): Float64Array {
  state = 7;
  const w = Float64Array.from({ length: weights }, () => uniform() - 0.5);
  const g = new Float64Array(weights);
  for (let e = 0; e < EPOCHS; e++) {
    for (let b = 0; b < n; b += 10) {
      g.fill(0);
      chunk(w, g, X, T, null, b, 10, [], [], [], null, 0.1 / 10, false, true);
    }
  }
  return w;
}
const reference = train(asIs);
const ported = train(port);
const same = reference.every((v, i) => Object.is(v, ported[i]));
const viaKernel = train(kernel);
const sameKernel = reference.every((v, i) => Object.is(v, viaKernel[i]));
const best = { asIs: Infinity, port: Infinity, linear: Infinity, kernel: Infinity };
for (let r = 0; r < 7; r++) {
  for (const [name, chunk] of [['asIs', asIs], ['port', port], ['linear', linear], ['kernel', kernel]] as const) {
    const t = performance.now();
    train(chunk);
    best[name] = Math.min(best[name], ((performance.now() - t) * 1e6) / (EPOCHS * n));
  }
}
console.log(`fdlibm tanh in JavaScript against Math.tanh: ${differ} of 3,000,000 inputs differ; the trained weights ${same ? 'identical' : 'DIFFER'}`);
console.log(`W1 chunk, ns per example (best of 7): Math.tanh ${best.asIs.toFixed(0)}, fdlibm in JavaScript ${best.port.toFixed(0)}, tanh replaced by a linear map (the floor of the rest) ${best.linear.toFixed(0)}`);
console.log(`batched SIMD kernel (what the engine runs): ${best.kernel.toFixed(0)} ns per example, trained weights ${sameKernel ? 'identical' : 'DIFFER'} to Math.tanh's`);
console.log(`tanh's share of an example (16 values): Math.tanh ${(best.asIs - best.linear).toFixed(0)} ns (${((best.asIs - best.linear) / 16).toFixed(1)} a value), the kernel ${(best.kernel - best.linear).toFixed(0)} ns (${((best.kernel - best.linear) / 16).toFixed(1)} a value); the chunk alone at ${(1e9 / best.kernel / 1e6).toFixed(2)}M examples/s with the kernel, ${(1e9 / best.asIs / 1e6).toFixed(2)}M with Math.tanh`);
