/**
 * What the three multilayer-perceptron plugins (mlp-backprop, mlp-relu, mlp-dropout) share: the
 * parameter schema built from each era's defaults (here), and create() over MlpInstance
 * (mlp-plugin.ts, so the instance can read the parameter types without a circle). The plugin files
 * hold only their history, meta and defaults.
 *
 * Targets (src/engines/dense/targets.ts): bipolar −1/+1 targets are read as 0/1 for a sigmoid
 * output, binary 0/1 as −1/+1 for a tanh output; several classes get one-hot targets and always a
 * softmax + cross-entropy output (describe() says so when another output was asked for).
 * Loss is the mean over rows; epoch() reports the full-batch gradient of the training set
 * (without dropout) at the end of the epoch.
 */
import { ACTIVATION_NAMES, type ActivationName, INIT_NAMES, type InitName, OUTPUTS, type OutputName } from '../engines/dense/index.js';
import { param } from '../core/plugin.js';
import type { ParamsOf } from '../core/types.js';

/** One era's defaults; the schema (help, ranges) is the same for the three plugins. */
export interface MlpDefaults {
  readonly hidden: readonly number[];
  readonly activation: ActivationName;
  readonly output: OutputName;
  readonly init: InitName;
  readonly initRange: number;
  readonly learningRate: number;
  readonly momentum: number;
  readonly weightDecay: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly averageGradient: boolean;
  readonly keepInput: number;
  readonly keepHidden: number;
}

export function mlpParams(d: MlpDefaults) {
  return {
    hidden: param.numbers({ default: d.hidden, integer: true, min: 1, max: 4096, maxItems: 32, help: 'units of each hidden layer, e.g. [8, 8]' }),
    activation: param.oneOf(ACTIVATION_NAMES, { default: d.activation, help: 'hidden-unit activation (steps have f′ = 0: nothing below them learns)', live: true }),
    output: param.oneOf(OUTPUTS, { default: d.output, help: 'output units + loss; several classes always use softmax-ce' }),
    init: param.oneOf(INIT_NAMES, { default: d.init, help: 'initial weights: uniform ±initRange, standard ±1/√fan_in, glorot, he' }),
    initRange: param.number({ default: d.initRange, min: 0, max: 100, help: 'r of the uniform init U[−r, r]' }),
    learningRate: param.number({ default: d.learningRate, min: 0, max: 100, help: 'η, the gradient step size', live: true }),
    momentum: param.number({ default: d.momentum, min: 0, max: 0.9999, help: 'μ: v ← μv − η∇, W ← W + v', live: true }),
    weightDecay: param.number({ default: d.weightDecay, min: 0, max: 10, help: 'λ of the L2 penalty λ/2‖W‖² (biases excluded)', live: true }),
    // the L1 penalty (Tibshirani 1996, the Playground's "L1"): J + λ₁‖W‖₁, its gradient λ₁ sign W
    l1: param.number({ default: 0, min: 0, max: 10, help: 'λ₁ of the L1 penalty λ₁‖W‖₁ (biases excluded): drives small weights to 0', live: true }),
    batchSize: param.integer({ default: d.batchSize, min: 0, help: 'patterns per update: 1 online, k minibatch, 0 full batch', live: true }),
    shuffle: param.boolean({ default: d.shuffle, help: 'reshuffle the presentation order every epoch' }),
    averageGradient: param.boolean({ default: d.averageGradient, help: 'average the gradient over the batch (false: sum it, a sweep)' }),
    keepInput: param.number({ default: d.keepInput, min: 0.01, max: 1, help: 'dropout: probability of keeping an input unit', live: true }),
    keepHidden: param.number({ default: d.keepHidden, min: 0.01, max: 1, help: 'dropout: probability of keeping a hidden unit', live: true }),
    testTime: param.oneOf(['weight-scaling', 'monte-carlo'], { default: 'weight-scaling', help: 'dropout at test time: all units (weight scaling), or the average over mcSamples random masks' }),
    mcSamples: param.integer({ default: 0, min: 0, max: 100000, help: 'dropout: k masks for Monte-Carlo test time and the report comparing it with weight scaling (0 = none)' }),
    shift: param.integer({ default: 0, min: 0, max: 4, help: 'augmentation: shift each training image by up to this many pixels, afresh every epoch (images only)' }),
    weights: param.json({ default: null, help: 'explicit initial weights per layer, [out][1 + in] rows, bias first' }),
  };
}

/** The schema of the three MLP plugins, and their parameters as create() gets them. */
export type MlpSchema = ReturnType<typeof mlpParams>;
export type MlpParams = ParamsOf<MlpSchema>;
