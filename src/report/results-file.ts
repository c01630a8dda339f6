/**
 * The local results file of the challenge: the best result per model and scenario, kept across
 * runs. It lives in $NEURAL_ERAS_DATA (tests point it at a temporary folder), else
 * $XDG_DATA_HOME/neural-eras, else ~/.local/share/neural-eras, as leaderboard.json.
 * Writes are atomic (a temporary file in the same folder, then rename), so an interrupted run
 * never leaves half a file; a file that cannot be read is reported and never overwritten.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { alive, makeDirs, removeStaleTemporaries } from './run-file.js';
import type { Run } from '../core/runner.js';
import type { ScenarioResult } from '../scenarios/execute.js';

/** The results file cannot be read: reported with its path, never overwritten. */
export class ResultsFileError extends Error {
  override name = 'ResultsFileError';
}

export interface ResultEntry {
  readonly scenario: string;
  /** Plugin id: the leaderboard keeps the best result per model. */
  readonly model: string;
  /** The run's id and label in its scenario. */
  readonly run: string;
  readonly label: string;
  readonly testAccuracy: number;
  /** Wall-clock seconds of training and per-epoch evaluation, as measured on the machine that ran it. */
  readonly seconds: number;
  readonly parameters: number;
  readonly epochs: number;
  readonly seed: number | string;
  /** The parameters the run used (after defaults and --param overrides). */
  readonly params: Readonly<Record<string, unknown>>;
  /** ISO date of the run. */
  readonly date: string;
}

export interface ResultsFile {
  readonly version: 1;
  /** Best entry per "scenario/model". */
  readonly best: Readonly<Record<string, ResultEntry>>;
}

export function resultsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['NEURAL_ERAS_DATA']) return env['NEURAL_ERAS_DATA'];
  const xdg = env['XDG_DATA_HOME'];
  return join(xdg ? xdg : join(homedir(), '.local', 'share'), 'neural-eras');
}

export const resultsPath = (env: NodeJS.ProcessEnv = process.env): string => join(resultsDir(env), 'leaderboard.json');

const EMPTY: ResultsFile = { version: 1, best: {} };

/** The problem with one entry as recordResults writes it (NaN times and counts come back from JSON as null), or null. */
function entryProblem(e: unknown): string | null {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return ': expected an object';
  const r = e as Record<string, unknown>;
  for (const k of ['scenario', 'model', 'run', 'label', 'date']) if (typeof r[k] !== 'string') return `.${k}: expected a text`;
  for (const k of ['testAccuracy', 'epochs']) if (typeof r[k] !== 'number') return `.${k}: expected a number`;
  for (const k of ['seconds', 'parameters']) if (typeof r[k] !== 'number' && r[k] !== null) return `.${k}: expected a number`;
  if (typeof r['seed'] !== 'number' && typeof r['seed'] !== 'string') return '.seed: expected a number or a text';
  if (r['params'] === null || typeof r['params'] !== 'object' || Array.isArray(r['params'])) return '.params: expected an object';
  return null;
}


/** The results so far (none when the file does not exist yet); a damaged file is a UsageError naming it. */
export function readResults(path = resultsPath()): ResultsFile {
  if (!existsSync(path)) return EMPTY;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ResultsFileError(`${path}: cannot read the results file (${(e as Error).message}); move it away to start a new one`);
  }
  const file = json as Partial<ResultsFile> | null;
  if (!file || typeof file !== 'object' || file.version !== 1 || typeof file.best !== 'object' || file.best === null || Array.isArray(file.best)) {
    throw new ResultsFileError(`${path}: not a neural-eras results file (expected {"version": 1, "best": {…}}); move it away to start a new one`);
  }
  // every entry checked (a loop, so that 200,000 entries cost one pass): a damaged one is named, never read as a result
  const best: Record<string, ResultEntry> = {};
  for (const [key, entry] of Object.entries(file.best)) {
    const problem = entryProblem(entry);
    if (problem) throw new ResultsFileError(`${path}: best[${JSON.stringify(key)}]${problem}; move the file away to start a new one`);
    const e = entry as ResultEntry & { seconds: number | null; parameters: number | null };
    best[key] = e.seconds === null || e.parameters === null ? { ...e, seconds: e.seconds ?? NaN, parameters: e.parameters ?? NaN } : e;
  }
  return { version: 1, best };
}

/** How long a writer waits for another's lock, and the age past which a lock is stale (its writer died). */
const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;

/**
 * Runs `body` holding the results file's lock (`leaderboard.json.lock`, created exclusively with
 * the writer's pid): writers started together take turns, so each one's read-merge-write sees the
 * others' results. A lock whose writer has died, or older than 30 s, is stale and taken over.
 */
export function withResultsLock<T>(path: string, body: () => T): T {
  const lock = `${path}.lock`;
  const started = Date.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let stale = false;
    try {
      const pid = Number(readFileSync(lock, 'utf8'));
      stale = (Number.isInteger(pid) && pid > 0 && !alive(pid)) || Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
    } catch {
      stale = false; // it went away meanwhile, or is being written: try again
    }
    if (stale) rmSync(lock, { force: true });
    else if (Date.now() - started > LOCK_WAIT_MS) throw new ResultsFileError(`${path}: another neural-eras has held ${lock} for over ${LOCK_WAIT_MS / 1000} s; the results were not recorded`);
    else Atomics.wait(pause, 0, 0, 10 + Math.floor((Date.now() % 7) * 3));
  }
  try {
    return body();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** True when a beats b: higher test accuracy, then less time. */
const better = (a: ResultEntry, b: ResultEntry | undefined): boolean =>
  !b || a.testAccuracy > b.testAccuracy || (a.testAccuracy === b.testAccuracy && a.seconds < b.seconds);

/**
 * Merges new results (keeping the best per scenario and model) and writes the file atomically.
 * Returns the keys whose best changed.
 */
export function recordResults(entries: readonly ResultEntry[], path = resultsPath()): string[] {
  const dir = join(path, '..');
  try {
    makeDirs(dir);
  } catch (e) {
    throw new ResultsFileError(`${dir}: cannot keep the results file there (${(e as NodeJS.ErrnoException).code ?? 'error'}); set NEURAL_ERAS_DATA to a folder`);
  }
  if (statSync(path, { throwIfNoEntry: false })?.isFile() === false) throw new ResultsFileError(`${path}: not a file; set NEURAL_ERAS_DATA to a folder`);
  try {
    return withResultsLock(path, () => merge(entries, path));
  } catch (e) {
    if (e instanceof ResultsFileError) throw e;
    throw new ResultsFileError(`${path}: cannot write the results file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function merge(entries: readonly ResultEntry[], path: string): string[] {
  const current = readResults(path);
  const best: Record<string, ResultEntry> = { ...current.best };
  const improved: string[] = [];
  for (const e of entries) {
    const key = `${e.scenario}/${e.model}`;
    if (Number.isFinite(e.testAccuracy) && better(e, best[key])) {
      best[key] = e;
      improved.push(key);
    }
  }
  if (improved.length === 0) return improved;
  removeStaleTemporaries(path, (pid) => `${basename(path)}.${pid}.tmp`);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ version: 1, best }, null, 2)}\n`);
  renameSync(tmp, path);
  return improved;
}

/** Free parameters of a trained run: the model's own count, else its weight vector's length. */
export const parametersOf = (run: Run): number => run.latest.metrics['parameters'] ?? run.model.flatWeights().length;

/** One results entry per run of a scenario result, with the measured seconds and parameter counts. */
export function resultEntries(result: ScenarioResult, seconds: ReadonlyMap<string, number>, parameters: ReadonlyMap<string, number>, date: Date): ResultEntry[] {
  return result.runs.map((r) => ({
    scenario: result.scenario,
    model: r.model,
    run: r.id,
    label: r.label,
    testAccuracy: r.metrics['testAccuracy'] ?? NaN,
    seconds: seconds.get(r.id) ?? NaN,
    parameters: parameters.get(r.id) ?? NaN,
    epochs: r.epochs,
    seed: result.seed,
    params: r.params as Record<string, unknown>,
    date: date.toISOString(),
  }));
}
