/**
 * The layers of the 1989 convnet (convnet.ts) as plain loops over Float64Array buffers: a
 * convolution of shared 5×5 kernels at stride 2 over a padded input, the dense layers, the
 * scaled tanh and its derivative. The convolutions run generated loops (conv-compiled.ts) that
 * are bit-identical to the plain loops here, the reference.
 */
import { type ConvBackward, type ConvForward, compileConv } from './conv-compiled.js';

export const K = 5;
export const KK = K * K;
export const MAPS = 12;
export const PAD = 2;
export const FAN2 = 8;

export const outSide = (inSide: number): number => Math.floor((inSide + 2 * PAD - K) / 2) + 1;

/** One convolution layer of shared 5×5 kernels at stride 2 over a padded input, one bias per unit (or per map). */
export class Conv {
  /** Offsets of the 25 kernel taps in the padded input. */
  readonly tap = new Int32Array(KK);
  readonly outSize: number;
  readonly inPadded: number;
  /** The generated loops (conv-compiled.ts); null runs the plain loops below, the reference. */
  fast: { forward: ConvForward; backward: ConvBackward } | null;
  constructor(
    readonly inMaps: number,
    readonly inSide: number,
    readonly outMaps: number,
    readonly side: number,
    /** Input maps of each output map, outMaps × fan. */
    readonly table: Int32Array,
    readonly fan: number,
    /** Where the kernels and the biases start in the flat weights. */
    readonly kOff: number,
    readonly bOff: number,
    /** One bias per map instead of one per unit. */
    readonly mapBias = false,
  ) {
    this.inPadded = inSide + 2 * PAD;
    this.outSize = side * side;
    for (let ky = 0; ky < K; ky++) for (let kx = 0; kx < K; kx++) this.tap[ky * K + kx] = ky * this.inPadded + kx;
    this.fast = compileConv(side, this.inPadded);
  }

  get parameters(): number {
    return this.outMaps * this.fan * KK + this.outMaps * (this.mapBias ? 1 : this.outSize);
  }

  /** z[o, y, x] = b[o, y, x] + Σ_c Σ_k W[o, c, k] P[table[o, c], 2y + ky, 2x + kx]. */
  forward(w: Float64Array, P: Float64Array, z: Float64Array): void {
    const { side, outSize, inPadded, fan, table, tap } = this;
    const inArea = inPadded * inPadded;
    for (let o = 0; o < this.outMaps; o++) {
      const zo = o * outSize;
      for (let p = 0; p < outSize; p++) z[zo + p] = w[this.bOff + (this.mapBias ? o : zo + p)]!;
      for (let c = 0; c < fan; c++) {
        const inBase = table[o * fan + c]! * inArea;
        const kb = this.kOff + (o * fan + c) * KK;
        if (this.fast !== null) {
          this.fast.forward(w, kb, P, inBase, z, zo);
          continue;
        }
        for (let y = 0; y < side; y++) {
          for (let x = 0; x < side; x++) {
            const base = inBase + 2 * y * inPadded + 2 * x;
            let s = 0;
            for (let k = 0; k < KK; k++) s += w[kb + k]! * P[base + tap[k]!]!;
            z[zo + y * side + x]! += s;
          }
        }
      }
    }
  }

  /** ∂J/∂W and ∂J/∂b into g from delta = ∂J/∂z; ∂J/∂P into dP (when given, pre-zeroed). */
  backward(w: Float64Array, g: Float64Array, P: Float64Array, delta: Float64Array, dP: Float64Array | null): void {
    const { side, outSize, inPadded, fan, table, tap } = this;
    const inArea = inPadded * inPadded;
    for (let o = 0; o < this.outMaps; o++) {
      const zo = o * outSize;
      for (let p = 0; p < outSize; p++) g[this.bOff + (this.mapBias ? o : zo + p)]! += delta[zo + p]!;
      for (let c = 0; c < fan; c++) {
        const inBase = table[o * fan + c]! * inArea;
        const kb = this.kOff + (o * fan + c) * KK;
        if (this.fast !== null) {
          this.fast.backward(w, g, kb, P, inBase, delta, zo, dP);
          continue;
        }
        for (let y = 0; y < side; y++) {
          for (let x = 0; x < side; x++) {
            const d = delta[zo + y * side + x]!;
            const base = inBase + 2 * y * inPadded + 2 * x;
            for (let k = 0; k < KK; k++) g[kb + k]! += d * P[base + tap[k]!]!;
            if (dP !== null) for (let k = 0; k < KK; k++) dP[base + tap[k]!]! += d * w[kb + k]!;
          }
        }
      }
    }
  }
}

/** Copies maps of side × side into the interior of padded maps (border already set). */
export function padInto(a: Float64Array, maps: number, side: number, P: Float64Array): void {
  const wide = side + 2 * PAD;
  for (let m = 0; m < maps; m++) {
    for (let y = 0; y < side; y++) {
      const src = (m * side + y) * side;
      const dst = m * wide * wide + (y + PAD) * wide + PAD;
      for (let x = 0; x < side; x++) P[dst + x] = a[src + x]!;
    }
  }
}

/** a = A tanh(S z) over n entries. */
export function squash(A: number, S: number, z: Float64Array, a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) a[i] = A * Math.tanh(S * z[i]!);
}

/** Dense layer z_j = w_j0 + Σ_i w_ji a_i, rows [bias, w…] from off. */
export function dense(w: Float64Array, off: number, nin: number, nout: number, a: Float64Array, z: Float64Array): void {
  for (let j = 0, r = off; j < nout; j++, r += nin + 1) {
    let s = w[r]!;
    for (let i = 0; i < nin; i++) s += w[r + 1 + i]! * a[i]!;
    z[j] = s;
  }
}

/** ∂J/∂W += delta aᵀ, and Wᵀ delta into dPrev. */
export function denseBack(w: Float64Array, g: Float64Array, off: number, nin: number, nout: number, a: Float64Array, delta: Float64Array, dPrev: Float64Array): void {
  dPrev.fill(0, 0, nin);
  for (let j = 0, r = off; j < nout; j++, r += nin + 1) {
    const d = delta[j]!;
    g[r]! += d;
    for (let i = 0; i < nin; i++) {
      g[r + 1 + i]! += d * a[i]!;
      dPrev[i]! += d * w[r + 1 + i]!;
    }
  }
}

/** delta ∘= f'(z), with f' read from a = f(z) = A tanh(S z): f' = S (A − a²/A). */
export function timesDer(A: number, S: number, a: Float64Array, delta: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) delta[i]! *= S * (A - (a[i]! * a[i]!) / A);
}

