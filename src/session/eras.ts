/**
 * The timeline of eras shown on the home screen (content from the lecture's digest), each with
 * the scenario its lab opens. Plain data.
 */

export interface Era {
  readonly year: string;
  readonly people: string;
  readonly brought: string;
  readonly couldNot: string;
  /** A "winter": a period when the field stalled. */
  readonly winter?: boolean;
  /** The scenario its lab opens (may not exist yet: the lab then says so). */
  readonly scenario: string | null;
  /** The run shown first: the era's own model. */
  readonly run?: string;
  /** Set when the era has no model of its own yet: what its lab shows instead, and why. */
  readonly standIn?: string;
}

export const ERAS: readonly Era[] = [
  { year: '1943', people: 'McCulloch & Pitts', brought: 'the first mechanical neuron: a binary threshold unit computing logic', couldNot: 'learn: weights and threshold are set by hand', scenario: 'mp-gates' },
  { year: '1949', people: 'Hebb', brought: 'learning as changing weights: fire together, wire together', couldNot: 'stop: plain Hebbian growth is unbounded', scenario: 'hebb-and' },
  { year: '1958', people: 'Rosenblatt', brought: 'the perceptron: a weighted sum and a threshold that learns from its errors', couldNot: 'draw anything but a straight line', scenario: 'seed-perceptron-epoch' },
  { year: '1960', people: 'Widrow & Hoff', brought: 'Adaline and the delta rule w ← w + η(y − o)x, driven by the error', couldNot: 'escape a single linear unit; too large an η diverges', scenario: 'adaline-divergence' },
  { year: '1969', people: 'Minsky & Papert', brought: 'the proof that one layer cannot compute XOR', couldNot: 'say how to train more layers: the first winter', winter: true, scenario: 'perceptron-xor' },
  { year: '1986', people: 'Rumelhart, Hinton & Williams', brought: 'hidden layers trained by back-propagation: the MLP solves XOR', couldNot: 'go deep: gradients fade layer by layer', scenario: 'xor-backprop', run: 'mlp-backprop' },
  { year: '1989', people: 'LeCun et al.', brought: 'a convnet trained by backprop reads handwritten zip codes', couldNot: 'scale with the data and computers of the time', scenario: 'digits-challenge', run: 'convnet-1989' },
  { year: '1991–94', people: 'Hochreiter; Bengio, Simard & Frasconi', brought: 'the diagnosis: gradients vanish through deep nets and through time', couldNot: 'train deep nets; little data, overfitting: the second winter', winter: true, scenario: 'gradient-through-time', run: 'tanh-08' },
  { year: '1997', people: 'Hochreiter & Schmidhuber', brought: 'LSTM: a memory cell whose constant error carousel carries the gradient through time', couldNot: 'reset a cell (the forget gate came in 2000); it costs four weight sets per cell', scenario: 'adding-problem', run: 'lstm' },
  { year: '2006', people: 'Hinton & Salakhutdinov', brought: 'layer-wise pretraining gives deep nets good initial weights', couldNot: 'avoid a slow, two-stage recipe', scenario: 'pretraining-vs-random', run: 'pretrained' },
  { year: '2010–11', people: 'Nair & Hinton; Glorot, Bordes & Bengio', brought: 'ReLU: gradients pass through, training gets faster', couldNot: 'revive a unit once it is dead (always 0)', scenario: 'vanishing-gradients', run: 'relu' },
  { year: '2012', people: 'Hinton, Srivastava, Krizhevsky, Sutskever, Salakhutdinov', brought: 'dropout: random units off in training, less co-adaptation and overfitting', couldNot: 'train as fast: the noise slows convergence', scenario: 'overfitting-dropout', run: 'dropout' },
  { year: '2012', people: 'Krizhevsky, Sutskever & Hinton', brought: 'AlexNet: ReLU + dropout + GPUs win ImageNet', couldNot: '(the start of the deep-learning era)', scenario: 'digits-2012', run: 'recipe-2012', standIn: 'no ImageNet or GPUs here: the recipe (ReLU, dropout, shifted copies of the images) on handwritten digits' },
];
