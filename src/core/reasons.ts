/**
 * Why a run ended, in structured form: a reason code and the numbers it cites. The English text
 * (the `reason` of the JSON output and the reports) is filled from the templates below; a UI in
 * another language fills its own template for the same code with the same numbers.
 */
import { fill, type TemplateHooks, type TemplateValues } from './template.js';

/** The English template of every reason code (each language's catalogue has one per code too). */
export const REASONS = {
  // The runner: a weight or the loss stopped being a number, or grew past the bound.
  'weight-not-finite': 'weight {index} became {value:raw} at epoch {epoch}',
  'weight-past-bound': 'weight {index} = {value:n4} grew past the bound {bound:num} at epoch {epoch}',
  'loss-not-finite': 'the loss became {loss:raw} at epoch {epoch}',
  // The runner: hand-wired units, cycles, the budget.
  'no-learning': '{model:model} does not learn: its weights are wired by hand, and they do not reach the target',
  'epoch-returns': "the weights at epoch {epoch} equal those at epoch {first}: the epoch's {updates} updates bring the weights back to where it began, so the same epoch repeats for ever, short of the target",
  'fixed-point': 'the weights stopped changing at epoch {first} without reaching the target: a fixed point, so training can get no further',
  cycle: 'the weights at epoch {epoch} equal those at epoch {first}: the same {period} epochs repeat for ever, errors and all, so it can never converge',
  budget: 'epoch budget of {epochs} spent without reaching the target',
  // The models' own stops (an EpochResult's `stop`).
  'adaline-unstable':
    'η = {eta:exact} is above the stability bound 2/λmax(XᵀX) = 2/{lambdaMax:exact} = {bound:exact}: each batch step overshoots along the top eigenvector and the error there grows ×{factor:exact} per epoch (J = {J:exact})',
  'hebb-unbounded': "‖w‖ = {norm:n3}: plain Hebbian growth Δw = η·x·y is unbounded (y grows with w, so w grows faster); Oja's rule adds the decay −η·y²·w",
  'eta-too-large': 'weight {index} became {value:raw} (learning rate {eta:exact} too large?)',
  // The lab's verdicts (session/views.ts): a target reached, or a budget spent on purpose.
  solved: 'target reached at epoch {epoch} ({target}; accuracy {accuracy:percent})',
  finished: 'all {epochs} epochs trained: this experiment has no target, it trains its whole budget',
  'finished-test': 'all {epochs} epochs trained: a run with a held-out test set is judged on it ({test:percent} of the test set right)',
  'finished-test-target': 'all {epochs} epochs trained: a run with a held-out test set is judged on it ({test:percent} of the test set right; the training target {target} was not reached)',
} as const;

export type ReasonCode = keyof typeof REASONS;

/** A reason as data: its code and the values its template cites (numbers stay numbers). */
export interface Cause {
  readonly code: ReasonCode;
  readonly values: TemplateValues;
}

export const cause = (code: ReasonCode, values: TemplateValues = {}): Cause => ({ code, values });

/** The English text of a reason. */
export const reasonText = (c: Cause, hooks: TemplateHooks = {}): string => fill(REASONS[c.code], c.values, hooks);

export const isCause = (v: unknown): v is Cause => typeof v === 'object' && v !== null && typeof (v as Cause).code === 'string' && (v as Cause).code in REASONS;
