/**
 * The classroom tour: stops in historical order, each a scenario with a short narrative. The stop
 * runs its scenario and pauses at the telling moment (the run's outcome), where the scenario's
 * moral is shown. Plain data.
 */

export interface TourStop {
  readonly scenario: string;
  readonly title: string;
  /** Two or three short lines said before the run. */
  readonly narrative: readonly string[];
  /** Show the first two runs side by side (e.g. sigmoid vs ReLU). */
  readonly compare?: boolean;
  /** Open with the per-layer gradient panel. */
  readonly gradients?: boolean;
  /** Do not play by itself: the class steps through it with `.` (a worked example). */
  readonly manual?: boolean;
  /** Epochs per second while playing (a value of SPEEDS): slow for a perceptron, fast for a deep net. */
  readonly epochsPerSecond?: number;
}

export const TOUR: readonly TourStop[] = [
  {
    scenario: 'mp-gates',
    title: '1943 · McCulloch & Pitts: neurons as logic',
    narrative: ['A unit fires when its inputs reach a threshold θ. Wired by hand, units compute AND, OR, NOT.', 'Nothing is learned: press m to see the other gates.'],
  },
  {
    scenario: 'hebb-and',
    title: '1949 · Hebb: learning by changing weights',
    narrative: ['Δw = η·x·t: a connection grows when both ends are active.', 'With ±1 coding one pass learns AND; with 0/1 coding it cannot (press c to compare).'],
  },
  {
    scenario: 'seed-perceptron-epoch',
    title: '1958 · Rosenblatt: the perceptron learns from its errors',
    narrative: ['Start from the OR unit (−0.4, 0.6, 0.6) and show it AND, one pattern at a time: press . to step.', 'Two errors, two corrections of η(t − o)x, and the line becomes AND.'],
    manual: true,
  },
  {
    scenario: 'perceptron-xor',
    title: '1969 · Minsky & Papert: one layer cannot compute XOR',
    narrative: ['No straight line puts (0,1) and (1,0) on one side and (0,0), (1,1) on the other.', 'Watch the perceptron try: every epoch makes an error, and the weights come back.'],
  },
  {
    scenario: 'adaline-divergence',
    title: '1960 · Widrow & Hoff: the delta rule, and its speed limit',
    narrative: ['Adaline follows the gradient of the squared error: w ← w + η Σ (y − w·x) x.', 'Above η = 2/λmax the steps overshoot and the weights explode (press c to compare).'],
    compare: true,
  },
  {
    scenario: 'seed-xor-two-layer',
    title: 'XOR with two layers, wired by hand',
    narrative: ['Hidden units OR and NAND re-describe the input; an AND on top computes XOR.', 'The lecture prints v = (−0.4, 0.6, −0.6): a sign typo. The corrected v = (−0.4, 0.6, 0.6) works.'],
    compare: true,
  },
  {
    scenario: 'xor-backprop',
    epochsPerSecond: 100,
    title: '1986 · Rumelhart, Hinton & Williams: back-propagation solves XOR',
    narrative: ['A hidden layer, a smooth activation, and the chain rule: the error flows back to every weight.', 'Side by side on XOR: the 1969 perceptron cycles, the MLP learns the hidden units it lacked.'],
    compare: true,
  },
  {
    scenario: 'vanishing-gradients',
    epochsPerSecond: 25,
    title: '1991–2011 · Vanishing gradients, and ReLU',
    narrative: ["σ'(z) ≤ 1/4: multiplied layer after layer, the gradient fades before it reaches the first layers.", 'ReLU passes gradients through unchanged: compare the per-layer norms (log scale).'],
    compare: true,
    gradients: true,
  },
  {
    scenario: 'overfitting-dropout',
    epochsPerSecond: 100,
    title: '2012 · Dropout: less overfitting',
    narrative: ['A big net memorises its training points: train accuracy up, test accuracy down.', 'Dropping random units in training stops co-adaptation: watch the test curve.'],
    compare: true,
  },
];
