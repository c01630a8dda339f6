/**
 * Generated inner loops of the 5×5, stride-2 convolutions of convnet.ts: once per layer shape,
 * JavaScript is generated (new Function, as compiled.ts does for tiny MLPs) with the 25 kernel
 * weights in locals and every tap offset a constant, so the tap table and its loads disappear.
 * Sums are formed in exactly the order of the generic loops in convnet.ts (taps k = 0 … 24, output
 * positions row by row), so the results are bit-identical; a test checks it on random shapes.
 *   forward:  z[zo + y·side + x] += Σ_k w[kb + k] · P[inBase + 2y·wide + 2x + tap_k]
 *   backward: g[kb + k] += Σ_{y,x} d · P[… + tap_k];  dP[… + tap_k] += d · w[kb + k]
 */

/** Adds one kernel's contribution (one output map, one input map) to z. */
export type ConvForward = (w: Float64Array, kb: number, P: Float64Array, inBase: number, z: Float64Array, zo: number) => void;
/** Adds one kernel's gradient to g and (when dP is given) its input gradient to dP. */
export type ConvBackward = (w: Float64Array, g: Float64Array, kb: number, P: Float64Array, inBase: number, delta: Float64Array, zo: number, dP: Float64Array | null) => void;

const K = 5;
const cache = new Map<string, { forward: ConvForward; backward: ConvBackward }>();

/** The generated pair for an output side and a padded input width. */
export function compileConv(side: number, wide: number): { forward: ConvForward; backward: ConvBackward } {
  const key = `${side}/${wide}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const taps = Array.from({ length: K * K }, (_, k) => Math.floor(k / K) * wide + (k % K));
  const loadW = taps.map((_, k) => `const k${k} = w[kb + ${k}];`).join('\n');
  const sum = taps.map((t, k) => `k${k} * P[b + ${t}]`).join(' + ');
  const forward = new Function(
    'w', 'kb', 'P', 'inBase', 'z', 'zo',
    `${loadW}
for (let y = 0; y < ${side}; y++) {
  for (let x = 0; x < ${side}; x++) {
    const b = inBase + ${2 * wide} * y + 2 * x;
    z[zo + ${side} * y + x] += ${sum};
  }
}`,
  ) as ConvForward;
  const acc = taps.map((_, k) => `let g${k} = g[kb + ${k}];`).join('\n');
  const addG = taps.map((t, k) => `g${k} += d * P[b + ${t}];`).join('\n');
  const addP = taps.map((t, k) => `dP[b + ${t}] += d * k${k};`).join('\n');
  const store = taps.map((_, k) => `g[kb + ${k}] = g${k};`).join('\n');
  const backward = new Function(
    'w', 'g', 'kb', 'P', 'inBase', 'delta', 'zo', 'dP',
    `${loadW}
${acc}
for (let y = 0; y < ${side}; y++) {
  for (let x = 0; x < ${side}; x++) {
    const d = delta[zo + ${side} * y + x];
    const b = inBase + ${2 * wide} * y + 2 * x;
${addG}
    if (dP !== null) {
${addP}
    }
  }
}
${store}`,
  ) as ConvBackward;
  const pair = { forward, backward };
  cache.set(key, pair);
  return pair;
}
