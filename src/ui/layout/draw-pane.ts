/**
 * Draws one run's pane at the sizes its plan gave: every panel is a leaf of exactly its rows and
 * width, so the pane is whole whatever the terminal's size.
 */
import { short } from '../../core/format.js';
import type { ClaimView } from '../../session/claims.js';
import type { LaneView } from '../../session/views.js';
import type { ColorDepth } from '../color.js';
import { gradientBars } from '../render/bars.js';
import { brailleChart } from '../render/chart.js';
import { drawField, drawUnit } from '../render/field.js';
import { cardLines, modelLines, numbersLine, stepLines, truthTable, verdictLines } from '../render/lane.js';
import { mapLegend } from '../render/map.js';
import { confusionLines, filterGrid, imageGrid } from '../../report/images.js';
import { weightTrace } from '../render/trace.js';
import { boardLines, claimLines } from '../render/parts.js';
import { paint } from '../render/style.js';
import { displayWidth, fit, wrap } from '../render/text.js';
import { blank, hstack, leaf, vstack, type Block } from './blocks.js';
import { EN_TR, type Tr } from '../../i18n/index.js';
import type { PanelId, PanePlan } from './pane.js';

const DATA: readonly PanelId[] = ['table', 'heat', 'legend', 'units', 'samples', 'mistakes', 'confusion', 'filters'];
const ORDER: readonly PanelId[] = ['verdict', 'numbers', 'claims', 'board', 'grads', 'step', 'model', 'curves', 'trace', 'card'];

function wrapped(lines: readonly string[], width: number, rows: number): string[] {
  return lines.flatMap((l) => (l.includes('\x1b') ? [l] : wrap(l, width, 3))).slice(0, rows);
}

export interface PaneExtras {
  /** Claims listed in the pane (a single run). */
  readonly claims?: readonly ClaimView[];
  /** One log axis for both runs' gradient bars, in decades. */
  readonly decades?: readonly [number, number];
  /** A challenge's leaderboard lines. */
  readonly board?: readonly string[];
  /** The language of the panels' words. @default English */
  readonly tr?: Tr;
}

/** Loss (log scale when it spans decades) above accuracy, train solid and test dotted. */
function curves(l: LaneView, width: number, rows: number, depth: ColorDepth, tr: Tr): string[] {
  const p = l.series;
  const epochs = p.map((x) => x.epoch);
  const hasTest = p.some((x) => x.testAccuracy !== undefined);
  const lossRows = l.labelled ? Math.ceil(rows / 2) : rows;
  // A loss is never negative: the axis does not pad below 0.
  const nonNegative = p.every((x) => !(x.loss < 0) && !((x.testLoss ?? 0) < 0));
  const train = tr.t('chart.train');
  const test = tr.t('chart.test');
  const loss = brailleChart({
    title: tr.t('chart.loss'), width, height: lossRows, depth, log: 'auto', tr, ...(nonNegative ? { limits: [0, Infinity] as const } : {}),
    series: [{ label: train, values: p.map((x) => x.loss), epochs, rgb: [220, 110, 220] }, ...(hasTest ? [{ label: test, values: p.map((x) => x.testLoss ?? NaN), epochs, rgb: [240, 170, 90] as const, dash: true }] : [])],
  });
  if (!l.labelled) return loss.rows;
  const acc = brailleChart({
    title: tr.t('chart.accuracy'), width, height: rows - lossRows, depth, percent: true, limits: [0, 1], tr,
    series: [{ label: train, values: p.map((x) => x.accuracy), epochs, rgb: [90, 210, 110] }, ...(hasTest ? [{ label: test, values: p.map((x) => x.testAccuracy ?? NaN), epochs, rgb: [90, 170, 240] as const, dash: true }] : [])],
  });
  // A run of 0–1 epochs has no curve: one line with its numbers instead of two empty charts.
  if (loss.tooShort && acc.tooShort) return [paint(depth, tr.t('chart.noCurve', { epoch: l.epoch, loss: loss.summary, accuracy: acc.summary }), { tone: 'dim' })];
  return [...loss.rows, ...acc.rows];
}

function panel(id: PanelId, l: LaneView, width: number, rows: number, depth: ColorDepth, extras: PaneExtras, plan: PanePlan): Block {
  const claims = extras.claims ?? [];
  const tr = extras.tr ?? EN_TR;
  switch (id) {
    case 'verdict':
      return leaf(verdictLines(l, width, rows, depth, tr), width, rows);
    case 'numbers':
      return leaf([numbersLine(l, width, tr)], width, rows);
    case 'claims':
      return leaf(claimLines(claims, rows, depth, tr), width, rows);
    case 'board':
      return leaf(boardLines(extras.board ?? [], depth, tr), width, rows);
    case 'table':
      return leaf(truthTable(l, depth, width), width, rows);
    case 'heat': {
      if (!l.field) return blank(width, rows);
      const cols = Math.min(width, l.field.cols);
      return hstack([leaf(drawField(l.field, depth), cols, Math.min(rows, l.field.rows), true), blank(width - cols, Math.min(rows, l.field.rows))], rows);
    }
    case 'legend': {
      const d = l.field?.domain;
      const axes = d ? `x1 ${short(d.x[0])}…${short(d.x[1])}, x2 ${short(d.y[0])}…${short(d.y[1])}` : '';
      const test = l.field?.points.some((q) => q.test) ? tr.t('legend.test') : '';
      return leaf([paint(depth, `${axes} · ${tr.t('legend.points')}${test} · ${mapLegend(depth, l.field?.classes ?? 2, Boolean(l.field?.line), tr)}`, { tone: 'dim' })], width, rows);
    }
    case 'units': {
      const units = l.units ?? [];
      if (units.length === 0) return blank(width, rows);
      const shown = units.slice(0, plan.unitsPerRow);
      const u0 = shown[0]!;
      const labels = shown.map((u, k) => `h${k + 1} ${short(u.lo)}…${short(u.hi)}`.slice(0, u0.cols).padEnd(u0.cols)).join(' ');
      const maps = shown.map((u) => drawUnit(u, depth));
      const body = Array.from({ length: u0.rows }, (_, r) => maps.map((m) => m[r]!).join(' '));
      const used = shown.length * (u0.cols + 1) - 1;
      const head = units.length > shown.length ? tr.t('units.headSome', { shown: shown.length, all: units.length, labels }) : tr.t('units.head', { labels });
      return vstack([leaf([paint(depth, head, { tone: 'dim' })], width, 1), hstack([leaf(body, used, rows - 1, true), blank(width - used, rows - 1)], rows - 1)], width);
    }
    case 'samples':
    case 'mistakes': {
      const im = l.images;
      const list = id === 'samples' ? im?.samples : im?.mistakes;
      if (!im || !list) return blank(width, rows);
      const columns = Math.max(1, Math.floor((width + 1) / (im.width + 1)));
      const shown = list.slice(0, columns);
      const name = (k: number): string => im.classNames[k] ?? String(k);
      const captions = shown.map((x) => (x.label === x.prediction ? `${name(x.label)} ✓` : `${name(x.label)}→${name(x.prediction)}`));
      const grid = imageGrid(shown.map((x) => x.pixels), im.width, im.height, { depth, columns, captions, range: im.range });
      const split = tr.t(im.split === 'test' ? 'split.test' : 'split.training');
      const head = id === 'mistakes' ? [paint(depth, tr.t(shown.length ? 'images.mistakes' : 'images.noMistakes', { split }), { tone: 'dim' })] : [];
      return leaf([...head, ...grid], width, rows, depth !== 'none');
    }
    case 'confusion': {
      const im = l.images;
      if (!im) return blank(width, rows);
      const [head, ...body] = confusionLines(im.confusion, im.classNames);
      // The header's two words, said in the language on screen at the widths the columns were made for.
      const said = (head ?? '').replace('true↓', fit(tr.t('images.truth'), displayWidth('true↓'))).replace('recall', fit(tr.t('images.recall'), displayWidth('recall')));
      const split = tr.t(im.split === 'test' ? 'split.test' : 'split.training');
      return leaf([paint(depth, tr.t('images.confusion', { split }), { tone: 'dim' }), said, ...body], width, rows);
    }
    case 'filters': {
      const bank = l.images?.filters;
      if (!bank) return blank(width, rows);
      const columns = Math.max(1, Math.floor((width + 1) / (bank.width * 2 + 1)));
      return leaf([paint(depth, bank.title, { tone: 'dim' }), ...filterGrid(bank, { depth, columns, scale: 2 })], width, rows, depth !== 'none');
    }
    case 'grads': {
      const g = l.grads;
      if (!g) return leaf([paint(depth, tr.t('grads.absent'), { tone: 'dim' })], width, rows);
      // The bars are this epoch's; the one first/last ratio on screen is the headline's, at initialisation.
      const head = tr.t('grads.head', { epoch: l.epoch });
      const bars = gradientBars({ runs: [{ norms: g.now }], width, height: rows - 1, depth, tr, ...(extras.decades ? { decades: extras.decades } : {}) });
      return vstack([leaf([paint(depth, head, { tone: 'title', bold: true })], width, 1), leaf(bars.rows, width, rows - 1, true)], width);
    }
    case 'step':
      return leaf(wrapped(stepLines(l, tr), width, rows), width, rows);
    case 'model':
      return leaf(wrapped(modelLines(l), width, rows), width, rows);
    case 'curves':
      return leaf(curves(l, width, rows, depth, tr), width, rows, true);
    case 'trace': {
      // a batch step has a t and an o per pattern: its row names the patterns it summed over instead
      const steps = l.trace.map((s) => ((s.batch ?? 1) > 1 ? { epoch: s.epoch, pattern: s.pattern, batch: s.batch!, patterns: l.patterns, after: s.after } : { epoch: s.epoch, pattern: s.pattern, x: s.x, t: s.t[0]!, o: s.o[0]!, after: s.after }));
      const title = paint(depth, tr.t('trace.title'), { tone: 'dim' });
      return vstack([leaf([title], width, 1), leaf(weightTrace({ steps, width, height: rows - 1, depth, tr }).rows, width, rows - 1, true)], width);
    }
    case 'card':
      return leaf(cardLines(l, width, rows, tr).map((s, i) => (i === 0 ? paint(depth, s, { tone: 'title' }) : paint(depth, s, { tone: 'dim' }))), width, rows);
  }
}

/** The pane of one run, exactly plan.width × plan.height. */
export function drawPane(l: LaneView, plan: PanePlan, depth: ColorDepth, extras: PaneExtras = {}): Block {
  const stack = (ids: readonly PanelId[], width: number): Block =>
    vstack(ids.filter((id) => (plan.rows.get(id) ?? 0) > 0).map((id) => panel(id, l, width, plan.rows.get(id)!, depth, extras, plan)), width);
  if (plan.left > 0) {
    const right = plan.width - plan.left - 1;
    const data = stack(DATA, plan.left);
    const side = stack(ORDER, right);
    return hstack([fill(data, plan.left, plan.height), blank(1, plan.height), fill(side, right, plan.height)], plan.height);
  }
  return fill(stack([...ORDER.slice(0, 2), ...DATA, ...ORDER.slice(2)], plan.width), plan.width, plan.height);
}

/** A block padded with blank rows to `height` (never taller: plans add up by construction). */
function fill(b: Block, width: number, height: number): Block {
  if (b.height > height) throw new Error(`layout: ${b.height} rows planned in a pane of ${height}`);
  return b.height === height ? b : vstack([b, blank(width, height - b.height)], width);
}
