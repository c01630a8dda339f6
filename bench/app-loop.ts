/**
 * The in-process half of bench/app.mjs (bundled by it with esbuild, like the engine): for the
 * same seeds, the runner (a sweep's runSeeds, one thread) against the raw training loop (an
 * epoch with its result, the target check), the runner on bench W1's net against its bare loop, and
 * the lab's scenario picker opening. Prints one JSON line of CPU milliseconds (best of rounds).
 */
import { runSeeds } from '../src/commands/sweep-seeds.js';
import { deriveRng } from '../src/core/rng.js';
import { Run, withinTarget } from '../src/core/runner.js';
import type { Params } from '../src/core/types.js';
import { prepareRuns } from '../src/scenarios/execute.js';
import { loadScenario } from '../src/scenarios/loader.js';
import { Picker } from '../src/session/picker.js';
import { bestAlternated } from './alternate.js';

const seedsN = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 5);
const scenario = loadScenario('xor-backprop');
const RUN = 'mlp-backprop';
const W1: Params = { hidden: [8, 8], activation: 'tanh', learningRate: 0.1, momentum: 0 };
const spec = (seed: number, params?: Params) => prepareRuns(scenario, { seed, only: [RUN], ...(params ? { params: new Map([[RUN, params]]) } : {}) })[0]!;

function bareLoop(seed: number, epochs: number, params?: Params): void {
  const s = spec(seed, params);
  const model = s.plugin.create({ data: s.data, params: s.params, rng: deriveRng(seed, `model:${s.id}`), lean: true });
  const target = s.target ?? model.target ?? s.plugin.meta.defaultTarget;
  const keys = Object.keys(target);
  for (let e = 0; e < epochs; e++) {
    // one epoch and what it ended with (scores, metrics), then the target check
    if (withinTarget(target, model.epoch().metrics, keys)) return;
  }
}

const bestPair = (a: () => void, b: () => void): [number, number] => bestAlternated(a, b, rounds);

const seeds = Array.from({ length: seedsN }, (_, i) => i + 1);
const job = { ref: scenario.path!, run: RUN, params: {}, seeds };
const results = runSeeds(job, scenario);
const [sweepMs, bareMs] = bestPair(() => runSeeds(job, scenario), () => results.forEach((r) => bareLoop(r.seed, r.epochs)));

const w1Seeds = seeds.slice(0, 30);
const w1Epochs = w1Seeds.map((seed) => new Run({ ...spec(seed, W1), lean: true, historyLimit: 1 }).toEnd().epoch);
const [w1RunnerMs, w1BareMs] = bestPair(
  () => w1Seeds.forEach((seed) => new Run({ ...spec(seed, W1), lean: true, historyLimit: 1 }).toEnd()),
  () => w1Seeds.forEach((seed, i) => bareLoop(seed, w1Epochs[i]!, W1)),
);

// The picker as the lab opens it (`s`): every shipped scenario read and validated, none trained.
const t0 = performance.now();
const picker = new Picker(null);
const pickerMs = performance.now() - t0;

console.log(JSON.stringify({ seeds: seedsN, epochs: results.reduce((s, r) => s + r.epochs, 0), sweepMs, bareMs, w1Epochs: w1Epochs.reduce((a, b) => a + b, 0), w1RunnerMs, w1BareMs, pickerMs, pickerItems: picker.items.length }));
