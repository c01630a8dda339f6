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
import type { Params } from '../core/types.js';
import { OUTCOMES } from '../core/runner.js';
import { type Scenario, loadScenario } from '../scenarios/loader.js';
import { selectRuns } from '../scenarios/execute.js';
import { inScenario, withTriedModels } from '../scenarios/tried.js';
import { MAX_EPOCHS } from '../scenarios/schema.js';
import { writeJson } from '../report/json.js';
import { num, table } from '../report/table.js';
import type { Io } from './io.js';
import { UsageError } from './errors.js';
import { parseCount, parseParamOverrides } from './options.js';
import { runSeeds, type SeedResult, type SweepJob } from './sweep-seeds.js';

export interface SweepOptions {
  /** Run or model ids (repeatable): each is swept on its own; a model the scenario does not run is tried on its data. */
  model?: string[];
  seeds?: string;
  first?: string;
  workers?: string;
  epochs?: string;
  param?: string[];
  plugin?: string[];
  /** `key=v1,v2` per parameter: one row per combination (a list value in brackets: hidden=[2,2],[4]). */
  grid?: string[];
  /** Keep every seed's per-epoch history. */
  histories?: boolean;
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

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

export function summarise(results: readonly SeedResult[]) {
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<string, number>;
  for (const r of results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const epochs = results.filter((r) => r.outcome === 'solved').map((r) => r.epochs).sort((a, b) => a - b);
  const losses = results.map((r) => r.loss);
  const m = losses.length ? mean(losses) : NaN;
  return {
    solved: outcomes['solved']!,
    solvedShare: results.length ? outcomes['solved']! / results.length : 0,
    outcomes,
    epochsToSolve: epochs.length
      ? { median: quantile(epochs, 0.5), q1: quantile(epochs, 0.25), q3: quantile(epochs, 0.75), min: epochs[0]!, max: epochs[epochs.length - 1]! }
      : null,
    // the final loss over every seed (solved or not): mean and sample standard deviation
    finalLoss: { mean: m, sd: losses.length > 1 ? Math.sqrt(losses.reduce((a, v) => a + (v - m) ** 2, 0) / (losses.length - 1)) : 0 },
  };
}

/** What a sweep is asked to do, parsed: the same for the CLI and the API. */
export interface SweepSpec {
  readonly models?: readonly string[];
  readonly seeds: number;
  /** First seed (default 1, or the run's own pinned seed). */
  readonly first?: number;
  readonly epochs?: number;
  readonly params?: readonly string[];
  readonly grid?: readonly string[];
  readonly histories?: boolean;
  readonly workers: number;
  readonly plugins?: readonly string[];
}

/** Splits `v1,v2` at the commas outside brackets: `[2,2],[4]` is two values. */
function gridValues(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((v) => v.trim());
}

/** The grid's cells: every combination of the listed values, each checked against the run's schema. */
function gridCells(scenario: Scenario, runId: string, texts: readonly string[]): { keys: Record<string, unknown[]>; cells: Params[] } {
  const keys: Record<string, unknown[]> = {};
  let cells: Record<string, unknown>[] = [{}];
  for (const text of texts) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`--grid needs key=v1,v2 (one key per word), got ${JSON.stringify(text)}`);
    const key = text.slice(0, eq).trim();
    if (Object.hasOwn(keys, key)) throw new UsageError(`--grid ${key}: given twice`);
    const values = gridValues(text.slice(eq + 1)).map((v) => parseParamOverrides(scenario, [runId], [`${runId}.${key}=${v}`]).get(runId)![key]);
    keys[key] = values;
    cells = cells.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return { keys, cells: cells as Params[] };
}

/** One model's sweep (and its grid): the document `sweep --json` prints for it. */
async function sweepOne(scenario: Scenario, name: string | undefined, spec: SweepSpec) {
  const s = name !== undefined && !inScenario(scenario, name) ? withTriedModels(scenario, [name]) : scenario;
  const runs = selectRuns(s, name !== undefined ? [name] : undefined);
  if (name === undefined && s.runs.length > 1) throw new UsageError(`--model is needed: scenario ${s.id} runs ${s.runs.map((r) => r.id).join(', ')}`);
  if (runs.length !== 1) throw new UsageError(`--model ${name}: scenario ${s.id} has no such single run; it runs: ${s.runs.map((r) => r.id).join(', ')}`);
  const run = runs[0]!;
  const pinned = run.seed !== undefined;
  const first = spec.first ?? (typeof run.seed === 'number' ? run.seed : 1);
  const base = parseParamOverrides(s, [run.id], spec.params ?? []).get(run.id) ?? {};
  const seeds = Array.from({ length: spec.seeds }, (_, i) => first + i);
  const job: SweepJob = {
    // workers reload the scenario: from the absolute path it was read from, never from the shown name
    ref: scenario.path ?? scenario.file,
    run: run.id,
    params: base,
    seeds,
    ...(spec.epochs !== undefined ? { epochs: spec.epochs } : {}),
    ...(spec.plugins?.length ? { plugins: spec.plugins } : {}),
    ...(s !== scenario ? { tried: true } : {}),
    ...(pinned ? { modelSeed: true } : {}),
    ...(spec.histories ? { histories: true } : {}),
  };
  const head = {
    scenario: s.id,
    run: run.id,
    model: run.plugin.meta.id,
    seeds: spec.seeds,
    firstSeed: first,
    // a run pinned to its own seed: the sweep varies its model seed and keeps the scenario's data
    ...(pinned ? { seedVaries: 'model' as const } : {}),
    workers: Math.min(spec.workers, spec.seeds),
    epochBudget: spec.epochs ?? run.epochs,
  };
  if (!spec.grid?.length) {
    const results = await sweep(job, spec.workers, scenario);
    return { ...head, ...summarise(results), runs: results };
  }
  const { keys, cells } = gridCells(s, run.id, spec.grid);
  const rows = [];
  for (const cell of cells) {
    const results = await sweep({ ...job, params: { ...base, ...cell } }, spec.workers, scenario);
    rows.push({ params: cell, ...summarise(results), runs: results });
  }
  return { ...head, grid: keys, cells: rows };
}

export type SweepDoc = Awaited<ReturnType<typeof sweepOne>>;

/** Every asked model's sweep: one document, or `{ scenario, sweeps }` for several models. */
export async function sweepReport(scenario: Scenario, spec: SweepSpec): Promise<SweepDoc | { scenario: string; sweeps: SweepDoc[] }> {
  const names = spec.models?.length ? [...new Set(spec.models)] : [undefined];
  const docs: SweepDoc[] = [];
  for (const name of names) docs.push(await sweepOne(scenario, name, spec));
  return docs.length === 1 ? docs[0]! : { scenario: scenario.id, sweeps: docs };
}

const cellText = (params: Params): string => Object.entries(params).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');

function docText(doc: SweepDoc, title: string, label: string, seconds: number | null, total: number, asked: number | null = null): string {
  const lines = [`${title} — ${label} [${doc.model}], seeds ${doc.firstSeed}…${doc.firstSeed + doc.seeds - 1}${'seedVaries' in doc ? ' (its model seed; the data keeps the scenario\'s)' : ''}, budget ${doc.epochBudget} epochs`, ''];
  if ('cells' in doc) {
    lines.push(
      table(
        ['cell', 'solved', 'median', 'q1', 'q3', 'final loss', '± sd'],
        doc.cells.map((c) => [cellText(c.params), c.solvedShare, c.epochsToSolve?.median ?? '–', c.epochsToSolve?.q1 ?? '–', c.epochsToSolve?.q3 ?? '–', c.finalLoss.mean, c.finalLoss.sd]),
      ),
      '',
      'solved: share of seeds solved; median, q1, q3: epochs to solve over the solved seeds; final loss: mean and sd over every seed',
    );
  } else {
    const e = doc.epochsToSolve;
    lines.push(table(['outcome', 'runs', 'share'], Object.entries(doc.outcomes).map(([k, v]) => [k, v, v / doc.seeds])), '');
    lines.push(e ? `epochs to solve: median ${num(e.median)}, quartiles ${num(e.q1)}–${num(e.q3)}, range ${e.min}–${e.max}` : 'no seed solved it within the budget');
    lines.push(`final loss: mean ${num(doc.finalLoss.mean)} ± ${num(doc.finalLoss.sd)} (sd over the seeds)`);
  }
  const cap = asked === null ? '' : ` (--workers ${asked}: capped at ${doc.workers}, the number of cores)`;
  if (seconds !== null) lines.push(`${total} runs on ${doc.workers} worker${doc.workers > 1 ? 's' : ''}${cap} in ${seconds.toFixed(2)} s`);
  return `${lines.join('\n')}\n`;
}

export async function sweepCommand(ref: string, opts: SweepOptions, io: Io): Promise<number> {
  const scenario = loadScenario(ref);
  const n = parseCount('--seeds', opts.seeds ?? '100', 1, 1_000_000);
  const first = opts.first !== undefined ? parseCount('--first', opts.first, 0, 2 ** 40) : undefined;
  // at most one worker per core: more cannot run at once, and each costs its own memory
  const cores = availableParallelism();
  const asked = opts.workers !== undefined ? parseCount('--workers', opts.workers, 1, 1_000_000) : cores;
  const workers = Math.min(asked, cores);
  const epochs = opts.epochs !== undefined ? parseCount('--epochs', opts.epochs, 0, MAX_EPOCHS) : undefined;
  const plugins = (opts.plugin ?? []).map((p) => resolve(p));
  const started = performance.now();
  const report = await sweepReport(scenario, {
    ...(opts.model?.length ? { models: opts.model } : {}),
    seeds: n,
    ...(first !== undefined ? { first } : {}),
    ...(epochs !== undefined ? { epochs } : {}),
    params: opts.param ?? [],
    grid: opts.grid ?? [],
    histories: Boolean(opts.histories),
    workers,
    plugins,
  });
  const seconds = (performance.now() - started) / 1000;
  // more workers than cores: said with the result (the JSON's workersAsked, the report's last line),
  // so a sweep that succeeds writes nothing on stderr and one refused for another flag has its one line
  const capped = asked > cores ? asked : null;
  if (opts.json) {
    writeJson(capped === null ? report : { ...report, workersAsked: capped }, io.out);
    io.out('\n');
    return 0;
  }
  const docs = 'sweeps' in report ? report.sweeps : [report];
  const label = (doc: SweepDoc): string => scenario.runs.find((r) => r.id === doc.run)?.label ?? `${doc.run} (tried on this data)`;
  const total = docs.reduce((n, d) => n + d.seeds * ('cells' in d ? d.cells.length : 1), 0);
  io.out(docs.map((d, i) => docText(d, scenario.title, label(d), i === docs.length - 1 ? seconds : null, total, capped)).join('\n'));
  if (opts.histories) io.out('(--histories: every seed\'s per-epoch history is in --json)\n');
  return 0;
}
