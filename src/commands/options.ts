/** Parsing of the options shared by run, sweep and the UI: seeds, epochs, --param overrides, the UI's flags. */
import type { Command } from 'commander';
import { clip, parseParamString, quote } from '../core/params.js';
import { MAX_SEED_LENGTH } from '../scenarios/share.js';
import type { Params } from '../core/types.js';
import { selectRuns } from '../scenarios/execute.js';
import type { Scenario } from '../scenarios/loader.js';
import { UsageError } from './errors.js';

export function parseSeed(text: string): number | string {
  if (/^-?\d+$/.test(text)) {
    const n = Number(text);
    if (Number.isSafeInteger(n)) return n;
  }
  if (text.trim() === '') throw new UsageError('--seed needs a value');
  // the longest seed a share string carries: no run is made whose string would be refused
  if (text.length > MAX_SEED_LENGTH) throw new UsageError(`--seed: at most ${MAX_SEED_LENGTH} characters, got ${text.length}`);
  return text;
}

export function parseCount(flag: string, text: string, min = 0, max = 10_000_000): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got ${quote(text)}`);
  return n;
}

/** Collects repeated --param values. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const PLUGIN_HELP = 'load a model plugin from this JavaScript file (repeatable); a scenario can name its id';
export const LANG_HELP = 'the language of the UI and the printed tour: en or ko (default: from LANG/LC_ALL/LC_MESSAGES, else en)';

/** What the UI opens: --data (with --label, --header), --share, --plugin. For `lab` and the bare command line. */
export function sourceOptions(cmd: Command): Command {
  return cmd
    .option('--data <file.csv>', 'open a lab on your CSV instead of a scenario')
    .option('--label <column>', 'with --data: the label column, by name or number from 1 (default: the last)')
    .option('--header <yes|no>', 'with --data: whether line 1 is a header (needed when the file leaves it ambiguous)')
    .option('--share <string>', "open a share string's scenario with its seed and parameters")
    .option('--plugin <file>', PLUGIN_HELP, collect);
}

/** How the UI draws: --color, --profile, --lang. For `lab`, `replay`, `tour` and the bare command line. */
export function displayOptions(cmd: Command): Command {
  return cmd
    .option('--color <mode>', 'auto, none, 16, 256 or truecolor (default: auto; NO_COLOR is honoured)')
    .option('--profile', 'print measured frame times to stderr on exit')
    .option('--no-mouse', 'do not ask the terminal for mouse clicks (every click has a key)')
    .option('--lang <code>', LANG_HELP);
}

/**
 * Turns `key=value` (every selected run) and `run.key=value` (one run) into validated overrides
 * per run id. Throws a UsageError naming the run and the parameter.
 */
export function parseParamOverrides(scenario: Scenario, only: readonly string[] | undefined, texts: readonly string[]): Map<string, Params> {
  const runs = selectRuns(scenario, only);
  const out = new Map<string, Record<string, unknown>>(runs.map((r) => [r.id, {}]));
  for (const text of texts) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param needs key=value (or run.key=value), got ${quote(text)}`);
    const lhs = text.slice(0, eq).trim();
    const value = text.slice(eq + 1);
    const dot = lhs.indexOf('.');
    const runId = dot > 0 ? lhs.slice(0, dot) : null;
    const key = dot > 0 ? lhs.slice(dot + 1) : lhs;
    const targets = runId ? runs.filter((r) => r.id === runId) : runs;
    if (runId && targets.length === 0) throw new UsageError(`--param ${clip(text)}: no run ${quote(runId)} here; runs: ${runs.map((r) => r.id).join(', ')}`);
    for (const run of targets) {
      const params = run.plugin.meta.params;
      const spec = Object.hasOwn(params, key) ? params[key] : undefined;
      if (!spec) {
        throw new UsageError(`--param ${clip(text)}: ${run.plugin.meta.id} has no parameter ${quote(key)}; it has: ${Object.keys(run.plugin.meta.params).join(', ')}`);
      }
      try {
        out.get(run.id)![key] = parseParamString(key, spec, value);
      } catch (e) {
        throw new UsageError(`--param ${clip(text)}: ${run.id}: ${(e as Error).message}`);
      }
    }
  }
  return out as Map<string, Params>;
}

/** --label: a column name, or a position from 1 when it is a whole number. */
/** --header yes|no: whether line 1 of a CSV is a header (asked for when the file leaves it ambiguous). */
export function parseHeader(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === 'yes' || t === 'true') return true;
  if (t === 'no' || t === 'false') return false;
  throw new UsageError(`--header must be yes or no, got ${quote(text)}`);
}

export function parseLabel(text: string): string | number {
  if (text.trim() === '') throw new UsageError('--label needs a column name or number');
  return /^\d+$/.test(text.trim()) ? parseCount('--label', text.trim(), 1, 100_000) : text;
}
