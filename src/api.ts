/**
 * The programmatic API: what the CLI's run, verify and sweep commands compute, as functions that
 * return the documents their --json prints. A Node script or notebook drives neural-eras with these
 * instead of parsing text:
 *
 *   import { loadScenario, runScenario } from 'neural-eras';
 *   const report = runScenario(loadScenario('xor-backprop'), { seed: 3, models: ['mlp-backprop'] });
 *   report.runs[0].history.at(-1).loss; // the numbers `neural-eras run xor-backprop -s 3 -m mlp-backprop --json` prints
 */
import { availableParallelism } from 'node:os';
import type { ModelPlugin } from './core/types.js';
import { parseParamOverrides } from './commands/options.js';
import { verifyClaims, type VerifiedClaim } from './commands/verify.js';
import { sweepReport, type SweepDoc } from './commands/sweep.js';
import { describeChecks } from './models/contract.js';
import { MODELS } from './models/index.js';
import { PluginError, registerPlugin } from './models/user-plugins.js';
import { executeScenario } from './scenarios/execute.js';
import { loadScenario as load, type Scenario } from './scenarios/loader.js';
import { UsageError } from './commands/errors.js';
import { encodeShare } from './scenarios/share.js';
import { withTriedModels } from './scenarios/tried.js';
import type { ClaimResult, DataInfo, PatternRow } from './scenarios/result.js';
import { runDocument, type RunDocument } from './report/run-file.js';
import { receiptLine } from './session/receipts.js';

/*
 * The public types below are written out here, on their own: the package's declarations then need
 * neither zod nor @types/node. Each function checks (at compile time) that what it returns fits them.
 */

/** A loaded, validated scenario: pass it to runScenario or sweep. */
export interface LoadedScenario {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly year: number;
  readonly seed: number | string;
  readonly epochs: number;
  readonly story: readonly string[];
  readonly runs: readonly { readonly id: string; readonly label: string; readonly epochs: number }[];
}

/** A checked claim as data (numbers in full precision): the runner's own claim result. */
export type ClaimData = ClaimResult;

/** A pattern at the final weights: input, target row, class, net input(s), output(s), predicted class. */
export type PatternData = PatternRow;

/** One run of a report: what `run --json` has under runs[]. */
export interface RunReport {
  readonly id: string;
  readonly model: string;
  readonly label: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** solved (target reached), truncated (budget spent short of it), finished (budget spent by design: no target, or judged on the test set), inert (a hand-wired net missed it), cycling, diverged. */
  readonly outcome: 'solved' | 'truncated' | 'finished' | 'inert' | 'cycling' | 'diverged';
  readonly reason: string | null;
  readonly epochs: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly weights: unknown;
  readonly history: readonly Readonly<Record<string, unknown>>[];
  readonly patterns: { readonly train: readonly PatternData[]; readonly test?: readonly PatternData[]; readonly omitted?: { readonly train: number; readonly test: number } };
  readonly report: Readonly<Record<string, unknown>>;
  readonly data: DataInfo;
  readonly claims: readonly ClaimData[];
}

/** The document `run --json` prints. */
export interface RunReportDocument {
  readonly format: string;
  readonly scenario: string;
  readonly title: string;
  readonly seed: number | string;
  readonly share: string;
  readonly runs: readonly RunReport[];
}

/** The document `verify --json` prints. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly claims: readonly (ClaimData & { readonly scenario: string; readonly run: string })[];
}

/** One seed of a sweep. */
export interface SeedReport {
  readonly seed: number;
  readonly outcome: string;
  readonly epochs: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly testAccuracy?: number;
  readonly history?: readonly { readonly epoch: number; readonly loss: number; readonly accuracy: number; readonly testAccuracy?: number; readonly testLoss?: number }[];
}

/** The summary of a set of seeds. */
export interface SweepSummary {
  readonly solved: number;
  readonly solvedShare: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly epochsToSolve: { readonly median: number; readonly q1: number; readonly q3: number; readonly min: number; readonly max: number } | null;
  readonly finalLoss: { readonly mean: number; readonly sd: number };
}

/** The document `sweep --json` prints for one model: the summary and every seed, or a grid's cells. */
export interface SweepReport extends Partial<SweepSummary> {
  readonly scenario: string;
  readonly run: string;
  readonly model: string;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly seedVaries?: 'model';
  readonly workers: number;
  readonly epochBudget: number;
  readonly runs?: readonly SeedReport[];
  readonly grid?: Readonly<Record<string, readonly unknown[]>>;
  readonly cells?: readonly (SweepSummary & { readonly params: Readonly<Record<string, unknown>>; readonly runs: readonly SeedReport[] })[];
}

/** Scenarios loadScenario returned: only these are run (a look-alike object is refused). */
const loadedScenarios = new WeakSet<object>();

/** The scenario behind a LoadedScenario, or the one an id or path names. */
function scenarioOf(scenario: LoadedScenario | string): Scenario {
  if (typeof scenario === 'string') return load(scenario);
  if (!loadedScenarios.has(scenario)) throw new UsageError('pass a scenario that loadScenario returned (or its id or path)');
  return scenario as unknown as Scenario;
}

/** A shipped scenario by id, or a scenario .json file by path, validated (throws with the file and field of each problem). */
export function loadScenario(ref: string): LoadedScenario {
  const s = load(ref);
  loadedScenarios.add(s);
  return s;
}

/** One epoch of one run, as onEpoch sees it. */
export interface EpochInfo {
  readonly run: string;
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly testAccuracy?: number;
}

export interface RunScenarioOptions {
  /** Seed for data, initial weights and order (default: the scenario's). */
  readonly seed?: number | string;
  /**
   * Run ids or model ids (default: every run of the scenario). A model the scenario does not run is
   * tried on its data with its defaults, as `run <scenario> --model <id>`; a plugin object is
   * registered first (its id must not be a built-in's).
   */
  readonly models?: readonly (string | ModelPlugin)[];
  /** Epoch budget (default: each run's). */
  readonly epochs?: number;
  /** Parameter overrides as the CLI's -p: `key=value` for every run, `run.key=value` for one. */
  readonly params?: readonly string[];
  /** Train every run's whole budget, past its target (--full-budget). */
  readonly fullBudget?: boolean;
  /** Called after every epoch of every run. */
  readonly onEpoch?: (info: EpochInfo) => void;
}

/** A plugin object given to the API: checked as check-plugin checks it, then registered under its id. */
function modelId(model: string | ModelPlugin): string {
  if (typeof model === 'string') return model;
  const { id, checks } = describeChecks(model);
  const bad = checks.find((c) => !c.ok);
  if (bad) throw new PluginError(`not a valid plugin (${id}): ${bad.problem}`);
  if (MODELS.has(model.meta.id)) throw new PluginError(`plugin id "${model.meta.id}" is a built-in model; give yours another id`);
  registerPlugin(model, `api:${model.meta.id}`);
  return model.meta.id;
}

/** Trains the scenario's (or the named) models and checks its claims: the document `run --json` prints. */
export function runScenario(scenario: LoadedScenario | string, opts: RunScenarioOptions = {}): RunReportDocument {
  const loaded = scenarioOf(scenario);
  const only = opts.models?.length ? opts.models.map(modelId) : undefined;
  const s = only ? withTriedModels(loaded, only) : loaded;
  const params = parseParamOverrides(s, only, opts.params ?? []);
  const input = { scenario: s, params, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}), ...(only ? { only } : {}), ...(opts.fullBudget ? { fullBudget: true } : {}) };
  const onEpoch = opts.onEpoch;
  const result = executeScenario(s, {
    ...input,
    ...(onEpoch
      ? {
          onEpoch: (run) => {
            const h = run.latest;
            onEpoch({ run: run.spec.id, epoch: h.epoch, loss: h.loss, accuracy: h.accuracy, ...(h.testAccuracy !== undefined ? { testAccuracy: h.testAccuracy } : {}) });
          },
        }
      : {}),
  });
  const doc: RunDocument = runDocument(result, s.title, encodeShare(input), (r) => receiptLine(r.receipt, r));
  return doc satisfies RunReportDocument;
}

/** What `verify --json` prints: every claim of the named (default: every shipped) scenario, checked. */
export function verify(scenarios: readonly string[] = []): VerifyReport {
  const claims: VerifiedClaim[] = verifyClaims(scenarios);
  const failed = claims.filter((c) => !c.holds).length;
  return { ok: failed === 0, passed: claims.length - failed, failed, claims } satisfies VerifyReport;
}

export interface SweepApiOptions {
  /** The run (or model) ids to sweep, each on its own; needed when the scenario runs more than one. A model it does not run is tried on its data. */
  readonly models?: readonly string[];
  /** Number of seeds (default 100), from `first` (default 1, or the run's own pinned seed). */
  readonly seeds?: number;
  readonly first?: number;
  readonly epochs?: number;
  /** Overrides as -p. */
  readonly params?: readonly string[];
  /** A grid as --grid: `learningRate=0.1,0.5`, `hidden=[2],[4]`; one cell per combination. */
  readonly grid?: readonly string[];
  /** Keep every seed's per-epoch history. */
  readonly histories?: boolean;
  /** Worker threads (default: one per core; 1 runs in this thread). Results do not depend on it. */
  readonly workers?: number;
}

/** Models of a scenario over many seeds: the document `sweep --json` prints (solved share, epoch quartiles, final loss, every seed). */
export async function sweep(scenario: LoadedScenario | string, opts: SweepApiOptions = {}): Promise<SweepReport | { readonly scenario: string; readonly sweeps: readonly SweepReport[] }> {
  const s = scenarioOf(scenario);
  const cores = availableParallelism();
  const report: SweepDoc | { scenario: string; sweeps: SweepDoc[] } = await sweepReport(s, {
    ...(opts.models?.length ? { models: opts.models } : {}),
    seeds: opts.seeds ?? 100,
    ...(opts.first !== undefined ? { first: opts.first } : {}),
    ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}),
    params: opts.params ?? [],
    grid: opts.grid ?? [],
    histories: Boolean(opts.histories),
    workers: Math.min(opts.workers ?? cores, cores),
  });
  const typed: SweepReport | { readonly scenario: string; readonly sweeps: readonly SweepReport[] } = report;
  return typed;
}
