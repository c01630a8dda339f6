/**
 * LeCun et al.'s (1989) zip-code network as an engine over Float64Array buffers: two convolution
 * layers of shared 5×5 kernels at stride 2, a dense hidden layer and a dense output layer, all of
 * scaled-tanh units, trained by online back-propagation on ½·Σ(o − t)². Nothing in the training
 * loop allocates.
 *
 * Layers (for a 16×16 input; other square sizes scale the same way):
 *   input 16×16, padded by 2 on every side with the background value → 20×20
 *   H1 = 12 maps of 8×8: one 5×5 kernel per map (shared by its 64 units), one bias per unit
 *   H1 padded by 2 with −1 (an "off" unit, as in Karpathy's 2022 reproduction) → 12 × 12×12
 *   H2 = 12 maps of 4×4: map j sees 8 of the 12 H1 maps through 8 kernels of 5×5, one bias per unit
 *   H3 = 30 units, fully connected to H2; output = one unit per class, fully connected to H3
 * The paper does not list which 8 H1 maps feed each H2 map; 'cyclic-8' takes H1 maps
 * j, j + 1, …, j + 7 (mod 12), so every H1 map feeds exactly 8 H2 maps. 'full' connects all 12
 * (the shape libraries without connection tables can build).
 *
 * Units f(a) = A tanh(S a), A = 1.7159, S = 2/3 (LeCun's scaled tanh: f(±1) = ±1, and ±1 targets
 * sit where f bends most, inside its range). f'(a) = A S (1 − tanh²(S a)) = S (A − f²/A).
 * The layers and their loops are in conv-layers.ts (generated convolution loops: conv-compiled.ts).
 * Flat weight layout: H1 kernels, H1 biases, H2 kernels, H2 biases, H3 rows [bias, w…], output rows.
 */
import type { Rng } from '../../core/rng.js';
import type { LayerCount } from '../../core/types.js';
import { Conv, FAN2, KK, MAPS, PAD, dense, denseBack, outSide, padInto, squash, timesDer } from './conv-layers.js';

export const LECUN_A = 1.7159;
export const LECUN_S = 2 / 3;

/** LeCun's scaled tanh and its derivative. */
export const scaledTanh = {
  output: (a: number): number => LECUN_A * Math.tanh(LECUN_S * a),
  der: (a: number): number => LECUN_A * LECUN_S * (1 - Math.tanh(LECUN_S * a) ** 2),
};

export type Connections = 'cyclic-8' | 'full';
export type ConvInit = 'fan-in' | 'sqrt-fan-in';

export interface ConvNetConfig {
  /** Side of the square input image. */
  readonly side: number;
  readonly classes: number;
  /** @default 'cyclic-8' */
  readonly connections?: Connections;
  /** Units of the dense hidden layer H3. @default 30 */
  readonly hidden?: number;
  /** 'fan-in': U(±2.4/F) as in the paper; 'sqrt-fan-in': U(±2.4/√F). Biases start at 0. @default 'fan-in' */
  readonly init?: ConvInit;
  /** Value of the input's padding border (the background). @default -1 */
  readonly padInput?: number;
  /** Value of H1's padding border. @default -1 */
  readonly padHidden?: number;
  /** 'lecun': 1.7159 tanh(2a/3); 'tanh': plain tanh (what libraries offer; the bench uses it). @default 'lecun' */
  readonly units?: 'lecun' | 'tanh';
  /** 'unit': one bias per unit of a map (LeCun); 'map': one per map (what libraries offer). @default 'unit' */
  readonly biases?: 'unit' | 'map';
}

export class ConvNet {
  readonly side: number;
  readonly classes: number;
  readonly hidden: number;
  readonly connections: Connections;
  /** f(a) = A tanh(S a). */
  readonly A: number;
  readonly S: number;
  readonly h1: Conv;
  readonly h2: Conv;
  /** Offsets of H3's and the output's weight rows. */
  readonly h3Off: number;
  readonly outOff: number;
  readonly w: Float64Array;
  readonly g: Float64Array;
  /** Buffers: padded input, H1, padded H1, H2, H3, output; z, a and delta per layer. */
  readonly P0: Float64Array;
  readonly z1: Float64Array;
  readonly a1: Float64Array;
  readonly P1: Float64Array;
  readonly dP1: Float64Array;
  readonly d1: Float64Array;
  readonly z2: Float64Array;
  readonly a2: Float64Array;
  readonly d2: Float64Array;
  readonly z3: Float64Array;
  readonly a3: Float64Array;
  readonly d3: Float64Array;
  readonly z4: Float64Array;
  readonly a4: Float64Array;
  readonly d4: Float64Array;
  /** Target row of the loaded pattern: +1 for its class, −1 elsewhere. */
  readonly t: Float64Array;

  /** rng null leaves every weight 0 (enough to count the layers). */
  constructor(config: ConvNetConfig, rng: Rng | null) {
    const side = (this.side = config.side);
    this.classes = config.classes;
    this.hidden = config.hidden ?? 30;
    this.connections = config.connections ?? 'cyclic-8';
    const tanh = config.units === 'tanh';
    this.A = tanh ? 1 : LECUN_A;
    this.S = tanh ? 1 : LECUN_S;
    const mapBias = config.biases === 'map';
    const s1 = outSide(side);
    const s2 = outSide(s1);
    const fan2 = this.connections === 'full' ? MAPS : FAN2;
    const table2 = new Int32Array(MAPS * fan2);
    // kernel c of H2 map j reads H1 map (j + c) mod 12 (cyclic-8), or map c (full)
    for (let j = 0; j < MAPS; j++) for (let c = 0; c < fan2; c++) table2[j * fan2 + c] = fan2 === MAPS ? c : (j + c) % MAPS;
    this.h1 = new Conv(1, side, MAPS, s1, new Int32Array(MAPS), 1, 0, MAPS * KK, mapBias);
    const off2 = this.h1.parameters;
    this.h2 = new Conv(MAPS, s1, MAPS, s2, table2, fan2, off2, off2 + MAPS * fan2 * KK, mapBias);
    this.h3Off = off2 + this.h2.parameters;
    const n2 = MAPS * s2 * s2;
    this.outOff = this.h3Off + this.hidden * (n2 + 1);
    const total = this.outOff + this.classes * (this.hidden + 1);
    this.w = new Float64Array(total);
    this.g = new Float64Array(total);
    const wide0 = side + 2 * PAD;
    this.P0 = new Float64Array(wide0 * wide0).fill(config.padInput ?? -1);
    this.z1 = new Float64Array(MAPS * s1 * s1);
    this.a1 = new Float64Array(MAPS * s1 * s1);
    this.d1 = new Float64Array(MAPS * s1 * s1);
    const wide1 = s1 + 2 * PAD;
    this.P1 = new Float64Array(MAPS * wide1 * wide1).fill(config.padHidden ?? -1);
    this.dP1 = new Float64Array(MAPS * wide1 * wide1);
    this.z2 = new Float64Array(n2);
    this.a2 = new Float64Array(n2);
    this.d2 = new Float64Array(n2);
    this.z3 = new Float64Array(this.hidden);
    this.a3 = new Float64Array(this.hidden);
    this.d3 = new Float64Array(this.hidden);
    this.z4 = new Float64Array(this.classes);
    this.a4 = new Float64Array(this.classes);
    this.d4 = new Float64Array(this.classes);
    this.t = new Float64Array(this.classes);
    if (rng) this.init(config.init ?? 'fan-in', rng);
  }

  /** Every weight U(±2.4/F) (or ±2.4/√F), F the unit's fan-in; biases 0. */
  private init(how: ConvInit, rng: Rng): void {
    const w = this.w;
    const r = (fanIn: number): number => 2.4 / (how === 'fan-in' ? fanIn : Math.sqrt(fanIn));
    const fill = (from: number, count: number, range: number): void => {
      for (let p = from; p < from + count; p++) w[p] = rng.range(-range, range);
    };
    fill(this.h1.kOff, MAPS * KK, r(KK));
    fill(this.h2.kOff, MAPS * this.h2.fan * KK, r(this.h2.fan * KK));
    const rows = (off: number, nin: number, nout: number): void => {
      for (let j = 0; j < nout; j++) fill(off + j * (nin + 1) + 1, nin, r(nin));
    };
    rows(this.h3Off, MAPS * this.h2.outSize, this.hidden);
    rows(this.outOff, this.hidden, this.classes);
  }

  /** Per layer, counted from the shapes: units, connections (biases included), free parameters. */
  counts(): LayerCount[] {
    const { h1, h2 } = this;
    const conv = (name: string, c: Conv): LayerCount => ({
      name,
      shape: `${c.outMaps}×${c.side}×${c.side}`,
      units: c.outMaps * c.outSize,
      connections: c.outMaps * c.outSize * (c.fan * KK + 1),
      parameters: c.parameters,
    });
    const n2 = this.a2.length;
    const fc = (name: string, nin: number, nout: number): LayerCount => ({ name, shape: `${nout}`, units: nout, connections: nout * (nin + 1), parameters: nout * (nin + 1) });
    return [
      { name: 'input', shape: `${this.side}×${this.side}`, units: this.side * this.side, connections: 0, parameters: 0 },
      conv('H1', h1),
      conv('H2', h2),
      fc('H3', n2, this.hidden),
      fc('output', this.hidden, this.classes),
    ];
  }

  /** Loads one row of X (side² pixels) into the padded input and its class into t (+1 / −1). */
  load(X: Float64Array, row: number, label: number): void {
    const side = this.side;
    const wide = side + 2 * PAD;
    const P0 = this.P0;
    for (let y = 0, src = row * side * side; y < side; y++, src += side) {
      const dst = (y + PAD) * wide + PAD;
      for (let x = 0; x < side; x++) P0[dst + x] = X[src + x]!;
    }
    for (let k = 0; k < this.classes; k++) this.t[k] = k === label ? 1 : -1;
  }

  /** Forward pass of the loaded pattern; the outputs are in a4. */
  forward(): void {
    const w = this.w;
    this.h1.forward(w, this.P0, this.z1);
    squash(this.A, this.S, this.z1, this.a1, this.z1.length);
    padInto(this.a1, MAPS, this.h1.side, this.P1);
    this.h2.forward(w, this.P1, this.z2);
    squash(this.A, this.S, this.z2, this.a2, this.z2.length);
    dense(w, this.h3Off, this.a2.length, this.hidden, this.a2, this.z3);
    squash(this.A, this.S, this.z3, this.a3, this.hidden);
    dense(w, this.outOff, this.hidden, this.classes, this.a3, this.z4);
    squash(this.A, this.S, this.z4, this.a4, this.classes);
  }

  /** ½ Σ_k (o_k − t_k)² of the last forward pass. */
  loss(): number {
    let s = 0;
    for (let k = 0; k < this.classes; k++) s += 0.5 * (this.a4[k]! - this.t[k]!) ** 2;
    return s;
  }

  /** Backward pass of the last forward pass: adds ∂J/∂w of this pattern to g. */
  backward(): void {
    const { w, g } = this;
    // delta^out = (o − t) ∘ f'(z)
    for (let k = 0; k < this.classes; k++) this.d4[k] = this.a4[k]! - this.t[k]!;
    timesDer(this.A, this.S, this.a4, this.d4, this.classes);
    // delta^H3 = f'(z3) ∘ W_outᵀ delta^out
    denseBack(w, g, this.outOff, this.hidden, this.classes, this.a3, this.d4, this.d3);
    timesDer(this.A, this.S, this.a3, this.d3, this.hidden);
    denseBack(w, g, this.h3Off, this.a2.length, this.hidden, this.a2, this.d3, this.d2);
    timesDer(this.A, this.S, this.a2, this.d2, this.d2.length);
    // ∂J/∂P1 through H2's shared kernels; the border cells of P1 are constants, so only the interior feeds H1
    this.dP1.fill(0);
    this.h2.backward(w, g, this.P1, this.d2, this.dP1);
    const s1 = this.h1.side;
    const wide = s1 + 2 * PAD;
    for (let m = 0; m < MAPS; m++) {
      for (let y = 0; y < s1; y++) {
        for (let x = 0; x < s1; x++) this.d1[(m * s1 + y) * s1 + x] = this.dP1[m * wide * wide + (y + PAD) * wide + PAD + x]!;
      }
    }
    timesDer(this.A, this.S, this.a1, this.d1, this.d1.length);
    this.h1.backward(w, g, this.P0, this.d1, null);
  }

  /** One online update on row `row`: w ← w − η ∂J/∂w. Returns the pattern's loss before the update. */
  trainPattern(X: Float64Array, row: number, label: number, eta: number): number {
    this.load(X, row, label);
    this.forward();
    const loss = this.loss();
    this.g.fill(0);
    this.backward();
    const { w, g } = this;
    // w ← w − η ∂J/∂w
    for (let p = 0, n = w.length; p < n; p++) w[p]! -= eta * g[p]!;
    return loss;
  }

  /** The index of the largest output (the predicted class). */
  argmax(): number {
    let best = 0;
    for (let k = 1; k < this.classes; k++) if (this.a4[k]! > this.a4[best]!) best = k;
    return best;
  }

  /** H1's 12 learned 5×5 kernels, row-major. */
  kernels(): number[][] {
    return Array.from({ length: MAPS }, (_, m) => Array.from(this.w.subarray(this.h1.kOff + m * KK, this.h1.kOff + (m + 1) * KK)));
  }
}
