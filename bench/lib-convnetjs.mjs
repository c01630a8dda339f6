// convnetjs 0.3.0: its own Trainer (method 'sgd', momentum 0, l2_decay 0, batch_size B), which
// averages the gradient over the batch exactly as the reference protocol says. The layers
// are built by hand (rather than through makeLayers' sugar, which would put an extra linear
// fc layer after a sigmoid) so the nets are exactly fc→tanh…→fc→sigmoid→regression(½·MSE)
// and fc→tanh…→fc→softmax(cross-entropy).
import { createRequire } from 'node:module';
import { outputsOf, runChild, versionOf } from './harness.mjs';

const require = createRequire(import.meta.url);
const convnetjs = require('convnetjs');

function buildNet(workload) {
  const { layers, hidden, output } = workload;
  const net = new convnetjs.Net();
  net.layers = [];
  let prev = new convnetjs.InputLayer({ out_sx: 1, out_sy: 1, out_depth: layers[0] });
  net.layers.push(prev);
  const add = (Ctor, def) => {
    const layer = new Ctor({ ...def, in_sx: prev.out_sx, in_sy: prev.out_sy, in_depth: prev.out_depth });
    net.layers.push(layer);
    prev = layer;
    return layer;
  };
  const fcs = [];
  for (let l = 1; l < layers.length; l++) {
    const last = l === layers.length - 1;
    fcs.push(add(convnetjs.FullyConnLayer, { num_neurons: layers[l], bias_pref: 0 }));
    if (!last) {
      if (hidden !== 'tanh') throw new Error('only tanh hidden layers are wired');
      add(convnetjs.TanhLayer, {});
    } else if (output === 'sigmoid') {
      add(convnetjs.SigmoidLayer, {});
      add(convnetjs.RegressionLayer, {});
    } else if (output === 'softmax') {
      add(convnetjs.SoftmaxLayer, { num_classes: layers[l] });
    } else throw new Error(`output ${output}`);
  }
  return { net, fcs };
}

await runChild({
  library: 'convnetjs',
  version: versionOf('convnetjs'),
  notes: () => [],
  setup({ workload, data, init, epochs }) {
    const { net, fcs } = buildNet(workload);
    const { n, inDim, outDim, x, y, labels } = data;
    const vols = [];
    const targets = [];
    for (let s = 0; s < n; s++) {
      const v = new convnetjs.Vol(1, 1, inDim, 0.0);
      for (let k = 0; k < inDim; k++) v.w[k] = x[s * inDim + k];
      vols.push(v);
      // regression wants an array of targets; softmax wants the class index
      targets.push(workload.output === 'softmax' ? labels[s] : [y[s]]);
    }
    let trainer;
    return {
      reset() {
        fcs.forEach((fc, l) => {
          const { fanIn, fanOut, W, b } = init[l];
          for (let o = 0; o < fanOut; o++) {
            const w = fc.filters[o].w;
            const dw = fc.filters[o].dw;
            for (let i = 0; i < fanIn; i++) {
              w[i] = W[o * fanIn + i];
              dw[i] = 0;
            }
            fc.biases.w[o] = b[o];
            fc.biases.dw[o] = 0;
          }
        });
        trainer = new convnetjs.Trainer(net, {
          method: 'sgd',
          learning_rate: workload.lr,
          momentum: 0,
          l2_decay: 0,
          l1_decay: 0,
          batch_size: workload.batch,
        });
      },
      train() {
        for (let e = 0; e < epochs; e++) {
          for (let s = 0; s < n; s++) trainer.train(vols[s], targets[s]);
        }
      },
      predict: () => outputsOf(n, outDim, (s) => net.forward(vols[s], false).w),
    };
  },
});
