/**
 * The classroom tour, as data: stops in historical order, each a scenario with the runs it shows,
 * the pace it plays at and the telling moment it stops on. One file feeds the interactive tour,
 * `neural-eras tour` and the static report printed off a terminal.
 */
import type { PlayOn } from './lane.js';
import type { Pace } from './pace.js';

/**
 * What a stop is about, on its final screen at every size from 80×24 (tests/ui/layout.test.ts):
 * the layout never drops these, it condenses everything else first. Text facts are written in a
 * band of their own under the runs (session/facts.ts derives them from the runs); panel facts keep
 * a panel of the run's pane.
 */
export type Fact =
  /** The last epoch's single updates, one line each: pattern, t, o, and w before → after. */
  | { readonly kind: 'updates'; readonly run: string }
  /** The loss curve on a log axis, and in words how far it climbed (at least `factor` times its start). */
  | { readonly kind: 'climb'; readonly run: string; readonly factor: number }
  /** The weights the run settled on. */
  | { readonly kind: 'weights'; readonly run: string }
  /** The truth table with a column for every hidden unit. */
  | { readonly kind: 'hidden'; readonly run: string }
  /** The net's collapsed map z^L = a + b·x1 + c·x2, written out in full (linear hidden layers). */
  | { readonly kind: 'collapsed'; readonly run: string }
  /** Train, test and their gap for every run on screen, as bars on one shared 0–100 % scale. */
  | { readonly kind: 'generalisation' }
  /** Digits with their predictions (mistakes among them) and the confusion matrix. */
  | { readonly kind: 'digits'; readonly run: string }
  /** The learned kernels, from a projector size on (columns × rows). */
  | { readonly kind: 'kernels'; readonly run: string; readonly from: readonly [number, number] }
  /** For every recurrent run on screen: the gradient through time, from the error's step back to the first, in words. */
  | { readonly kind: 'through-time' };

export interface Stop {
  readonly scenario: string;
  readonly title: string;
  /** Two short lines said before the run. */
  readonly narrative: readonly string[];
  /** The run on screen, or two side by side (run ids of the scenario). */
  readonly runs: readonly [string] | readonly [string, string];
  readonly pace: Pace;
  /** Open with the per-layer gradient panel. */
  readonly gradients?: boolean;
  /** Per run id: play on after a divergence until the explosion is visible. */
  readonly playOn?: Readonly<Record<string, PlayOn>>;
  /** What the screen holds when the stop has played out, in words (the report and the tests read it). */
  readonly moment: string;
  /** The facts its final screen shows at every size. */
  readonly show: readonly Fact[];
  /** An epoch budget for its runs instead of the scenario's (a stop plays in seconds). */
  readonly epochs?: number;
  /** The era in the closing summary: what failed, and what fixed it (the numbers come from the runs). */
  readonly failure: string;
  readonly fix: string;
}

export const CURRICULUM: readonly Stop[] = [
  {
    scenario: 'mp-gates',
    title: '1943 · McCulloch & Pitts: neurons as logic',
    narrative: ['A unit fires when its inputs reach a threshold θ. Wired by hand, units compute AND, OR, NOT.', 'Nothing is learned: m shows the other gates, and the AND wiring asked for OR.'],
    runs: ['and'],
    pace: { unit: 'epoch', perSecond: 10 },
    moment: 'the AND unit (w = (1, 1), θ = 2) answers all four patterns right: SOLVED at epoch 0, without learning',
    show: [],
    failure: 'nothing is learned: every weight and threshold is wired by hand',
    fix: 'a threshold unit computes a gate',
  },
  {
    scenario: 'hebb-and',
    title: '1949 · Hebb: learning by changing weights',
    narrative: ['Δw = η·x·t: a connection grows when both ends are active.', 'Side by side: with ±1 coding one pass learns AND; with 0/1 coding it cannot.'],
    runs: ['bipolar', 'binary'],
    pace: { unit: 'pattern', perSecond: 2 },
    moment: 'after one pass the ±1-coded unit computes AND while the 0/1-coded one still errs',
    show: [],
    failure: 'with 0/1 coding a 0 never changes a weight',
    fix: '±1 coding: one pass learns AND',
  },
  {
    scenario: 'seed-perceptron-epoch',
    title: '1958 · Rosenblatt: the perceptron learns from its errors',
    narrative: ['Start from the OR unit (−0.4, 0.6, 0.6) and show it AND, one pattern a second (. steps by hand).', 'Two errors, two corrections of η(t − o)x, and the line becomes AND.'],
    runs: ['perceptron'],
    pace: { unit: 'pattern', perSecond: 1 },
    moment: 'the four updates of the lecture written out, ending at w = (−0.6, 0.5, 0.5): the line −0.6 + 0.5·x1 + 0.5·x2 = 0 computes AND',
    show: [{ kind: 'updates', run: 'perceptron' }],
    failure: 'the OR unit answers AND wrongly',
    fix: 'η(t − o)x corrects the weights on each error',
  },
  {
    scenario: 'adaline-divergence',
    title: '1960 · Widrow & Hoff: the delta rule, and its speed limit',
    narrative: ['Adaline follows the gradient of the squared error: w ← w + η Σ (t − w·x) x.', 'Above η = 2/λmax ≈ 0.3139 every step overshoots: watch the loss explode while η = 0.30 settles.'],
    runs: ['above', 'below'],
    pace: { unit: 'epoch', perSecond: 25 },
    playOn: { above: { lossFactor: 100, weightAbove: 1e6 } },
    moment: 'η = 0.33 DIVERGED, its loss at least 100 times its start on a log scale, beside η = 0.30 SOLVED at the least-squares weights (−1.5, 1, 1)',
    show: [{ kind: 'climb', run: 'above', factor: 100 }, { kind: 'weights', run: 'below' }],
    failure: 'a step above 2/λmax overshoots and the loss explodes',
    fix: 'a step below 2/λmax settles at the least-squares weights',
  },
  {
    scenario: 'perceptron-xor',
    title: '1969 · Minsky & Papert: one layer cannot compute XOR',
    narrative: ['No straight line puts (0,1) and (1,0) on one side and (0,0), (1,1) on the other.', 'Watch the line chase the errors, four patterns a second: every epoch errs, and the weights come back.'],
    runs: ['perceptron'],
    pace: { unit: 'pattern', perSecond: 4 },
    moment: 'CYCLING at epoch 3: its four updates bring w back to the weights of epoch 2, the line never separates XOR (accuracy 50%)',
    show: [],
    failure: 'one layer cannot separate XOR: the weights cycle',
    fix: '(the fix needs a hidden layer: next stops)',
  },
  {
    scenario: 'seed-xor-two-layer',
    title: 'XOR with two layers, wired by hand',
    narrative: ['Hidden units OR and NAND re-describe the input; an AND on top computes XOR (columns h1, h2).', 'The lecture prints v = (−0.4, 0.6, −0.6): a sign typo. The corrected v = (−0.4, 0.6, 0.6) works.'],
    runs: ['corrected', 'as-printed'],
    pace: { unit: 'epoch', perSecond: 10 },
    moment: 'h1 = OR and h2 = NAND on every pattern; the corrected output unit computes XOR, the printed one (AND of the inputs, WRONG) errs on (0,1), (1,0) and (1,1)',
    show: [{ kind: 'hidden', run: 'corrected' }, { kind: 'hidden', run: 'as-printed' }],
    failure: "the lecture's printed output unit has a sign typo",
    fix: 'hidden units OR and NAND, then AND, compute XOR',
  },
  {
    scenario: 'why-nonlinearity',
    title: '1969–86 · Why nonlinearity: stacked linear layers are one linear unit',
    narrative: ['Give a 2-4-4-1 net linear hidden units: W³·W²·W¹, biases folded in, is one weight vector, so the net is one unit.', 'Back-propagation trains it on XOR and it never gets more than 3 of 4 right; beside it the same net with sigmoid units solves XOR.'],
    runs: ['linear', 'sigmoid'],
    pace: { unit: 'epoch', perSecond: 1000 },
    moment: 'the linear net TRUNCATED at 50 % (best 75 %) with its collapsed map written out, beside the sigmoid net SOLVED at 100 %',
    show: [{ kind: 'collapsed', run: 'linear' }],
    failure: 'linear hidden layers collapse into one linear unit',
    fix: 'sigmoid hidden units bend their input',
  },
  {
    scenario: 'why-not-step',
    title: '1969–86 · Why not the step: back-propagation gets no signal through it',
    narrative: ["The same net with the perceptron's step units, trained by back-propagation: δ = f′(z)·(Wᵀδ), and a step's f′ is 0.", 'Watch the gradients: ‖∂J/∂W¹‖ and ‖∂J/∂W²‖ stay exactly 0 and the hidden weights never move; only the output unit learns.'],
    runs: ['step', 'sigmoid'],
    pace: { unit: 'epoch', perSecond: 1000 },
    gradients: true,
    moment: 'the step net TRUNCATED at 75 % with layers 1 and 2 at a gradient of exactly 0, beside the sigmoid net SOLVED',
    show: [],
    failure: 'step units pass no gradient back',
    fix: 'smooth sigmoid units carry the error back',
  },
  {
    scenario: 'xor-backprop',
    title: '1986 · Rumelhart, Hinton & Williams: back-propagation solves XOR',
    narrative: ['A hidden layer, a smooth activation, and the chain rule: the error flows back to every weight.', 'Side by side on XOR: the 1969 perceptron cycles, the MLP learns the hidden units it lacked.'],
    runs: ['perceptron', 'mlp-backprop'],
    pace: { unit: 'epoch', perSecond: 100 },
    moment: 'the perceptron CYCLING at 50% beside the 2-2-1 MLP SOLVED at 100%, its hidden units drawn',
    show: [{ kind: 'hidden', run: 'mlp-backprop' }],
    failure: 'the perceptron cycles on XOR',
    fix: 'back-propagation trains the hidden units it lacked',
  },
  {
    scenario: 'digits-challenge',
    title: "1989 · LeCun: a convolutional net reads handwritten digits",
    narrative: ['Real digits (MNIST at 16×16): 5×5 kernels shared across the image, trained by back-propagation — 9,760 free parameters.', 'Watch the test digits it reads, the ones it gets wrong (true→predicted) and the confusion matrix fill in.'],
    runs: ['convnet-1989'],
    pace: { unit: 'epoch', perSecond: 5 },
    moment: 'FINISHED after 10 epochs at about 91 % of 500 held-out digits: digits with their predictions, its mistakes and the confusion matrix (its kernels on projectors)',
    show: [{ kind: 'digits', run: 'convnet-1989' }, { kind: 'kernels', run: 'convnet-1989', from: [160, 45] }],
    failure: 'free weights learn every pixel position anew',
    fix: 'one small kernel, shared across the image, reads new digits',
  },
  {
    scenario: 'vanishing-gradients',
    title: '1991–2011 · Vanishing gradients, and ReLU',
    narrative: ["σ'(z) ≤ 1/4: multiplied layer after layer, the gradient fades before it reaches the first layers.", 'Same net, data, seed and η; only the activation differs. Compare the per-layer norms (log scale).'],
    runs: ['sigmoid', 'relu'],
    pace: { unit: 'epoch', perSecond: 100 },
    gradients: true,
    moment: 'all 11 layers of both nets: at initialisation (epoch 0) the sigmoid net\'s first layer gets 1.65 × 10⁻⁷ of the last layer\'s gradient and it stalls (TRUNCATED), the ReLU net\'s 0.514 and it learns (SOLVED)',
    show: [],
    failure: 'the sigmoid gradient fades layer after layer',
    fix: 'ReLU passes it through',
  },
  // issue 22: the recurrent era
  {
    scenario: 'adding-problem',
    title: '1991–1997 · Gradients vanish through time, and LSTM',
    narrative: ['Back-propagation through time multiplies the error by W_hhᵀ diag f′ at every step back: over a long sequence it fades.', "Side by side on the adding problem: the Elman net stays at the baseline; the LSTM's carousel (∂s_t/∂s_{t−1} = 1) carries the error back, and it learns."],
    runs: ['elman', 'lstm'],
    pace: { unit: 'epoch', perSecond: 20 },
    moment: 'the Elman net TRUNCATED after 40 epochs at the baseline test loss ~0.021, beside the LSTM SOLVED at epoch 26 with test loss under 0.007; both runs\' gradient-through-time bars on screen',
    show: [{ kind: 'through-time' }],
    failure: 'the Elman net\'s error fades step after step back through time',
    fix: 'the LSTM\'s constant error carousel carries it back',
  },
  {
    scenario: 'pretraining-vs-random',
    title: '2006 · Hinton & Salakhutdinov: pretraining lets a deep net train',
    narrative: ['A deep, narrow sigmoid net on 1,000 digits: from small random weights 20 epochs of back-propagation stay near chance.', 'The same net, first pretrained layer by layer as RBMs (no labels), trains: compare the test accuracy.'],
    runs: ['pretrained', 'random'],
    pace: { unit: 'epoch', perSecond: 10 },
    moment: 'the pretrained net at about 71 % of 400 held-out digits beside the randomly started one near chance (about 7 %), train, test and gap of both on one scale',
    show: [{ kind: 'generalisation' }],
    failure: 'a deep sigmoid net from random weights stays near chance',
    fix: 'greedy RBM pretraining gives back-propagation a start',
  },
  {
    scenario: 'overfitting-dropout',
    title: '2012 · Dropout: less overfitting',
    narrative: ['A big net memorises its 50 training points: train accuracy up, test accuracy down.', 'Dropping random units in training stops co-adaptation: compare the test numbers.'],
    runs: ['plain', 'dropout'],
    pace: { unit: 'epoch', perSecond: 100 },
    moment: 'both FINISHED after 600 epochs: without dropout train 100% / test ~69%, with dropout train ~92% / test ~76%, gaps printed',
    show: [{ kind: 'generalisation' }],
    failure: 'a big net memorises its training points',
    fix: 'dropout narrows the train–test gap',
  },
];
