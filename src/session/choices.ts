/**
 * What a lab can train: a scenario's own runs (built exactly as `neural-eras run` builds them,
 * through prepareRuns) plus, for `m`, the other registry models tried on the same data.
 */
import type { LiveChange, RunSpec } from '../core/runner.js';
import type { Params } from '../core/types.js';
import { modelsByYear } from '../models/index.js';
import { Run } from '../core/runner.js';
import { UnknownModelError } from '../models/index.js';
import { prepareRuns, resultOf, type ExecuteOptions, type RunResult } from '../scenarios/execute.js';
import { loadScenario, type Scenario } from '../scenarios/loader.js';
import { TRIED_BUDGET, triedRun } from '../scenarios/tried.js';
import { EN_TR, type Tr } from '../i18n/index.js';

export type Seed = number | string;

export interface ModelChoice {
  readonly id: string;
  readonly label: string;
  readonly spec: RunSpec;
  /** True for the scenario's own runs; false for registry models tried on its data. */
  readonly own: boolean;
}

export { TRIED_BUDGET };

/** The scenario, or a one-line reason why it cannot be opened (missing file, invalid file). */
export function tryLoadScenario(ref: string | Scenario, tr: Tr = EN_TR): Scenario | string {
  if (typeof ref !== 'string') return ref;
  try {
    return loadScenario(ref);
  } catch (e) {
    return (e as Error).message.startsWith('unknown scenario') ? tr.t('lab.unavailable', { id: ref }) : (e as Error).message;
  }
}

/** The next seed after `seed`, derived deterministically (shown in the status bar). */
export const nextSeed = (seed: Seed): Seed => (typeof seed === 'number' ? seed + 1 : `${seed}+1`);

/**
 * Every model the lab can show for a scenario at a seed: its own runs first, then each registry
 * model it does not use, with default parameters, the first run's data and a budget that suits it.
 */
export function modelChoices(scenario: Scenario, seed: Seed, overrides: ReadonlyMap<string, Params> = new Map(), epochs?: number, tr: Tr = EN_TR, liveSchedule: ReadonlyMap<string, readonly LiveChange[]> = new Map()): ModelChoice[] {
  const labels = new Map(scenario.runs.map((r) => [r.id, tr.runLabel(scenario.id, r.id, r.label)]));
  const own = prepareRuns(scenario, { seed, params: overrides, liveSchedule, ...(epochs !== undefined ? { epochs } : {}) }).map((spec) => ({ id: spec.id, label: labels.get(spec.id) ?? spec.id, spec, own: true }));
  const first = own[0]?.spec;
  if (!first) return own;
  const used = new Set(own.map((c) => c.spec.plugin.meta.id));
  const others = modelsByYear()
    .filter((p) => !used.has(p.meta.id) && p.meta.learns)
    .map((plugin) => {
      const id = plugin.meta.id;
      // the defaults a tried model gets are the CLI's (run <scenario> --model <id>): scenarios/tried.ts
      const params = { ...triedRun(scenario, plugin).params, ...(overrides.get(id) ?? {}) };
      const spec: RunSpec = {
        id,
        plugin,
        params,
        data: first.data,
        seed,
        epochs: Math.max(first.epochs, TRIED_BUDGET),
        ...(first.divergeBound ? { divergeBound: first.divergeBound } : {}),
        ...(liveSchedule.get(id)?.length ? { changes: liveSchedule.get(id)! } : {}),
      };
      return { id, label: tr.t('lab.triedLabel', { id }), spec, own: false };
    });
  return [...own, ...others];
}

/**
 * Trains the named choices (the scenario's runs or models tried on its data) to the end, as `run`
 * would: what `run --share` and `replay` use for a string or a file that holds tried models.
 */
export function trainChoices(scenario: Scenario, seed: Seed, ids: readonly string[], overrides: ReadonlyMap<string, Params> = new Map(), epochs?: number, playOn?: ExecuteOptions['playOn'], liveSchedule: ReadonlyMap<string, readonly LiveChange[]> = new Map()): RunResult[] {
  const choices = modelChoices(scenario, seed, overrides, epochs, EN_TR, liveSchedule);
  return ids.map((id) => {
    const choice = choices.find((c) => c.id === id);
    if (!choice) throw new UnknownModelError(`scenario ${scenario.id} cannot try "${id}" on its data`);
    const run = new Run(choice.spec);
    while (run.runEpoch());
    // the lab's "play on" after a divergence: the epochs an export showed past the verdict
    const to = playOn?.to.get(id);
    if (to !== undefined) run.playOnUntil(to, playOn!.most);
    return resultOf(run, choice.label);
  });
}

/** The partner of a model in compare: another run of the scenario, else the MLP, else the next model. */
export function partnerOf(choices: readonly ModelChoice[], index: number): number {
  const me = choices[index];
  if (!me) return -1;
  const own = choices.findIndex((c, i) => i !== index && c.own);
  if (me.own && own >= 0) return own;
  const mlp = choices.findIndex((c, i) => i !== index && c.spec.plugin.meta.id === 'mlp-backprop');
  if (mlp >= 0) return mlp;
  return choices.length > 1 ? (index + 1) % choices.length : -1;
}
