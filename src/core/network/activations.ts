/**
 * Activation functions, each carrying its derivative (TensorFlow Playground's `{ output, der }`).
 * The registry is for reading, tests and instruments; the hot loops switch on a numeric code
 * once per layer and run a tight loop (no call through an object per element).
 */

export type ActivationName =
  | 'linear'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky-relu'
  | 'step-bipolar'
  | 'step-binary';

export interface Activation {
  readonly name: ActivationName;
  /** Numeric code the hot loops switch on. */
  readonly code: number;
  /** f(z). */
  readonly output: (z: number) => number;
  /** f'(z) (0 for the steps: their derivative is 0 almost everywhere). */
  readonly der: (z: number) => number;
  /** False for the steps: gradient descent cannot train through them. */
  readonly trainable: boolean;
  /** True for sigmoid and tanh, whose flat tails the saturation instrument counts. */
  readonly saturating: boolean;
}

export const LINEAR = 0;
export const SIGMOID = 1;
export const TANH = 2;
export const RELU = 3;
export const LEAKY_RELU = 4;
export const STEP_BIPOLAR = 5;
export const STEP_BINARY = 6;
/** Output-only: the softmax normalises a whole row, so it is not in the element-wise registry. */
export const SOFTMAX = 7;

/** Slope of leaky-ReLU for z < 0. */
export const LEAKY_SLOPE = 0.01;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The element-wise activations by name. */
export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
  linear: { name: 'linear', code: LINEAR, output: (z) => z, der: () => 1, trainable: true, saturating: false },
  sigmoid: {
    name: 'sigmoid',
    code: SIGMOID,
    output: sigmoid,
    // σ'(z) = σ(z)(1 − σ(z)) ≤ 1/4: the product of these across layers is the vanishing gradient
    der: (z) => sigmoid(z) * (1 - sigmoid(z)),
    trainable: true,
    saturating: true,
  },
  tanh: {
    name: 'tanh',
    code: TANH,
    output: Math.tanh,
    der: (z) => 1 - Math.tanh(z) ** 2,
    trainable: true,
    saturating: true,
  },
  relu: {
    name: 'relu',
    code: RELU,
    output: (z) => (z > 0 ? z : 0),
    // the lecture's convention: f'(0) = 1
    der: (z) => (z >= 0 ? 1 : 0),
    trainable: true,
    saturating: false,
  },
  'leaky-relu': {
    name: 'leaky-relu',
    code: LEAKY_RELU,
    output: (z) => (z >= 0 ? z : LEAKY_SLOPE * z),
    der: (z) => (z >= 0 ? 1 : LEAKY_SLOPE),
    trainable: true,
    saturating: false,
  },
  'step-bipolar': {
    name: 'step-bipolar',
    code: STEP_BIPOLAR,
    output: (z) => (z >= 0 ? 1 : -1),
    der: () => 0,
    trainable: false,
    saturating: false,
  },
  'step-binary': {
    name: 'step-binary',
    code: STEP_BINARY,
    output: (z) => (z >= 0 ? 1 : 0),
    der: () => 0,
    trainable: false,
    saturating: false,
  },
};

export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

/** The message shown when someone asks gradient descent to train a step layer. */
export function stepNotTrainable(name: string, layer: number): string {
  return (
    `layer ${layer} uses ${name}: the step function has derivative 0 almost everywhere, ` +
    'so gradient descent cannot train it; use sigmoid or tanh (or build the network with ' +
    'trainable: false to run it forward only)'
  );
}

/**
 * Saturation thresholds on |z|: sigmoid |z| > 4 gives σ' < 0.018 and tanh |z| > 2 gives
 * tanh' < 0.071, both under 7% of the derivative's peak (tanh(z) = 2σ(2z) − 1: the same point).
 */
export const SATURATION_Z: Readonly<Record<number, number>> = { [SIGMOID]: 4, [TANH]: 2 };

/** a = f(z) over the first len entries. */
export function activate(code: number, z: Float64Array, a: Float64Array, len: number): void {
  switch (code) {
    case LINEAR:
      for (let k = 0; k < len; k++) a[k] = z[k]!;
      return;
    case SIGMOID:
      for (let k = 0; k < len; k++) a[k] = 1 / (1 + Math.exp(-z[k]!));
      return;
    case TANH:
      for (let k = 0; k < len; k++) a[k] = Math.tanh(z[k]!);
      return;
    case RELU:
      for (let k = 0; k < len; k++) {
        const v = z[k]!;
        a[k] = v > 0 ? v : 0;
      }
      return;
    case LEAKY_RELU:
      for (let k = 0; k < len; k++) {
        const v = z[k]!;
        a[k] = v >= 0 ? v : LEAKY_SLOPE * v;
      }
      return;
    case STEP_BIPOLAR:
      for (let k = 0; k < len; k++) a[k] = z[k]! >= 0 ? 1 : -1;
      return;
    case STEP_BINARY:
      for (let k = 0; k < len; k++) a[k] = z[k]! >= 0 ? 1 : 0;
      return;
    default:
      throw new Error(`activate: unknown activation code ${code}`);
  }
}

/** delta ∘= f'(z) over the first len entries, using a = f(z) where that is cheaper. */
export function timesDerivative(
  code: number,
  z: Float64Array,
  a: Float64Array,
  delta: Float64Array,
  len: number,
): void {
  switch (code) {
    case LINEAR:
      return;
    case SIGMOID:
      for (let k = 0; k < len; k++) {
        const ak = a[k]!;
        delta[k]! *= ak * (1 - ak);
      }
      return;
    case TANH:
      for (let k = 0; k < len; k++) {
        const ak = a[k]!;
        delta[k]! *= 1 - ak * ak;
      }
      return;
    case RELU:
      for (let k = 0; k < len; k++) if (z[k]! < 0) delta[k] = 0;
      return;
    case LEAKY_RELU:
      for (let k = 0; k < len; k++) if (z[k]! < 0) delta[k]! *= LEAKY_SLOPE;
      return;
    default:
      throw new Error(`timesDerivative: activation code ${code} has no usable derivative`);
  }
}
