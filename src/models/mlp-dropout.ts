/**
 * History: Hinton, Srivastava, Krizhevsky, Sutskever & Salakhutdinov (2012); Srivastava et al.
 *   (2014). During training every unit is dropped with probability 1 − keep, so no hidden unit can
 *   rely on particular others (co-adaptation); at test time the whole net is used, which acts
 *   like averaging the exponentially many thinned nets. With ReLUs and data augmentation it won
 *   ImageNet 2012 (AlexNet).
 * Update rule: training forward ã^k = a^k ∘ m^k, m ~ Bernoulli(keep)/keep (inverted dropout, so the
 *   expected activation equals the test-time one); delta^k = f'(z^k) ∘ m^k ∘ (W^{k+1})ᵀ delta^{k+1};
 *   v ← μv − η (∂J/∂W + λW), W ← W + v. Evaluation uses no mask. Masks come from the run's seed.
 *   Defaults: keep 0.8 for inputs and 0.5 for hidden units (the paper's values), ReLU hidden
 *   units, He init, sigmoid + cross-entropy output, η = 0.05, μ = 0.9, shuffled minibatches of 10.
 * What it cannot do: it regularises, it does not add capacity — small nets and tiny data sets
 *   learn more slowly and noisily, and with keep 0.5 a narrow layer loses most of its units.
 * Parameters: hidden, activation, output, init, initRange, learningRate, momentum, weightDecay,
 *   batchSize, shuffle, averageGradient, keepInput, keepHidden, weights (see mlp-shared.ts).
 */
import type { ModelPlugin } from '../core/types.js';
import { RELU_DEFAULTS } from './mlp-relu.js';
import { mlpPlugin } from './mlp-plugin.js';
import { mlpParams } from './mlp-shared.js';

export const mlpDropout: ModelPlugin = mlpPlugin({
  id: 'mlp-dropout',
  name: 'Multilayer perceptron with dropout',
  year: 2012,
  authors: ['Geoffrey E. Hinton', 'Nitish Srivastava', 'Alex Krizhevsky', 'Ilya Sutskever', 'Ruslan R. Salakhutdinov'],
  citation:
    'Hinton, G. E., Srivastava, N., Krizhevsky, A., Sutskever, I., & Salakhutdinov, R. R. (2012). Improving neural networks by ' +
    'preventing co-adaptation of feature detectors. arXiv:1207.0580. Srivastava, N., Hinton, G., Krizhevsky, A., Sutskever, I., & ' +
    'Salakhutdinov, R. (2014). Dropout: A simple way to prevent neural networks from overfitting. JMLR, 15, 1929–1958.',
  summary: 'Randomly drops units while training (keep 0.5 hidden, 0.8 input) so features cannot co-adapt: less overfitting.',
  cannot: 'It regularises but adds no capacity: small nets and tiny data sets learn slower and noisier.',
  learns: true,
  defaultTarget: { accuracy: { min: 1 } },
  params: mlpParams({ ...RELU_DEFAULTS, hidden: [32], keepInput: 0.8, keepHidden: 0.5 }),
});
