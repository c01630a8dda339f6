/**
 * Network and training options, and their resolution into the per-layer tables the engine runs on
 * (activation codes, keep probabilities): validated once at construction, never in the loop.
 */
import { ModelConfigError } from '../../core/types.js';
import { ACTIVATIONS, type ActivationName, SOFTMAX, stepNotTrainable } from './activations.js';
import { type InitName } from './init.js';
import { LOSSES, type Loss, type LossName, type OutputActivation, checkOutput } from './losses.js';

export interface NetworkConfig {
  /** Units per layer, input first, e.g. [2, 8, 8, 1]. */
  readonly sizes: readonly number[];
  /** Hidden activation: one name for every hidden layer, or one per hidden layer. @default 'sigmoid' */
  readonly hidden?: ActivationName | readonly ActivationName[];
  /** @default 'sigmoid' */
  readonly output?: OutputActivation;
  /** @default 'mse' (½·MSE) */
  readonly loss?: LossName;
  /** @default 'standard' */
  readonly init?: InitName;
  /** r of the 'uniform' init, U[−r, r]. @default 0.5 */
  readonly initRange?: number;
  /** Explicit weights per layer, [out][1 + in] rows, bias first (overrides init). */
  readonly weights?: unknown;
  /** Rows per forward/backward chunk; larger batches are accumulated chunk by chunk. @default 32 */
  readonly maxBatch?: number;
  /** Keep probability of the input units under dropout. @default 1 */
  readonly keepInput?: number;
  /** Keep probability of hidden units: one for all, or one per hidden layer. @default 1 */
  readonly keepHidden?: number | readonly number[];
  /** False builds a forward-only network (step units allowed, training refused). @default true */
  readonly trainable?: boolean;
  /** Class threshold of a single output. @default 0 after tanh / step-bipolar, else 0.5 */
  readonly threshold?: number;
}

export interface TrainOptions {
  /** Learning rate η. */
  readonly eta: number;
  /** Momentum μ: v ← μv − η∇, W ← W + v. @default 0 */
  readonly momentum?: number;
  /** L2 weight decay λ on non-bias weights (J + λ/2 ‖W‖²). @default 0 */
  readonly weightDecay?: number;
  /** L1 penalty λ₁ on non-bias weights (J + λ₁ ‖W‖₁, gradient λ₁ sign W). @default 0 */
  readonly l1?: number;
  /** Rows per update: 1 online, k minibatch, 0 full batch. @default 1 */
  readonly batchSize?: number;
  /** True: gradient averaged over the batch; false: summed (Rumelhart's sweep). @default true */
  readonly average?: boolean;
  /** Reshuffle the presentation order each epoch with the network's Rng. @default false */
  readonly shuffle?: boolean;
}

/** A validated configuration: per-layer tables indexed by layer k = 0 (input) … L (output). */
export interface ResolvedLayers {
  readonly sizes: readonly number[];
  readonly depth: number;
  readonly activations: readonly OutputActivation[];
  readonly act: Int8Array;
  readonly keep: Float64Array;
  readonly loss: Loss;
  readonly lossName: LossName;
  readonly threshold: number;
  readonly trainable: boolean;
  readonly maxBatch: number;
}

/** Most memory one network may take (weights, gradient, velocity and the batch buffers). */
export const MEMORY_LIMIT = 256 * 1024 * 1024;

/** Bytes a network of these sizes takes with buffers for maxBatch rows (computed in floats: no overflow). */
export function networkBytes(sizes: readonly number[], maxBatch: number): number {
  let weights = 0;
  let units = 0;
  for (let k = 0; k < sizes.length; k++) {
    units += sizes[k]!;
    if (k > 0) weights += sizes[k]! * (sizes[k - 1]! + 1);
  }
  // w, g, v per weight; z, a, delta, mask, dropped per unit and row: 8 bytes each
  return 8 * (3 * weights + 5 * units * maxBatch);
}

/** "12.3 MiB", for messages. */
export const megabytes = (bytes: number): string => `${Number((bytes / 2 ** 20).toPrecision(3))} MiB`;

/** Layer sizes for a message: 2-8-8-1, or 2-1024-…-1 (102 layers) when long. */
const shape = (sizes: readonly number[]): string =>
  sizes.length <= 8 ? sizes.join('-') : `${sizes.slice(0, 3).join('-')}-…-${sizes.at(-1)} (${sizes.length} layers)`;

/** Checks a configuration and returns its per-layer tables; throws ModelConfigError with the reason. */
export function resolveLayers(config: NetworkConfig): ResolvedLayers {
  const sizes = [...config.sizes];
  if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new ModelConfigError(`must be at least two positive integers, got [${shape(sizes)}]`, 'sizes');
  }
  const maxBatch = Math.max(1, Math.floor(config.maxBatch ?? 32));
  // checked before anything is allocated: an Int32Array of offsets would wrap, a Float64Array throw
  const bytes = networkBytes(sizes, maxBatch);
  if (bytes > MEMORY_LIMIT) {
    throw new ModelConfigError(`a ${shape(sizes)} network needs about ${megabytes(bytes)} for its weights and buffers, over the limit of ${megabytes(MEMORY_LIMIT)}`, 'sizes');
  }
  const L = sizes.length - 1;
  const trainable = config.trainable ?? true;
  const output = config.output ?? 'sigmoid';
  const lossName = config.loss ?? 'mse';
  checkOutput(output, lossName, sizes[L]!);
  const activations: OutputActivation[] = ['linear', ...perLayer(config.hidden ?? 'sigmoid', L - 1, 'hidden'), output];
  const act = new Int8Array(L + 1);
  activations.forEach((name, k) => {
    if (name === 'softmax') {
      if (k !== L) throw new ModelConfigError('softmax is an output activation only');
      act[k] = SOFTMAX;
      return;
    }
    const f = Object.hasOwn(ACTIVATIONS, name) ? ACTIVATIONS[name] : undefined;
    if (f === undefined) throw new ModelConfigError(`unknown activation "${String(name)}" in layer ${k}`);
    // A hidden step trains with derivative 0 (nothing below it moves); a step output trains nothing.
    if (k === L && !f.trainable && trainable) throw new ModelConfigError(stepNotTrainable(name, k), 'output');
    act[k] = f.code;
  });
  const keep = Float64Array.from([config.keepInput ?? 1, ...perLayer(config.keepHidden ?? 1, L - 1, 'keepHidden')]);
  keep.forEach((p, k) => {
    if (!(p > 0 && p <= 1)) throw new ModelConfigError(`keep probability of layer ${k} must be in (0, 1], got ${p}`);
  });
  return {
    sizes,
    depth: L,
    activations,
    act,
    keep,
    loss: LOSSES[lossName],
    lossName,
    threshold: config.threshold ?? (output === 'tanh' || output === 'step-bipolar' ? 0 : 0.5),
    trainable,
    maxBatch,
  };
}

function perLayer<T>(value: T | readonly T[], count: number, what: string): T[] {
  if (!Array.isArray(value)) return Array.from({ length: count }, () => value as T);
  if (value.length !== count) {
    throw new ModelConfigError(`${what}: expected ${count} entries (one per hidden layer), got ${value.length}`);
  }
  return [...(value as readonly T[])];
}
