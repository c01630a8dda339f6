/**
 * Replaying an exported run (`neural-eras replay run.json`): the file's share string rebuilds the
 * lab exactly (same scenario, seed and parameters), and ←/→ scrub the recorded epochs by training
 * the same runs to that epoch again — runs are deterministic, so every epoch on screen is the one
 * the file recorded, and the screen says so (or says where they differ).
 */
import { EN_TR, type Tr } from '../i18n/index.js';
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { formatPath } from '../scenarios/loader.js';
import { toJson } from '../report/json.js';
import { RUN_FORMAT, type RunDocument } from '../report/run-file.js';
import { decodeShare, resolveShare } from '../scenarios/share.js';
import { outcomeSchema } from '../scenarios/schema.js';
import { LabSession, type LabView } from './lab.js';

/** Exported runs larger than this are refused before they are read. */
export const MAX_RUN_FILE_BYTES = 256 * 1024 * 1024;

export class RunFileError extends Error {
  override name = 'RunFileError';
}

/** A number as --json writes it: a JSON number, or the words for NaN and ±∞. */
const jsonNumber = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);

/** One run of an exported document, as run-file.ts writes it: what replay prints and compares. */
const runSchema = z.object({
  id: z.string().min(1),
  model: z.string().min(1),
  label: z.string(),
  params: z.record(z.string(), z.unknown()),
  outcome: outcomeSchema.nullable(),
  reason: z.string().nullable(),
  epochs: z.number().int().min(0),
  metrics: z.record(z.string(), jsonNumber),
  weights: z.unknown(),
  architecture: z.array(z.record(z.string(), z.unknown())).optional(),
  history: z.array(z.record(z.string(), z.unknown()).and(z.object({ epoch: z.number().int().min(0) }))).min(1),
  patterns: z.record(z.string(), z.unknown()),
  report: z.record(z.string(), z.unknown()),
  claims: z.array(z.object({ claim: z.string(), holds: z.boolean(), note: z.string().optional() })),
}).passthrough();

const documentSchema = z.object({
  format: z.literal(RUN_FORMAT),
  scenario: z.string().min(1),
  title: z.string(),
  seed: z.union([z.number(), z.string()]),
  share: z.string().min(1),
  runs: z.array(runSchema).min(1),
}).passthrough();

/** Reads and checks an exported run (`e` in the lab, or `run --out x.json`): every run validated, as scenario files are. */
export function readRunFile(path: string): RunDocument {
  let text: string;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new RunFileError(`${path}: not a regular file`);
    if (st.size > MAX_RUN_FILE_BYTES) throw new RunFileError(`${path}: larger than ${MAX_RUN_FILE_BYTES / 1024 / 1024} MiB: not read`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof RunFileError) throw e;
    throw new RunFileError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let doc: Partial<RunDocument>;
  try {
    doc = JSON.parse(text) as Partial<RunDocument>;
  } catch {
    throw new RunFileError(`${path}: not JSON (an exported run is the .json file that \`e\` or \`run --out\` wrote)`);
  }
  if (doc?.format !== RUN_FORMAT) throw new RunFileError(`${path}: not an exported run (its "format" is not "${RUN_FORMAT}")`);
  if (typeof doc.share !== 'string' || !Array.isArray(doc.runs) || doc.runs.length === 0) throw new RunFileError(`${path}: an exported run needs "share" and "runs"`);
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RunFileError(`${path}: ${formatPath(issue.path) || 'document'}: ${issue.message.replace(/^Invalid input: /, '')}`);
  }
  return doc as RunDocument;
}

/** The share string of a run file, decoded and checked here; its refusals name the file. */
export function shareOfFile(file: string, doc: RunDocument): ReturnType<typeof resolveShare> {
  try {
    return resolveShare(decodeShare(doc.share));
  } catch (e) {
    if (e instanceof Error && (e.name === 'ShareError' || e.name === 'ScenarioError' || e.name === 'CsvError')) {
      throw new RunFileError(`${file}: ${e.message.startsWith('share string') ? 'its ' : 'its share string names '}${e.message}`);
    }
    throw e;
  }
}

/**
 * Where a run trained again differs from the file's: the first field that differs, compared
 * through the JSON form the file was written in (NaN as "NaN" on both sides), or null.
 */
export function firstDifference(file: readonly unknown[], again: readonly unknown[]): string | null {
  const walk = (a: unknown, b: unknown, path: (string | number)[]): string | null => {
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      if (Array.isArray(a) !== Array.isArray(b)) return formatPath(path);
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys) {
        const key = Array.isArray(a) ? Number(k) : k;
        const d = walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, key]);
        if (d !== null) return d;
      }
      return null;
    }
    return Object.is(a, b) ? null : formatPath(path);
  };
  return walk(JSON.parse(toJson(file)), JSON.parse(toJson(again)), ['runs']);
}

export interface ReplayView extends Omit<LabView, 'kind'> {
  readonly kind: 'replay';
  readonly file: string;
  /** The epoch on screen, and the last one the file recorded. */
  readonly at: number;
  readonly last: number;
  /** The runs' numbers at this epoch against the file's: null when the file has no entry for it. */
  readonly matches: boolean | null;
}

export class ReplaySession {
  readonly lab: LabSession;
  readonly last: number;
  at = 0;

  constructor(
    readonly file: string,
    readonly doc: RunDocument,
    tr: Tr = EN_TR,
  ) {
    const input = shareOfFile(file, doc);
    const ids = doc.runs.map((r) => r.id);
    this.lab = new LabSession({
      scenario: input.scenario,
      ...(input.seed !== undefined ? { seed: input.seed } : {}),
      overrides: input.params,
      ...(input.liveSchedule ? { liveSchedule: input.liveSchedule } : {}),
      ...(input.epochs !== undefined ? { epochs: input.epochs } : {}),
      run: ids[0]!,
      compare: ids.length > 1 ? [ids[0]!, ids[1]!] : false,
      tr,
    });
    this.last = Math.max(...doc.runs.map((r) => r.epochs));
  }

  /** Shows epoch k (0 … last): forward by training on, backward by training again from the start. */
  go(k: number): void {
    const target = Math.max(0, Math.min(this.last, Math.round(k)));
    if (target < this.at) this.lab.reset();
    for (const l of this.lab.lanes()) while (l.run && l.run.epoch < target && l.run.live) l.advance('epoch', false);
    this.at = target;
    this.lab.dispatch({ type: 'note', note: null });
  }

  /** Do the runs on screen show the file's loss and accuracy at this epoch? */
  private matches(): boolean | null {
    let compared = false;
    for (const l of this.lab.lanes()) {
      const recorded = this.doc.runs.find((r) => r.id === l.spec.id)?.history.find((h) => h['epoch'] === l.run?.epoch);
      if (!recorded || !l.run) continue;
      compared = true;
      const same = (a: unknown, b: number): boolean => (typeof a === 'number' ? a === b : String(a) === String(b));
      if (!same(recorded['loss'], l.run.latest.loss) || !same(recorded['accuracy'], l.run.latest.accuracy)) return false;
    }
    return compared ? true : null;
  }

  view(now: number, fields: Parameters<LabSession['view']>[1] = []): ReplayView {
    const { kind: _kind, ...lab } = this.lab.view(now, fields);
    return { ...lab, kind: 'replay', file: this.file, at: this.at, last: this.last, matches: this.matches() };
  }
}
