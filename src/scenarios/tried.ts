/**
 * A model tried on a scenario's data: any registry model (built-in or --plugin) trained on the
 * data of the scenario's first run, with its own default parameters. The lab's `m` and the CLI's
 * `run <scenario> --model <id>` and `compare` build it here, so both train the same run.
 */
import { resolveParams } from '../core/params.js';
import type { ModelPlugin } from '../core/types.js';
import { findModel, unknownModelText, UnknownModelError } from '../models/index.js';
import type { ResolvedRun, Scenario } from './loader.js';

/** Epochs a model tried on a scenario's data gets at least: the scenario's budget suits its own runs. */
export const TRIED_BUDGET = 2000;

/** The run of `plugin` on the scenario's data (the first run's), with the model's defaults. */
export function triedRun(scenario: Scenario, plugin: ModelPlugin): ResolvedRun {
  const first = scenario.runs[0]!;
  return {
    id: plugin.meta.id,
    label: `${plugin.meta.id} (tried on this data)`,
    plugin,
    given: {},
    params: resolveParams(plugin.meta.params, {}),
    data: first.data,
    epochs: Math.max(first.epochs, TRIED_BUDGET),
  };
}

/** True when a name picks a run of the scenario (its run id or its model id). */
export const inScenario = (scenario: Scenario, name: string): boolean => scenario.runs.some((r) => r.id === name || r.plugin.meta.id === name);

/**
 * The scenario with a tried run added for every name that is not one of its runs but is a known
 * model; an unknown name is refused with the list of known models (and of the scenario's runs).
 */
export function withTriedModels(scenario: Scenario, names: readonly string[]): Scenario {
  const extra: ResolvedRun[] = [];
  for (const name of names) {
    if (inScenario(scenario, name) || extra.some((r) => r.id === name)) continue;
    const plugin = findModel(name);
    if (!plugin) throw new UnknownModelError(`--model ${name}: not a run of scenario ${scenario.id} (it runs: ${scenario.runs.map((r) => r.id).join(', ')}), and ${unknownModelText(name)}`);
    if (!plugin.meta.learns) throw new UnknownModelError(`--model ${name}: ${name} is hand-wired (it does not learn): it can only run in a scenario that sets its weights`);
    extra.push(triedRun(scenario, plugin));
  }
  return extra.length ? { ...scenario, runs: [...scenario.runs, ...extra] } : scenario;
}
