/**
 * The layered network engine (dense MLPs over Float64Array buffers). No UI imports.
 *
 * Build
 *   const net = createNetwork({
 *     sizes: [2, 8, 8, 1],          // units per layer, input first
 *     hidden: 'tanh',               // or one name per hidden layer: linear sigmoid tanh relu leaky-relu
 *     output: 'sigmoid',            // or 'softmax' | any activation name
 *     loss: 'mse',                  // ½·MSE | 'bce' (sigmoid only) | 'ce' (softmax only)
 *     init: 'glorot-uniform',       // uniform (±initRange) | standard (±1/√fan_in) | glorot-normal | he
 *     maxBatch: 10,                 // buffer rows; bigger batches are accumulated in chunks
 *     keepInput: 1, keepHidden: 1,  // dropout keep probabilities (1 = off)
 *     weights: undefined,           // or explicit [layer][out][1 + in], bias first
 *   }, rng);                         // the run's Rng: init, shuffles and dropout masks draw from it
 *   Step units (step-bipolar, step-binary) have derivative 0: in hidden layers back-propagation
 *   passes 0 through them (nothing below moves); as the output they need `trainable: false`: gradient
 *   descent cannot train them, and the constructor says so.
 *
 * Data: row-major flat buffers, X = n × in, T = n × out (one-hot for several classes);
 * toFlat(rows) converts number[][].
 *
 * Train (nothing allocates inside; the hot loops are monomorphic tight loops)
 *   net.trainEpoch(X, T, n, { eta, momentum?, weightDecay?, batchSize?, average?, shuffle? })
 *     → mean loss of the epoch's rows, each measured before its own update.
 *     batchSize 1 online (default), k minibatch, 0 full batch; average true (default) = gradient
 *     averaged over the batch, false = summed (Rumelhart's sweep); shuffle reorders each epoch
 *     with the Rng, else the order is fixed. Momentum: v ← μv − η(∇ + λW), W ← W + v.
 *   net.trainBatch(X, T, order | null, start, count, opts) → summed loss: one update from rows
 *     order[start … start + count) (or start … when order is null).
 *
 * Evaluate (no dropout, no update)
 *   net.evaluate(X, T, n) → { loss (mean), accuracy } (single output: class = a ≥ threshold,
 *     threshold 0 after tanh/step-bipolar, else 0.5; several outputs: argmax)
 *   net.predictInto(X, n, out) writes the n × out output activations into out.
 *
 * Instruments (on demand)
 *   net.forward(B, training) returns a Pass { rows, training }: what it left in the buffers;
 *     net.backward(pass) reads that chunk. The network keeps no record of its last pass.
 *   instruments(net, pass) → per weight layer (index 0 = W^1): gradNorm (of scale · g),
 *     meanAbsDelta, weightNorm, saturation (sigmoid |z| > 4, tanh |z| > 2), deadRelu, zeroShare,
 *     of the chunks the GradientPass { rows, training, deltaRows, scale } names.
 *   summaryMetrics(net, pass) → { gradNorm0 …, gradRatio (first / last layer), saturation, deadRelu,
 *     weightNorm }: the same, pooled over hidden units, as named numbers.
 *   computeGradients(net, X, T, n, average = true, visit?) → { loss, gradNorm, meanAbsDelta, pass } of
 *     the full batch at the current weights, without updating (the `gradients` command); visit(start,
 *     B, pass) reads each chunk after its forward pass (a trained epoch's fit: net.scoreChunk, and
 *     layer statistics: LayerCounter, on the same passes).
 *   gradientNorms(net, scale) → ‖∂J/∂W^k‖ per layer: the one definition every gradNorm comes from.
 *
 * Datasets (targets.ts): targetMap(data, 'sigmoid-mse' | 'sigmoid-bce' | 'softmax-ce' | 'linear-mse'
 *   | 'tanh-mse') picks output units and target code; mapTargets(rows, map) and classify(o, at, map).
 *
 * Weights: net.w is every weight in one vector (layer k = W^k at offsets[k − 1], rows
 * [bias, w1 … w_in]); weightsToJson(net.w, net.sizes) gives [layer][out][1 + in].
 * Low-level passes for step-by-step views: load → forward(B, training) → backward(B) → update.
 */
export * from './activations.js';
export * from './config.js';
export * from './init.js';
export * from './instruments.js';
export * from './losses.js';
export * from './network.js';
export * from './targets.js';

/** Rows of numbers as one row-major Float64Array. */
export function toFlat(rows: readonly (readonly number[])[]): Float64Array {
  const cols = rows[0]?.length ?? 0;
  const out = new Float64Array(rows.length * cols);
  rows.forEach((row, r) => out.set(row, r * cols));
  return out;
}
