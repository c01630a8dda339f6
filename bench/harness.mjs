// The part every bench/lib-*.mjs child shares: argument parsing, the warm-up + timed-run
// loop, accuracy before → after, and the one result line the parent reads.
//
// A child is run as
//   node bench/lib-<name>.mjs --workload W1 [--epochs N] [--runs 5] [--warmup 1] [--seed S]
//                             [--budget SECONDS]
// (--budget, used by --quick: after the warm-up, time only as many runs, at least one, as fit
// in SECONDS at the warm-up's pace). It prints exactly one line on stdout: RESULT_MARKER then
// JSON (anything else a library prints is ignored by the parent).
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { WORKLOADS, DEFAULT_SEED, makeData, initialWeights, accuracyOf, halfMseOf } from './data.mjs';

export const RESULT_MARKER = '@@BENCH_RESULT ';

export function parseChildArgs(argv = process.argv.slice(2)) {
  const opts = { workload: 'W1', epochs: undefined, runs: 5, warmup: 1, seed: DEFAULT_SEED, budget: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--workload') (opts.workload = v), i++;
    else if (a === '--epochs') (opts.epochs = Number(v)), i++;
    else if (a === '--runs') (opts.runs = Number(v)), i++;
    else if (a === '--warmup') (opts.warmup = Number(v)), i++;
    else if (a === '--seed') (opts.seed = v), i++;
    else if (a === '--budget') (opts.budget = Number(v)), i++;
    else throw new Error(`unknown argument ${a}`);
  }
  const w = WORKLOADS[opts.workload];
  if (!w) throw new Error(`unknown workload ${opts.workload}`);
  opts.epochs ??= w.epochs;
  return opts;
}

function emit(obj) {
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(obj)}\n`);
}

/**
 * adapter: {
 *   library, version,
 *   notes(workload) → string[]   what differs from the reference protocol (footnotes),
 *   setup({ workload, data, init, epochs }) → (Promise of) {
 *     reset()          restore the initial weights and any optimiser state (not timed),
 *     train()          train `epochs` epochs over data in its fixed order (timed),
 *     predict()        outputs for every sample, flat n × outDim (not timed),
 *   }
 * }
 * samplesPerSec of one run = epochs × n / seconds spent in train(). accuracy and
 * lossBefore/lossAfter (½·squared error of the outputs, data.mjs halfMseOf) are measured on the
 * training set before the first run and after each run.
 */
export async function runChild(adapter) {
  let opts;
  try {
    opts = parseChildArgs();
    const workload = WORKLOADS[opts.workload];
    const data = await makeData(workload, opts.seed);
    const init = initialWeights(workload, opts.seed);
    const session = await adapter.setup({ workload, data, init, epochs: opts.epochs });
    const samples = [];
    const accuracies = [];
    let accuracyBefore;
    let lossBefore;
    let lossAfter;
    let runs = opts.runs;
    for (let r = 0; r < opts.warmup + runs; r++) {
      await session.reset();
      if (r === 0) {
        const before = await session.predict();
        accuracyBefore = accuracyOf(before, data);
        lossBefore = halfMseOf(before, data);
      }
      const t0 = performance.now();
      await session.train();
      const seconds = (performance.now() - t0) / 1000;
      const after = await session.predict();
      accuracies.push(accuracyOf(after, data));
      lossAfter = halfMseOf(after, data);
      if (r >= opts.warmup) samples.push((opts.epochs * data.n) / seconds);
      if (r === opts.warmup - 1 && Number.isFinite(opts.budget)) {
        runs = Math.max(1, Math.min(opts.runs, Math.floor(opts.budget / seconds)));
      }
    }
    emit({
      library: adapter.library,
      version: adapter.version,
      workload: opts.workload,
      epochs: opts.epochs,
      n: data.n,
      runs: samples,
      accuracyBefore,
      accuracyAfter: accuracies[accuracies.length - 1],
      accuracyAfterEachRun: accuracies,
      lossBefore,
      lossAfter,
      notes: adapter.notes ? adapter.notes(workload) : [],
    });
  } catch (err) {
    emit({
      library: adapter.library,
      version: adapter.version,
      workload: opts?.workload,
      error: String(err && err.stack ? err.stack : err),
    });
    process.exitCode = 1;
  }
}

/** The version field of a package installed in bench/node_modules (its package.json), or '?'. */
/** Outputs of every sample as one flat n × outDim array, from a per-sample forward function. */
export function outputsOf(n, outDim, forward) {
  const out = new Float64Array(n * outDim);
  for (let s = 0; s < n; s++) {
    const o = forward(s);
    for (let c = 0; c < outDim; c++) out[s * outDim + c] = o[c];
  }
  return out;
}

export function versionOf(pkg) {
  try {
    const file = new URL(`./node_modules/${pkg}/package.json`, import.meta.url);
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return '?';
  }
}
