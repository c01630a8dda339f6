// Our engine (src/core/network), bundled by build-engine.mjs into bench/.build/ before the
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
  notes: () => [],
  setup({ workload, data, init, epochs }) {
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
