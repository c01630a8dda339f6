// synaptic 1.1.4: Architect.Perceptron + Trainer.train, its idiomatic path (the network is
// compiled into one generated function by Network.optimize before training).
import { createRequire } from 'node:module';
import { outputsOf, runChild, versionOf } from './harness.mjs';

const require = createRequire(import.meta.url);
const synaptic = require('synaptic');
const { Architect, Trainer, Neuron } = synaptic;

function notes(workload) {
  const list = [
    `online SGD (one update per example, lr ${workload.lr} per example): Trainer.train has no mini-batch option`,
    'the output error is (target − output) with no output-derivative factor, i.e. the gradient of cross-entropy for a logistic output, whatever cost is named',
  ];
  if (workload.output === 'softmax') list.push('no softmax: 10 logistic outputs on one-hot targets (Trainer.cost.CROSS_ENTROPY)');
  else list.push('logistic output; Trainer.cost.MSE is only used for the error it reports');
  return list;
}

await runChild({
  library: 'synaptic',
  version: versionOf('synaptic'),
  notes,
  setup({ workload, data, init, epochs }) {
    const { layers } = workload;
    const { n, inDim, outDim, x, y } = data;
    const set = [];
    for (let s = 0; s < n; s++) {
      set.push({
        input: Array.from(x.subarray(s * inDim, (s + 1) * inDim)),
        output: Array.from(y.subarray(s * outDim, (s + 1) * outDim)),
      });
    }
    const build = () => {
      const net = new Architect.Perceptron(...layers);
      const all = [net.layers.input, ...net.layers.hidden, net.layers.output];
      for (const h of net.layers.hidden) h.set({ squash: Neuron.squash.TANH });
      net.layers.output.set({ squash: Neuron.squash.LOGISTIC });
      for (let l = 1; l < all.length; l++) {
        const prev = all[l - 1].list;
        const index = new Map(prev.map((neuron, i) => [neuron, i]));
        const { fanIn, W, b } = init[l - 1];
        all[l].list.forEach((neuron, o) => {
          let seen = 0;
          for (const id in neuron.connections.inputs) {
            const c = neuron.connections.inputs[id];
            const i = index.get(c.from);
            if (i === undefined) throw new Error('unexpected connection');
            c.weight = W[o * fanIn + i];
            seen++;
          }
          if (seen !== fanIn) throw new Error(`neuron has ${seen} inputs, expected ${fanIn}`);
          neuron.bias = b[o];
        });
      }
      net.optimize();
      return net;
    };
    // One network, compiled once: each run restores the compiled function's memory (weights,
    // biases, traces) to its state right after compilation, so the warm-up warms the same code.
    const net = build();
    const memory = net.optimized.memory;
    const initialMemory = Float64Array.from(memory);
    const trainer = new Trainer(net);
    const trainOpts = {
      rate: workload.lr,
      iterations: epochs,
      error: 1e-12,
      shuffle: false,
      cost: workload.output === 'softmax' ? Trainer.cost.CROSS_ENTROPY : Trainer.cost.MSE,
    };
    return {
      reset() {
        if (net.optimized.memory !== memory) throw new Error('synaptic replaced its memory array');
        memory.set(initialMemory);
      },
      train() {
        const r = trainer.train(set, trainOpts);
        if (r.iterations !== epochs) throw new Error(`synaptic stopped after ${r.iterations} iterations`);
      },
      predict: () => outputsOf(n, outDim, (s) => net.activate(set[s].input)),
    };
  },
});
