/**
 * `neural-eras sweep <scenario> --model id --seeds n [--first s] [--workers k] [--epochs n]
 *   [--param key=value]… [--json]`: one run per seed, spread over worker threads; reports the
 * solved share and the epochs-to-solve median and quartiles. Per-seed results do not depend on
 * the worker count: each seed's run is built from its own seed alone.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Scenario, loadScenario } from '../scenarios/loader.js';
import { selectRuns } from '../scenarios/execute.js';
import { MAX_EPOCHS } from '../scenarios/schema.js';
import { writeJson } from '../report/json.js';
import { num, table } from '../report/table.js';
import type { Io } from './io.js';
import { UsageError } from './errors.js';
import { parseCount, parseParamOverrides } from './options.js';
import { runSeeds, type SeedResult, type SweepJob } from './sweep-seeds.js';

export interface SweepOptions {
  model?: string;
  seeds?: string;
  first?: string;
  workers?: string;
  epochs?: string;
  param?: string[];
  plugin?: string[];
  json?: boolean;
}

/** Quantile by linear interpolation between order statistics (type 7, as R and numpy default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

/** The bundled worker (dist/sweep-worker.js); null when running from the TypeScript sources. */
function workerScript(): string | null {
  const js = fileURLToPath(new URL('./sweep-worker.js', import.meta.url));
  return existsSync(js) ? js : null;
}

/** Seeds per message: small enough to balance the load, large enough to keep messages rare. */
const CHUNK = 20;

/**
 * Runs every seed, on `workers` threads (1 = in this thread); results sorted by seed. Chunks of
 * seeds go to whichever worker is free, so long runs do not leave a thread idle.
 */
export async function sweep(job: SweepJob, workers: number, scenario?: Scenario): Promise<SeedResult[]> {
  const file = workerScript();
  // From the sources (vitest, tsx) there is no bundled worker: everything runs in this thread.
  if (workers <= 1 || job.seeds.length < 2 || !file) return runSeeds(job, scenario);
  const chunks: number[][] = [];
  for (let i = 0; i < job.seeds.length; i += CHUNK) chunks.push(job.seeds.slice(i, i + CHUNK));
  const results: SeedResult[] = [];
  const pool = Array.from({ length: Math.min(workers, chunks.length) }, () => new Worker(file));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const seeds = chunks.shift();
              if (!seeds) return resolve();
              worker.postMessage({ ...job, seeds });
            };
            worker.on('message', (m: { ok: boolean; results?: SeedResult[]; error?: string; user?: boolean }) => {
              if (!m.ok) return reject(m.user ? new UsageError(m.error) : new Error(m.error));
              for (const r of m.results!) results.push(r);
              next();
            });
            worker.once('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results.sort((a, b) => a.seed - b.seed);
}

export function summarise(results: readonly SeedResult[]) {
  const outcomes = { solved: 0, truncated: 0, cycling: 0, diverged: 0 } as Record<string, number>;
  for (const r of results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const epochs = results.filter((r) => r.outcome === 'solved').map((r) => r.epochs).sort((a, b) => a - b);
  return {
    solved: outcomes['solved']!,
    solvedShare: results.length ? outcomes['solved']! / results.length : 0,
    outcomes,
    epochsToSolve: epochs.length
      ? { median: quantile(epochs, 0.5), q1: quantile(epochs, 0.25), q3: quantile(epochs, 0.75), min: epochs[0]!, max: epochs[epochs.length - 1]! }
      : null,
  };
}

export async function sweepCommand(ref: string, opts: SweepOptions, io: Io): Promise<number> {
  const scenario = loadScenario(ref);
  const runs = selectRuns(scenario, opts.model ? [opts.model] : undefined);
  if (!opts.model && scenario.runs.length > 1) {
    throw new UsageError(`--model is needed: scenario ${scenario.id} runs ${scenario.runs.map((r) => r.id).join(', ')}`);
  }
  if (runs.length !== 1) throw new UsageError(`--model ${opts.model}: scenario ${scenario.id} has no such single run; it runs: ${scenario.runs.map((r) => r.id).join(', ')}`);
  const run = runs[0]!;
  const n = parseCount('--seeds', opts.seeds ?? '100', 1, 1_000_000);
  const first = parseCount('--first', opts.first ?? '1', 0, 2 ** 40);
  // at most one worker per core: more cannot run at once, and each costs its own memory
  const cores = availableParallelism();
  const asked = opts.workers !== undefined ? parseCount('--workers', opts.workers, 1, 1_000_000) : cores;
  const workers = Math.min(asked, cores);
  if (asked > cores) io.err(`neural-eras: --workers ${asked}: capped at ${cores}, the number of cores\n`);
  const epochs = opts.epochs !== undefined ? parseCount('--epochs', opts.epochs, 0, MAX_EPOCHS) : undefined;
  const params = parseParamOverrides(scenario, [run.id], opts.param ?? []).get(run.id) ?? {};
  const seeds = Array.from({ length: n }, (_, i) => first + i);
  const plugins = (opts.plugin ?? []).map((p) => resolve(p));
  // workers reload the scenario: from the absolute path it was read from, never from the shown name
  const job: SweepJob = { ref: scenario.path ?? scenario.file, run: run.id, params, seeds, ...(epochs !== undefined ? { epochs } : {}), ...(plugins.length ? { plugins } : {}) };
  const started = performance.now();
  const results = await sweep(job, workers, scenario);
  const seconds = (performance.now() - started) / 1000;
  const summary = summarise(results);
  const doc = { scenario: scenario.id, run: run.id, model: run.plugin.meta.id, seeds: n, firstSeed: first, workers: Math.min(workers, n), epochBudget: epochs ?? run.epochs, ...summary, runs: results };
  if (opts.json) {
    writeJson(doc, io.out);
    io.out('\n');
    return 0;
  }
  const e = summary.epochsToSolve;
  io.out(`${scenario.title} — ${run.label} [${run.plugin.meta.id}], seeds ${first}…${first + n - 1}, budget ${doc.epochBudget} epochs\n\n`);
  io.out(`${table(['outcome', 'runs', 'share'], Object.entries(summary.outcomes).map(([k, v]) => [k, v, v / n]))}\n\n`);
  io.out(e ? `epochs to solve: median ${num(e.median)}, quartiles ${num(e.q1)}–${num(e.q3)}, range ${e.min}–${e.max}\n` : 'no seed solved it within the budget\n');
  io.out(`${n} runs on ${doc.workers} worker${doc.workers > 1 ? 's' : ''} in ${seconds.toFixed(2)} s\n`);
  return 0;
}
