/**
 * A finished run as a file: the JSON document (`run --json`, `run --out x.json`: scenario, seed,
 * share string, and per run its parameters, full history, final weights and claims) or its
 * per-epoch history as CSV (`run --out x.csv`). Written atomically: a temporary file beside the
 * target, then a rename, so a reader never sees half a file and a failed write leaves the old one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ScenarioResult } from '../scenarios/execute.js';
import type { ReceiptResult } from '../scenarios/receipts.js';
import { toJson } from './json.js';

/** Format tag of the JSON document, for readers of saved runs. */
export const RUN_FORMAT = 'neural-eras/run@1';

/** A receipt as written for readers: a check that does not apply is left out (never a bare null), with its line as the lab shows it. */
export type ReceiptEntry = Omit<ReceiptResult, 'holds' | 'direction'> & { readonly holds?: boolean; readonly direction?: boolean; readonly line?: string };

export interface RunDocument extends Omit<ScenarioResult, 'receipts'> {
  readonly receipts?: readonly ReceiptEntry[];
  readonly format: typeof RUN_FORMAT;
  readonly title: string;
  /** `neural-eras run --share <this>` makes the same run again. */
  readonly share: string;
}

/** A receipt as written: a check that does not apply left out; `line` words it (the session's receipt line). */
export function receiptEntry(r: ReceiptResult, line?: (r: ReceiptResult) => string): ReceiptEntry {
  const { holds, direction, ...rest } = r;
  return { ...rest, ...(holds !== null ? { holds } : {}), ...(direction !== null ? { direction } : {}), ...(line ? { line: line(r) } : {}) };
}

/** `line` words each receipt (the session's receipt line; the report layer does not word things itself). */
export function runDocument(result: ScenarioResult, title: string, share: string, line?: (r: ReceiptResult) => string): RunDocument {
  const receipts = result.receipts?.map((r) => receiptEntry(r, line));
  return { format: RUN_FORMAT, scenario: result.scenario, title, seed: result.seed, share, runs: result.runs, ...(receipts ? { receipts } : {}) };
}

/** A read document as the result it records (checks that did not apply are null again). */
export function resultOfDocument(doc: RunDocument): ScenarioResult {
  const { receipts, ...rest } = doc;
  return { ...rest, ...(receipts ? { receipts: receipts.map(({ line: _line, ...r }) => ({ ...r, holds: r.holds ?? null, direction: r.direction ?? null })) } : {}) };
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

/**
 * `mkdir -p`, one level at a time from the nearest folder that exists. Node's recursive mkdirSync
 * loops for ever under /proc (it keeps being told ENOENT); here each level is made once, and the
 * first that cannot be made is an error naming its code (ENOTDIR for /dev/null/x, ENOENT under /proc).
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const s = statSync(at, { throwIfNoEntry: false });
    if (s) {
      if (!s.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

/** Whether a process still runs (EPERM: it does, under another user). */
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the temporaries of earlier writes to `path` whose process is gone (killed mid-write by a
 * signal: a synchronous write cannot run a signal handler, so the next write to the file cleans up).
 * `name` maps a pid to the temporary's file name.
 */
export function removeStaleTemporaries(path: string, name: (pid: string) => string): void {
  const dir = dirname(path);
  const escaped = name('\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\u0000', '(\\d+)');
  const pattern = new RegExp(`^${escaped}$`);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = pattern.exec(entry)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !alive(Number(pid))) rmSync(join(dir, entry), { force: true });
  }
}

/** Writes `text` to `path` through a temporary file in the same folder and a rename. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  removeStaleTemporaries(path, (pid) => `.${basename(path)}.${pid}.tmp`);
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
