/**
 * The local results file of the challenge: the best result per model and scenario, kept across
 * runs. It lives in $NEURAL_ERAS_DATA (tests point it at a temporary folder), else
 * $XDG_DATA_HOME/neural-eras, else ~/.local/share/neural-eras, as leaderboard.json.
 * Writes are atomic (a temporary file in the same folder, then rename), so an interrupted run
 * never leaves half a file; a file that cannot be read is reported and never overwritten.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
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
  if (!file || file.version !== 1 || typeof file.best !== 'object' || file.best === null) {
    throw new ResultsFileError(`${path}: not a neural-eras results file (expected {"version": 1, "best": {…}}); move it away to start a new one`);
  }
  return file as ResultsFile;
}

/** True when a beats b: higher test accuracy, then less time. */
const better = (a: ResultEntry, b: ResultEntry | undefined): boolean =>
  !b || a.testAccuracy > b.testAccuracy || (a.testAccuracy === b.testAccuracy && a.seconds < b.seconds);

/**
 * Merges new results (keeping the best per scenario and model) and writes the file atomically.
 * Returns the keys whose best changed.
 */
export function recordResults(entries: readonly ResultEntry[], path = resultsPath()): string[] {
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
  const dir = join(path, '..');
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ version: 1, best }, null, 2)}\n`);
  renameSync(tmp, path);
  return improved;
}

/** Free parameters of a trained run: the model's own count, else its weight vector's length. */
export const parametersOf = (run: Run): number => run.model.metrics?.()['parameters'] ?? run.model.flatWeights().length;

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
