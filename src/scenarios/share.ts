/**
 * Share strings: a run as a compact, URL-safe text — `ne1.`, the base64url of a small JSON
 * object, `.` and four check characters. The object holds the scenario (a shipped id, a scenario
 * file's path, or a CSV's path with the --data options), its fingerprint, and the seed, epochs,
 * models and parameter overrides given, and the live changes made while training (`lr`, `lv`).
 * `neural-eras run --share <string>` rebuilds exactly the same run.
 *
 * A string carries no data and no code. For your own scenario file or CSV it carries the path
 * (relative to the folder the run was made in) and the fingerprint of the file's contents: the
 * receiver needs the same file at the same place, and a changed or missing file is refused with a
 * message instead of giving a different run. A run with a --plugin model needs the same --plugin.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { checkLive, checkParam } from '../core/params.js';
import type { LiveChange } from '../core/runner.js';
import type { Params } from '../core/types.js';
import { prepareRuns, selectRuns } from './execute.js';
import { PointError } from '../data/added-points.js';
import { DataEditError, MAX_NOISE, MAX_TEST_FRACTION, withDataEdit, type DataEdit } from './data-edit.js';
import { FEATURES } from '../data/features.js';
import { scenarioFromData, type DataScenarioOptions } from './from-data.js';
import { findModel, MODELS } from '../models/index.js';
import { isShipped, loadScenario, type Scenario } from './loader.js';
import { MAX_EPOCHS } from './schema.js';
import { withTriedModels } from './tried.js';

export class ShareError extends Error {
  override name = 'ShareError';
}

const VERSION = 'ne1';
/**
 * Longer strings are refused before decoding. A string holds ids and numbers, and the parameters
 * given — a hand-set network's pinned weights among them (a 2-64-1 net's make 4,305 characters) —
 * so the limit is generous; encodeShare never makes a longer one (the app prints no string it refuses).
 */
export const MAX_SHARE_LENGTH = 65_536;
/** A seed in a share string is at most this long: --seed refuses a longer one too. */
export const MAX_SEED_LENGTH = 200;

const seed = z.union([z.number().int(), z.string().min(1).max(MAX_SEED_LENGTH)]);
const payloadSchema = z
  .object({
    /** Exactly one of: a shipped scenario id, a scenario file path, a data (CSV) file path. */
    s: z.string().min(1).max(200).optional(),
    f: z.string().min(1).max(1000).optional(),
    d: z.string().min(1).max(1000).optional(),
    /** --data options (label, header, delimiter, models). */
    o: z
      .object({
        label: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
        header: z.boolean().optional(),
        delimiter: z.enum([',', ';', '\t']).optional(),
        models: z.array(z.string().min(1)).max(50).optional(),
        test: z.string().min(1).max(1000).optional(),
        stratify: z.boolean().optional(),
        split: z.string().min(1).max(200).optional(),
      })
      .strict()
      .optional(),
    h: z.string().min(1).max(64),
    /** The hash of the scenario file alone, without its data files: a changed CSV is then named. */
    hs: z.string().min(1).max(64).optional(),
    seed: seed.optional(),
    /** --split-seed: the seed of the data stream (split, generated points), apart from the weights'. */
    ds: seed.optional(),
    // the same bound as --epochs and a scenario's "epochs"
    e: z.number().int().min(0).max(MAX_EPOCHS).optional(),
    m: z.array(z.string().min(1)).max(50).optional(),
    /** Models tried on the scenario's data (`m` in the lab), by model id, with their defaults and `p` overrides. */
    t: z.array(z.string().min(1).max(200)).max(50).optional(),
    p: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    /** --full-budget */
    fb: z.literal(true).optional(),
    /** η changed while training (the lab's η key), per run id: [epoch, η] pairs, applied at those epochs' starts. */
    lr: z.record(z.string(), z.array(z.tuple([z.number().int().min(0).max(MAX_EPOCHS), z.number().min(0).max(100)])).min(1).max(1000)).optional(),
    /**
     * Live parameters changed while training (the lab's live row: η, momentum, penalties, dropout,
     * batch size, activation), per run id: [epoch, parameter, value] in the order made, applied at
     * those epochs' starts. A schedule of η changes alone is written as `lr` (older versions read it).
     */
    lv: z.record(z.string(), z.array(z.tuple([z.number().int().min(0).max(MAX_EPOCHS), z.string().min(1).max(100), z.union([z.number(), z.string().min(1).max(100)])])).min(1).max(1000)).optional(),
    /**
     * The data changed (the lab's data keys): noise, test share, features, the points' seed; and
     * `p`, the points added by hand, [x1, x2, class] in the order added (checked by data-edit.ts).
     */
    dx: z
      .object({
        n: z.number().min(0).max(MAX_NOISE).optional(),
        t: z.number().min(0).max(MAX_TEST_FRACTION).optional(),
        f: z.array(z.enum(FEATURES)).min(1).max(FEATURES.length).optional(),
        s: seed.optional(),
        p: z.array(z.tuple([z.number(), z.number(), z.number()])).min(1).optional(),
      })
      .strict()
      .refine((x) => Object.keys(x).length > 0, 'changes nothing')
      .optional(),
  })
  .strict()
  .refine((p) => p.ds === undefined || p.dx?.s === undefined, 'gives the data seed twice (ds and dx.s)')
  .refine((p) => !p.lr || !p.lv || Object.keys(p.lr).every((id) => !Object.hasOwn(p.lv!, id)), 'gives a run\'s changes twice (lr and lv)')
  .refine((p) => [p.s, p.f, p.d].filter((v) => v !== undefined).length === 1, 'names no scenario (or more than one)');

export type SharePayload = z.infer<typeof payloadSchema>;

/** What a run was made from: everything `run --share` needs to make it again. */
export interface ShareInput {
  readonly scenario: Scenario;
  readonly seed?: number | string;
  readonly epochs?: number;
  readonly only?: readonly string[];
  /** Overrides per run id (only non-empty ones are kept). */
  readonly params?: ReadonlyMap<string, Params>;
  /** Models tried on the scenario's data beside its own runs (the lab's `m`), by model id. */
  readonly tried?: readonly string[];
  /** Every run trains its whole budget (--full-budget). */
  readonly fullBudget?: boolean;
  /** The seed of the data (split, generated points), when apart from `seed` (--split-seed). */
  readonly dataSeed?: number | string;
  /** Parameter changes made while training, per run id (the lab's η keys and live row). */
  readonly liveSchedule?: ReadonlyMap<string, readonly LiveChange[]>;
}

/** A path relative to the working folder, with forward slashes (the same on every system). */
const portable = (path: string): string => (relative(process.cwd(), resolve(path)) || path).split(sep).join('/');

export function encodeShare(input: ShareInput): string {
  const s = input.scenario;
  const shipped = isShipped(s);
  const params = Object.fromEntries([...(input.params ?? new Map<string, Params>())].filter(([, p]) => Object.keys(p).length > 0).sort(([a], [b]) => a.localeCompare(b)));
  const data = s.fromData?.options as DataScenarioOptions | undefined;
  const changed = [...(input.liveSchedule ?? new Map<string, readonly LiveChange[]>())].filter(([, c]) => c.length > 0).sort(([a], [b]) => a.localeCompare(b));
  // η alone: the `lr` pairs every version since live η reads; anything else: `lv` triples
  const etaOnly = changed.every(([, c]) => c.every((x) => x.param === 'learningRate' && typeof x.value === 'number'));
  const lr = changed.length && etaOnly ? Object.fromEntries(changed.map(([id, c]) => [id, c.map((x) => [x.epoch, x.value as number] as [number, number])])) : null;
  const lv = changed.length && !etaOnly ? Object.fromEntries(changed.map(([id, c]) => [id, c.map((x) => [x.epoch, x.param, x.value] as [number, string, number | string])])) : null;
  const options = data
    ? Object.fromEntries(Object.entries({ label: data.label, header: data.header, delimiter: data.delimiter, models: data.models?.length ? [...data.models] : undefined, test: data.test !== undefined ? portable(data.test) : undefined, stratify: data.stratify || undefined, split: data.split }).filter(([, v]) => v !== undefined))
    : {};
  const edit = s.dataEdit;
  const dx = edit
    ? Object.fromEntries(Object.entries({ n: edit.noise, t: edit.testFraction, f: edit.features ? [...edit.features] : undefined, s: edit.seed, p: edit.points?.length ? edit.points.map((q) => [q.x1, q.x2, q.label]) : undefined }).filter(([, v]) => v !== undefined))
    : {};
  const payload: SharePayload = {
    ...(s.fromData ? { d: portable(s.fromData.path), ...(Object.keys(options).length ? { o: options } : {}) } : shipped ? { s: s.id } : { f: portable(s.file) }),
    h: s.fingerprint,
    ...(!shipped && !s.fromData && s.dataFiles?.length && s.specFingerprint ? { hs: s.specFingerprint } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    ...(input.dataSeed !== undefined ? { ds: input.dataSeed } : {}),
    ...(input.epochs !== undefined ? { e: input.epochs } : {}),
    ...(input.only?.length ? { m: [...input.only] } : {}),
    ...(input.tried?.length ? { t: [...input.tried] } : {}),
    ...(Object.keys(params).length ? { p: params } : {}),
    ...(input.fullBudget ? { fb: true as const } : {}),
    ...(lr ? { lr } : {}),
    ...(lv ? { lv } : {}),
    ...(Object.keys(dx).length ? { dx } : {}),
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  const text = `${VERSION}.${body}.${checksum(body)}`;
  if (text.length > MAX_SHARE_LENGTH) throw new ShareError(`share string: this run's parameters make ${text.length} characters, more than a share string may hold (${MAX_SHARE_LENGTH}); keep the run with --out run.json instead`);
  return text;
}

/** Four characters that catch a string cut short or mistyped (base64 alone decodes most damage). */
const checksum = (body: string): string => createHash('sha256').update(body).digest('base64url').slice(0, 4);

export function decodeShare(text: string): SharePayload {
  const t = text.trim();
  if (t.length > MAX_SHARE_LENGTH) throw new ShareError(`share string: ${t.length} characters, more than a share string has (${MAX_SHARE_LENGTH})`);
  const [version = '', body = '', check, ...rest] = t.split('.');
  if (!/^ne\d+$/.test(version)) throw new ShareError('share string: not a neural-eras share string (they start with "ne1.")');
  if (version !== VERSION) throw new ShareError(`share string: version ${version.slice(2)} is not known to this neural-eras (it reads version 1)`);
  if (check === undefined || rest.length > 0 || !/^[A-Za-z0-9_-]+$/.test(body) || checksum(body) !== check) {
    throw new ShareError('share string: damaged (its check characters do not match: was it cut short or changed?)');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new ShareError('share string: damaged (it does not decode; was it cut short?)');
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw new ShareError(`share string: damaged (${parsed.error.issues[0]!.path.join('.') || 'payload'}: ${parsed.error.issues[0]!.message})`);
  return parsed.data;
}

/** The scenario and run options a share string names, checked against the files here. */
export function resolveShare(payload: SharePayload): Required<Pick<ShareInput, 'params'>> & ShareInput {
  let scenario: Scenario;
  if (payload.s !== undefined) {
    if (payload.s.includes('/') || payload.s.endsWith('.json')) throw new ShareError(`share string: "${payload.s}" is not a scenario id`);
    scenario = loadScenario(payload.s);
  } else if (payload.f !== undefined) scenario = loadScenario(payload.f.endsWith('.json') || payload.f.includes('/') ? payload.f : `./${payload.f}`);
  else scenario = scenarioFromData(payload.d!, (payload.o ?? {}) as DataScenarioOptions);
  if (scenario.fingerprint !== payload.h) {
    // the scenario file is as it was: one of the data files it reads has changed
    if (payload.f !== undefined && payload.hs !== undefined && payload.hs === scenario.specFingerprint && scenario.dataFiles?.length) {
      const files = scenario.dataFiles.join(', ');
      throw new ShareError(`share string: ${files} (the data ${scenario.dataFiles.length > 1 ? 'files' : 'file'} ${payload.f} reads) ${scenario.dataFiles.length > 1 ? 'are' : 'is'} not what the string was made from (the contents differ); ${payload.f} itself is unchanged`);
    }
    const what = payload.s !== undefined ? `scenario ${payload.s} has changed since the string was made (another version of neural-eras?)` : `${payload.f ?? payload.d} is not the file the string was made from (its contents differ)`;
    throw new ShareError(`share string: ${what}`);
  }
  if (payload.dx) {
    const x = payload.dx;
    const edit: DataEdit = { ...(x.n !== undefined ? { noise: x.n } : {}), ...(x.t !== undefined ? { testFraction: x.t } : {}), ...(x.f !== undefined ? { features: x.f } : {}), ...(x.s !== undefined ? { seed: x.s } : {}), ...(x.p !== undefined ? { points: x.p.map(([x1, x2, label]) => ({ x1, x2, label })) } : {}) };
    try {
      scenario = withDataEdit(scenario, edit);
      // the points by hand against the data they join (its classes, a map at all): built as every path builds it
      if (edit.points) prepareRuns(scenario, { seed: payload.seed ?? scenario.seed, ...(payload.ds !== undefined ? { dataSeed: payload.ds } : {}) });
    } catch (e) {
      if (e instanceof DataEditError || e instanceof PointError) throw new ShareError(`share string: dx${e.field ? `.${e.field}` : ''}: ${e.message}`);
      throw e;
    }
  }
  const only = payload.m;
  // models tried on the scenario's data (run <scenario> --model <id>) are rebuilt the same way
  if (only) scenario = withTriedModels(scenario, only);
  const runs = selectRuns(scenario, only);
  if (only && runs.length === 0) throw new ShareError(`share string: scenario ${scenario.id} has no run ${only.join(', ')}`);
  // models tried on the data: known (loaded with --plugin when they are plugins), not the scenario's own
  const tried = payload.t ?? [];
  const triedPlugins = new Map(tried.map((id) => {
    const plugin = findModel(id);
    if (!plugin) throw new ShareError(`share string: it tries model "${id}" on the data, unknown here${MODELS.has(id) ? '' : ' (a model of your own needs --plugin <file>)'}`);
    if (scenario.runs.some((r) => r.id === id)) throw new ShareError(`share string: "${id}" is a run of scenario ${scenario.id}, not a model tried on its data`);
    return [id, plugin] as const;
  }));
  const params = new Map<string, Params>();
  for (const [id, values] of Object.entries(payload.p ?? {})) {
    const run = runs.find((r) => r.id === id) ?? (triedPlugins.has(id) ? { plugin: triedPlugins.get(id)! } : undefined);
    if (!run) throw new ShareError(`share string: scenario ${scenario.id} has no run "${id}" to set parameters of`);
    const checked: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      // own keys only: "constructor" is no parameter, whatever Object.prototype holds
      const spec = Object.hasOwn(run.plugin.meta.params, key) ? run.plugin.meta.params[key] : undefined;
      if (!spec) throw new ShareError(`share string: ${run.plugin.meta.id} has no parameter "${key}"`);
      try {
        checked[key] = checkParam(key, spec, value);
      } catch (e) {
        throw new ShareError(`share string: ${id}: ${(e as Error).message}`);
      }
    }
    params.set(id, checked as Params);
  }
  const liveSchedule = new Map<string, LiveChange[]>();
  for (const [id, changes] of Object.entries(payload.lr ?? {})) {
    const run = runs.find((r) => r.id === id) ?? (triedPlugins.has(id) ? { plugin: triedPlugins.get(id)! } : undefined);
    if (!run) throw new ShareError(`share string: scenario ${scenario.id} has no run "${id}" to change the learning rate of`);
    if (!Object.hasOwn(run.plugin.meta.params, 'learningRate')) throw new ShareError(`share string: ${run.plugin.meta.id} has no learning rate to change`);
    liveSchedule.set(id, changes.map(([epoch, eta]) => {
      try {
        return { epoch, param: 'learningRate', value: checkLive(run.plugin.meta.params, 'learningRate', eta) as number };
      } catch (e) {
        throw new ShareError(`share string: lr.${id}: ${(e as Error).message}`);
      }
    }));
  }
  for (const [id, changes] of Object.entries(payload.lv ?? {})) {
    const run = runs.find((r) => r.id === id) ?? (triedPlugins.has(id) ? { plugin: triedPlugins.get(id)! } : undefined);
    if (!run) throw new ShareError(`share string: scenario ${scenario.id} has no run "${id}" to change parameters of`);
    liveSchedule.set(id, changes.map(([epoch, param, value]) => {
      try {
        return { epoch, param, value: checkLive(run.plugin.meta.params, param, value) as number | string };
      } catch (e) {
        throw new ShareError(`share string: lv.${id}: ${(e as Error).message}`);
      }
    }));
  }
  return {
    scenario,
    params,
    ...(liveSchedule.size ? { liveSchedule } : {}),
    ...(payload.seed !== undefined ? { seed: payload.seed } : {}),
    ...(payload.ds !== undefined ? { dataSeed: payload.ds } : {}),
    ...(payload.e !== undefined ? { epochs: payload.e } : {}),
    ...(only ? { only } : {}),
    ...(tried.length ? { tried } : {}),
    ...(payload.fb ? { fullBudget: true } : {}),
  };
}
