/**
 * The lab's edits of its data, headless: the data keys on a generated 2-D set (noise, test share,
 * feature inputs, a new seed for the points) and points added by hand (a click, or the cursor and
 * Enter; undo; the class of the next one). Each builds the data again and restarts the runs on it
 * (the lab's editData), and the edit travels in the share string and the export. The note says
 * what changed, or why nothing did.
 */
import type { Scenario } from '../scenarios/loader.js';
import type { Tr } from '../i18n/index.js';
import { exact } from '../core/format.js';
import { FEATURES, type Feature } from '../data/features.js';
import { MAX_ADDED_POINTS, pointAt, type AddedPoint } from '../data/added-points.js';
import { isPlaneData, dataEditable, dataSetting, featureList, nextFeatures, nextNoise, nextTestShare, type DataEdit } from '../scenarios/data-edit.js';
import { nextSeed, type ModelChoice, type Seed } from './choices.js';
import { domainOf } from './field.js';
import { pointsRefused } from './keys-off.js';
import type { LabState, LabStateAction } from './lab-state.js';

/** What the edits read of the lab and may ask of it. */
export interface EditHost {
  readonly lab: {
    readonly tr: Tr;
    readonly scenario: Scenario | null;
    readonly seed: Seed;
    readonly choices: readonly ModelChoice[];
    readonly index: number;
    readonly pointClass: number;
    readonly cursor: LabState['cursor'];
    readonly added: readonly AddedPoint[];
    dispatch(action: LabStateAction): void;
  };
  /** Says a note (null clears it). */
  say(note: string | null): void;
  /** The scenario with the edit applied and the runs restarted on it; false (the reason said) when refused. */
  editData(edit: DataEdit): boolean;
  /** The cells of the map drawn last (the cursor steps one). */
  mapCells(): { readonly cols: number; readonly rows: number };
}

/** The data keys and the points by hand of one lab. */
export class LabEdits {
  constructor(private readonly host: EditHost) {}

  private get tr(): Tr {
    return this.host.lab.tr;
  }

  /** The feature inputs now (null when the data is not a generated 2-D set). */
  features(): readonly Feature[] | null {
    const s = this.host.lab.scenario;
    return s && dataEditable(s) ? (dataSetting(s)?.features ?? null) : null;
  }

  /** A feature input on or off: the input width changes, so the runs restart on the lifted data; one stays on. */
  toggleFeature(feature: Feature): void {
    const now = this.dataNow();
    if (!now) return;
    const on = now.features.includes(feature);
    if (on && now.features.length === 1) return this.host.say(this.tr.t('note.featureLast', { feature: featureList([feature]) }));
    const to = FEATURES.filter((f) => (f === feature ? !on : now.features.includes(f)));
    if (this.host.editData({ features: to })) this.host.say(this.tr.t('note.dataFeatures', { from: featureList(now.features), to: featureList(to) }));
  }

  changeNoise(way: 1 | -1): void {
    const now = this.dataNow();
    if (!now) return;
    const to = nextNoise(now.noise, way);
    if (to === undefined) return this.host.say(this.tr.t('note.dataBound', { what: this.tr.t('data.noise'), value: exact(now.noise) }));
    if (this.host.editData({ noise: to })) this.host.say(this.tr.t('note.dataNoise', { from: exact(now.noise), to: exact(to), ...this.counts() }));
  }

  changeTestShare(way: 1 | -1): void {
    const now = this.dataNow();
    if (!now) return;
    const to = nextTestShare(now.testFraction, way);
    if (to === undefined) return this.host.say(this.tr.t('note.dataBound', { what: this.tr.t('data.test'), value: `${Math.round(now.testFraction * 100)} %` }));
    if (this.host.editData({ testFraction: to })) this.host.say(this.tr.t('note.dataTest', { from: Math.round(now.testFraction * 100), to: Math.round(to * 100), ...this.counts() }));
  }

  newData(): void {
    if (!this.dataNow()) return;
    const was = this.host.lab.scenario!.dataEdit?.seed ?? this.host.lab.seed;
    const next = nextSeed(was);
    if (this.host.editData({ seed: next })) this.host.say(this.tr.t('note.dataSeed', { seed: next, was, ...this.counts() }));
  }

  cycleFeatures(): void {
    const now = this.dataNow();
    if (!now) return;
    const to = nextFeatures(now.features);
    if (this.host.editData({ features: to })) this.host.say(this.tr.t('note.dataFeatures', { from: featureList(now.features), to: featureList(to) }));
  }

  /**
   * A point of the plane added to the training rows of every run (a click on the map, or Enter at
   * the point cursor): the runs restart on the data with it. `other`: the class not selected.
   */
  addPoint(x1: number, x2: number, other = false): void {
    const { lab } = this.host;
    const data = lab.choices[lab.index]?.spec.data;
    if (this.refusePoints() || !data) return;
    const label = other ? (lab.pointClass === 0 ? 1 : 0) : Math.min(lab.pointClass, data.classes - 1);
    if (lab.added.length >= MAX_ADDED_POINTS) return this.host.say(this.tr.t('points.full', { max: MAX_ADDED_POINTS }));
    if (!this.host.editData({ points: [...lab.added, pointAt(x1, x2, label)] })) return;
    this.host.say(this.tr.t('points.added', { label, x1: exact(Math.round(x1 * 100) / 100), x2: exact(Math.round(x2 * 100) / 100), n: lab.added.length, ...this.counts() }));
  }

  /** `a`: the point cursor on the map (the keyboard's click), or off. */
  toggleCursor(): void {
    const { lab } = this.host;
    if (lab.cursor) return lab.dispatch({ type: 'cursor', at: null, note: null });
    if (this.refusePoints()) return;
    lab.dispatch({ type: 'cursor', at: { u: 0.5, v: 0.5 }, note: this.tr.t('points.cursor', { label: lab.pointClass }) });
  }

  /** The arrows while the cursor is on: one cell of the map across or down. */
  moveCursor(dc: number, dr: number): void {
    this.host.lab.dispatch({ type: 'cursorMove', dc, dr, ...this.host.mapCells() });
  }

  /** Enter at the cursor: a point of the selected class where it stands. */
  addAtCursor(): void {
    const { lab } = this.host;
    const data = lab.choices[lab.index]?.spec.data;
    if (!lab.cursor || !data) return;
    const d = domainOf(data);
    this.addPoint(d.x[0] + lab.cursor.u * (d.x[1] - d.x[0]), d.y[1] - lab.cursor.v * (d.y[1] - d.y[0]));
  }

  /** Removes the last point added by hand (the runs restart). */
  removePoint(): void {
    const { lab } = this.host;
    if (lab.added.length === 0) return this.host.say(this.tr.t('points.none'));
    if (!this.host.editData({ points: lab.added.slice(0, -1) })) return;
    this.host.say(this.tr.t('points.removed', { n: lab.added.length, ...this.counts() }));
  }

  /** The class the next point gets: the next one of the data's classes. */
  switchClass(): void {
    const { lab } = this.host;
    // where no point can be added, a class for them would be an empty promise: the refusal is said instead
    if (this.refusePoints()) return;
    lab.dispatch({ type: 'pointClass', classes: lab.choices[lab.index]?.spec.data.classes ?? 2 });
    this.host.say(this.tr.t('points.class', { label: lab.pointClass }));
  }

  /** The data setting now, or null (and a note) when the scenario's data is not a generated 2-D set. */
  private dataNow(): ReturnType<typeof dataSetting> {
    const s = this.host.lab.scenario;
    const setting = s && dataEditable(s) ? dataSetting(s) : null;
    if (!setting) this.host.say(this.tr.t('note.dataUnavailable', { kind: s?.runs.find((r) => !isPlaneData(r.data))?.data.kind ?? '-' }));
    return setting;
  }

  /** The training and test rows of the run on screen (for the notes). */
  private counts(): { train: number; test: number } {
    const { lab } = this.host;
    const data = lab.choices[lab.index]?.spec.data;
    return { train: data?.inputs.length ?? 0, test: data?.test?.inputs.length ?? 0 };
  }

  /**
   * True (with the note saying why) when points by hand cannot be added here: the data on screen,
   * or any of the scenario's own runs' data (prepareRuns appends a point to each), takes none.
   */
  private refusePoints(): boolean {
    const { lab } = this.host;
    const why = pointsRefused(lab.choices[lab.index]?.spec.data ?? null, lab.choices.filter((c) => c.own).map((c) => c.spec.data));
    if (why) this.host.say(this.tr.t(why === 'regression' ? 'points.regression' : 'points.unavailable'));
    return why !== null;
  }
}
