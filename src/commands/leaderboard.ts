/**
 * The challenge's tables: the results of one `run` of a leaderboard scenario (test accuracy,
 * training time, parameters, epochs), and `neural-eras leaderboard [scenario] [--json]`, the best
 * result per model kept in the local results file (results-file.ts).
 */
import { num, percent } from '../core/format.js';
import type { ScenarioResult } from '../scenarios/execute.js';
import { table } from '../report/table.js';
import type { Io } from './io.js';
import { type ResultEntry, ResultsFileError, readResults, recordResults, resultEntries, resultsPath } from '../report/results-file.js';
export { parametersOf } from '../report/results-file.js';

const rowOf = (e: ResultEntry): (string | number)[] => [
  e.label,
  e.model,
  percent(e.testAccuracy),
  `${num(e.seconds, 3)} s`,
  e.parameters,
  e.epochs,
];
const HEADER = ['run', 'model', 'test accuracy', 'training time', 'parameters', 'epochs'];

/** The results of this run, best test accuracy first, and what changed in the leaderboard. */
export function challengeText(entries: readonly ResultEntry[], improved: readonly string[] | Error | null, path: string): string {
  const sorted = [...entries].sort((a, b) => b.testAccuracy - a.testAccuracy);
  const lines = ['Results (training time measured on this machine, including per-epoch evaluation)', table(HEADER, sorted.map(rowOf)), ''];
  if (improved === null) lines.push('(not recorded: --no-record)');
  else if (improved instanceof Error) lines.push(`(not recorded: ${improved.message})`);
  else if (improved.length > 0) lines.push(`New best for ${improved.map((k) => k.split('/')[1]).join(', ')}: recorded in ${path}`);
  else lines.push(`No new best; the leaderboard (neural-eras leaderboard) is in ${path}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Records a challenge run; returns the text to print after the runs, and the error that kept it
 * from being recorded (the report is printed all the same, then the command exits 2 with it).
 */
export function recordChallenge(result: ScenarioResult, seconds: ReadonlyMap<string, number>, parameters: ReadonlyMap<string, number>, record: boolean): { text: string; error?: ResultsFileError } {
  const entries = resultEntries(result, seconds, parameters, new Date());
  const path = resultsPath();
  if (!record) return { text: challengeText(entries, null, path) };
  try {
    return { text: challengeText(entries, recordResults(entries, path), path) };
  } catch (e) {
    if (!(e instanceof ResultsFileError)) throw e;
    return { text: challengeText(entries, e, path), error: e };
  }
}

export function leaderboardCommand(scenario: string | undefined, opts: { json?: boolean }, io: Io): number {
  const path = resultsPath();
  const entries = Object.values(readResults(path).best).filter((e) => !scenario || e.scenario === scenario);
  if (opts.json) {
    io.out(`${JSON.stringify({ file: path, entries }, null, 2)}\n`);
    return 0;
  }
  if (entries.length === 0) {
    io.out(`No results yet${scenario ? ` for ${scenario}` : ''} (${path}). Run a challenge: neural-eras run digits-challenge\n`);
    return 0;
  }
  const scenarios = [...new Set(entries.map((e) => e.scenario))].sort();
  for (const s of scenarios) {
    const rows = entries.filter((e) => e.scenario === s).sort((a, b) => b.testAccuracy - a.testAccuracy);
    io.out(`${s} — best result per model\n${table(['#', ...HEADER, 'seed', 'date'], rows.map((e, i) => [String(i + 1), ...rowOf(e), String(e.seed), e.date.slice(0, 10)]))}\n\n`);
  }
  io.out(`(${path})\n`);
  return 0;
}
