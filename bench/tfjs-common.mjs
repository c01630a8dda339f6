// TensorFlow.js 4.22.0: a tf.sequential of dense layers, model.fit with batchSize,
// shuffle: false and plain tf.train.sgd. The backend ('cpu' or 'wasm') is chosen by the child.
import { createRequire } from 'node:module';
import { runChild, versionOf } from './harness.mjs';

const require = createRequire(import.meta.url);

function notes(workload) {
  const list = ['float32 arithmetic (the other libraries use float64)'];
  if (workload.loss === 'half-mse') {
    list.push("loss 'meanSquaredError' with lr 0.015: the same update as ½·MSE at lr 0.03");
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
