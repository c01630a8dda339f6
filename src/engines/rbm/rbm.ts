/**
 * A restricted Boltzmann machine with binary (logistic) visible and hidden units, trained by
 * one-step contrastive divergence (CD-1, Hinton 2002) on minibatches, over Float64Array buffers.
 * Visible data are probabilities in [0, 1] (grey pixels); hidden states of the positive phase
 * are sampled from the run's Rng, reconstructions use probabilities (Hinton's practical guide).
 *
 *   p(h_j = 1 | v) = σ(c_j + Σ_i W_ji v_i),  p(v_i = 1 | h) = σ(b_i + Σ_j W_ji h_j)
 *   ΔW = ε (⟨h v ᵀ⟩_data − ⟨h v ᵀ⟩_recon),  Δb = ε (⟨v⟩_data − ⟨v⟩_recon),  Δc = ε (⟨h⟩_data − ⟨h⟩_recon)
 */
import type { Rng } from '../../core/rng.js';
import { sigmoid } from '../../core/sigmoid.js';

export class Rbm {
  /** W[j · visible + i], hidden j × visible i. */
  readonly W: Float64Array;
  /** Visible biases b and hidden biases c. */
  readonly b: Float64Array;
  readonly c: Float64Array;
  private readonly gW: Float64Array;
  private readonly gb: Float64Array;
  private readonly gc: Float64Array;
  private readonly h0p: Float64Array;
  private readonly h0: Float64Array;
  private readonly v1: Float64Array;
  private readonly h1p: Float64Array;

  constructor(
    readonly visible: number,
    readonly hidden: number,
    private readonly rng: Rng,
  ) {
    this.W = new Float64Array(hidden * visible);
    // small random weights N(0, 0.01²), biases 0 (Hinton 2010, "A practical guide to training RBMs")
    for (let p = 0; p < this.W.length; p++) this.W[p] = rng.normal(0, 0.01);
    this.b = new Float64Array(visible);
    this.c = new Float64Array(hidden);
    this.gW = new Float64Array(hidden * visible);
    this.gb = new Float64Array(visible);
    this.gc = new Float64Array(hidden);
    this.h0p = new Float64Array(hidden);
    this.h0 = new Float64Array(hidden);
    this.v1 = new Float64Array(visible);
    this.h1p = new Float64Array(hidden);
  }

  /** p(h = 1 | v) of row r of V (rows of `visible` values) into h. */
  hiddenProbs(V: Float64Array, r: number, h: Float64Array): void {
    const { W, c, visible } = this;
    for (let j = 0; j < this.hidden; j++) {
      let z = c[j]!;
      for (let i = 0, o = j * visible, at = r * visible; i < visible; i++) z += W[o + i]! * V[at + i]!;
      h[j] = sigmoid(z);
    }
  }

  /** p(v = 1 | h) into v. */
  visibleProbs(h: Float64Array, v: Float64Array): void {
    const { W, b, visible, hidden } = this;
    for (let i = 0; i < visible; i++) v[i] = b[i]!;
    for (let j = 0; j < hidden; j++) {
      const hj = h[j]!;
      if (hj === 0) continue;
      for (let i = 0, o = j * visible; i < visible; i++) v[i]! += W[o + i]! * hj;
    }
    for (let i = 0; i < visible; i++) v[i] = sigmoid(v[i]!);
  }

  /**
   * One CD-1 update from rows order[start … start + count) of V (n × visible). Returns the summed
   * squared reconstruction error Σ (v − v₁)² of those rows, measured before the update.
   */
  cd1(V: Float64Array, order: Uint32Array, start: number, count: number, eta: number): number {
    const { visible, hidden, gW, gb, gc, h0p, h0, v1, h1p, rng } = this;
    gW.fill(0);
    gb.fill(0);
    gc.fill(0);
    let error = 0;
    for (let s = 0; s < count; s++) {
      const r = order[start + s]!;
      const at = r * visible;
      // positive phase: p(h | v₀), and a binary sample h₀ of it from the Rng
      this.hiddenProbs(V, r, h0p);
      for (let j = 0; j < hidden; j++) h0[j] = rng.uniform() < h0p[j]! ? 1 : 0;
      // negative phase: reconstruction v₁ = p(v | h₀), then p(h | v₁)
      this.visibleProbs(h0, v1);
      this.hiddenProbs(v1, 0, h1p);
      for (let i = 0; i < visible; i++) {
        const d = V[at + i]! - v1[i]!;
        error += d * d;
        gb[i]! += d;
      }
      for (let j = 0; j < hidden; j++) {
        const hp = h0p[j]!;
        const hn = h1p[j]!;
        gc[j]! += hp - hn;
        // ⟨h v⟩_data − ⟨h v⟩_recon
        for (let i = 0, o = j * visible; i < visible; i++) gW[o + i]! += hp * V[at + i]! - hn * v1[i]!;
      }
    }
    const step = eta / count;
    for (let p = 0; p < gW.length; p++) this.W[p]! += step * gW[p]!;
    for (let i = 0; i < visible; i++) this.b[i]! += step * gb[i]!;
    for (let j = 0; j < hidden; j++) this.c[j]! += step * gc[j]!;
    return error;
  }

  /** p(h | v) for all n rows: the data the next RBM of the stack learns from. */
  transform(V: Float64Array, n: number): Float64Array {
    const out = new Float64Array(n * this.hidden);
    const h = new Float64Array(this.hidden);
    for (let r = 0; r < n; r++) {
      this.hiddenProbs(V, r, h);
      out.set(h, r * this.hidden);
    }
    return out;
  }
}
