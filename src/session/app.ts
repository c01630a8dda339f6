/**
 * The whole interactive UI, headless: which screen is showing (timeline, lab, tour, scenario
 * picker), the help overlay, the lab's dialogs, and every key, handled one at a time through the
 * screens' keymaps. The React layer feeds it keys and ticks and draws its view; tests drive it
 * directly, so a burst of keys reaches each screen in turn by construction.
 */
import type { Params } from '../core/types.js';
import type { LiveSchedule } from '../core/runner.js';
import type { Scenario } from '../scenarios/loader.js';
import { tryLoadScenario, type Seed } from './choices.js';
import { ERAS } from './eras.js';
import { exportRuns, writeShare } from './export.js';
import { ParamForm, type FormView } from './form.js';
import { CURSOR_KEYS, LAB_KEYS, LIVE_KEYS, NET_KEYS, REPLAY_KEYS, SUMMARY_KEYS, TIMELINE_KEYS, TOUR_KEYS, TOUR_LAB_KEYS, actionOf, helpSteps, type LabAction, type ReplayAction, type Token } from './keymaps.js';
import { ReplaySession, type ReplayView } from './replay.js';
import type { RunDocument } from '../report/run-file.js';
import { LabSession, type LabView } from './lab.js';
import { Picker, type PickerView } from './picker.js';
import { QuizSession, type QuizView } from './quiz.js';
import { TourSession, type SummaryView, type TourView } from './tour.js';
import type { FieldRequest } from './lane-view.js';
import { EN_TR, type Tr } from '../i18n/index.js';

export type Start =
  | { readonly kind: 'timeline' }
  | { readonly kind: 'picker' }
  | { readonly kind: 'tour'; readonly stop?: number }
  | { readonly kind: 'replay'; readonly file: string; readonly doc: RunDocument }
  | {
      readonly kind: 'lab';
      readonly scenario: string | Scenario;
      readonly run?: string;
      readonly overrides?: ReadonlyMap<string, Params>;
      /** Live changes made while training (η, momentum…), per run id (a share string may carry them). */
      readonly liveSchedule?: LiveSchedule;
      /** An epoch budget for every run (a share string may carry one). */
      readonly epochs?: number;
      /** The share string of this setting, shown in the lab. */
      readonly share?: string;
    };

type Screen = { kind: 'timeline' } | { kind: 'picker'; picker: Picker } | { kind: 'lab'; lab: LabSession } | { kind: 'tour'; tour: TourSession } | { kind: 'replay'; replay: ReplaySession };

export interface TimelineView {
  readonly kind: 'timeline';
  readonly at: number;
  /** The story of the selected era's scenario (what its lab shows), as written in its file. */
  readonly story: readonly string[];
}

export type ScreenView = TimelineView | PickerView | LabView | TourView | ReplayView | SummaryView;

export interface AppView {
  readonly screen: ScreenView;
  /** A dialog over the lab (parameter form or scenario picker). */
  readonly dialog: FormView | PickerView | QuizView | null;
  readonly help: boolean;
}

/** Scenarios whose claims are about gradient norms open with the gradient panel. */
const wantsGradients = (s: Scenario | null): boolean => Boolean(s?.claims.some((c) => c.metric?.startsWith('grad')));

export class AppSession {
  /** Text for the terminal's clipboard (OSC 52), taken once by the UI. */
  clipboard: string | null = null;
  private screen: Screen = { kind: 'timeline' };
  era = 0;
  help = false;
  /** The help's first line: how many of its entries (section titles and keys) are scrolled past. */
  helpScroll = 0;
  quit = false;
  private dialog: { kind: 'form'; form: ParamForm } | { kind: 'picker'; picker: Picker } | { kind: 'quiz'; quiz: QuizSession } | null = null;

  constructor(
    start: Start = { kind: 'timeline' },
    private readonly seed?: Seed,
    private readonly clock?: () => number,
    /** The language of every word on screen. */
    readonly tr: Tr = EN_TR,
  ) {
    this.start(start);
  }

  private start(s: Start): void {
    this.dialog = null;
    if (s.kind === 'timeline') this.screen = { kind: 'timeline' };
    else if (s.kind === 'picker') this.screen = { kind: 'picker', picker: new Picker(null, this.tr) };
    else if (s.kind === 'tour') this.screen = { kind: 'tour', tour: new TourSession(s.stop ?? 0, undefined, this.clock, this.tr) };
    else if (s.kind === 'replay') this.screen = { kind: 'replay', replay: new ReplaySession(s.file, s.doc, this.tr) };
    else this.screen = { kind: 'lab', lab: this.openLab(s) };
  }

  private openLab(s: Extract<Start, { kind: 'lab' }>): LabSession {
    const lab = new LabSession({
      scenario: s.scenario,
      ...(s.run ? { run: s.run } : {}),
      ...(this.seed !== undefined ? { seed: this.seed } : {}),
      ...(s.overrides ? { overrides: s.overrides } : {}),
      ...(s.liveSchedule ? { liveSchedule: s.liveSchedule } : {}),
      ...(s.epochs !== undefined ? { epochs: s.epochs } : {}),
      ...(s.share ? { share: s.share } : {}),
      ...(this.clock ? { clock: this.clock } : {}),
      tr: this.tr,
    });
    if (wantsGradients(lab.scenario)) lab.dispatch({ type: 'gradients', on: true });
    return lab;
  }

  /** The lab on screen (the tour's current stop included). */
  get lab(): LabSession | null {
    const s = this.screen;
    return s.kind === 'lab' ? s.lab : s.kind === 'tour' ? (s.tour.summary ? null : s.tour.lab) : s.kind === 'replay' ? s.replay.lab : null;
  }
  get tour(): TourSession | null {
    return this.screen.kind === 'tour' ? this.screen.tour : null;
  }
  get kind(): Screen['kind'] {
    return this.screen.kind;
  }
  get playing(): boolean {
    return this.lab?.playing ?? false;
  }

  /** One key press, handled by the screen (or dialog, or help) showing now. */
  key(t: Token): void {
    if (t === 'ctrl-c') return void (this.quit = true);
    if (this.help) return this.helpKey(t);
    if (this.dialog) return this.dialogKey(t);
    const s = this.screen;
    if (s.kind === 'timeline') return this.timelineKey(t);
    if (s.kind === 'picker') {
      const r = s.picker.key(t);
      if (r === 'cancel') this.start({ kind: 'timeline' });
      else if (r) this.start({ kind: 'lab', scenario: r.open });
      return;
    }
    if (s.kind === 'replay') return this.replayKey(s.replay, t);
    // the live row (issue 25) takes the arrows and Esc while open; every other key is the lab's
    const open = this.lab;
    if (open?.liveOpen) {
      const a = actionOf(LIVE_KEYS, t);
      if (a === 'close') return open.closeLive();
      if (a === 'previous' || a === 'next') return open.liveMove(a === 'previous' ? -1 : 1);
      if (a === 'down' || a === 'up') return open.liveStep(a === 'down' ? -1 : 1);
    }
    if (s.kind === 'tour' && s.tour.summary) {
      const a = actionOf(SUMMARY_KEYS, t);
      if (a === 'timeline' || a === 'leave') return this.start({ kind: 'timeline' });
      if (a === 'back') return s.tour.back();
      if (a === 'up' || a === 'down') return s.tour.scrollBy(a === 'up' ? -1 : 1);
      if (t === '?') this.help = true;
      return;
    }
    if (s.kind === 'tour') {
      const a = actionOf(TOUR_KEYS, t);
      if (a === 'next') return void s.tour.next();
      if (a === 'previous') return s.tour.back();
      if (a === 'leave') return this.start({ kind: 'timeline' });
      return this.labKey(s.tour.lab, actionOf(TOUR_LAB_KEYS, t));
    }
    // the network view on screen takes the arrows and Enter (its units); the lab keeps the rest
    if (s.lab.cursor && this.cursorKey(s.lab, t)) return;
    if (s.lab.netShown && this.netKey(s.lab, t)) return;
    return this.labKey(s.lab, actionOf(LAB_KEYS, t));
  }

  private cursorKey(lab: LabSession, t: Token): boolean {
    const a = actionOf(CURSOR_KEYS, t);
    if (a === 'cursorAdd') lab.edits.addAtCursor();
    else if (a) lab.edits.moveCursor(a === 'cursorLeft' ? -1 : a === 'cursorRight' ? 1 : 0, a === 'cursorUp' ? -1 : a === 'cursorDown' ? 1 : 0);
    return a !== null;
  }

  /** In the help: ↑↓ (k j) scroll it, an entry at a time; any other key closes it. */
  private helpKey(t: Token): void {
    if (t === 'down' || t === 'j') return void (this.helpScroll = Math.min(this.helpScroll + 1, helpSteps(this.tr) - 1));
    if (t === 'up' || t === 'k') return void (this.helpScroll = Math.max(0, this.helpScroll - 1));
    this.help = false;
    this.helpScroll = 0;
  }

  /** A click on the map (issue 25): a point of the selected class there (`other`: shift, the other class). */
  clickMap(x1: number, x2: number, other: boolean): void {
    const lab = this.lab;
    if (lab && !this.dialog && !this.help && this.screen.kind === 'lab') lab.edits.addPoint(x1, x2, other);
  }

  /** A click on a unit of the network view: selects and opens it. */
  clickUnit(layer: number, unit: number): void {
    const lab = this.lab;
    if (lab && !this.dialog && !this.help && this.screen.kind === 'lab') lab.netPick(layer, unit);
  }

  private netKey(lab: LabSession, t: Token): boolean {
    const a = actionOf(NET_KEYS, t);
    if (a === 'unitOpen') lab.netOpen();
    else if (a) lab.netMove(a === 'layerLeft' ? -1 : a === 'layerRight' ? 1 : 0, a === 'unitUp' ? -1 : a === 'unitDown' ? 1 : 0);
    return a !== null;
  }

  private replayKey(r: ReplaySession, t: Token): void {
    const a = actionOf(REPLAY_KEYS, t);
    const step: Partial<Record<ReplayAction, number>> = { back1: -1, forward1: 1, back10: -10, forward10: 10 };
    if (a && step[a] !== undefined) return r.go(r.at + step[a]!);
    if (a === 'start') return r.go(0);
    if (a === 'end') return r.go(r.last);
    if (a === 'gradients') return r.lab.toggleGradients();
    if (a === 'help') return void (this.help = true);
    if (a === 'leave') this.quit = true;
  }

  private timelineKey(t: Token): void {
    const era = ERAS[this.era]!;
    switch (actionOf(TIMELINE_KEYS, t)) {
      case 'up':
        return void (this.era = (this.era + ERAS.length - 1) % ERAS.length);
      case 'down':
        return void (this.era = (this.era + 1) % ERAS.length);
      case 'open':
        if (era.scenario) this.start({ kind: 'lab', scenario: era.scenario, ...(era.run ? { run: era.run } : {}) });
        return;
      case 'tour':
        return this.start({ kind: 'tour' });
      case 'scenario':
        return this.start({ kind: 'picker' });
      case 'help':
        return void (this.help = true);
      case 'quit':
        return void (this.quit = true);
      default:
    }
  }

  private labKey(lab: LabSession, a: LabAction | null): void {
    switch (a) {
      case 'toggle':
        return lab.toggle();
      case 'epoch':
        return lab.epoch();
      case 'pattern':
        return lab.pattern();
      case 'faster':
        return lab.faster();
      case 'slower':
        return lab.slower();
      case 'reset':
        return lab.reset();
      case 'reseed':
        return lab.reseed();
      case 'model':
        return lab.nextModel();
      case 'compare':
        return lab.toggleCompare();
      case 'gradients':
        return lab.toggleGradients();
      case 'etaUp':
        return lab.changeEta(1);
      case 'etaDown':
        return lab.changeEta(-1);
      case 'noiseUp':
        return lab.edits.changeNoise(1);
      case 'noiseDown':
        return lab.edits.changeNoise(-1);
      case 'testUp':
        return lab.edits.changeTestShare(1);
      case 'testDown':
        return lab.edits.changeTestShare(-1);
      case 'newData':
        return lab.edits.newData();
      case 'features':
        return lab.edits.cycleFeatures();
      case 'live':
        return lab.toggleLive();
      case 'network':
        return lab.toggleNetwork();
      // points by hand: in a lab of its own (TOUR_LAB_KEYS has none: a tour stop keeps its data)
      case 'cursor':
        return lab.edits.toggleCursor();
      case 'pointClass':
        return lab.edits.switchClass();
      case 'removePoint':
        return lab.edits.removePoint();
      case 'help':
        return void (this.help = true);
      case 'export':
        try {
          const x = exportRuns(lab);
          const n = lab.exports + 1;
          const note = this.tr.t(n > 1 ? 'note.exportedAgain' : 'note.exported', { json: x.json, csv: x.csv, share: x.share, n });
          lab.dispatch({ type: 'exported', note, status: this.tr.t(n > 1 ? 'status.exportedAgain' : 'status.exported', { stem: x.json.replace(/\.json$/, ''), n }), counted: true });
        } catch (e) {
          lab.dispatch({ type: 'note', note: this.tr.t('note.exportFailed', { message: (e as Error).message }) });
        }
        return;
      case 'share':
        try {
          const x = writeShare(lab);
          lab.dispatch({ type: 'exported', note: this.tr.t('note.shared', { file: x.file, share: x.share }), status: this.tr.t('status.shared', { file: x.file }), counted: false });
          this.clipboard = x.share;
        } catch (e) {
          lab.dispatch({ type: 'note', note: this.tr.t('note.exportFailed', { message: (e as Error).message }) });
        }
        return;
      case 'params': {
        const choice = lab.choices[lab.index];
        if (!choice) return;
        lab.pause();
        this.dialog = { kind: 'form', form: new ParamForm(this.tr.t('form.title', { model: choice.spec.plugin.meta.id, run: choice.id }), choice.id, choice.spec.plugin.meta.params, choice.spec.params, this.tr) };
        return;
      }
      case 'scenario':
        lab.pause();
        this.dialog = { kind: 'picker', picker: new Picker(lab.scenario?.id ?? null, this.tr) };
        return;
      case 'quiz':
        this.dialog = { kind: 'quiz', quiz: new QuizSession(lab, this.tr) };
        return;
      case 'back':
        return lab.compare ? lab.toggleCompare(false) : this.start({ kind: 'timeline' });
      default:
    }
  }

  private dialogKey(t: Token): void {
    const d = this.dialog!;
    const lab = this.lab!;
    if (d.kind === 'quiz') {
      if (d.quiz.key(t) === 'leave') {
        const pattern = d.quiz.unchecked();
        d.quiz.close();
        if (pattern !== null) lab.dispatch({ type: 'note', note: this.tr.t('quiz.left', { pattern }) });
        this.dialog = null;
      }
      return;
    }
    if (d.kind === 'form') {
      const r = d.form.key(t);
      if (r === 'cancel') this.dialog = null;
      else if (r) {
        lab.applyParams(d.form.runId, r.apply);
        this.dialog = null;
      }
      return;
    }
    const r = d.picker.key(t);
    if (r === 'cancel') this.dialog = null;
    else if (r) {
      lab.open(r.open);
      if (wantsGradients(lab.scenario)) lab.dispatch({ type: 'gradients', on: true });
      this.dialog = null;
    }
  }

  private readonly stories = new Map<string, readonly string[]>();

  /** The story of an era's scenario (read once; a scenario that cannot be read has none). */
  private storyOf(era: number): readonly string[] {
    const id = ERAS[era]?.scenario;
    if (!id) return [];
    let story = this.stories.get(id);
    if (!story) {
      const s = tryLoadScenario(id);
      this.stories.set(id, (story = typeof s === 'string' ? [] : this.tr.scenarioStory(s.id, s.story)));
    }
    return story;
  }

  /** Plays the lab on screen for the time since the last tick; true when the view changed. */
  tick(now: number): boolean {
    return this.dialog || this.help ? false : (this.lab?.tick(now) ?? false);
  }

  view(now: number, fields: readonly (FieldRequest | null)[] = []): AppView {
    const s = this.screen;
    const screen: ScreenView =
      s.kind === 'timeline'
        ? { kind: 'timeline', at: this.era, story: this.storyOf(this.era) }
        : s.kind === 'picker'
          ? s.picker.view()
          : s.kind === 'tour'
            ? s.tour.summary
              ? s.tour.summaryView()
              : s.tour.view(now, fields)
            : s.kind === 'replay'
              ? s.replay.view(now, fields)
              : s.lab.view(now, fields);
    const d = this.dialog;
    const dialog = d ? (d.kind === 'form' ? d.form.view() : d.kind === 'quiz' ? d.quiz.view() : d.picker.view()) : null;
    return { screen, dialog, help: this.help };
  }
}
