// TensorFlow.js 4.22.0: a tf.sequential of dense layers, model.fit with batchSize,
// shuffle: false and plain tf.train.sgd. The backend ('cpu' or 'wasm') is chosen by the child.
import { createRequire } from 'node:module';
import { runChild, versionOf } from './harness.mjs';

const require = createRequire(import.meta.url);

function notes(workload) {
  const list = ['float32 arithmetic (the other libraries use float64)'];
  if (workload.kind === 'conv') {
    list.push('zeroPadding2d(2) + conv2d 5×5 stride 2 (valid), flatten (NHWC order), dense; model.fit with batchSize 1');
    list.push(`loss 'meanSquaredError' (the mean over 10 outputs) with lr ${workload.lr * 5}: the same update as ½·Σ(o − t)² at lr ${workload.lr}`);
    return list;
  }
  if (workload.loss === 'half-mse') {
    list.push(`loss 'meanSquaredError' with lr ${workload.lr / 2}: the same update as ½·MSE at lr ${workload.lr}`);
  }
  return list;
}

export async function runTfjs({ library, backend }) {
  const tf = require('@tensorflow/tfjs');
  if (backend === 'wasm') require('@tensorflow/tfjs-backend-wasm');
  await runChild({
    library,
    version: versionOf('@tensorflow/tfjs') + (backend === 'wasm' ? ` + wasm ${versionOf('@tensorflow/tfjs-backend-wasm')}` : ''),
    notes,
    async setup({ workload, data, init, epochs }) {
      if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} is unavailable`);
      await tf.ready();
      if (workload.kind === 'conv') return convSetup(tf, { workload, data, init, epochs });
      const { layers, batch } = workload;
      const { n, inDim, outDim, x, y } = data;
      const model = tf.sequential();
      for (let l = 1; l < layers.length; l++) {
        const last = l === layers.length - 1;
        model.add(
          tf.layers.dense({
            units: layers[l],
            activation: last ? workload.output : workload.hidden,
            kernelInitializer: 'zeros',
            ...(l === 1 ? { inputShape: [layers[0]] } : {}),
          }),
        );
      }
      const half = workload.loss === 'half-mse';
      model.compile({
        optimizer: tf.train.sgd(half ? workload.lr / 2 : workload.lr),
        loss: half ? 'meanSquaredError' : 'categoricalCrossentropy',
      });
      const xs = tf.tensor2d(Float32Array.from(x), [n, inDim]);
      const ys = tf.tensor2d(Float32Array.from(y), [n, outDim]);
      // tfjs kernels are [fanIn, fanOut]; ours are row-major [fanOut][fanIn].
      const initTensors = [];
      for (const { fanIn, fanOut, W, b } of init) {
        const k = new Float32Array(fanIn * fanOut);
        for (let o = 0; o < fanOut; o++) for (let i = 0; i < fanIn; i++) k[i * fanOut + o] = W[o * fanIn + i];
        initTensors.push(tf.tensor2d(k, [fanIn, fanOut]), tf.tensor1d(Float32Array.from(b)));
      }
      return {
        reset() {
          model.setWeights(initTensors);
        },
        async train() {
          await model.fit(xs, ys, { batchSize: batch, epochs, shuffle: false, verbose: 0, yieldEvery: 'never' });
        },
        predict() {
          return tf.tidy(() => model.predict(xs).dataSync().slice());
        },
      };
    },
  });
}

/**
 * W4 in tfjs: 16×16×1 → zeroPadding2d(2) → conv2d(12, 5×5, stride 2, valid, tanh) →
 * zeroPadding2d(2) → conv2d(12, 5×5/2, tanh) → flatten → dense(30, tanh) → dense(10, tanh).
 * Kernels are [kh][kw][in][out]; flatten reads (y, x, c), so fc3's rows are permuted from ours.
 */
function convSetup(tf, { workload, data, init, epochs }) {
  const { n, x, y } = data;
  const model = tf.sequential();
  model.add(tf.layers.zeroPadding2d({ padding: 2, inputShape: [16, 16, 1] }));
  model.add(tf.layers.conv2d({ filters: 12, kernelSize: 5, strides: 2, padding: 'valid', activation: 'tanh', kernelInitializer: 'zeros' }));
  model.add(tf.layers.zeroPadding2d({ padding: 2 }));
  model.add(tf.layers.conv2d({ filters: 12, kernelSize: 5, strides: 2, padding: 'valid', activation: 'tanh', kernelInitializer: 'zeros' }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 30, activation: 'tanh', kernelInitializer: 'zeros' }));
  model.add(tf.layers.dense({ units: 10, activation: 'tanh', kernelInitializer: 'zeros' }));
  const shapes = model.layers.filter((l) => l.getWeights().length).map((l) => l.outputShape.slice(1).join('×'));
  if (shapes.join(' ') !== '8×8×12 4×4×12 30 10') throw new Error(`tfjs built ${shapes.join(' ')}`);
  // ½·Σ over 10 outputs = 5 × mean squared error: lr × 5 gives the same step
  model.compile({ optimizer: tf.train.sgd(workload.lr * 5), loss: 'meanSquaredError' });
  const xs = tf.tensor4d(Float32Array.from(x), [n, 16, 16, 1]);
  const ys = tf.tensor2d(Float32Array.from(y), [n, 10]);
  const kernel = (W, depth) => {
    const k = new Float32Array(25 * depth * 12);
    for (let o = 0; o < 12; o++) for (let c = 0; c < depth; c++) for (let t = 0; t < 25; t++) k[(t * depth + c) * 12 + o] = W[(o * depth + c) * 25 + t];
    return tf.tensor4d(k, [5, 5, depth, 12]);
  };
  const dense = ({ fanIn, fanOut, W, b }, permute) => {
    const k = new Float32Array(fanIn * fanOut);
    for (let o = 0; o < fanOut; o++) for (let i = 0; i < fanIn; i++) k[permute(i) * fanOut + o] = W[o * fanIn + i];
    return [tf.tensor2d(k, [fanIn, fanOut]), tf.tensor1d(Float32Array.from(b))];
  };
  const initTensors = [
    kernel(init.conv1.W, 1), tf.tensor1d(Float32Array.from(init.conv1.b)),
    kernel(init.conv2.W, 12), tf.tensor1d(Float32Array.from(init.conv2.b)),
    // ours: c·16 + y·4 + x; flatten: (4·y + x)·12 + c
    ...dense(init.fc3, (i) => (i % 16) * 12 + Math.floor(i / 16)),
    ...dense(init.out, (i) => i),
  ];
  return {
    reset() {
      model.setWeights(initTensors);
    },
    async train() {
      await model.fit(xs, ys, { batchSize: 1, epochs, shuffle: false, verbose: 0, yieldEvery: 'never' });
    },
    predict() {
      return tf.tidy(() => model.predict(xs).dataSync().slice());
    },
  };
}
