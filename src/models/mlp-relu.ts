/**
 * History: Nair & Hinton (2010) used rectified linear units, max(0, z), in restricted Boltzmann
 *   machines; Glorot, Bordes & Bengio (2011) showed deep nets of rectifiers train well without
 *   unsupervised pre-training. The derivative is 1 wherever the unit is active, so the error
 *   signal no longer shrinks layer by layer, and the representations are sparse (many exact 0s).
 * Update rule: a = max(0, z), f'(z) = 1 for z ≥ 0 (the lecture's convention), 0 otherwise;
 *   delta^k = f'(z^k) ∘ (W^{k+1})ᵀ delta^{k+1}; v ← μv − η ∂J/∂W, W ← W + v.
 *   Defaults: He initialisation N(0, 2/fan_in) (He et al. 2015, the variance that keeps ReLU
 *   activations at the same scale through the layers), sigmoid + cross-entropy output,
 *   η = 0.05, μ = 0.9, minibatches of 10 (gradient averaged) in a shuffled order.
 * What it cannot do: a unit whose z stays negative for every input gets no gradient and never
 *   recovers (a "dead ReLU": see the deadRelu metric); it still overfits small data.
 * Parameters: hidden, activation, output, init, initRange, learningRate, momentum, weightDecay,
 *   batchSize, shuffle, averageGradient, keepInput, keepHidden, weights (see mlp-shared.ts).
 */
import type { ModelPlugin } from '../core/types.js';
import { mlpPlugin } from './mlp-plugin.js';
import { type MlpDefaults, mlpParams } from './mlp-shared.js';

/** The rectifier era's defaults (mlp-dropout starts from them). */
export const RELU_DEFAULTS: MlpDefaults = {
  hidden: [8],
  activation: 'relu',
  output: 'sigmoid-bce',
  init: 'he',
  initRange: 0.5,
  learningRate: 0.05,
  momentum: 0.9,
  weightDecay: 0,
  batchSize: 10,
  shuffle: true,
  averageGradient: true,
  keepInput: 1,
  keepHidden: 1,
};

export const mlpRelu: ModelPlugin = mlpPlugin({
  id: 'mlp-relu',
  name: 'Multilayer perceptron with rectified linear units',
  year: 2010,
  authors: ['Vinod Nair', 'Geoffrey E. Hinton', 'Xavier Glorot', 'Antoine Bordes', 'Yoshua Bengio'],
  citation:
    'Nair, V., & Hinton, G. E. (2010). Rectified linear units improve restricted Boltzmann machines. ICML 2010, 807–814. ' +
    'Glorot, X., Bordes, A., & Bengio, Y. (2011). Deep sparse rectifier neural networks. AISTATS 2011, PMLR 15, 315–323.',
  summary: 'ReLU hidden units, max(0, z): derivative 1 when active, so gradients no longer vanish with depth.',
  cannot: 'Units pushed to z < 0 for every input stop learning for good (dead ReLUs); it still overfits small data.',
  learns: true,
  defaultTarget: { accuracy: { min: 1 } },
  params: mlpParams(RELU_DEFAULTS),
});
