// Our engine (src/engines/dense), bundled by build-engine.mjs into bench/.build/ before the
// timed region: createNetwork + trainEpoch over flat Float64Array buffers, exactly the
// reference protocol (SGD, gradient averaged over the batch, fixed order, no momentum).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runChild } from './harness.mjs';
import { buildEngine } from './build-engine.mjs';

const bundle = await buildEngine();
const engine = await import(pathToFileURL(bundle).href);
const rootPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await runChild({
  library: 'neural-eras',
  version: `${rootPackage.version} (working tree)`,
  notes: (workload) => (workload.kind === 'conv' ? ['ConvNet (src/engines/conv/convnet.ts) built with connections full, biases per map, plain tanh units, zero padding'] : []),
  setup({ workload, data, init, epochs }) {
    if (workload.kind === 'conv') return convSetup({ workload, data, init, epochs });
    const { layers } = workload;
    const { n, outDim, x, y } = data;
    // explicit weights, [layer][out][1 + in] rows with the bias first
    const weights = init.map(({ fanIn, fanOut, W, b }) =>
      Array.from({ length: fanOut }, (_, o) => [b[o], ...W.subarray(o * fanIn, (o + 1) * fanIn)]),
    );
    const net = engine.createNetwork(
      {
        sizes: layers,
        hidden: workload.hidden,
        output: workload.output,
        loss: workload.loss === 'half-mse' ? 'mse' : 'ce',
        weights,
        maxBatch: workload.batch,
      },
      engine.createRng('bench'),
    );
    const initial = Float64Array.from(net.w);
    const opts = { eta: workload.lr, batchSize: workload.batch, average: true, shuffle: false, momentum: 0 };
    const out = new Float64Array(n * outDim);
    return {
      reset() {
        net.w.set(initial);
        net.v.fill(0);
        net.g.fill(0);
      },
      train() {
        for (let e = 0; e < epochs; e++) net.trainEpoch(x, y, n, opts);
      },
      predict() {
        net.predictInto(x, n, out);
        return out;
      },
    };
  },
});

/** W4: the 1989 convnet engine, shaped like the peers' nets (full H2, per-map biases, tanh, zero pads). */
function convSetup({ workload, data, init, epochs }) {
  const { n, x, labels } = data;
  const net = new engine.ConvNet({ side: 16, classes: 10, connections: 'full', biases: 'map', units: 'tanh', padInput: 0, padHidden: 0 }, null);
  const w = net.w;
  w.set(init.conv1.W, net.h1.kOff);
  w.set(init.conv1.b, net.h1.bOff);
  w.set(init.conv2.W, net.h2.kOff);
  w.set(init.conv2.b, net.h2.bOff);
  for (const [layer, off] of [[init.fc3, net.h3Off], [init.out, net.outOff]]) {
    for (let o = 0; o < layer.fanOut; o++) {
      w[off + o * (layer.fanIn + 1)] = layer.b[o];
      w.set(layer.W.subarray(o * layer.fanIn, (o + 1) * layer.fanIn), off + o * (layer.fanIn + 1) + 1);
    }
  }
  const initial = Float64Array.from(w);
  const out = new Float64Array(n * 10);
  return {
    reset() {
      w.set(initial);
    },
    train() {
      for (let e = 0; e < epochs; e++) for (let s = 0; s < n; s++) net.trainPattern(x, s, labels[s], workload.lr);
    },
    predict() {
      for (let s = 0; s < n; s++) {
        net.load(x, s, labels[s]);
        net.forward();
        out.set(net.a4, s * 10);
      }
      return out;
    },
  };
}
