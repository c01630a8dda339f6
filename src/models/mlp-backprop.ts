/**
 * History: Rumelhart, Hinton & Williams (1986) — hidden units between input and output, trained
 *   by propagating the output error back through the weights. The multilayer perceptron solves
 *   XOR, the problem Minsky & Papert (1969) showed a single perceptron cannot, and its hidden
 *   units learn their own features ("representations").
 * Update rule: sigmoid units a = σ(z), z^k = W^k a^{k−1}; E = ½ Σ (a^L − t)²;
 *   delta^L = σ'(z^L) ∘ (a^L − t), delta^k = σ'(z^k) ∘ (W^{k+1})ᵀ delta^{k+1};
 *   ΔW^k(n) = −η delta^k (a^{k−1})ᵀ + α ΔW^k(n − 1) (momentum α = 0.9), after every pattern.
 *   Defaults of the era: η = 0.5, α = 0.9, initial weights uniform in ±0.5 ("small random
 *   weights" to break the symmetry between hidden units), fixed presentation order.
 * What it cannot do: sigmoid derivatives are at most ¼, so the error signal shrinks layer by
 *   layer — deep stacks barely learn (the vanishing gradient, Hochreiter 1991); training can stall
 *   in a local minimum (try other seeds on XOR), and it overfits small data.
 * Parameters: hidden (layer sizes), activation, output (sigmoid-mse | sigmoid-bce | softmax-ce |
 *   linear-mse | tanh-mse), init, initRange, learningRate, momentum, weightDecay, batchSize
 *   (1 online, 0 full batch), shuffle, averageGradient, keepInput, keepHidden, weights
 *   (explicit [layer][out][1 + in], bias first). Bipolar ±1 targets are read as 0/1 by the
 *   sigmoid output; several classes get a softmax output (see mlp-shared.ts).
 */
import type { ModelPlugin } from '../core/types.js';
import { mlpPlugin } from './mlp-plugin.js';
import { mlpParams } from './mlp-shared.js';

export const mlpBackprop: ModelPlugin = mlpPlugin({
  id: 'mlp-backprop',
  name: 'Multilayer perceptron with back-propagation',
  year: 1986,
  authors: ['David E. Rumelhart', 'Geoffrey E. Hinton', 'Ronald J. Williams'],
  citation:
    'Rumelhart, D. E., Hinton, G. E., & Williams, R. J. (1986). Learning representations by back-propagating errors. Nature, 323, 533–536.',
  summary: 'Hidden sigmoid units trained by back-propagating the error: delta^k = σ\'(z^k) ∘ (W^{k+1})ᵀ delta^{k+1}.',
  cannot: 'Gradients vanish through stacked sigmoids (σ\' ≤ ¼), so deep nets barely train; it can stall in local minima.',
  learns: true,
  defaultTarget: { accuracy: { min: 1 } },
  params: mlpParams({
    hidden: [2],
    activation: 'sigmoid',
    output: 'sigmoid-mse',
    init: 'uniform',
    initRange: 0.5,
    learningRate: 0.5,
    momentum: 0.9,
    weightDecay: 0,
    batchSize: 1,
    shuffle: false,
    averageGradient: true,
    keepInput: 1,
    keepHidden: 1,
  }),
});
