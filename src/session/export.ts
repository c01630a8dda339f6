/**
 * Taking a lab's runs away: `e` writes the runs on screen (scenario, seed, parameters, history,
 * final weights, share string) as JSON and their per-epoch history as CSV, atomically, beside
 * each other in the working folder, under names that never overwrite an earlier export.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { historyCsv, runDocument, runJson, writeFileAtomic } from '../report/run-file.js';
import { resultOf } from '../scenarios/execute.js';
import { encodeShare } from '../scenarios/share.js';
import type { LiveChange, Run, RunSpec } from '../core/runner.js';
import type { Params } from '../core/types.js';
import type { Scenario } from '../scenarios/loader.js';
import type { ModelChoice, Seed } from './choices.js';

/**
 * What an export reads of a lab: the scenario and seed, the parameters set, the model choices and
 * the lanes on screen. The lab session passes itself; export.ts does not import it (lab.ts asks
 * this file for its share string).
 */
export interface ExportSource {
  readonly scenario: Scenario | null;
  readonly seed: Seed;
  readonly overrides: ReadonlyMap<string, Params>;
  /** Parameter changes made while training (η, momentum…), per run id (the share string carries them). */
  readonly liveSchedule: ReadonlyMap<string, readonly LiveChange[]>;
  readonly choices: readonly ModelChoice[];
  lanes(): readonly { readonly spec: RunSpec; readonly run: Run | null }[];
}

export interface Exported {
  readonly json: string;
  readonly csv: string;
  readonly share: string;
  /** Epochs written per run (the lab keeps the first epoch and its latest ones). */
  readonly epochs: number;
}

/** The share string of a lab's setting: scenario, seed, parameter overrides, and every model tried on its data that is on screen. */
export function shareOf(lab: ExportSource): string | null {
  if (!lab.scenario) return null;
  const tried = lab
    .lanes()
    .map((l) => lab.choices.find((c) => c.spec === l.spec))
    .filter((c) => c !== undefined && !c.own)
    .map((c) => c!.id);
  try {
    return encodeShare({ scenario: lab.scenario, seed: lab.seed, params: lab.overrides, ...(tried.length ? { tried: [...new Set(tried)] } : {}), ...(lab.liveSchedule.size ? { liveSchedule: lab.liveSchedule } : {}) });
  } catch {
    return null;
  }
}

/** A file name in `dir` that does not exist yet: stem.ext, stem-2.ext, … */
function freeName(dir: string, stem: string): string {
  for (let k = 1; ; k++) {
    const name = `${stem}${k > 1 ? `-${k}` : ''}`;
    if (!existsSync(join(dir, `${name}.json`)) && !existsSync(join(dir, `${name}.csv`))) return join(dir, name);
  }
}

/** Writes the runs on screen; throws with a one-line message when the folder cannot be written. */
export function exportRuns(lab: ExportSource, dir: string = process.cwd()): Exported {
  const s = lab.scenario;
  const lanes = lab.lanes().filter((l) => l.run);
  if (!s || lanes.length === 0) throw new Error('nothing to export: no run on screen');
  const shown = lab.lanes().map((l) => lab.choices.find((c) => c.spec === l.spec));
  const runs = lanes.map((l) => resultOf(l.run!, shown.find((c) => c?.spec === l.spec)?.label ?? l.spec.id));
  const share = shareOf(lab) ?? '';
  const doc = runDocument({ scenario: s.id, seed: lab.seed, runs }, s.title, share);
  const epochs = Math.max(...lanes.map((l) => l.run!.epoch));
  const base = freeName(dir, `${s.id}-seed${String(lab.seed).replace(/[^\w.+-]/g, '_')}-epoch${epochs}`);
  try {
    writeFileAtomic(`${base}.json`, runJson(doc));
    writeFileAtomic(`${base}.csv`, historyCsv({ scenario: s.id, seed: lab.seed, runs }));
  } catch (e) {
    throw new Error(`cannot write the export in ${relative(process.cwd(), dir) || '.'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const shownPath = (p: string): string => relative(process.cwd(), p) || p;
  return { json: shownPath(`${base}.json`), csv: shownPath(`${base}.csv`), share, epochs: runs[0]!.history.length };
}

/**
 * Writes the lab's share string to a file of its own (never over an earlier one): it can always be
 * taken whole, however narrow the terminal. Throws with a one-line message when it cannot.
 */
export function writeShare(lab: ExportSource, dir: string = process.cwd()): { file: string; share: string } {
  const share = shareOf(lab);
  const s = lab.scenario;
  if (!share || !s) throw new Error('no share string: no scenario on screen');
  let file = '';
  for (let k = 1; ; k++) {
    file = join(dir, `${s.id}-seed${String(lab.seed).replace(/[^\w.+-]/g, '_')}${k > 1 ? `-${k}` : ''}.share.txt`);
    if (!existsSync(file)) break;
  }
  try {
    writeFileAtomic(file, `${share}\n`);
  } catch (e) {
    throw new Error(`cannot write the share string in ${relative(process.cwd(), dir) || '.'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return { file: relative(process.cwd(), file) || file, share };
}
