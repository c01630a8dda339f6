/**
 * The lab's view (issue 26): one pure function of the lab's state, its scenario and choices, and
 * the views of the runs on screen (lane-view.ts, remembered per run by the session). It composes;
 * it computes nothing a model would be asked for.
 */
import type { Scenario } from '../scenarios/loader.js';
import type { Tr } from '../i18n/index.js';
import type { ClaimView, ReceiptView } from './claims.js';
import type { ModelChoice, Seed } from './choices.js';
import type { LabState } from './lab-state.js';
import type { LabAction } from './keymaps.js';
import type { LiveRowView } from './live.js';
import type { LaneView } from './views.js';
import { PACES, playedPaceLabel, type PaceMeasure } from './pace.js';
import { dataSetting, featureList } from '../scenarios/data-edit.js';
import { exact } from '../core/format.js';

export interface LabView {
  readonly kind: 'lab';
  readonly scenarioId: string;
  readonly title: string;
  readonly era: string;
  readonly problem: string | null;
  readonly modelLabel: string;
  readonly modelIndex: number;
  readonly modelCount: number;
  readonly lanes: readonly LaneView[];
  readonly claims: readonly ClaimView[];
  /** The scenario's receipts (published figure beside ours), shown under the claims. */
  readonly receipts: readonly ReceiptView[];
  /** A note (reset, new seed, parameters applied) or the text for a model tried on this data. */
  readonly message: string | null;
  /** What `e` just wrote, short enough for the status line (shown at every size). */
  readonly flash: string | null;
  /** The scenario's moral, once every run on screen is settled (its own runs only). */
  readonly moral: string | null;
  readonly playing: boolean;
  readonly pace: string;
  readonly seed: Seed;
  readonly gradients: boolean;
  /** The share string of this setting (scenario, seed, parameters): `neural-eras --share` reopens it. */
  readonly share: string | null;
  /** A challenge's leaderboard (best result per model on this machine), best first; null elsewhere. */
  readonly leaderboard: readonly string[] | null;
  /** The live row (`o`): the knobs and the one selected; null while closed. */
  readonly live: LiveRowView | null;
  /** The keys that can do nothing here but say so (keys-off.ts): their hints are left out. */
  readonly keysOff: ReadonlySet<LabAction>;
}


/** Everything the view is made of. */
export interface LabViewInput {
  readonly state: LabState;
  readonly scenario: Scenario | null;
  /** The scenario as asked for (its id when it could not be loaded). */
  readonly ref: string;
  readonly problem: string | null;
  readonly seed: Seed;
  readonly choices: readonly ModelChoice[];
  /** Indices of the choices on screen. */
  readonly shown: readonly number[];
  /** Their views, fields included. */
  readonly lanes: readonly LaneView[];
  readonly claims: readonly ClaimView[];
  readonly receipts: readonly ReceiptView[];
  /** What the player measured (player.ts). */
  readonly pace: PaceMeasure;
  readonly share: string | null;
  readonly leaderboard: readonly string[] | null;
  readonly live: LiveRowView | null;
  readonly keysOff: ReadonlySet<LabAction>;
  readonly tr: Tr;
}

/** What the data is now, when it is not the scenario file's: its claims were written for that. */
function dataNote(s: Scenario, seed: Seed, tr: Tr): string | null {
  const now = dataSetting(s);
  if (!now) return null;
  return tr.t('lab.dataNote', { noise: exact(now.noise), test: Math.round(now.testFraction * 100), features: featureList(now.features), seed: s.dataEdit?.seed ?? seed });
}

/** The lab's view: a function of its input alone. */
export function labView(i: LabViewInput): LabView {
  const { state: st, scenario: s, seed, choices, shown, tr } = i;
  const lanes = st.cursor && i.lanes[0] ? [{ ...i.lanes[0], cursor: st.cursor }, ...i.lanes.slice(1)] : [...i.lanes];
  const choice = choices[st.index];
  const own = shown.every((k) => choices[k]?.own);
  const added = s?.dataEdit?.points?.length ?? 0;
  const tried = choice && !choice.own && s ? tr.t('lab.tried', { model: tr.card(choice.spec.plugin.meta).name, title: tr.scenarioTitle(s.id, s.title) }) : null;
  const seedNote = s && seed !== s.seed ? tr.t('lab.seedNote', { seed, original: s.seed }) : null;
  const edited = s?.dataEdit ? dataNote(s, seed, tr) : null;
  return {
    kind: 'lab',
    scenarioId: s?.id ?? i.ref,
    title: s ? tr.scenarioTitle(s.id, s.title) : '',
    era: s?.era ?? '',
    problem: i.problem,
    modelLabel: choice?.label ?? '',
    modelIndex: st.index,
    modelCount: choices.length,
    lanes,
    claims: i.claims,
    receipts: i.receipts,
    message: st.note ?? tried ?? (added ? tr.t('points.inData', { n: added }) : null) ?? edited ?? seedNote,
    flash: st.exportNote && st.note === st.exportNote.note ? st.exportNote.status : null,
    moral: own && s?.moral && lanes.length > 0 && lanes.every((l) => l.settled) ? tr.moral(s.id, s.moral) : null,
    playing: st.playing,
    pace: playedPaceLabel(PACES[st.pace]!, i.pace, tr),
    seed,
    gradients: st.gradients,
    share: i.share,
    leaderboard: i.leaderboard,
    live: i.live,
    keysOff: i.keysOff,
  };
}
