// brain.js (1.x and 2.x share the NeuralNetwork API): its own `train(data, { iterations })`
// loop, which is online SGD (one update per example) with one activation for every layer.
import { outputsOf, runChild } from './harness.mjs';

export function brainNotes(workload) {
  const notes = [
    `online SGD (one update per example, lr ${workload.lr} per example) — brain.js has no mini-batch option`,
    'momentum 1e-10: brain.js rejects 0 ("out of normal training range"); the term is computed either way',
    'activation "tanh" on every layer, the output included (no per-layer activation)',
  ];
  if (workload.output === 'softmax') notes.push('no softmax/cross-entropy: 10 tanh outputs trained on one-hot targets with ½·MSE');
  else notes.push('output tanh (not sigmoid), trained on 0/1 targets with ½·MSE, thresholded at 0.5');
  notes.push('train() also measures the training error every iteration (errorCheckInterval 1), as it always does');
  return notes;
}

/** brain: the package (brain-v1 or brain-v2), as loaded by the child. */
export async function runBrain({ library, version, brain }) {
  await runChild({
    library,
    version,
    notes: brainNotes,
    setup({ workload, data, init, epochs }) {
      const { layers } = workload;
      const net = new brain.NeuralNetwork({
        inputSize: layers[0],
        hiddenLayers: layers.slice(1, -1),
        outputSize: layers[layers.length - 1],
        activation: 'tanh',
      });
      // brain.js 1 takes its sizes from the first train() call; set them ourselves so the
      // initial weights can be written before training starts.
      net.sizes = layers.slice();
      net.initialize();
      const { n, inDim, outDim, x, y } = data;
      const set = [];
      for (let s = 0; s < n; s++) {
        set.push({
          input: Array.from(x.subarray(s * inDim, (s + 1) * inDim)),
          output: Array.from(y.subarray(s * outDim, (s + 1) * outDim)),
        });
      }
      const trainOpts = {
        iterations: epochs,
        learningRate: workload.lr,
        momentum: 1e-10,
        errorThresh: 1e-12,
        activation: 'tanh',
        log: false,
      };
      if (library === 'brain.js@1') delete trainOpts.activation; // v1 takes it from the constructor
      return {
        reset() {
          for (let l = 1; l < layers.length; l++) {
            const { fanIn, fanOut, W, b } = init[l - 1];
            for (let o = 0; o < fanOut; o++) {
              const w = net.weights[l][o];
              const ch = net.changes[l][o];
              for (let i = 0; i < fanIn; i++) {
                w[i] = W[o * fanIn + i];
                ch[i] = 0;
              }
              net.biases[l][o] = b[o];
            }
          }
        },
        train() {
          const status = net.train(set, trainOpts);
          if (status.iterations !== epochs) throw new Error(`brain.js stopped after ${status.iterations} iterations`);
        },
        predict: () => outputsOf(n, outDim, (s) => net.run(set[s].input)),
      };
    },
  });
}
