// fdlibm's tanh (through its expm1), written out in JavaScript as V8's base::ieee754::tanh computes
// Math.tanh: the same operations in the same order, so the same bits (bench/tanh-floor.ts checks
// it on millions of inputs). Kept for issue 20's question: could W1's 16 tanh calls per example be
// made cheaper without changing a bit of any run? (Answer measured there: no, this is slower.)
const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
const fromHi = (hi) => { u32[0] = 0; u32[1] = hi; return f64[0]; };
const ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10, invln2 = 1.44269504088896338700e+00;
const Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03, Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06, Q5 = -2.01099218183624371326e-07;
const HALF_LN2 = fromHi(0x3FD62E43), THREEHALF_LN2 = fromHi(0x3FF0A2B2), BIG = fromHi(0x4043687A);
const P2 = new Float64Array(130); for (let k = -64; k <= 64; k++) P2[k + 64] = 2 ** k;
// expm1 for x in (-44, 44), not tiny (|x| >= 2^-27), as fdlibm
function em1(x) {
  let k = 0, c = 0;
  const ax = x < 0 ? -x : x;
  if (x <= -BIG) return -1;
  if (ax >= HALF_LN2) {
    let hi, lo;
    if (ax < THREEHALF_LN2) {
      if (x >= 0) { hi = x - ln2_hi; lo = ln2_lo; k = 1; } else { hi = x + ln2_hi; lo = -ln2_lo; k = -1; }
    } else {
      k = (invln2 * x + (x >= 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * ln2_hi; lo = k * ln2_lo;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  }
  const hfx = 0.5 * x, hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = (x * (e - c) - c) - hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
  const twopk = P2[k + 64];
  if (k <= -2 || k > 56) return (1 - (e - x)) * twopk - 1;
  if (k < 20) return (1 - P2[64 - k] - (e - x)) * twopk;
  return (x - (e + P2[64 - k]) + 1) * twopk;
}
export function tanh(x) {
  const ax = x < 0 ? -x : x;
  if (!(ax < 22)) return ax === ax ? (x > 0 ? 1 : -1) : x;
  if (ax < 3.725290298461914e-9) return x;
  let z;
  if (ax >= 1) z = 1 - 2 / (em1(2 * ax) + 2);
  else { const t = em1(-2 * ax); z = -t / (t + 2); }
  return x >= 0 ? z : -z;
}
