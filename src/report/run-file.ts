/**
 * A finished run as a file: the JSON document (`run --json`, `run --out x.json`: scenario, seed,
 * share string, and per run its parameters, full history, final weights and claims) or its
 * per-epoch history as CSV (`run --out x.csv`). Written atomically: a temporary file beside the
 * target, then a rename, so a reader never sees half a file and a failed write leaves the old one.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ScenarioResult } from '../scenarios/execute.js';
import { toJson } from './json.js';

/** Format tag of the JSON document, for readers of saved runs. */
export const RUN_FORMAT = 'neural-eras/run@1';

export interface RunDocument extends ScenarioResult {
  readonly format: typeof RUN_FORMAT;
  readonly title: string;
  /** `neural-eras run --share <this>` makes the same run again. */
  readonly share: string;
}

export function runDocument(result: ScenarioResult, title: string, share: string): RunDocument {
  return { format: RUN_FORMAT, scenario: result.scenario, title, seed: result.seed, share, runs: result.runs };
}

/** The document as one JSON text (NaN and ±∞ as the strings every --json output uses). */
export const runJson = (doc: RunDocument): string => `${toJson(doc)}\n`;

const HISTORY_COLUMNS = ['run', 'model', 'seed', 'epoch', 'loss', 'accuracy', 'testLoss', 'testAccuracy', 'updates'] as const;

/** A CSV cell: numbers in full precision (NaN, Infinity as words), text quoted when it must be. */
function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The per-layer gradient norms of a history entry (input side first), when the model reports them. */
const gradNormsOf = (h: Readonly<Record<string, unknown>>): readonly number[] => (Array.isArray(h['gradNorm']) ? (h['gradNorm'] as number[]) : []);

/**
 * One line per run and epoch: run, model, seed, epoch, loss, accuracy, testLoss and testAccuracy
 * (empty without a test set), updates, then gradNorm1…gradNormK: the gradient norm of each weight
 * layer from the input side (empty for a model without layers, or with fewer).
 */
export function historyCsv(result: ScenarioResult): string {
  const layers = Math.max(0, ...result.runs.flatMap((r) => r.history.map((h) => gradNormsOf(h).length)));
  const norms = Array.from({ length: layers }, (_, i) => `gradNorm${i + 1}`);
  const lines = [[...HISTORY_COLUMNS, ...norms].join(',')];
  for (const r of result.runs) {
    for (const h of r.history) {
      const g = gradNormsOf(h);
      lines.push([r.id, r.model, result.seed, h['epoch'], h['loss'], h['accuracy'], h['testLoss'], h['testAccuracy'], h['updates'], ...norms.map((_, i) => g[i])].map(cell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `text` to `path` through a temporary file in the same folder and a rename. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
