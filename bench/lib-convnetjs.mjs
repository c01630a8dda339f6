// convnetjs 0.3.0: its own Trainer (method 'sgd', momentum 0, l2_decay 0, batch_size B), which
// averages the gradient over the batch exactly as the reference protocol says. The layers
// are built by hand (rather than through makeLayers' sugar, which would put an extra linear
// fc layer after a sigmoid) so the nets are exactly fc→tanh…→fc→sigmoid→regression(½·MSE)
// and fc→tanh…→fc→softmax(cross-entropy).
import { createRequire } from 'node:module';
import { outputsOf, runChild, versionOf } from './harness.mjs';

const require = createRequire(import.meta.url);
const convnetjs = require('convnetjs');

/** An empty net on an input volume, and add(Ctor, def) that stacks a layer on the last one. */
function stack(sx, sy, depth) {
  const net = new convnetjs.Net();
  net.layers = [];
  let prev = new convnetjs.InputLayer({ out_sx: sx, out_sy: sy, out_depth: depth });
  net.layers.push(prev);
  const add = (Ctor, def) => {
    const layer = new Ctor({ ...def, in_sx: prev.out_sx, in_sy: prev.out_sy, in_depth: prev.out_depth });
    net.layers.push(layer);
    prev = layer;
    return layer;
  };
  return { net, add };
}

function buildNet(workload) {
  const { layers, hidden, output } = workload;
  const { net, add } = stack(1, 1, layers[0]);
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

/**
 * W4: input 16×16×1 → conv 5×5 stride 2 pad 2 (12) → tanh → conv 5×5/2 pad 2 (12) → tanh →
 * fc 30 → tanh → fc 10 → tanh → regression (½·Σ (o − t)²), with our initial weights permuted
 * into convnetjs' orders (a filter's w[(5·ky + kx)·depth + c]; a Vol (x, y, d) at
 * (sx·y + x)·depth + d, so fc3 reads H2 position by position, maps innermost).
 */
function convSetup({ workload, data, init, epochs }) {
  const { net, add } = stack(16, 16, 1);
  const conv1 = add(convnetjs.ConvLayer, { sx: 5, filters: 12, stride: 2, pad: 2, bias_pref: 0 });
  add(convnetjs.TanhLayer, {});
  const conv2 = add(convnetjs.ConvLayer, { sx: 5, filters: 12, stride: 2, pad: 2, bias_pref: 0 });
  add(convnetjs.TanhLayer, {});
  const fc3 = add(convnetjs.FullyConnLayer, { num_neurons: 30, bias_pref: 0 });
  add(convnetjs.TanhLayer, {});
  const out = add(convnetjs.FullyConnLayer, { num_neurons: 10, bias_pref: 0 });
  add(convnetjs.TanhLayer, {});
  add(convnetjs.RegressionLayer, {});
  if (conv1.out_sx !== 8 || conv2.out_sx !== 4) throw new Error(`convnetjs built ${conv1.out_sx}×${conv1.out_sx} and ${conv2.out_sx}×${conv2.out_sx} maps`);
  const { n, x, y } = data;
  const vols = [];
  const targets = [];
  for (let s = 0; s < n; s++) {
    const v = new convnetjs.Vol(16, 16, 1, 0.0);
    for (let k = 0; k < 256; k++) v.w[k] = x[s * 256 + k];
    vols.push(v);
    targets.push(Array.from(y.subarray(s * 10, (s + 1) * 10)));
  }
  const loadConv = (layer, W, b, depth) => {
    for (let o = 0; o < 12; o++) {
      const f = layer.filters[o];
      for (let c = 0; c < depth; c++) for (let k = 0; k < 25; k++) f.w[k * depth + c] = W[(o * depth + c) * 25 + k];
      f.dw.fill(0);
      layer.biases.w[o] = b[o];
      layer.biases.dw[o] = 0;
    }
  };
  const loadFc = (layer, { fanIn, fanOut, W, b }, permute) => {
    for (let o = 0; o < fanOut; o++) {
      const f = layer.filters[o];
      for (let i = 0; i < fanIn; i++) f.w[permute(i)] = W[o * fanIn + i];
      f.dw.fill(0);
      layer.biases.w[o] = b[o];
      layer.biases.dw[o] = 0;
    }
  };
  let trainer;
  return {
    reset() {
      loadConv(conv1, init.conv1.W, init.conv1.b, 1);
      loadConv(conv2, init.conv2.W, init.conv2.b, 12);
      // ours: c·16 + y·4 + x; convnetjs: (4·y + x)·12 + c
      loadFc(fc3, init.fc3, (i) => (i % 16) * 12 + Math.floor(i / 16));
      loadFc(out, init.out, (i) => i);
      trainer = new convnetjs.Trainer(net, { method: 'sgd', learning_rate: workload.lr, momentum: 0, l2_decay: 0, l1_decay: 0, batch_size: 1 });
    },
    train() {
      for (let e = 0; e < epochs; e++) for (let s = 0; s < n; s++) trainer.train(vols[s], targets[s]);
    },
    predict: () => outputsOf(n, 10, (s) => net.forward(vols[s], false).w),
  };
}

await runChild({
  library: 'convnetjs',
  version: versionOf('convnetjs'),
  notes: (workload) => (workload.kind === 'conv' ? ['ConvLayer (zero padding 2, one bias per filter), TanhLayer, FullyConnLayer, RegressionLayer'] : []),
  setup({ workload, data, init, epochs }) {
    if (workload.kind === 'conv') return convSetup({ workload, data, init, epochs });
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
