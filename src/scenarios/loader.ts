/**
 * Finding, reading and validating scenario files. Every problem becomes a ScenarioError whose
 * message names the file and the field path: `scenarios/xor.json: models[1].params.learningRate: …`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { DataSpec } from '../core/datasets.js';
import { ParamError, resolveParams } from '../core/params.js';
import type { ModelPlugin, Params, Target } from '../core/types.js';
import { MODELS } from '../models/index.js';
import { dataSchema, scenarioSchema, type Claim, type ScenarioFile } from './schema.js';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

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
  readonly runs: readonly ResolvedRun[];
  readonly claims: readonly Claim[];
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

/** `models[1].params.learningRate` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  let message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'data') message = 'unknown or malformed data; "kind" is one of gate, parity, table, blobs, xor, circles, spirals, moons, cloud, digits, iris';
  if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return where ? `${where}: ${message}` : message;
}

/** Validates parsed JSON as a scenario; `file` is only used in messages. */
export function parseScenario(json: unknown, file: string): Scenario {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${file}: ${issueText(i)}`);
    const more = parsed.error.issues.length > 5 ? `\n… and ${parsed.error.issues.length - 5} more` : '';
    throw new ScenarioError(issues.join('\n') + more);
  }
  const s = parsed.data;
  const fail = (path: string, message: string): never => {
    throw new ScenarioError(`${file}: ${path}: ${message}`);
  };
  const ids = new Set<string>();
  const runs = s.models.map((entry, i): ResolvedRun => {
    const plugin = MODELS.get(entry.model) ?? fail(`models[${i}].model`, `unknown model "${entry.model}"; known: ${[...MODELS.keys()].join(', ')}`);
    const id = entry.id ?? entry.model;
    if (ids.has(id)) fail(`models[${i}].id`, `"${id}" is used twice; give each run of the same model its own "id"`);
    ids.add(id);
    let params: Params;
    try {
      params = resolveParams(plugin.meta.params, entry.params ?? {});
    } catch (e) {
      if (e instanceof ParamError) fail(`models[${i}].params.${e.key}`, e.problem);
      throw e;
    }
    const merged = dataSchema.safeParse({ ...s.data, ...(entry.data ?? {}) });
    if (!merged.success) fail(`models[${i}].data`, merged.error.issues.map(issueText).join('; '));
    return {
      id,
      label: entry.label ?? id,
      plugin,
      given: entry.params ?? {},
      params: params!,
      data: merged.data! as DataSpec,
      epochs: entry.epochs ?? s.epochs,
      ...(entry.target ?? s.target ? { target: entry.target ?? s.target } : {}),
      ...(entry.seed !== undefined ? { seed: entry.seed } : {}),
    };
  });
  s.claims.forEach((c, i) => {
    for (const ref of c.compare ?? (c.run !== undefined ? [c.run] : [])) {
      if (!ids.has(ref)) fail(`claims[${i}]`, `names run "${ref}", which is not in models (runs: ${[...ids].join(', ')})`);
    }
  });
  const { models: _models, ...rest } = s;
  return { ...rest, file, runs };
}

/** Reads and validates one scenario file. */
export function loadScenarioFile(path: string): Scenario {
  const shown = relative(process.cwd(), resolve(path)) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScenarioError(`${shown}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(`${shown}: not valid JSON: ${(e as Error).message}`);
  }
  const scenario = parseScenario(json, shown);
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

/** A shipped scenario by id, or a file by path (anything ending in .json or containing a slash). */
export function loadScenario(ref: string): Scenario {
  if (ref.endsWith('.json') || ref.includes('/')) return loadScenarioFile(ref);
  const ids = scenarioIds();
  if (!ids.includes(ref)) throw new ScenarioError(`unknown scenario "${ref}"; known scenarios: ${ids.join(', ')}`);
  return loadScenarioFile(join(scenariosDir(), `${ref}.json`));
}

/** Every shipped scenario, sorted by year then id. */
export function loadAllScenarios(): Scenario[] {
  return scenarioIds()
    .map((id) => loadScenarioFile(join(scenariosDir(), `${id}.json`)))
    .sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
}
