/**
 * The lab (and tour) frame: title lines, the body (one run, or two boxed side by side with the
 * claims below), the verdict and moral, the status bar and the key hints. Rows are shared by
 * priority, so at 80×24 it condenses and at 200×60 the field and the charts grow.
 */
import type { LabShape, LabView } from '../../session/lab.js';
import type { LaneShape } from '../../session/lab.js';
import type { FieldRequest } from '../../session/lane-view.js';
import { CURSOR_KEYS, LAB_KEYS, LIVE_KEYS, NET_KEYS, REPLAY_KEYS, TOUR_KEYS, TOUR_LAB_KEYS } from '../../session/keymaps.js';
import { liveRowText } from '../../session/live.js';
import type { ReplayView } from '../../session/replay.js';
import type { TourView } from '../../session/tour.js';
import type { LaneView } from '../../session/views.js';
import { decadesOf, gradientHeadline } from '../render/bars.js';
import type { ColorDepth } from '../color.js';
import { verdictLines } from '../render/lane.js';
import { gradientDecades } from '../render/sequence.js';
import { boardLines, claimLines, hints, statusBar } from '../render/parts.js';
import { paint } from '../render/style.js';
import { clipRows, displayWidth, wrap } from '../render/text.js';
import { allocate } from './allocate.js';
import { box, blank, hstack, leaf, vstack, type Block } from './blocks.js';
import { drawPane, sharedScales } from './draw-pane.js';
import { planPane, type PanelId, type PanePlan } from './pane.js';
import type { Fact } from '../../session/curriculum.js';
import { EN_TR, type Tr } from '../../i18n/index.js';

export interface LabPlan {
  readonly width: number;
  /** Rows of the stop's text facts (a tour), never dropped. */
  readonly facts: number;
  readonly rows: ReadonlyMap<string, number>;
  readonly panes: readonly PanePlan[];
  readonly fields: readonly (FieldRequest | null)[];
}

/** What a tour stop must show: its text facts' rows, and per run on screen the panels never dropped. */
export interface MustShow {
  readonly facts: number;
  readonly must?: readonly (readonly PanelId[])[];
}

/** The panels each run on screen must keep for a stop's facts at a terminal of columns × rows. */
export function mustPanels(show: readonly Fact[], ids: readonly string[], columns: number, rows: number): PanelId[][] {
  return ids.map((id) =>
    show.flatMap((f): PanelId[] => {
      if (!('run' in f) || f.run !== id) return [];
      if (f.kind === 'climb') return ['curves'];
      if (f.kind === 'hidden') return ['table'];
      if (f.kind === 'digits') return ['samples', 'confusion'];
      if (f.kind === 'kernels') return columns >= f.from[0] && rows >= f.from[1] ? ['filters'] : [];
      return [];
    }),
  );
}

/** Rows of the frame and of each pane, from the shape of what is on screen (before any model call). */
export function planLab(shape: LabShape, width: number, height: number, shown: MustShow = { facts: 0 }): LabPlan {
  const two = shape.lanes.length > 1;
  // On a projector a run that learns kernels or features (LeCun's convnet, the RBMs) shows them.
  const show: MustShow = shown.must || two || width < 160 || height < 44 ? shown : { ...shown, must: shape.lanes.map((l) => ((l.image?.filters ?? 0) > 0 ? ['filters'] : [])) };
  const rows = allocate(height, [
    ...(show.facts > 0 ? [{ id: 'facts', min: show.facts, want: show.facts, priority: 98.5, required: true }] : []),
    { id: 'status', min: 1, want: 1, priority: 100, required: true },
    { id: 'footer', min: 1, want: 1, priority: 99, required: true },
    // In the tour the stop's title names the scenario already: the lab's own title line goes first.
    shape.tour ? { id: 'title', min: 0, want: 1, priority: 60 } : { id: 'title', min: 1, want: 1, priority: 98, required: true },
    { id: 'body', min: 8, want: Math.max(15, Math.floor(height * 0.6)), max: 1000, grow: 4, priority: 97, required: true },
    { id: 'verdict', min: two ? 0 : 1, want: two ? 0 : Math.min(3, Math.max(1, Math.ceil((shape.lanes[0]?.verdictChars ?? 0) / width))), priority: 96 },
    ...(shape.tour ? [{ id: 'narrative', min: 1, want: 3, priority: 95 }] : []),
    { id: 'message', min: 1, want: 2, priority: 94 },
    ...(two ? [{ id: 'claims', min: 1, want: Math.min(shape.claims + 1, 3), max: shape.claims + 1, grow: 1, priority: 93 }] : []),
    ...(two && shape.board ? [{ id: 'board', min: 2, want: Math.min(shape.board + 1, 6), priority: 92 }] : []),
  ]);
  const body = rows.get('body')!;
  let panes: PanePlan[];
  if (two) {
    const w = Math.floor((width - 1) / 2);
    // asked for with v, the network view tops each pane whose run is a layered net on plane data
    const network = shape.network?.mode === 'on' ? 'on' : null;
    panes = shape.lanes.map((s, i) => planPane(s, (i === 0 ? w : width - 1 - w) - 2, body - 2, { claims: 0, verdict: true, gradients: shape.gradients, must: show.must?.[i] ?? [], network, networkOpen: shape.network?.open ?? false }));
  } else {
    // The network view (issue 25): asked for with v, or by itself on a projector (not over a tour stop's facts).
    const n = shape.network;
    const auto = n?.mode === 'auto' && !shape.tour && !(show.must?.[0]?.length) && width >= 160 && height >= 44;
    const network = n?.mode === 'on' ? 'on' : auto ? 'auto' : null;
    panes = shape.lanes.slice(0, 1).map((s: LaneShape) => planPane(s, width, body, { claims: shape.claims, verdict: false, gradients: shape.gradients, board: shape.board, must: show.must?.[0] ?? [], network, networkOpen: n?.open ?? false }));
  }
  return { width, facts: rows.get('facts') ?? 0, rows, panes, fields: panes.map((p) => p.field) };
}

const SLOT_TONE = ['accent', 'accent2'] as const;

/** The gradient headline at initialisation, in words, comparing the two runs when there are two. */
function initialGradients(lanes: readonly LaneView[], tr: Tr): string | null {
  const [a, b] = lanes.filter((l) => l.grads?.start && l.grads.start.length > 1);
  if (!a) return null;
  const other = b ? { label: b.id, norms: b.grads!.start! } : undefined;
  const headline = gradientHeadline(a.grads!.start!, other, tr);
  return b ? tr.t('grads.initialWith', { id: a.id, headline }) : tr.t('grads.initial', { headline });
}

/** The lines above a tour stop (its title and narrative) or a replay (the file and the epoch on screen). */
function banner(view: LabView | TourView | ReplayView, depth: ColorDepth, tr: Tr): { title: string; lines: readonly string[] } | null {
  if (view.kind === 'tour') return { title: paint(depth, tr.t('tour.head', { stop: view.stop + 1, stops: view.stops }), { tone: 'accent2', bold: true }) + paint(depth, view.stopTitle, { bold: true }), lines: view.narrative };
  if (view.kind !== 'replay') return null;
  const same = view.matches === null ? '' : view.matches ? tr.t('replay.same') : tr.t('replay.differ');
  return {
    title: paint(depth, tr.t('replay.head', { file: view.file }), { tone: 'accent2', bold: true }) + paint(depth, tr.t('replay.epoch', { at: view.at, last: view.last }) + same, { bold: true }),
    lines: [tr.t('replay.how')],
  };
}

/** The frame of a lab, tour or replay view at its plan, its words in the language of `tr`. */
export function drawLab(view: LabView | TourView | ReplayView, plan: LabPlan, depth: ColorDepth, tr: Tr = EN_TR, facts: readonly string[] = []): Block {
  const W = plan.width;
  const r = (id: string): number => plan.rows.get(id) ?? 0;
  const parts: Block[] = [];
  const top = banner(view, depth, tr);
  if (top && r('narrative') > 0) {
    parts.push(leaf([top.title], W, 1));
    const narrative = top.lines.flatMap((n) => wrap(n, W, 2));
    parts.push(leaf(clipRows(narrative, Math.max(0, r('narrative') - 1), W), W, Math.max(0, r('narrative') - 1)));
  }
  const lane0 = view.lanes[0];
  const model = view.lanes.length === 1 ? ` · ${tr.t('lab.model', { label: view.modelLabel, index: view.modelIndex + 1, count: view.modelCount })}` : '';
  const title = `${view.era} · ${view.title}${model} · ${view.scenarioId}`;
  if (r('title') > 0) parts.push(leaf([view.problem ? paint(depth, view.problem, { tone: 'bad' }) : paint(depth, title, { tone: 'title', bold: true })], W, r('title')));

  const body = r('body');
  // Side by side, both runs' gradient bars share one log axis.
  const norms = view.lanes.flatMap((l) => (l.grads ? [{ norms: l.grads.now }] : []));
  const decades = norms.length > 1 ? decadesOf(norms) : null;
  // and so do their gradients through time
  const sequences = view.lanes.flatMap((l) => (l.sequence ? [l.sequence.trace.gradient] : []));
  const sequenceDecades = sequences.length > 1 ? gradientDecades(sequences) : null;
  if (view.problem || !lane0) {
    parts.push(leaf([paint(depth, view.problem ?? tr.t('lab.noRuns'), { tone: 'bad' }), tr.t('lab.problemHint')], W, body));
  } else if (plan.panes.length > 1 && view.lanes.length > 1) {
    // Side by side, the same chart in both panes has one scale (log or linear, one range).
    const scales = sharedScales(view.lanes.slice(0, 2));
    const boxes = view.lanes.slice(0, 2).map((l, i) => {
      const p = plan.panes[i]!;
      const name = tr.card(l.meta).name;
      const titleText = `${l.label}${l.label !== l.meta.name && l.label !== name ? ` · ${name}` : ''} · ${l.meta.year}`;
      return box(drawPane(l, p, depth, { tr, ...(decades ? { decades } : {}), ...(sequenceDecades ? { sequenceDecades } : {}), ...(scales ? { scales } : {}) }), { title: titleText, tone: SLOT_TONE[i] ?? 'accent', depth });
    });
    parts.push(hstack([boxes[0]!, blank(W - boxes[0]!.width - boxes[1]!.width, body), boxes[1]!], body));
    if (r('claims') > 0) parts.push(leaf(claimLines(view.claims, r('claims'), depth, tr, view.receipts), W, r('claims')));
    if (r('board') > 0 && view.leaderboard) parts.push(leaf(boardLines(view.leaderboard, depth, tr), W, r('board')));
  } else {
    parts.push(drawPane(lane0, plan.panes[0]!, depth, { claims: view.claims, receipts: view.receipts, tr, ...(view.leaderboard ? { board: view.leaderboard } : {}) }));
  }
  if (r('facts') > 0) parts.push(leaf(clipRows(facts, r('facts'), W).map((f) => paint(depth, f, { tone: 'accent', bold: true })), W, r('facts')));
  if (r('verdict') > 0 && lane0) parts.push(leaf(view.lanes.length === 1 ? verdictLines(lane0, W, r('verdict'), depth, tr) : [], W, r('verdict')));
  if (r('message') > 0) {
    const headline = view.gradients ? initialGradients(view.lanes, tr) : null;
    const lines = [
      ...(headline ? wrap(headline, W, 2).map((s) => paint(depth, s, { tone: 'warn' })) : []),
      ...(view.moral ? wrap(`→ ${view.moral}`, W, 2).map((s) => paint(depth, s, { tone: 'good' })) : []),
      ...(view.message ? wrap(view.message, W, 2).map((s) => paint(depth, s, { tone: 'dim' })) : []),
    ];
    // the live row (`o`, issue 25) comes first: it is what the arrows change now
    if ('live' in view && view.live) lines.unshift(paint(depth, liveRowText(view.live, tr, W), { tone: 'accent' }));
    // The share string when there is room: `neural-eras --share <it>` reopens this lab.
    // Too long for the line with its explanation: the string alone, whole (broken over lines at the
    // width only when it is wider than the terminal; `y` writes it to a file and the clipboard).
    if (view.share && lines.length < r('message')) {
      const said = tr.t('lab.share', { share: view.share });
      const alone = displayWidth(view.share) <= W ? [view.share] : Array.from({ length: Math.ceil(view.share.length / W) }, (_, k) => view.share!.slice(k * W, (k + 1) * W));
      const room = r('message') - lines.length;
      if (displayWidth(said) <= W) lines.push(paint(depth, said, { tone: 'dim' }));
      else if (alone.length <= room) lines.push(...alone.map((l) => paint(depth, l, { tone: 'dim' })));
    }
    parts.push(leaf(clipRows(lines, r('message'), W), W, r('message')));
  }
  parts.push(leaf([statusBar({ lanes: view.lanes, playing: view.playing, pace: view.pace, seed: view.seed, width: W, depth, tr, flash: view.flash })], W, 1));
  const live = 'live' in view && view.live ? [LIVE_KEYS] : [];
  // the arrows go to the live row when open, else the point cursor, else the network view (app.ts keeps the same order)
  const arrows = live.length ? live : lane0?.cursor ? [CURSOR_KEYS] : view.lanes.some((l) => l.network) ? [NET_KEYS] : [];
  // a key that could only say "not here" gets no hint (keys-off.ts)
  const off = 'keysOff' in view ? view.keysOff : undefined;
  const keys = view.kind === 'tour' ? hints([...live, TOUR_KEYS, TOUR_LAB_KEYS], W, tr, off) : view.kind === 'replay' ? hints([REPLAY_KEYS], W, tr) : hints([...arrows, LAB_KEYS], W, tr, off);
  parts.push(leaf([paint(depth, keys, { tone: 'dim' })], W, 1));
  return vstack(parts, W);
}
