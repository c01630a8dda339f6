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
import type { SeedResult } from './commands/sweep-seeds.js';
import { describeChecks } from './models/contract.js';
import { MODELS } from './models/index.js';
import { PluginError, registerPlugin } from './models/user-plugins.js';
import { executeScenario } from './scenarios/execute.js';
import { loadScenario as load, type Scenario } from './scenarios/loader.js';
import { encodeShare } from './scenarios/share.js';
import { withTriedModels } from './scenarios/tried.js';
import { runDocument, type RunDocument } from './report/run-file.js';

export type { Scenario, RunDocument, VerifiedClaim, SeedResult, SweepDoc };
export type { RunResult, ScenarioResult, PatternRow, PatternTable } from './scenarios/execute.js';
export type { ClaimResult } from './scenarios/claims.js';

/** A shipped scenario by id, or a scenario .json file by path, validated (throws with the file and field on a problem). */
export const loadScenario = (ref: string): Scenario => load(ref);

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
export function runScenario(scenario: Scenario | string, opts: RunScenarioOptions = {}): RunDocument {
  const loaded = typeof scenario === 'string' ? load(scenario) : scenario;
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
  return runDocument(result, s.title, encodeShare(input));
}

/** What `verify --json` prints: every claim of the named (default: every shipped) scenario, checked. */
export function verify(scenarios: readonly string[] = []): { ok: boolean; passed: number; failed: number; claims: VerifiedClaim[] } {
  const claims = verifyClaims(scenarios);
  const failed = claims.filter((c) => !c.holds).length;
  return { ok: failed === 0, passed: claims.length - failed, failed, claims };
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
export function sweep(scenario: Scenario | string, opts: SweepApiOptions = {}): ReturnType<typeof sweepReport> {
  const s = typeof scenario === 'string' ? load(scenario) : scenario;
  const cores = availableParallelism();
  return sweepReport(s, {
    ...(opts.models?.length ? { models: opts.models } : {}),
    seeds: opts.seeds ?? 100,
    ...(opts.first !== undefined ? { first: opts.first } : {}),
    ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}),
    params: opts.params ?? [],
    grid: opts.grid ?? [],
    histories: Boolean(opts.histories),
    workers: Math.min(opts.workers ?? cores, cores),
  });
}
