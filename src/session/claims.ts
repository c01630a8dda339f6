/**
 * The scenario's claims as the lab shows them: each pending while the runs it names still train,
 * then ✓ or ✗ with what was measured. A claim about a run that is not on screen says so.
 */
import { resultOf, type RunResult } from '../scenarios/execute.js';
import { checkClaim, claimRuns, claimText, EN_CLAIM_WORDS, type ClaimWords, type SeedCache } from '../scenarios/claims.js';
import { checkReceipt, receiptRuns } from '../scenarios/receipts.js';
import { receiptLine } from './receipts.js';
import type { Scenario } from '../scenarios/loader.js';
import { OUTCOMES, type Run } from '../core/runner.js';
import type { ModelChoice } from './choices.js';
import type { Lane } from './lane.js';
import { EN_TR, type Tr } from '../i18n/index.js';

export type ClaimState = 'pending' | 'holds' | 'fails' | 'elsewhere';

export interface ClaimView {
  readonly text: string;
  readonly state: ClaimState;
  readonly note?: string;
}

/** Claims over seeds train their runs again: once per finished run, however often the view is drawn. */
const seedCache: SeedCache = new WeakMap();

/** The words around a claim's numbers in the language on screen (English exactly as verify writes it). */
export function claimWords(tr: Tr): ClaimWords {
  if (tr.lang === 'en') return EN_CLAIM_WORDS;
  const outcomes: Readonly<Record<string, string>> = Object.fromEntries(OUTCOMES.map((o) => [o, tr.t(`outcome.${o}` as const)]));
  return {
    atEpoch: (epoch) => tr.t('claim.atEpoch', { epoch }),
    overSeeds: (seeds) => tr.t('claim.overSeeds', { seeds }),
    solvedShare: tr.t('claim.solvedShare'),
    of: (run) => tr.t('claim.of', { run }),
    ends: (run, outcome) => tr.t('claim.ends', { run, outcome }),
    weights: tr.t('claim.weights'),
    outputs: tr.t('claim.outputs'),
    nets: tr.t('claim.nets'),
    inRange: (min, max) => tr.t('claim.inRange', { min, max }),
    got: (value) => tr.t('claim.got', { value }),
    vs: tr.t('claim.vs'),
    nothing: tr.t('claim.nothing'),
    metric: (id) => tr.metric(id),
    outcome: (o) => outcomes[o] ?? o,
  };
}

/** The claims' states, in the language on screen: the scenario's words (notes) from the catalogue, the numbers and run ids as they are. */
export function claimViews(scenario: Scenario, lanes: readonly Lane[], shown: readonly ModelChoice[], tr: Tr = EN_TR): ClaimView[] {
  const words = claimWords(tr);
  const byId = new Map<string, readonly [Run, RunResult]>();
  const onScreen = new Map<string, Lane>();
  lanes.forEach((lane, i) => {
    const choice = shown[i];
    if (!choice?.own) return;
    onScreen.set(choice.id, lane);
    if (lane.run?.done) byId.set(choice.id, [lane.run, resultOf(lane.run, choice.label)]);
  });
  return scenario.claims.map((c, i) => {
    const note = c.note ? { note: tr.claimNote(scenario.id, i, c.note) } : {};
    const runs = claimRuns(c);
    const missing = runs.filter((id) => !onScreen.has(id));
    if (missing.length > 0) return { text: tr.t('claims.elsewhere', { claim: claimText(c, words), runs: missing.join(', ') }), state: 'elsewhere' as const, ...note };
    if (!runs.every((id) => byId.has(id))) return { text: claimText(c, words), state: 'pending' as const, ...note };
    const result = checkClaim(c, byId, words, seedCache);
    if (!result) return { text: claimText(c, words), state: 'pending' as const, ...note };
    return { text: result.claim, state: result.holds ? ('holds' as const) : ('fails' as const), ...note };
  });
}

export type ReceiptState = 'holds' | 'fails' | 'pending' | 'same-kind' | 'differs';

export interface ReceiptView {
  readonly text: string;
  readonly state: ReceiptState;
}

/**
 * The scenario's receipts as the lab shows them under the claims: the published figure beside
 * ours, measured once every run the receipt reads is on screen and done (else "here …").
 */
export function receiptViews(scenario: Scenario, lanes: readonly Lane[], shown: readonly ModelChoice[], tr: Tr = EN_TR): ReceiptView[] {
  const done = new Map<string, RunResult>();
  lanes.forEach((lane, i) => {
    const choice = shown[i];
    if (choice?.own && lane.run?.done) done.set(choice.id, resultOf(lane.run, choice.label));
  });
  return (scenario.receipts ?? []).map((r) => {
    const ready = receiptRuns(r).every((id) => done.has(id));
    const res = ready ? checkReceipt(r, done) : undefined;
    const state: ReceiptState =
      r.comparison === 'same-kind' ? 'same-kind' : r.comparison === 'differs' ? 'differs' : res?.holds === true ? 'holds' : res?.holds === false ? 'fails' : 'pending';
    return { text: receiptLine(r, res, tr), state };
  });
}
