/**
 * A lab, headless: one scenario, the model on screen (or two side by side), playback at a pace,
 * and the view the screen draws. No React here: the UI calls tick() and the actions, then draws
 * view(); the lesson tests drive the same object with a fake clock.
 *
 * Side by side, each run plays until its own outcome is decided; a decided run keeps its verdict
 * while the other plays on, and playing stops when the last one is decided (or, for a verdict that
 * asks to play on, once its explosion is visible).
 */
import type { Params } from '../core/types.js';
import type { Scenario } from '../scenarios/loader.js';
import { claimRuns } from '../scenarios/claims.js';
import { EN_TR, type Tr } from '../i18n/index.js';
import { claimViews, receiptViews, type ClaimView, type ReceiptView } from './claims.js';
import { modelChoices, nextSeed, partnerOf, tryLoadScenario, type ModelChoice, type Seed } from './choices.js';
import { Leaderboard } from './leaderboard.js';
import { shareOf } from './export.js';
import { LAB_PLAY_ON, Lane, type PlayOn } from './lane.js';
import { labView, type LabView } from './lab-view.js';
import { laneFacts, laneShape, type LabShape, type LaneFacts, type LaneShape } from './lab-shape.js';
import { memo, sameData } from './memo.js';
import { NO_FIELDS, laneFields, laneView, type FieldRequest, type LaneFields } from './lane-view.js';
import type { LiveSchedule } from '../core/runner.js';
import { LiveRow, changeLive, withChange } from './live.js';
import type { Feature } from '../data/features.js';
import { withDataEdit, type DataEdit } from '../scenarios/data-edit.js';
import { DEFAULT_PACE, PACES, paceIndex, type Pace } from './pace.js';
import { initialLabState, reduceLab, type LabState, type LabStateAction } from './lab-state.js';
import { IDLE_PLAYER, SLICE_MS, measure, owe, paused, played, restarted, unmeasured, type Player } from './player.js';
import type { LaneView } from './views.js';
import { NetworkState } from './network-view.js';
import type { AddedPoint } from '../data/added-points.js';
import { keysOff } from './keys-off.js';
import { LabEdits } from './lab-edits.js';

export type { LabShape, LaneShape } from './lab-shape.js';
export type { LabView } from './lab-view.js';

export interface LabOptions {
  readonly scenario: string | Scenario;
  /** The run (or model id) shown first. */
  readonly run?: string;
  /** Side by side: true for the run's partner, or the two run ids. */
  readonly compare?: boolean | readonly [string, string];
  readonly seed?: Seed;
  readonly overrides?: ReadonlyMap<string, Params>;
  /** Live changes made while training (η, momentum…), per run id (a share string's, or a replay's). */
  readonly liveSchedule?: LiveSchedule;
  /** An epoch budget for every run of the scenario (instead of its own). */
  readonly epochs?: number;
  /** The share string this lab was opened from. */
  readonly share?: string;
  readonly gradients?: boolean;
  readonly pace?: Pace;
  readonly autoplay?: boolean;
  /** Per run id: play on after a divergence until it is visible. */
  readonly playOn?: Readonly<Record<string, PlayOn>>;
  /** Wall clock for the training slices (ms). @default performance.now */
  readonly clock?: () => number;
  /** The language of its words. @default English */
  readonly tr?: Tr;
  /** Record decided runs in a challenge's leaderboard (the tour does not). @default true */
  readonly leaderboard?: boolean;
}

/** Least time between two recomputations of the decision fields while playing. */
const FIELD_MS = 150;

/** A run as the lab holds it: the lane (mutable training state), the facts its layout needs (computed once, as it is built), its view memos. */
interface Built {
  readonly lane: Lane;
  readonly facts: LaneFacts;
  readonly fields: (version: number, request: FieldRequest | null, layer: number, unit: number, open: boolean) => LaneFields;
  readonly view: (version: number, choice: ModelChoice, slot: number, playingOn: boolean) => LaneView;
  /** When the fields were last computed, and at which version of the run (they refresh at most every FIELD_MS while playing). */
  fieldsAt: { readonly version: number; readonly at: number; readonly fields: LaneFields } | null;
}

export class LabSession {
  /** The lab's own settings (lab-state.ts): one immutable value, replaced only by reduceLab. */
  private s: LabState;
  /** The scenario on screen: the one opened, with the data keys' edit applied. */
  private scenarioNow: Scenario | null = null;
  /** The scenario as opened (a share string's may already carry a data edit). */
  private base: Scenario | null = null;
  private problemNow: string | null = null;
  private seedNow: Seed = 1;
  private overridesNow: ReadonlyMap<string, Params>;
  /** Live changes made while training (the η keys, the live row), per run id: kept by a reset, carried by the share string. */
  private schedule: LiveSchedule;
  /** The live row's state (live.ts). */
  private readonly live = new LiveRow();
  private choicesNow: readonly ModelChoice[] = [];
  /** The runs built so far (by choice id): each lane with its facts and its memos, kept while the seed and parameters stay. */
  private readonly built = new Map<string, Built>();
  /** The player's clock arithmetic (player.ts): the previous tick, the units owed, the pace measured while playing. */
  private player: Player = IDLE_PLAYER;
  private readonly clock: () => number;
  readonly tr: Tr;
  /** The network view's state (issue 25): on or off, the selected unit, opened or not. */
  private readonly net = new NetworkState();
  /** Cells of the map drawn last (the cursor steps one cell). */
  private mapCells: { cols: number; rows: number } = { cols: 24, rows: 12 };
  /** The data keys and the points by hand (lab-edits.ts): each builds the data again and restarts the runs. */
  readonly edits = new LabEdits({
    lab: this,
    say: (note) => (this.note = note),
    editData: (edit) => this.editData(edit),
    mapCells: () => this.mapCells,
  });

  /** The settings now (immutable: an action replaces it). */
  get state(): LabState {
    return this.s;
  }
  /** Changes the settings: the one way they change. */
  dispatch(action: LabStateAction): void {
    this.s = reduceLab(this.s, action);
  }
  get scenario(): Scenario | null {
    return this.scenarioNow;
  }
  get problem(): string | null {
    return this.problemNow;
  }
  get seed(): Seed {
    return this.seedNow;
  }
  get overrides(): ReadonlyMap<string, Params> {
    return this.overridesNow;
  }
  get liveSchedule(): LiveSchedule {
    return this.schedule;
  }
  get choices(): readonly ModelChoice[] {
    return this.choicesNow;
  }
  get index(): number {
    return this.s.index;
  }
  get compare(): boolean {
    return this.s.compare;
  }
  get gradients(): boolean {
    return this.s.gradients;
  }
  get playing(): boolean {
    return this.s.playing;
  }
  get playingOn(): boolean {
    return this.s.playingOn;
  }
  get pace(): number {
    return this.s.pace;
  }
  get note(): string | null {
    return this.s.note;
  }
  private set note(note: string | null) {
    this.dispatch({ type: 'note', note });
  }
  get exportNote(): LabState['exportNote'] {
    return this.s.exportNote;
  }
  get exports(): number {
    return this.s.exports;
  }
  get pointClass(): number {
    return this.s.pointClass;
  }
  get cursor(): LabState['cursor'] {
    return this.s.cursor;
  }
  /** Whether the last frame drew the network view (its keys apply then). */
  get netShown(): boolean {
    return this.net.shown;
  }
  /** The network view's state now (a copy): on or off, the unit selected, opened or not, drawn by the last frame or not. */
  get network(): { readonly mode: NetworkState['mode']; readonly layer: number; readonly unit: number; readonly open: boolean; readonly shown: boolean } {
    const { mode, layer, unit, open, shown } = this.net;
    return { mode, layer, unit, open, shown };
  }
  /** Whether the live row is open (its keys apply then). */
  get liveOpen(): boolean {
    return this.live.open;
  }
  /** Points added by hand (a click on the map, or the point cursor), appended to every run's training rows: part of the data edit, so of the share string. */
  get added(): readonly AddedPoint[] {
    return this.scenario?.dataEdit?.points ?? [];
  }

  constructor(private readonly opts: LabOptions) {
    this.tr = opts.tr ?? EN_TR;
    this.overridesNow = opts.overrides ?? new Map();
    this.schedule = opts.liveSchedule ?? new Map();
    this.s = initialLabState({ compare: opts.compare, gradients: opts.gradients, autoplay: opts.autoplay, pace: opts.pace ? paceIndex(opts.pace) : DEFAULT_PACE });
    this.clock = opts.clock ?? (() => performance.now());
    this.load(opts.scenario, opts.seed);
    const first = this.s.pair?.[0] ?? opts.run;
    if (first) this.dispatch({ type: 'model', index: Math.max(0, this.choices.findIndex((c) => c.id === first || c.spec.plugin.meta.id === first)) });
  }

  private load(ref: string | Scenario, seed?: Seed): void {
    const loaded = tryLoadScenario(ref, this.tr);
    this.scenarioNow = typeof loaded === 'string' ? null : loaded;
    this.base = this.scenarioNow;
    this.problemNow = typeof loaded === 'string' ? loaded : null;
    this.seedNow = seed ?? this.scenarioNow?.seed ?? 1;
    this.leaderboard = this.scenario?.leaderboard && this.opts.leaderboard !== false ? new Leaderboard(this.scenario.id, this.tr) : null;
    this.rebuild();
  }

  private rebuild(): void {
    this.player = unmeasured(this.player);
    this.built.clear();
    if (!this.scenarioNow) this.choicesNow = [];
    else {
      try {
        this.choicesNow = modelChoices(this.scenarioNow, this.seed, this.overrides, this.opts.epochs, this.tr, this.liveSchedule);
        this.problemNow = this.choicesNow.length === 0 ? this.tr.t('lab.scenarioHasNoRuns') : null;
      } catch (e) {
        this.choicesNow = [];
        this.problemNow = (e as Error).message;
      }
    }
    this.dispatch({ type: 'rebuilt', count: this.choicesNow.length });
  }

  /** Indices of the choices on screen: the model, and its partner in a comparison. */
  private shown(): number[] {
    if (this.choices.length === 0) return [];
    if (!this.compare) return [this.index];
    const pair = this.s.pair;
    const named = pair ? this.choices.findIndex((c) => c.id === pair[1]) : -1;
    const partner = named >= 0 && named !== this.index ? named : partnerOf(this.choices, this.index);
    return partner >= 0 ? [this.index, partner] : [this.index];
  }

  /** The run of choice `i`, built on first sight with its facts (the one time layout's questions reach the model). */
  private builtOf(i: number): Built {
    const choice = this.choices[i]!;
    let b = this.built.get(choice.id);
    if (!b) {
      const lane = new Lane(choice.spec, this.opts.playOn?.[choice.id] ?? LAB_PLAY_ON, this.tr);
      b = this.build(lane);
      this.built.set(choice.id, b);
    }
    return b;
  }

  private build(lane: Lane): Built {
    const tr = this.tr;
    const b: Built = {
      lane,
      facts: laneFacts(lane),
      fieldsAt: null,
      // The decision fields (a model call per pixel), computed again when the run or the request changed;
      // `version` is the run's, held back while playing for FIELD_MS (fields sampled at half resolution then).
      // (whether playing is not an argument: fields computed while playing stand until the run changes, as before)
      fields: memo((_version: number, request: FieldRequest | null, _layer: number, _unit: number, _open: boolean): LaneFields => laneFields(lane, request, this.playing, this.net), sameData),
      // The rest of the view changes only when the run does (a 64 × 64 net's weights are 4,000 numbers).
      view: memo((_version: number, choice: ModelChoice, slot: number, playingOn: boolean): LaneView => laneView(lane, choice, slot, NO_FIELDS, playingOn, tr)),
    };
    return b;
  }

  /** The runs on screen (built on first sight, kept while the seed and parameters stay). */
  lanes(): Lane[] {
    return this.shown().map((i) => this.builtOf(i).lane);
  }

  /** True when every run on screen has nothing more to play by itself. */
  get settled(): boolean {
    return this.lanes().every((l) => l.settled);
  }

  // Actions (one per key of the lab's keymap).

  toggle(): void {
    if (this.playing) return this.dispatch({ type: 'toggle', settled: false, canPlay: false });
    // Space after every verdict plays on: the teacher shows what happens next.
    const settled = this.settled;
    this.dispatch({ type: 'toggle', settled, canPlay: this.lanes().some((l) => l.canAdvance(settled)) });
    this.player = restarted(this.player);
  }
  pause(): void {
    this.dispatch({ type: 'pause' });
  }
  epoch(): void {
    this.pause();
    for (const l of this.lanes()) l.advance('epoch', true);
    this.record();
  }
  pattern(): void {
    this.pause();
    for (const l of this.lanes()) l.advance('pattern', true);
    this.record();
  }
  faster(): void {
    this.dispatch({ type: 'faster' });
    this.player = unmeasured(this.player);
  }
  slower(): void {
    this.dispatch({ type: 'slower' });
    this.player = unmeasured(this.player);
  }
  reset(): void {
    this.rebuild();
    this.note = this.tr.t('note.reset', { seed: this.seed });
  }
  reseed(): void {
    const was = this.seed;
    this.seedNow = nextSeed(was);
    this.rebuild();
    this.note = this.tr.t('note.reseed', { seed: this.seed, was });
  }
  nextModel(): void {
    this.dispatch({ type: 'nextModel', count: this.choices.length });
  }
  toggleCompare(on?: boolean): void {
    this.dispatch({ type: 'compare', ...(on === undefined ? {} : { on }) });
  }
  toggleGradients(): void {
    this.dispatch({ type: 'gradients' });
  }
  /** The η keys: the learning rate one rung up or down the ladder (changeLive). */
  changeEta(way: 1 | -1): void {
    this.changeLive('learningRate', way);
  }
  /** `v`: the network view on or off (a layered net on plane data; side by side, over each such run). */
  toggleNetwork(): void {
    if (!this.shape().some((s) => s.network)) return void (this.note = this.tr.t('net.unavailable'));
    this.net.toggle();
    this.note = null;
  }
  /**
   * A live change (the η keys, the live row): every run on screen that can change `param` while it
   * trains steps it up or down its ladder and trains on from its current weights (now, or from the
   * next epoch's start when one is under way); the change is kept per run for a reset, the share
   * string and a replay.
   */
  changeLive(param: string, way: 1 | -1): void {
    const made = changeLive(this.lanes(), param, way, this.tr);
    this.schedule = made.changes.reduce((schedule, [run, change]) => withChange(schedule, run, change), this.liveSchedule);
    this.note = made.note;
  }

  /** `o`: opens or closes the live row. */
  toggleLive(): void {
    this.live.toggle();
  }
  /** Esc in the live row: closes it. */
  closeLive(): void {
    this.live.close();
  }
  /** The network view's arrows: another layer (←→) or another unit (↑↓) among those drawn. */
  netMove(layers: number, units: number): void {
    this.net.move(layers, units);
  }
  /** Enter in the network view: opens the selected unit, or closes it. */
  netOpen(): void {
    this.net.toggleOpen();
  }
  /** A click on a unit of the network view: selects it and opens it. */
  netPick(layer: number, unit: number): void {
    this.net.pick(layer, unit);
  }
  /** ↑↓ in the live row: the previous or next knob. */
  liveMove(way: 1 | -1): void {
    this.live.move(this, way);
  }
  /** ←→ in the live row: the selected knob down or up (a feature input toggles, restarting the runs). */
  liveStep(way: 1 | -1): void {
    const knob = this.live.selected(this);
    if (!knob) return void (this.note = this.tr.t('live.none'));
    if (knob.kind === 'param') return this.changeLive(knob.param, way);
    this.edits.toggleFeature(knob.feature);
  }

  /** The feature inputs now (null when the data is not a generated 2-D set). */
  features(): readonly Feature[] | null {
    return this.edits.features();
  }

  /** Applies a data edit and restarts the runs on the new data; false (and the reason in the note) when refused. */
  private editData(edit: DataEdit): boolean {
    try {
      this.scenarioNow = withDataEdit(this.scenarioNow ?? this.base!, edit);
    } catch (e) {
      this.note = (e as Error).message;
      return false;
    }
    this.rebuild();
    return true;
  }

  applyParams(runId: string, params: Params): void {
    const merged = new Map(this.overrides);
    merged.set(runId, { ...(merged.get(runId) ?? {}), ...params });
    this.overridesNow = merged;
    // a value set in the form restarts the run: the changes of that parameter made while it trained no longer apply
    const changes = this.liveSchedule.get(runId);
    if (changes?.some((c) => c.param in params)) {
      const kept = new Map(this.liveSchedule);
      const rest = changes.filter((c) => !(c.param in params));
      if (rest.length) kept.set(runId, rest);
      else kept.delete(runId);
      this.schedule = kept;
    }
    this.rebuild();
    this.note = this.tr.t('note.params', { run: runId });
  }
  open(ref: string | Scenario): void {
    this.dispatch({ type: 'cursor', at: null, note: null });
    this.dispatch({ type: 'model', index: 0, pair: null });
    this.overridesNow = new Map();
    this.schedule = new Map();
    this.load(ref);
  }

  /** Plays every run on screen to its telling moment at once (the printed tour, tests). */
  playToMoment(): void {
    const unit = PACES[this.pace]!.unit;
    for (const l of this.lanes()) while (!l.settled && l.advance(unit, false));
    this.pause();
    this.record();
  }

  /**
   * Plays for the time since the last tick at the current pace (within a slice of the frame), each
   * run until its own outcome; stops when the last one is settled. Returns true when anything moved.
   */
  tick(now: number): boolean {
    if (!this.playing) {
      this.player = paused(this.player);
      return false;
    }
    const pace = PACES[this.pace]!;
    const active = (): Lane[] => this.lanes().filter((l) => (this.playingOn ? l.canAdvance(true) : !l.settled));
    let live = active();
    if (live.length === 0) {
      this.pause();
      return true;
    }
    const due = owe(this.player, pace, now);
    const start = this.clock();
    let moved = 0;
    while (moved < due.units && live.length > 0) {
      for (const l of live) l.advance(pace.unit, this.playingOn);
      moved++;
      live = active();
      if (this.clock() - start >= SLICE_MS) break;
    }
    this.player = played(due, pace, moved, live.length > 0);
    this.record();
    if (live.length === 0) {
      // The telling moment: every run on screen has its verdict.
      this.dispatch({ type: 'settled' });
    }
    return moved > 0 || !this.playing;
  }

  /** What the layout needs before sizing anything. */
  frameShape(tour = false): LabShape {
    const ids = new Set(this.shown().filter((i) => this.choices[i]?.own).map((i) => this.choices[i]!.id));
    const claims = (this.scenario?.claims.filter((c) => claimRuns(c).every((id) => ids.has(id))).length ?? 0) + (this.scenario?.receipts?.length ?? 0);
    return { lanes: this.shape(), claims, gradients: this.gradients, tour, board: this.leaderboard?.board().length ?? 0, network: { mode: this.net.mode, open: this.net.open } };
  }

  /** What the layout needs before sizing: per run, the kind of data and how much there is to show. */
  shape(): LaneShape[] {
    return this.shown().map((i) => this.builtOf(i)).map((b) => laneShape(b.lane, b.facts, this.tr));
  }

  /** The view at `now`, with the decision fields at the sizes the layout asks for (one per run). */
  view(now: number, fields: readonly (FieldRequest | null)[] = []): LabView {
    const shown = this.shown();
    const lanes = shown.map((i, slot) => this.cachedLaneView(i, slot, fields[slot] ?? null, now));
    // what the frame draws: the network view's units (its keys move among them), the map's cells (the cursor steps one)
    this.net.seen(lanes.find((l) => l.network)?.network ?? null);
    const f0 = lanes[0]?.field;
    if (f0 && f0.cols > 0) this.mapCells = { cols: f0.cols, rows: f0.rows };
    return labView({
      state: this.s,
      scenario: this.scenario,
      ref: String(this.opts.scenario),
      problem: this.problem,
      seed: this.seed,
      choices: this.choices,
      shown,
      lanes,
      ...this.claimsNow(shown),
      pace: measure(this.player.samples),
      share: this.shareCache(),
      leaderboard: this.leaderboard?.board() ?? null,
      live: this.live.view(this, this.tr),
      keysOff: this.keysOffMemo(this.scenarioNow, this.choices, this.index, this.added.length, ...shown.flatMap((i) => [i, this.builtOf(i).lane.run, this.builtOf(i).lane.error])),
      tr: this.tr,
    });
  }

  private leaderboard: Leaderboard | null = null;

  /** The keys that would only say "not here" (keys-off.ts): arguments the setting they depend on. */
  private readonly keysOffMemo = memo((..._setting: unknown[]) =>
    keysOff({
      scenario: this.scenario,
      shapes: this.shape(),
      data: this.choices[this.index]?.spec.data ?? null,
      ownData: this.choices.filter((c) => c.own).map((c) => c.spec.data),
      lanes: this.lanes(),
      added: this.added.length,
    }),
  );


  /** A challenge keeps each model's best: a run that has just been decided is recorded once. */
  private record(): void {
    const note = this.leaderboard?.record(this.lanes(), this.seed, (l) => this.choices.find((c) => c.spec === l.spec)?.label ?? l.spec.id);
    if (note) this.note = note;
  }

  /** The share string, encoded again only when the setting changed: the scenario (with its data edit), the seed, the parameters, the live changes, the runs on screen. */
  private shareCache(): string | null {
    return this.shareMemo(this.scenarioNow, this.seedNow, this.overridesNow, this.schedule, ...this.shown().map((i) => this.choices[i]));
  }

  private readonly shareMemo = memo((..._setting: unknown[]): string | null => shareOf(this));

  private cachedLaneView(i: number, slot: number, request: FieldRequest | null, now: number): LaneView {
    const b = this.builtOf(i);
    const lane = b.lane;
    // While playing, the fields refresh at most every FIELD_MS: the version they were computed at stands until then.
    const version = b.fieldsAt && this.playing && now - b.fieldsAt.at < FIELD_MS ? b.fieldsAt.version : lane.version;
    const fields = b.fields(version, request, this.net.layer, this.net.unit, this.net.open);
    if (b.fieldsAt?.fields !== fields) b.fieldsAt = { version: lane.version, at: now, fields };
    const view = b.view(lane.version, this.choices[i]!, slot, this.playingOn);
    if (!lane.run || lane.error) return view;
    return { ...view, field: fields.field, units: fields.units, hiddenUnits: fields.units?.length ?? 0, images: fields.images, network: fields.network ?? null };
  }

  /** The claims panel and the receipts, evaluated again only when a run on screen changed. */
  private claimsNow(shown: readonly number[]): { claims: ClaimView[]; receipts: ReceiptView[] } {
    const s = this.scenario;
    if (!s) return { claims: [], receipts: [] };
    return this.claimsMemo(s, ...shown.flatMap((i) => [this.choices[i], this.builtOf(i).lane.version, this.builtOf(i).lane.decided]));
  }

  /** The claims and receipts of the runs on screen: arguments the scenario, then per run its choice, version and whether decided. */
  private readonly claimsMemo = memo((s: Scenario, ..._runs: unknown[]): { claims: ClaimView[]; receipts: ReceiptView[] } => {
    const shown = this.shown();
    const lanes = shown.map((i) => this.builtOf(i).lane);
    const choices = shown.map((i) => this.choices[i]!);
    return { claims: claimViews(s, lanes, choices, this.tr), receipts: receiptViews(s, lanes, choices, this.tr) };
  });
}
