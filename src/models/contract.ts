/**
 * The plugin contract checker (as Gymnasium's env checker): every built-in plugin passes it in
 * tests/models/registry.test.ts, and `neural-eras check-plugin <file>` runs it on a user's plugin.
 * It reads a plugin only through the ModelPlugin interface, so it applies to any plugin object:
 *   history card  — id, name, year, authors, citation, summary, cannot, learns, defaultTarget;
 *   parameters    — each spec well-formed, with help, and a default that passes its own check;
 *   tiny scenario — builds on one of a few tiny data sets (the first it accepts), trains 3 epochs;
 *   shapes        — evaluate / predict / snapshot / flatWeights / epoch report / step record, all finite;
 *                   the snapshot of its kind's shape, a copy, holding every weight;
 *   determinism   — same seed ⇒ identical history, weights and outcome;
 *   step ≡ epoch  — where step() exists, one epoch of steps moves the weights as epoch() does.
 * Every check catches what the plugin throws and reports it with the plugin's id: nothing escapes.
 */
import { asModelInstance, type PluginInstance } from '../core/plugin-instance.js';
import { buildDataset, type DataSpec } from '../data/datasets.js';
import { checkParam, liveParams, resolveParams } from '../core/params.js';
import { createRng } from '../core/rng.js';
import { Run } from '../core/runner.js';
import type { Dataset, ModelInstance, ModelPlugin, Params } from '../core/types.js';
import { snapshotProblems, weightsJson } from '../core/weights.js';
import { describeThrown } from '../core/describe-thrown.js';

export interface ContractCheck {
  readonly name: string;
  readonly ok: boolean;
  /** What failed, in one line (absent when ok). */
  readonly problem?: string;
}

export interface ContractReport {
  /** meta.id, or "(no id)" when the object has none. */
  readonly id: string;
  readonly ok: boolean;
  readonly checks: readonly ContractCheck[];
  /** The tiny data set the behaviour checks ran on. */
  readonly data?: string;
}

/**
 * Tiny data sets tried in order (real inputs and a test split first); a plugin runs on the first it
 * accepts. Typed by its literals (checked against DataSpec with `satisfies`), so the public
 * declarations name no schema type.
 */
const TINY = [
  { name: '40 blobs with a test split, bipolar targets', spec: { kind: 'blobs', n: 40, noise: 0.1, testFraction: 0.25, targets: 'bipolar' } },
  { name: '40 XOR points with a test split, binary targets', spec: { kind: 'xor', n: 40, noise: 0.05, testFraction: 0.25, targets: 'binary' } },
  { name: 'AND, binary inputs, bipolar targets', spec: { kind: 'gate', gate: 'AND', inputs: 'binary', targets: 'bipolar' } },
  { name: 'AND, binary inputs, binary targets', spec: { kind: 'gate', gate: 'AND', inputs: 'binary', targets: 'binary' } },
  { name: '30 blobs of 3 classes, one-hot targets', spec: { kind: 'blobs', n: 30, classes: 3, noise: 0.1, targets: 'onehot' } },
  { name: 'an unlabelled cloud of 20 points', spec: { kind: 'cloud', n: 20 } },
  { name: '40 handwritten 0s and 1s, 16 × 16', spec: { kind: 'digits', size: 16, train: 40, test: 10, classes: [0, 1] } },
] satisfies readonly { readonly name: string; readonly spec: DataSpec }[];
export const TINY_DATA: readonly (typeof TINY)[number][] = TINY;

const PARAM_TYPES = ['number', 'integer', 'boolean', 'enum', 'numbers', 'json'];

/** The error as one line: "TypeError: x is not a function". */
export const errorLine = (e: unknown): string => describeThrown(e);
const isConfigError = (e: unknown): boolean => e instanceof Error && e.name === 'ModelConfigError';

/** Freezes a data set all the way down: a plugin that writes into its data throws, and is reported. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

const tiny = (spec: DataSpec): Dataset => frozen(buildDataset(spec, createRng('contract/data')));

const isNumber = (v: unknown): v is number => typeof v === 'number';
const finiteRows = (rows: unknown): boolean => Array.isArray(rows) && rows.every((r) => Array.isArray(r) && r.every((v) => isNumber(v) && Number.isFinite(v)));

function historyCard(plugin: ModelPlugin): string[] {
  const m = plugin.meta as unknown as Record<string, unknown>;
  const problems: string[] = [];
  const text = (key: string, min: number) => {
    if (typeof m[key] !== 'string' || (m[key] as string).trim().length < min) problems.push(`meta.${key} must be a text of at least ${min} characters`);
  };
  if (typeof m['id'] !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(m['id'])) problems.push('meta.id must be lower-case letters, digits and dashes');
  text('name', 3);
  for (const key of ['citation', 'summary', 'cannot']) text(key, 11);
  if (!Number.isInteger(m['year']) || (m['year'] as number) < 1940 || (m['year'] as number) > 2100) problems.push('meta.year must be a whole year from 1940 to 2100');
  const authors = m['authors'];
  if (!Array.isArray(authors) || authors.length === 0 || !authors.every((a) => typeof a === 'string' && a.length > 0)) problems.push('meta.authors must be a non-empty list of names');
  if (typeof m['learns'] !== 'boolean') problems.push('meta.learns must be true or false');
  const target = m['defaultTarget'];
  const bounds = target && typeof target === 'object' ? Object.values(target) : [];
  if (bounds.length === 0 || !bounds.every((b) => b && typeof b === 'object' && Object.entries(b).every(([k, v]) => (k === 'min' || k === 'max') && isNumber(v)))) {
    problems.push('meta.defaultTarget must bound at least one metric, e.g. { "accuracy": { "min": 1 } }');
  }
  return problems;
}

function parameterSchema(plugin: ModelPlugin): string[] {
  const params: unknown = plugin.meta.params;
  if (!params || typeof params !== 'object') return ['meta.params must be an object of parameter specs (it may be empty)'];
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(params as Record<string, Record<string, unknown>>)) {
    if (!spec || !PARAM_TYPES.includes(spec['type'] as string)) {
      problems.push(`params.${key}.type must be one of ${PARAM_TYPES.join(', ')}`);
      continue;
    }
    if (typeof spec['help'] !== 'string' || spec['help'].length < 6) problems.push(`params.${key}.help must say what it does (at least 6 characters)`);
    if (spec['type'] === 'enum' && (!Array.isArray(spec['values']) || spec['values'].length === 0)) problems.push(`params.${key}.values must list the choices`);
    // live changes (issue 25): a number, a whole number or a word the model can take while it trains
    if (spec['live'] !== undefined && (spec['live'] !== true || !['number', 'integer', 'enum'].includes(spec['type'] as string))) problems.push(`params.${key}.live must be true, and only on a number, integer or enum parameter`);
    try {
      checkParam(key, spec as never, spec['default']);
    } catch (e) {
      problems.push(`params.${key}.default: ${(e as Error).message}`);
    }
  }
  return problems;
}

/** The first tiny data set the plugin accepts, or why none. */
function pickData(plugin: ModelPlugin, params: Params): { name: string; spec: DataSpec } | string {
  const refusals: string[] = [];
  for (const candidate of TINY_DATA) {
    try {
      plugin.create({ data: tiny(candidate.spec), params, rng: createRng('contract/pick') });
      return candidate;
    } catch (e) {
      if (!isConfigError(e)) return `create() on ${candidate.name} threw ${errorLine(e)}`;
      refusals.push((e as Error).message);
    }
  }
  return `accepts none of the tiny data sets (${refusals.at(-1) ?? 'no reason given'})`;
}

function shapes(model: ModelInstance, data: Dataset): string[] {
  const problems: string[] = [];
  const rows = data.inputs.length;
  const classes = Math.max(2, data.classes);
  for (const [which, part] of [['training set', data], ['test set', data.test]] as const) {
    if (!part) continue;
    const ev = model.evaluate(part);
    if (!isNumber(ev.loss) || Number.isNaN(ev.loss)) problems.push(`evaluate(${which}).loss is ${String(ev.loss)}, not a number`);
    if (!isNumber(ev.accuracy) || !(ev.accuracy >= 0 && ev.accuracy <= 1)) problems.push(`evaluate(${which}).accuracy is ${String(ev.accuracy)}, not in [0, 1]`);
    if (!finiteRows(ev.outputs) || ev.outputs.length !== part.inputs.length) problems.push(`evaluate(${which}).outputs must be ${part.inputs.length} rows of finite numbers`);
    if (!Array.isArray(ev.predictions) || ev.predictions.length !== part.inputs.length || !ev.predictions.every((p) => Number.isInteger(p) && p >= 0 && p < classes)) {
      problems.push(`evaluate(${which}).predictions must be ${part.inputs.length} class indices in 0…${classes - 1}`);
    }
    // The net input(s) of the output unit(s) per row are optional; when given, one finite row per output row.
    if (ev.net !== undefined && (!finiteRows(ev.net) || ev.net.length !== part.inputs.length || !ev.net.every((z, r) => z.length === ev.outputs[r]?.length))) {
      problems.push(`evaluate(${which}).net must be ${part.inputs.length} rows of finite numbers, one per output`);
    }
  }
  if (model.finalReport) {
    try {
      JSON.stringify(model.finalReport());
    } catch (e) {
      problems.push(`finalReport() is not JSON: ${errorLine(e)}`);
    }
  }
  if (rows > 0) {
    const p = model.predict(data.inputs[0]!);
    if (!Number.isInteger(p?.label) || p.label < 0 || p.label >= classes) problems.push(`predict().label is ${String(p?.label)}, not a class index in 0…${classes - 1}`);
    if (!isNumber(p?.score) || !(p.score >= 0 && p.score <= 1)) problems.push(`predict().score is ${String(p?.score)}, not in [0, 1]`);
  }
  const flat = Array.from(model.flatWeights());
  if (typeof model.snapshot !== 'function') return [...problems, 'snapshot() is missing: it returns the weights as { kind: "vector" | "layers" | "units" | "blocks", … }'];
  const snapshot = model.snapshot();
  const before = JSON.stringify(snapshot);
  problems.push(...snapshotProblems(snapshot, data.inputs[0]?.length ?? 0, flat.length));
  if (flat.length === 0) problems.push('flatWeights() is empty');
  else if (!flat.every(Number.isFinite)) problems.push(`flatWeights() holds ${flat.find((v) => !Number.isFinite(v))}`);
  if (model.deterministicEpochs !== undefined && typeof model.deterministicEpochs !== 'boolean') problems.push('deterministicEpochs must be true or false');
  const record = model.step?.() ?? null;
  if (record !== null) {
    const text: unknown = typeof record?.explain === 'function' ? record.explain() : undefined;
    if (typeof text !== 'string' || text.trim() === '') problems.push('step() records must have explain(), returning the update as text');
  }
  // steps on (at most an epoch) until one changes the weights: the snapshot taken before must not have moved (the lab keeps snapshots)
  for (let i = 0, r = record; r?.changed === false && i < rows; i++) r = model.step!();
  if (JSON.stringify(snapshot) !== before) problems.push('snapshot() must return a copy: it changed when the model trained on');
  return problems;
}

/** A check that runs `body` and turns its problems, or what it threw, into one line. */
function check(name: string, id: string, body: () => string[]): ContractCheck {
  try {
    const problems = body();
    return problems.length === 0 ? { name, ok: true } : { name, ok: false, problem: problems.join('; ') };
  } catch (e) {
    return { name, ok: false, problem: `${id} threw ${errorLine(e)}` };
  }
}

const SHAPE_PROBLEM = 'a plugin is an object { meta, create(ctx) }: meta a plain object, create a function';

/** The checks that run no plugin code: shape, history card, parameter schema (what --plugin checks on load). */
export function describeChecks(plugin: unknown): { id: string; checks: ContractCheck[] } {
  const p = plugin as ModelPlugin;
  const meta = (p && typeof p === 'object' ? p.meta : undefined) as { id?: unknown } | undefined;
  const id = typeof meta?.id === 'string' ? meta.id : '(no id)';
  if (!meta || typeof meta !== 'object' || typeof p.create !== 'function') return { id, checks: [{ name: 'plugin shape', ok: false, problem: SHAPE_PROBLEM }] };
  return { id, checks: [check('history card', id, () => historyCard(p)), check('parameter schema', id, () => parameterSchema(p))] };
}

/** Runs every contract check on `plugin` (any value: a module's export is checked as it is). */
export function checkPlugin(plugin: unknown): ContractReport {
  const { id, checks } = describeChecks(plugin);
  if (checks[0]!.name === 'plugin shape') return { id, ok: false, checks };
  const p = plugin as ModelPlugin;
  // The behaviour checks train with the defaults: they need a schema whose defaults pass.
  const params: Params | undefined = checks[1]!.ok ? resolveParams(p.meta.params) : undefined;
  const picked = params ? pickData(p, params) : 'needs valid parameter defaults';
  if (typeof picked === 'string') {
    checks.push({ name: 'tiny scenario', ok: false, problem: picked });
    return { id, ok: false, checks };
  }
  const data = tiny(picked.spec);
  const train = (seed: number | string, epochs: number) => new Run({ id, plugin: p, params: params!, data, seed, epochs }).toEnd();
  // a plugin may write the older instance surface (core/plugin-instance.ts): checked through the adapter the runner uses
  const make = (seed: number): ModelInstance => asModelInstance(p.create({ data, params: params!, rng: createRng(seed) }) as ModelInstance | PluginInstance, data);
  let trained: Run | undefined;
  checks.push(
    check('tiny scenario', id, () => {
      trained = train(1, 3);
      return trained.status.outcome === null ? ['the run ended without an outcome'] : [];
    }),
  );
  checks.push(
    check('shapes', id, () => {
      const model = trained?.model ?? make(1);
      const result = make(2).epoch();
      const problems = shapes(model, data);
      const live = liveParams(p.meta.params);
      if (live.length > 0 && typeof model.setLive !== 'function') problems.push(`meta.params marks ${live.join(', ')} live, but the model has no setLive(param, value)`);
      if (!isNumber(result?.train?.loss) || Number.isNaN(result.train.loss)) problems.push(`epoch() ended with training loss ${String(result?.train?.loss)}`);
      if (!isNumber(result?.train?.accuracy) || !(result.train.accuracy >= 0 && result.train.accuracy <= 1)) problems.push(`epoch() ended with training accuracy ${String(result?.train?.accuracy)}, not in [0, 1]`);
      if (data.test && !isNumber(result?.test?.loss)) problems.push('epoch() gave no scores on the test split');
      if (!Number.isInteger(result?.updates) || result.updates < 0) problems.push(`epoch() reported updates ${String(result?.updates)}, not a count`);
      if (!result?.metrics || !Object.values(result.metrics).every(isNumber)) problems.push('epoch() metrics must map names to numbers');
      if (Array.from(result?.weights ?? []).length !== Array.from(model.flatWeights()).length) problems.push('epoch() weights must hold every weight, as flatWeights() does');
      return problems;
    }),
  );
  checks.push(
    check('determinism', id, () => {
      const once = () => {
        const run = train(11, 5);
        return JSON.stringify({ h: run.history, w: weightsJson(run.model.snapshot()), s: run.status });
      };
      return once() === once() ? [] : ['two runs with the same seed differ: draw every random number from ctx.rng'];
    }),
  );
  checks.push(
    check('step ≡ epoch', id, () => {
      const a = make(3);
      const b = make(3);
      a.epoch();
      let r = b.step?.() ?? null;
      if (r === null) return [];
      for (let guard = 0; !r.closes; guard++) {
        if (guard > 10 * data.inputs.length + 10) return ['step() never completes an epoch (no record carries `closes`)'];
        r = b.step!();
        if (r === null) return ['step() returned null in the middle of an epoch'];
      }
      const wa = Array.from(a.flatWeights());
      const wb = Array.from(b.flatWeights());
      return wa.length === wb.length && wa.every((w, i) => Object.is(w, wb[i])) ? [] : ['one epoch of step() calls ends on other weights than epoch()'];
    }),
  );
  return { id, ok: checks.every((c) => c.ok), checks, data: picked.name };
}

/** The report as text: one line per check, problems after a dash. */
export function contractText(report: ContractReport): string {
  const lines = [`${report.id}${report.data ? ` (behaviour checked on ${report.data})` : ''}`];
  for (const c of report.checks) lines.push(`  ${c.ok ? '✓' : '✗'} ${c.name}${c.problem ? ` — ${c.problem}` : ''}`);
  const failed = report.checks.filter((c) => !c.ok).length;
  lines.push(failed === 0 ? `${report.id} passes the plugin contract (${report.checks.length} checks).` : `${report.id} fails ${failed} of ${report.checks.length} checks.`);
  return `${lines.join('\n')}\n`;
}
