/**
 * Activation functions, one object each (TensorFlow Playground's `{ output, der }`), carrying
 * everything every engine needs, side by side, so adding an activation is one edit here:
 *   output / der   f(z) and f'(z): what the reference engine (reference.ts) and the tests read;
 *   forward        a = f(z) as a tight loop over a buffer (the kernels call it once per layer);
 *   backward       delta ∘= f'(z) as a tight loop, reading a = f(z) where that is cheaper;
 *   source         f and delta·f' as JavaScript expressions for the generated chunks (compiled.ts);
 *                  an activation without it simply runs on the generic kernels.
 * The loops compute exactly output / der (tests/engines/dense/activations.test.ts checks it bit
 * for bit), so every engine runs the same maths.
 */

/** Slope of leaky-ReLU for z < 0. */
export const LEAKY_SLOPE = 0.01;

export interface Activation {
  readonly name: string;
  /** Index of this activation in ACTIVATION_LIST: the per-layer tables store it. */
  readonly code: number;
  /** f(z). */
  readonly output: (z: number) => number;
  /** f'(z) (0 for the steps: their derivative is 0 almost everywhere). */
  readonly der: (z: number) => number;
  /** a = f(z) over the first len entries. */
  readonly forward: (z: Float64Array, a: Float64Array, len: number) => void;
  /** delta ∘= f'(z) over the first len entries (a = f(z) is given too). */
  readonly backward: (z: Float64Array, a: Float64Array, delta: Float64Array, len: number) => void;
  /** JavaScript expressions for generated code: f over the name v; delta d times f' at z, a = f(z). */
  readonly source?: { readonly f: (v: string) => string; readonly times: (d: string, z: string, a: string) => string };
  /**
   * False for the steps, whose derivative is 0 almost everywhere. In a hidden layer back-propagation
   * then passes exactly 0 through the unit, so no weight below it ever moves (the why-not-step
   * scenario shows it); as the output unit it is refused for gradient training, since no error
   * signal would reach any weight — such a network must be built forward-only.
   */
  readonly trainable: boolean;
  /** |z| past which the saturation instrument counts the unit as in a flat tail (sigmoid, tanh). */
  readonly saturationZ?: number;
  /** True for ReLU: the dead-unit instrument counts units whose output is 0 on every row. */
  readonly canDie?: boolean;
}

type Definition = Omit<Activation, 'name' | 'code'>;

import { sigmoid } from '../../core/sigmoid.js';
import { batchTanh, tanhInto } from '../../core/tanh-simd.js';

/** The element-wise activations by name, in code order. */
const DEFINITIONS = {
  linear: {
    output: (z) => z,
    der: () => 1,
    forward: (z, a, len) => {
      for (let k = 0; k < len; k++) a[k] = z[k]!;
    },
    backward: () => {},
    source: { f: (v) => v, times: (d) => d },
    trainable: true,
  },
  sigmoid: {
    output: sigmoid,
    // σ'(z) = σ(z)(1 − σ(z)) ≤ 1/4: the product of these across layers is the vanishing gradient
    der: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    forward: (z, a, len) => {
      for (let k = 0; k < len; k++) a[k] = sigmoid(z[k]!);
    },
    backward: (_z, a, delta, len) => {
      for (let k = 0; k < len; k++) {
        const ak = a[k]!;
        delta[k]! *= ak * (1 - ak);
      }
    },
    source: { f: (v) => `1 / (1 + Math.exp(-${v}))`, times: (d, _z, a) => `${d} * (${a} * (1 - ${a}))` },
    trainable: true,
    // σ' < 0.018 past |z| = 4: under 7% of its peak
    saturationZ: 4,
  },
  tanh: {
    output: Math.tanh,
    // tanh'(z) = 1 − tanh²(z) ≤ 1
    der: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
    // eight at a time through the checked SIMD kernel where there is one (Math.tanh's bits)
    forward: (z, a, len) => {
      const kernel = len >= 8 ? batchTanh() : null;
      if (kernel === null) {
        for (let k = 0; k < len; k++) a[k] = Math.tanh(z[k]!);
        return;
      }
      tanhInto(kernel, z, a, len);
    },
    backward: (_z, a, delta, len) => {
      for (let k = 0; k < len; k++) {
        const ak = a[k]!;
        delta[k]! *= 1 - ak * ak;
      }
    },
    source: { f: (v) => `Math.tanh(${v})`, times: (d, _z, a) => `${d} * (1 - ${a} * ${a})` },
    trainable: true,
    // tanh(z) = 2σ(2z) − 1: the same point as sigmoid's 4
    saturationZ: 2,
  },
  relu: {
    output: (z) => (z > 0 ? z : 0),
    // the lecture's convention: f'(0) = 1
    der: (z) => (z < 0 ? 0 : 1),
    forward: (z, a, len) => {
      for (let k = 0; k < len; k++) {
        const v = z[k]!;
        a[k] = v > 0 ? v : 0;
      }
    },
    backward: (z, _a, delta, len) => {
      for (let k = 0; k < len; k++) if (z[k]! < 0) delta[k] = 0;
    },
    source: { f: (v) => `${v} > 0 ? ${v} : 0`, times: (d, z) => `${z} < 0 ? 0 : ${d}` },
    trainable: true,
    canDie: true,
  },
  'leaky-relu': {
    output: (z) => (z < 0 ? LEAKY_SLOPE * z : z),
    der: (z) => (z < 0 ? LEAKY_SLOPE : 1),
    forward: (z, a, len) => {
      for (let k = 0; k < len; k++) {
        const v = z[k]!;
        a[k] = v < 0 ? LEAKY_SLOPE * v : v;
      }
    },
    backward: (z, _a, delta, len) => {
      for (let k = 0; k < len; k++) if (z[k]! < 0) delta[k]! *= LEAKY_SLOPE;
    },
    source: { f: (v) => `${v} < 0 ? ${LEAKY_SLOPE} * ${v} : ${v}`, times: (d, z) => `${z} < 0 ? ${d} * ${LEAKY_SLOPE} : ${d}` },
    trainable: true,
  },
  'step-bipolar': {
    output: (z) => (z >= 0 ? 1 : -1),
    der: () => 0,
    forward: (z, a, len) => {
      for (let k = 0; k < len; k++) a[k] = z[k]! >= 0 ? 1 : -1;
    },
    backward: (_z, _a, delta, len) => void delta.fill(0, 0, len),
    trainable: false,
  },
  'step-binary': {
    output: (z) => (z >= 0 ? 1 : 0),
    der: () => 0,
    forward: (z, a, len) => {
      for (let k = 0; k < len; k++) a[k] = z[k]! >= 0 ? 1 : 0;
    },
    backward: (_z, _a, delta, len) => void delta.fill(0, 0, len),
    trainable: false,
  },
} satisfies Record<string, Definition>;

export type ActivationName = keyof typeof DEFINITIONS;

export const ACTIVATION_NAMES = Object.keys(DEFINITIONS) as ActivationName[];

/** Every activation, indexed by its code. */
export const ACTIVATION_LIST: readonly Activation[] = ACTIVATION_NAMES.map((name, code) => ({ name, code, ...(DEFINITIONS[name] as Definition) }));

/** The element-wise activations by name. */
export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = Object.fromEntries(ACTIVATION_LIST.map((a) => [a.name, a])) as Record<ActivationName, Activation>;

/** Output-only: the softmax normalises a whole row, so it is not in the element-wise registry. */
export const SOFTMAX = ACTIVATION_LIST.length;

/** The activation of a code (undefined for SOFTMAX). */
export const activationOf = (code: number): Activation | undefined => ACTIVATION_LIST[code];

/** The message shown when someone asks gradient descent to train a step output layer. */
export function stepNotTrainable(name: string, layer: number): string {
  return (
    `layer ${layer} (the output) uses ${name}: the step function has derivative 0 almost everywhere, ` +
    'so gradient descent cannot train it — no error signal would reach any weight; use sigmoid or tanh ' +
    '(or build the network with trainable: false to run it forward only)'
  );
}

/** a = f(z) over the first len entries. */
export function activate(code: number, z: Float64Array, a: Float64Array, len: number): void {
  const f = ACTIVATION_LIST[code];
  if (!f) throw new Error(`activate: unknown activation code ${code}`);
  f.forward(z, a, len);
}

/** delta ∘= f'(z) over the first len entries, using a = f(z) where that is cheaper. */
export function timesDerivative(code: number, z: Float64Array, a: Float64Array, delta: Float64Array, len: number): void {
  const f = ACTIVATION_LIST[code];
  if (!f) throw new Error(`timesDerivative: activation code ${code} has no element-wise derivative`);
  f.backward(z, a, delta, len);
}
