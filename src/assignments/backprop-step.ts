/**
 * One online back-propagation step through a net with one hidden layer, in the lecture's matrix
 * form, from plain numbers (no engine): bias as w0 on x0 = 1 and a0 = 1, so W¹ is h × (1 + d) and
 * W² is c × (1 + h), rows [bias, w…] as the models store them.
 *   z¹ = W¹(1, x), a = f(z¹), z² = W²(1, a), o = g(z²)
 *   δ² = ∂J/∂z² = (o − t) ∘ g′(z²) (squared error) or o − t (sigmoid + cross-entropy, softmax + CE)
 *   ∂J/∂W² = δ² (1, a)ᵀ,  δ¹ = f′(z¹) ∘ (W²ᵀ δ²) (bias column left out),  ∂J/∂W¹ = δ¹ (1, x)ᵀ
 *   v ← μv − η(∂J/∂W + λW, no decay on biases),  W ← W + v
 */
import { ACTIVATIONS, type ActivationName } from '../engines/dense/activations.js';
import { forward } from '../engines/dense/reference.js';

export type Matrix = readonly (readonly number[])[];

export interface BackpropInput {
  readonly W1: Matrix;
  readonly W2: Matrix;
  readonly x: readonly number[];
  readonly t: readonly number[];
  /** Hidden activation f and output activation g ('softmax' allowed for g). */
  readonly hidden: string;
  readonly output: string;
  readonly loss: 'mse' | 'bce' | 'ce';
  readonly eta: number;
  readonly momentum?: number;
  readonly weightDecay?: number;
  /** λ₁ of the L1 penalty λ₁‖W‖₁ (biases excluded). @default 0 */
  readonly l1?: number;
  /** Velocities of W¹ and W² (zero when absent). */
  readonly V1?: Matrix;
  readonly V2?: Matrix;
}

export interface BackpropStep {
  readonly z1: number[];
  readonly a: number[];
  readonly z2: number[];
  readonly o: number[];
  readonly delta2: number[];
  /** δ² (1, a)ᵀ = ∂J/∂W². */
  readonly grad2: number[][];
  readonly delta1: number[];
  /** δ¹ (1, x)ᵀ = ∂J/∂W¹. */
  readonly grad1: number[][];
  readonly W1: number[][];
  readonly W2: number[][];
  /** f′(z¹) and g′(z²) as used (g′ is 1 where it cancels against the loss). */
  readonly f1: number[];
  readonly g2: number[];
}

/** f and f′ by name (the engine's own definitions, so the numbers agree to the last bit). */
export function activation(name: string): { f: (z: number) => number; der: (z: number) => number } {
  const a = ACTIVATIONS[name as ActivationName];
  if (!a) throw new Error(`unknown activation "${name}"`);
  return { f: a.output, der: a.der };
}

/** W ← W + (μV − η(G + λW)), the bias column undecayed; returns [new W, new V]. */
function update(W: Matrix, G: Matrix, V: Matrix | undefined, eta: number, mu: number, lambda: number, lambda1: number): number[][] {
  return W.map((row, j) =>
    row.map((w, i) => {
      // v ← μv − η(∇ + λW + λ₁ sign W), no penalty on the bias;  W ← W + v
      const v = mu * (V?.[j]?.[i] ?? 0) - eta * (G[j]![i]! + (i === 0 ? 0 : lambda * w + lambda1 * Math.sign(w)));
      return w + v;
    }),
  );
}

export function backpropStep(p: BackpropInput): BackpropStep {
  const f = activation(p.hidden);
  const g = p.output === 'softmax' ? null : activation(p.output);
  // z¹ = W¹(1, x), a = f(z¹), z² = W²(1, a), o = g(z²): the reference engine's forward pass on one row
  const W = [p.W1, p.W2].map((M) => M.map((row) => [...row]));
  const pass = forward(
    { f: [ACTIVATIONS[p.hidden as ActivationName], g ? ACTIVATIONS[p.output as ActivationName] : 'softmax'], loss: p.loss, keep: [1, 1], W, v: [] },
    [p.x],
    null,
  );
  const [z1, z2] = [pass.z[1]![0]!, pass.z[2]![0]!];
  const [a, o] = [pass.a[1]![0]!, pass.a[2]![0]!];
  const cancels = p.loss === 'ce' || (p.loss === 'bce' && p.output === 'sigmoid');
  const g2 = z2.map((z) => (cancels || !g ? 1 : g.der(z)));
  // δ² = (o − t) ∘ g′(z²); the derivative cancels for sigmoid + BCE and softmax + CE
  const delta2 = o.map((ok, k) => (ok - p.t[k]!) * g2[k]!);
  const grad2 = delta2.map((d) => [d, ...a.map((ai) => d * ai)]);
  const f1 = z1.map(f.der);
  // δ¹ = f′(z¹) ∘ (W²ᵀ δ²), without W²'s bias column
  const delta1 = a.map((_, j) => f1[j]! * delta2.reduce((s, d, k) => s + p.W2[k]![j + 1]! * d, 0));
  const grad1 = delta1.map((d) => [d, ...p.x.map((xi) => d * xi)]);
  const mu = p.momentum ?? 0;
  const lambda = p.weightDecay ?? 0;
  const lambda1 = p.l1 ?? 0;
  return {
    z1, a, z2, o, delta2, grad2, delta1, grad1, f1, g2,
    W1: update(p.W1, grad1, p.V1, p.eta, mu, lambda, lambda1),
    W2: update(p.W2, grad2, p.V2, p.eta, mu, lambda, lambda1),
  };
}

/** Rows of a flat row-major block: `rows` rows of `cols`, from `offset`. */
export const rowsOf = (flat: readonly number[], offset: number, rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, (_, r) => flat.slice(offset + r * cols, offset + (r + 1) * cols));
