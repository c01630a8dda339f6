/**
 * Finding, reading and validating scenario files. Every problem becomes a ScenarioError whose
 * message names the file and the field path: `scenarios/xor.json: models[1].params.learningRate: …`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { type DataSpec, DatasetError, buildDataset } from '../data/datasets.js';
import { ParamError, clip, didYouMean, quote, resolveParams } from '../core/params.js';
import { deriveRng } from '../core/rng.js';
import { checkDigitsSpec } from '../data/digits.js';
import type { Feature } from '../data/features.js';
import type { AddedPoint } from '../data/added-points.js';
import { type Dataset, ModelConfigError, type ModelPlugin, type Params, type Target } from '../core/types.js';
import { findModel, knownModelIds, unknownModelText } from '../models/index.js';
import { CsvError } from '../data/csv.js';
import { csvReader, type CsvRead } from './csv-data.js';
import { claimRuns } from './claims.js';
import { dataSchema, scenarioSchema, type Claim, type ScenarioFile } from './schema.js';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
  /** Every problem found in the file, each `file: field: message` (the message names the first and counts the rest). */
  readonly problems: readonly string[];
  constructor(message: string, problems?: readonly string[]) {
    super(message);
    this.problems = problems ?? [message];
  }
}

/** One error for all the problems of a file: the first in the message (one line), every one in problems. */
const problemsError = (all: readonly string[]): ScenarioError => {
  // runs that share the scenario's data share its problem: said once
  const problems = [...new Set(all)];
  return new ScenarioError(`${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}: neural-eras check lists them all)` : ''}`, problems);
};

export interface ResolvedRun {
  readonly id: string;
  readonly label: string;
  readonly plugin: ModelPlugin;
  /** Parameters as written in the file (before defaults): shown in reports. */
  readonly given: Readonly<Record<string, unknown>>;
  readonly params: Params;
  readonly data: DataSpec;
  readonly epochs: number;
  readonly target?: Target;
  /** The model's own seed, when the file pins one for this run. */
  readonly seed?: number | string;
}

export interface Scenario extends Omit<ScenarioFile, 'models' | 'claims'> {
  /** Where it was read from, as shown in messages. */
  readonly file: string;
  /** The absolute path it was read from (what worker threads reload); absent when parsed from memory. */
  readonly path?: string;
  readonly runs: readonly ResolvedRun[];
  readonly claims: readonly Claim[];
  /** A hash of the validated scenario and of every data file it reads: a share string carries it. */
  readonly fingerprint: string;
  /** The absolute paths of the CSV files it reads (what `run --out` must never replace). */
  readonly csvFiles?: readonly string[];
  /** A hash of the validated scenario alone (not its data files): tells which changed. */
  readonly specFingerprint?: string;
  /** The CSV files it reads, as written in it (relative to its folder). */
  readonly dataFiles?: readonly string[];
  /** Set when the scenario was built in memory from a data file (`--data`), not read from a file. */
  readonly fromData?: { readonly path: string; readonly options: Readonly<Record<string, unknown>> };
  /** Set when the lab's data keys or points by hand (or a share string) changed its data (data-edit.ts). */
  readonly dataEdit?: DataEdit;
}

/** A change to a scenario's data: its generated 2-D set's setting, and points added by hand (applied by data-edit.ts's withDataEdit). */
export interface DataEdit {
  /** The generator's noise (the scenario's `noise`). */
  readonly noise?: number;
  /** The share of the points held out for test (the scenario's `testFraction`). */
  readonly testFraction?: number;
  /** The feature inputs computed from each point (the scenario's `features`). */
  readonly features?: readonly Feature[];
  /** The seed of the points and the split (a newly drawn data set), apart from the weights' seed. */
  readonly seed?: number | string;
  /** Points added by hand (a click on the map), appended to every run's training rows in this order (data/added-points.ts). */
  readonly points?: readonly AddedPoint[];
}

export interface ParseOptions {
  /** The folder a CSV path is relative to, and must stay inside: the scenario file's (default: the working folder). */
  readonly baseDir?: string;
  /** CSV files the caller has already read, by csvKey(): not read again. */
  readonly preread?: ReadonlyMap<string, CsvRead>;
  /**
   * Build each run's data and model at load, so the problems only the model can find are reported
   * located (default). Off for what only reads a scenario's text (list, info, the picker): they
   * then never build data sets, so never read the digits.
   */
  readonly check?: boolean;
  /**
   * With check: build digits data sets too (default). Off for `info`: a digits run's spec is checked
   * against the known counts, its model not built, and no image is read.
   */
  readonly digits?: boolean;
}

let root: string | undefined;

/** The package root (the folder with neural-eras' package.json), from src/ or dist/; found once. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && readFileSync(pkg, 'utf8').includes('"name": "neural-eras"')) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the neural-eras package root');
    dir = up;
  }
}

export const scenariosDir = (): string => join(packageRoot(), 'scenarios');

/** True for a scenario read from the package's scenarios/ folder (a share string names it by id). */
export const isShipped = (s: Pick<Scenario, 'file' | 'fromData'>): boolean => !s.fromData && dirname(resolve(s.file)) === scenariosDir();

/** `models[1].params.learningRate` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${clip(String(k), 40)}` : clip(String(k), 40)), '');
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  let message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'data') message = 'unknown or malformed data; "kind" is one of gate, parity, table, blobs, xor, circles, spirals, moons, csv, cloud, digits, iris';
  if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${clip(issue.keys.map((k) => quote(k, 40)).join(', '), 160)}`;
  return where ? `${where}: ${message}` : message;
}

/** Nesting deeper than this is refused before anything walks the document. */
export const MAX_DEPTH = 64;

/**
 * Checks the raw JSON before the schema sees it: no key "__proto__" (JSON.parse keeps it as an
 * own key, but copying it into an object sets the prototype, and the value would vanish) and no
 * nesting deeper than MAX_DEPTH (walked with an explicit stack: deep input cannot overflow it).
 */
function checkShape(json: unknown, file: string): void {
  const stack: [unknown, PropertyKey[]][] = [[json, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) throw new ScenarioError(`${file}: ${formatPath(path.slice(0, 8))}…: nested deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(value)) value.forEach((v, i) => v !== null && typeof v === 'object' && stack.push([v, [...path, i]]));
    else {
      for (const [k, v] of Object.entries(value)) {
        if (k === '__proto__') throw new ScenarioError(`${file}: ${formatPath([...path, k])}: "__proto__" cannot be a field name`);
        if (v !== null && typeof v === 'object') stack.push([v, [...path, k]]);
      }
    }
  }
}

/** Validates parsed JSON as a scenario; `file` is only used in messages, `baseDir` places CSV data. */
export function parseScenario(json: unknown, file: string, opts: ParseOptions = {}): Scenario {
  checkShape(json, file);
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) throw problemsError(parsed.error.issues.map((issue) => `${file}: ${issueText(issue)}`));
  const s = parsed.data;
  // every problem is collected, so that check can list them all at once
  const problems: string[] = [];
  const problem = (path: string, message: string): void => void problems.push(`${file}: ${path}: ${message}`);
  const hash = createHash('sha256').update(JSON.stringify(s));
  const specFingerprint = createHash('sha256').update(JSON.stringify(s)).digest('base64url').slice(0, 12);
  // each run's data is the scenario's with its own fields over it: the CSV paths it reads
  const csvPath = (d: Record<string, unknown>): string[] => (d['kind'] === 'csv' && typeof d['path'] === 'string' ? [d['path']] : []);
  const dataFiles = [...new Set(s.models.flatMap((m) => csvPath({ ...s.data, ...(m.data ?? {}) })))];
  const csvFiles: string[] = [];
  const readCsv = csvReader(
    resolve(opts.baseDir ?? process.cwd()),
    (bytes, path) => {
      hash.update(bytes);
      csvFiles.push(path);
    },
    opts.preread,
  );
  /**
   * The run's data for the engine: a CSV read (once) and turned into a table; null after a problem.
   * Every other kind goes through as the schema typed it, no cast: DataSpec is derived from the
   * schema (data/spec.ts), one source.
   */
  const engineData = (d: z.infer<typeof dataSchema>, path: string): DataSpec | null => {
    try {
      return d.kind === 'csv' ? readCsv(d) : d;
    } catch (e) {
      if (e instanceof CsvError) return problem(path, e.message), null;
      throw e;
    }
  };
  const ids = new Set<string>();
  const runs: ResolvedRun[] = [];
  const runIndex: number[] = [];
  s.models.forEach((entry, i) => {
    const id = entry.id ?? entry.model;
    if (ids.has(id)) problem(`models[${i}].id`, `${quote(id)} is used twice; give each run of the same model its own "id"`);
    ids.add(id);
    const plugin = findModel(entry.model);
    if (!plugin) {
      const near = didYouMean(entry.model, knownModelIds());
      return problem(`models[${i}].model`, `${near ? `did you mean "${near}"? ` : ''}${unknownModelText(entry.model)}`);
    }
    // each parameter on its own, so that every misspelt or out-of-range one is named
    const given = entry.params ?? {};
    let ok = true;
    for (const [key, value] of Object.entries(given)) {
      try {
        resolveParams(plugin.meta.params, { [key]: value });
      } catch (e) {
        if (!(e instanceof ParamError)) throw e;
        ok = false;
        const known = Object.hasOwn(plugin.meta.params, key);
        const near = known ? null : didYouMean(key, Object.keys(plugin.meta.params));
        problem(`models[${i}].params.${e.key}`, near ? `unknown parameter of ${plugin.meta.id}; did you mean "${near}"? (known: ${Object.keys(plugin.meta.params).join(', ')})` : e.problem);
      }
    }
    const merged = dataSchema.safeParse({ ...s.data, ...(entry.data ?? {}) });
    if (!merged.success) return problem(`models[${i}].data`, merged.error.issues.map(issueText).join('; '));
    const data = engineData(merged.data, entry.data ? `models[${i}].data` : 'data');
    if (!ok || !data) return;
    runs.push({
      id,
      label: entry.label ?? id,
      plugin,
      given,
      params: resolveParams(plugin.meta.params, given),
      data,
      epochs: entry.epochs ?? s.epochs,
      // the whole budget: a target no epoch meets (an empty one)
      ...((entry.fullBudget ?? s.fullBudget) ? { target: {} } : entry.target ?? s.target ? { target: entry.target ?? s.target } : {}),
      ...(entry.seed !== undefined ? { seed: entry.seed } : {}),
    });
    runIndex.push(i);
  });
  s.claims.forEach((c, i) => {
    for (const ref of c.compare ?? (c.run !== undefined ? [c.run] : [])) {
      if (!ids.has(ref)) {
        const near = didYouMean(ref, [...ids]);
        problem(`claims[${i}]`, `names run ${quote(ref)}, which is not in models (runs: ${[...ids].join(', ')})${near ? `; did you mean "${near}"?` : ''}`);
      }
    }
  });
  (s.receipts ?? []).forEach((r, i) => {
    const refs: [string, string][] = [...(r.ours.run !== undefined ? [['ours', r.ours.run] as [string, string]] : []), ...(r.ours.over ? [['ours.over', r.ours.over.run] as [string, string]] : []), ...(r.published.metric ? [['published.metric', r.published.metric.run] as [string, string]] : [])];
    for (const [field, ref] of refs) {
      if (!ids.has(ref)) problem(`receipts[${i}].${field}`, `names run ${quote(ref)}, which is not in models (runs: ${[...ids].join(', ')})`);
    }
  });
  if (opts.check !== false) {
    runs.forEach((run, k) => {
      const i = runIndex[k]!;
      try {
        checkRun(run, i, s.seed, Boolean(s.models[i]!.data), (path, message) => {
          throw new ScenarioError(`${file}: ${path}: ${message}`);
        }, s.claims, opts.digits !== false);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        problems.push(e.message);
      }
    });
  }
  if (problems.length > 0) throw problemsError(problems);
  const { models: _models, ...rest } = s;
  return { ...rest, file, runs, fingerprint: hash.digest('base64url').slice(0, 12), specFingerprint, csvFiles, ...(dataFiles.length ? { dataFiles } : {}) };
}

/**
 * The checks only the model can make (layer sizes against memory, targets it cannot take, a
 * hand-wired net's shape): the run's data is built and its model created once, at load, so each
 * problem is reported here, located, rather than when training starts.
 */
function checkRun(run: ResolvedRun, i: number, seed: number | string, ownData: boolean, fail: (path: string, message: string) => never, claims: readonly Claim[], readDigits: boolean): void {
  let data: Dataset | null = null;
  let test: boolean;
  try {
    if (run.data.kind === 'digits' && !readDigits) test = checkDigitsSpec(run.data).test;
    else test = Boolean((data = buildDataset(run.data, deriveRng(seed, 'data'))).test);
  } catch (e) {
    if (e instanceof DatasetError) fail(ownData ? `models[${i}].data` : 'data', e.message);
    throw e;
  }
  // A claim on the held-out split of a run that has none could never hold.
  if (!test) {
    claims.forEach((c, k) => {
      if (!claimRuns(c).includes(run.id)) return;
      for (const field of ['metric', 'versus'] as const) {
        const m = c[field];
        if (m !== undefined && /^(test|bestTest)[A-Z]/.test(m)) {
          const hint = run.data.kind === 'digits' ? 'data.test is 0' : 'give its data a testFraction';
          fail(`claims[${k}].${field}`, `${quote(m)} is measured on held-out data, but run ${quote(run.id)} has none (${hint})`);
        }
      }
    });
  }
  if (!data) return;
  try {
    run.plugin.create({ data, params: run.params, rng: deriveRng(seed, `check:${run.id}`), lean: true });
  } catch (e) {
    if (e instanceof ModelConfigError) fail(e.param ? `models[${i}].params.${e.param}` : `models[${i}]`, e.problem);
    if (e instanceof DatasetError) fail(`models[${i}]`, e.message);
    throw e;
  }
}

/** Scenario files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The text of a scenario file: regular files only (not a fifo that blocks, nor /dev/zero that
 * never ends), at most MAX_FILE_BYTES, a UTF-8 byte-order mark dropped.
 */
function readScenarioText(path: string, shown: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ScenarioError(`${shown}: not a regular file (scenarios are read from plain .json files)`);
    size = stat.size;
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError(`${shown}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size > MAX_FILE_BYTES) throw new ScenarioError(`${shown}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB (${(size / 1024 / 1024).toFixed(1)} MiB): not read`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScenarioError(`${shown}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads and validates one scenario file. */
export function loadScenarioFile(path: string, opts: Pick<ParseOptions, 'check' | 'digits'> = {}): Scenario {
  const shown = clip(relative(process.cwd(), resolve(path)) || path, 120);
  const text = readScenarioText(path, shown);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(`${shown}: not valid JSON: ${clip((e as Error).message, 120)}`);
  }
  const scenario = { ...parseScenario(json, shown, { baseDir: dirname(resolve(path)), ...opts }), path: resolve(path) };
  const expectedId = basename(path).replace(/\.json$/, '');
  if (scenario.id !== expectedId && dirname(resolve(path)) === scenariosDir()) {
    throw new ScenarioError(`${shown}: id: "${scenario.id}" must match the file name "${expectedId}"`);
  }
  return scenario;
}

/** Ids of the shipped scenarios, sorted. */
export function scenarioIds(): string[] {
  return readdirSync(scenariosDir())
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** True when ref names a file rather than a shipped scenario: a .json name, a path, or a file that exists. */
export function isScenarioPath(ref: string): boolean {
  return ref.endsWith('.json') || ref.includes('/') || (!scenarioIds().includes(ref) && existsSync(ref));
}

/** A shipped scenario by id, or a file by path (ending in .json, containing a slash, or an existing file). */
export function loadScenario(ref: string, opts: Pick<ParseOptions, 'check' | 'digits'> = {}): Scenario {
  if (isScenarioPath(ref)) return loadScenarioFile(ref, opts);
  const ids = scenarioIds();
  if (!ids.includes(ref)) throw new ScenarioError(`unknown scenario ${quote(ref)}; known scenarios: ${ids.join(', ')}`);
  return loadScenarioFile(join(scenariosDir(), `${ref}.json`), opts);
}

/** Every shipped scenario, sorted by year then id. */
export function loadAllScenarios(opts: Pick<ParseOptions, 'check' | 'digits'> = {}): Scenario[] {
  return scenarioIds()
    .map((id) => loadScenarioFile(join(scenariosDir(), `${id}.json`), opts))
    .sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
}
