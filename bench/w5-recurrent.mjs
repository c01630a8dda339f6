#!/usr/bin/env node
// W5 (issue 22): back-propagation through time on the same sequences — H&S 1997's adding problem,
// 200 sequences of T = 20 steps of 2 inputs, the target at the end — by our recurrent engines
// (src/engines/recurrent, bundled with esbuild like build-engine.mjs does) and by brain.js 1.6.1's
// recurrent.RNNTimeStep / LSTMTimeStep and synaptic 1.1.4's Architect.LSTM, each in its own
// idiomatic online training loop: one update per sequence. Throughput is sequences per second of
// training, the median of timed runs after a warm-up, all libraries in one process one after
// another (the recurrent peers take no shared initial weights, so each starts from its own).
//
//   node bench/w5-recurrent.mjs [--epochs 5] [--runs 5]
//
// The peers compute other functions than ours, so only the speed is compared:
//   brain.js RNNTimeStep: ReLU hidden units, trained on input then output steps (sequence to sequence);
//   brain.js LSTMTimeStep: LSTM with a forget gate; synaptic Architect.LSTM: forget gate, peepholes,
//   and its own online gradient (eligibility traces), one propagate() at the end of each sequence.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const EPOCHS = opt('--epochs', 5);
const RUNS = opt('--runs', 5);
const N = 200;
const T = 20;
const H = 4;
const ETA = 0.01;

const bundle = join(benchDir, '.build', 'recurrent.mjs');
mkdirSync(dirname(bundle), { recursive: true });
const { build } = await import('esbuild');
await build({
  stdin: {
    contents: ['elman', 'lstm', 'common'].map((f) => `export * from ${JSON.stringify(join(root, 'src', 'engines', 'recurrent', `${f}.ts`))};`).join('\n') +
      `\nexport { sequenceDataset } from ${JSON.stringify(join(root, 'src', 'data', 'sequences.ts'))};\nexport { createRng } from ${JSON.stringify(join(root, 'src', 'core', 'rng.ts'))};`,
    resolveDir: root, loader: 'ts', sourcefile: 'w5-entry.ts',
  },
  outfile: bundle, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent',
});
const E = await import(pathToFileURL(bundle).href);
const data = E.sequenceDataset({ kind: 'adding', n: N, steps: T }, E.createRng('w5/data'));
const X = data.inputs.map((r) => Float64Array.from(r));
const Y = data.targets.map((r) => Float64Array.from(r));
const steps = (row) => Array.from({ length: T }, (_, t) => [row[2 * t], row[2 * t + 1]]);

/** Median sequences/s of RUNS timed runs of EPOCHS epochs, after one warm-up; `fresh()` returns a train(epochs) function. */
function measure(fresh) {
  const rates = [];
  for (let r = 0; r <= RUNS; r++) {
    const train = fresh();
    const t0 = performance.now();
    train(EPOCHS);
    const s = (performance.now() - t0) / 1000;
    if (r > 0) rates.push((EPOCHS * N) / s);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

const ours = (Net, init, shape) => () => {
  const net = new Net(shape, init(shape, E.createRng('w5/init')));
  const dy = new Float64Array(1);
  const o = { eta: ETA, clip: 0, truncate: 0 };
  return (epochs) => {
    for (let e = 0; e < epochs; e++) for (let i = 0; i < N; i++) E.sgdStep(net, X[i], T, Y[i], o, dy);
  };
};

const require = createRequire(join(benchDir, 'package.json'));
const rows = [];
rows.push(['neural-eras Elman (4 tanh)', measure(ours(E.ElmanNet, (s, rng) => E.elmanInit(s, { range: 0.5, recurrent: 'orthogonal', scale: 1 }, rng), { inputs: 2, hidden: H, outputs: 1, activation: 'tanh' }))]);
rows.push(['neural-eras LSTM 1997 (4 cells)', measure(ours(E.LstmNet, (s, rng) => E.lstmInit(s, { range: 0.5, inputBias: 0, outputBias: 0, forgetBias: 1 }, rng), { inputs: 2, cells: H, outputs: 1, forgetGate: false }))]);
rows.push(['neural-eras LSTM + forget gate', measure(ours(E.LstmNet, (s, rng) => E.lstmInit(s, { range: 0.5, inputBias: 0, outputBias: 0, forgetBias: 1 }, rng), { inputs: 2, cells: H, outputs: 1, forgetGate: true }))]);

let brain = null;
try {
  brain = require('brain-v1');
} catch (e) {
  rows.push(['brain.js@1 (not installed)', NaN]);
}
if (brain) {
  // brain's time-step nets feed their output back as the next input: output steps are as wide as input steps
  const pairs = X.map((x, i) => ({ input: steps(x), output: [[Y[i][0], 0]] }));
  for (const [name, Net] of [['brain.js@1 RNNTimeStep (4 relu)', brain.recurrent.RNNTimeStep], ['brain.js@1 LSTMTimeStep (4 cells)', brain.recurrent.LSTMTimeStep]]) {
    rows.push([name, measure(() => {
      const net = new Net({ inputSize: 2, hiddenLayers: [H], outputSize: 2, learningRate: ETA });
      return (epochs) => net.train(pairs, { iterations: epochs, errorThresh: 0 });
    })]);
  }
}
let synaptic = null;
try {
  synaptic = require('synaptic');
} catch {
  rows.push(['synaptic (not installed)', NaN]);
}
if (synaptic) {
  const seqs = X.map((x) => steps(x));
  rows.push(['synaptic Architect.LSTM (4 cells)', measure(() => {
    const net = new synaptic.Architect.LSTM(2, H, 1);
    return (epochs) => {
      for (let e = 0; e < epochs; e++) for (let i = 0; i < N; i++) {
        net.clear();
        for (let t = 0; t < T; t++) net.activate(seqs[i][t]);
        net.propagate(ETA, [Y[i][0]]);
      }
    };
  })]);
}

// like with like: the recurrent net against the fastest plain-RNN peer, the LSTMs against the fastest LSTM peer
const kind = (name) => (/LSTM/.test(name) ? 'lstm' : 'rnn');
const fastest = (k) => Math.max(...rows.filter(([n, v]) => !n.startsWith('neural-eras') && kind(n) === k && Number.isFinite(v)).map(([, v]) => v));
console.log(`W5: adding problem, ${N} sequences × T = ${T} × 2 inputs, ${H} hidden units / cells, online, ${EPOCHS} epochs a run, median of ${RUNS} runs`);
for (const [name, v] of rows) {
  const peer = fastest(kind(name));
  const ratio = name.startsWith('neural-eras') && Number.isFinite(v) && Number.isFinite(peer) ? `   ${(v / peer).toFixed(2)}× the fastest ${kind(name) === 'lstm' ? 'LSTM' : 'RNN'} peer` : '';
  console.log(`${name.padEnd(36)} ${Number.isFinite(v) ? `${Math.round(v).toLocaleString('en').padStart(9)} sequences/s` : '        —'}${ratio}`);
}
