/**
 * The state of a lab: scenario, which model, seed, parameter overrides, compare and gradient
 * toggles, and the open dialog (parameter form, scenario picker). Keys are handled in Lab.tsx.
 */
import { useMemo, useState } from 'react';
import type { RunSpec } from '../../core/runner.js';
import type { Params } from '../../core/types.js';
import type { Scenario } from '../../scenarios/loader.js';
import { useKeyHold } from './use-keys.js';
import { modelChoices, nextSeed, tryLoadScenario, type ModelChoice, type Seed } from '../session.js';

export type Dialog = 'none' | 'params' | 'scenario';

export interface LabState {
  readonly scenario: Scenario | null;
  /** Why the scenario could not be opened. */
  readonly problem: string | null;
  readonly choices: readonly ModelChoice[];
  readonly choice: ModelChoice | null;
  readonly specs: readonly RunSpec[];
  readonly seed: Seed;
  readonly compare: boolean;
  readonly gradients: boolean;
  readonly dialog: Dialog;
  readonly note: string | null;
  open(id: string): void;
  nextModel(): void;
  reset(): void;
  reseed(): void;
  toggleCompare(on?: boolean): void;
  toggleGradients(): void;
  setDialog(d: Dialog): void;
  applyParams(runId: string, params: Params): void;
  setNote(n: string | null): void;
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

export function useLab(initial: { scenario: string; run?: string; compare?: boolean; gradients?: boolean; seed?: Seed }): LabState {
  const [scenarioId, setScenarioId] = useState(initial.scenario);
  const loaded = useMemo(() => tryLoadScenario(scenarioId), [scenarioId]);
  const scenario = typeof loaded === 'string' ? null : loaded;
  const [seedOverride, setSeed] = useState<Seed | undefined>(initial.seed);
  const seed = seedOverride ?? scenario?.seed ?? 1;
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Params>>(new Map());
  const [index, setIndex] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const [compare, setCompare] = useState(Boolean(initial.compare));
  const [gradients, setGradients] = useState(Boolean(initial.gradients));
  const [dialog, setDialogNow] = useState<Dialog>('none');
  const holdKeys = useKeyHold(dialog);
  const [note, setNote] = useState<string | null>(null);

  const built = useMemo((): { choices: ModelChoice[]; error: string | null } => {
    if (!scenario) return { choices: [], error: null };
    try {
      return { choices: modelChoices(scenario, seed, overrides), error: null };
    } catch (e) {
      return { choices: [], error: (e as Error).message };
    }
    // generation: `r` rebuilds the same runs from the same seed.
  }, [scenario, seed, overrides, generation]);
  const choices = built.choices;
  const first = initial.run ? Math.max(0, choices.findIndex((c) => c.id === initial.run || c.spec.plugin.meta.id === initial.run)) : 0;
  const i = Math.min(index ?? first, Math.max(0, choices.length - 1));
  const choice = choices[i] ?? null;
  const partner = partnerOf(choices, i);
  const specs = useMemo(
    () => (choice ? (compare && partner >= 0 ? [choice.spec, choices[partner]!.spec] : [choice.spec]) : []),
    [choice, compare, partner, choices],
  );

  return {
    scenario,
    problem: typeof loaded === 'string' ? loaded : built.error,
    choices,
    choice,
    specs,
    seed,
    compare,
    gradients,
    dialog,
    note,
    open(id) {
      setScenarioId(id);
      setIndex(null);
      setSeed(undefined);
      setOverrides(new Map());
      setNote(null);
    },
    nextModel() {
      if (choices.length > 1) setIndex((i + 1) % choices.length);
      setNote(null);
    },
    reset() {
      setGeneration((g) => g + 1);
      setNote(`reset: same seed ${seed}`);
    },
    reseed() {
      const next = nextSeed(seed);
      setSeed(next);
      setNote(`new seed: ${next} (was ${seed})`);
    },
    toggleCompare: (on) => setCompare((c) => on ?? !c),
    toggleGradients: () => setGradients((g) => !g),
    setDialog(d) {
      // The dialog (or the lab again) takes the keys typed after the one that opened it.
      if (d !== dialog) holdKeys();
      setDialogNow(d);
    },
    applyParams(runId, params) {
      setOverrides((m) => new Map([...m, [runId, { ...(m.get(runId) ?? {}), ...params }]]));
      setNote(`parameters applied to ${runId}`);
    },
    setNote,
  };
}
