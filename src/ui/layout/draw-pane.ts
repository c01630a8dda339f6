/**
 * Draws one run's pane at the sizes its plan gave: every panel is a leaf of exactly its rows and
 * width, so the pane is whole whatever the terminal's size.
 */
import { short } from '../../core/format.js';
import type { ClaimView, ReceiptView } from '../../session/claims.js';
import type { LaneView } from '../../session/views.js';
import { liveName, liveValue } from '../../session/live.js';
import type { ColorDepth } from '../color.js';
import { gradientBars } from '../render/bars.js';
import { brailleChart } from '../render/chart.js';
import { drawField, drawUnit } from '../render/field.js';
import { cardLines, modelLines, numbersLine, stepLines, truthTable, verdictLines } from '../render/lane.js';
import { continuousLegend, mapLegend } from '../render/map.js';
import { confusionLines, filterGrid, imageGrid } from '../../report/images.js';
import { sequenceLines } from '../render/sequence.js';
import { weightTrace } from '../render/trace.js';
import { netUnitCells, networkLines } from '../render/network.js';
import { boardLines, claimLines } from '../render/parts.js';
import { paint } from '../render/style.js';
import { clipRows, displayWidth, fit, wrap } from '../render/text.js';
import { blank, hstack, leaf, vstack, type Block } from './blocks.js';
import { EN_TR, type Tr } from '../../i18n/index.js';
import type { PanelId, PanePlan } from './pane.js';

const DATA: readonly PanelId[] = ['table', 'heat', 'legend', 'units', 'samples', 'mistakes', 'confusion', 'filters', 'sequence'];
const ORDER: readonly PanelId[] = ['verdict', 'numbers', 'claims', 'board', 'grads', 'step', 'model', 'curves', 'trace', 'card'];

function wrapped(lines: readonly string[], width: number, rows: number): string[] {
  return clipRows(lines.flatMap((l) => (l.includes('\x1b') ? [l] : wrap(l, width, 3))), rows, width);
}

export interface PaneExtras {
  /** Claims listed in the pane (a single run). */
  readonly claims?: readonly ClaimView[];
  /** The scenario's receipts, listed under the claims. */
  readonly receipts?: readonly ReceiptView[];
  /** One log axis for both runs' gradient bars, in decades. */
  readonly decades?: readonly [number, number];
  /** One log axis for both runs' gradient-through-time bars, in decades. */
  readonly sequenceDecades?: readonly [number, number];
  /** A challenge's leaderboard lines. */
  readonly board?: readonly string[];
  /** The language of the panels' words. @default English */
  readonly tr?: Tr;
  /** Side by side: both runs' charts on one scale. */
  readonly scales?: SharedScales;
}

/** One y scale for the same chart in two panes: the loss (log or linear) and the accuracy ranges. */
export interface SharedScales {
  readonly log: boolean;
  readonly loss: readonly [number, number] | undefined;
  readonly accuracy: readonly [number, number] | undefined;
}

/** The scales two runs' charts share: ranges over both runs' series, log when either spans decades. */
export function sharedScales(lanes: readonly LaneView[]): SharedScales | undefined {
  const all = lanes.flatMap((l) => l.series);
  if (lanes.length < 2 || all.length < 2) return undefined;
  const losses = all.flatMap((x) => [x.loss, x.testLoss ?? NaN]).filter((v) => Number.isFinite(v));
  const accs = all.flatMap((x) => [x.accuracy, x.testAccuracy ?? NaN]).filter((v) => Number.isFinite(v));
  const positive = losses.filter((v) => v > 0);
  const lo = Math.min(...losses);
  const hi = Math.max(...losses);
  const log = positive.length > 1 && Math.log10(Math.max(...positive) / Math.min(...positive)) > 2;
  const loss: [number, number] | undefined = losses.length === 0 ? undefined : log ? [Math.min(...positive), hi] : [Math.min(0, lo), hi > lo ? hi : lo + 1];
  const accuracy: [number, number] | undefined = accs.length === 0 ? undefined : [Math.max(0, Math.min(...accs)), Math.min(1, Math.max(Math.max(...accs), Math.min(...accs) + 0.01))];
  return { log, loss, accuracy };
}

/**
 * The live changes on the loss chart (issue 25: η, momentum, penalties, dropout, batch, activation):
 * each a vertical white stroke at the epoch it took effect, from the lowest to the highest loss
 * drawn (so the scale stays the curves'), named in the legend; the last three.
 */
function liveMarks(l: LaneView, tr: Tr): { label: string; values: number[]; epochs: number[]; rgb: readonly [number, number, number]; dash: boolean; mark: true }[] {
  const losses = l.series.flatMap((x) => [x.loss, x.testLoss ?? NaN]).filter((v) => Number.isFinite(v) && v > 0);
  const last = l.series.at(-1)?.epoch ?? 0;
  if (losses.length < 2) return [];
  const lo = Math.min(...losses);
  const hi = Math.max(...losses);
  const label = (m: LaneView['liveMarks'][number]): string =>
    m.param === 'learningRate' && typeof m.value === 'number'
      ? tr.t('chart.etaMark', { eta: short(m.value) })
      : tr.t('chart.liveMark', { name: liveName(m.param, tr), value: typeof m.value === 'number' ? liveValue(m.param, m.value, tr) : m.value });
  return l.liveMarks
    .filter((m) => m.epoch <= last)
    .slice(-3)
    .map((m) => ({ label: label(m), values: [lo, hi], epochs: [m.epoch, m.epoch], rgb: [235, 235, 235] as const, dash: true, mark: true as const }));
}

/** Loss (log scale when it spans decades) above accuracy, train solid and test dotted. */
function curves(l: LaneView, width: number, rows: number, depth: ColorDepth, tr: Tr, fact = false, scales?: SharedScales): string[] {
  const p = l.series;
  const epochs = p.map((x) => x.epoch);
  const hasTest = p.some((x) => x.testAccuracy !== undefined);
  // A stop's fact is the loss: short of rows it takes them all (the accuracy gives way).
  const lossOnly = fact && rows < 4;
  const lossRows = l.labelled && !lossOnly ? Math.ceil(rows / 2) : rows;
  // A loss is never negative: the axis does not pad below 0.
  const nonNegative = p.every((x) => !(x.loss < 0) && !((x.testLoss ?? 0) < 0));
  const train = tr.t('chart.train');
  const test = tr.t('chart.test');
  const loss = brailleChart({
    title: tr.t('chart.loss'), width, height: lossRows, depth, log: fact ? true : (scales?.log ?? 'auto'), tr, ...(nonNegative ? { limits: [0, Infinity] as const } : {}), ...(scales?.loss ? { range: scales.loss } : {}),
    series: [{ label: train, values: p.map((x) => x.loss), epochs, rgb: [220, 110, 220] }, ...(hasTest ? [{ label: test, values: p.map((x) => x.testLoss ?? NaN), epochs, rgb: [240, 170, 90] as const, dash: true }] : []), ...liveMarks(l, tr)],
  });
  if (!l.labelled || lossOnly) return loss.rows;
  const acc = brailleChart({
    title: tr.t('chart.accuracy'), width, height: rows - lossRows, depth, percent: true, limits: [0, 1], tr, ...(scales?.accuracy ? { range: scales.accuracy } : {}),
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
      return leaf(claimLines(claims, rows, depth, tr, extras.receipts), width, rows);
    case 'board':
      return leaf(boardLines(extras.board ?? [], depth, tr), width, rows);
    case 'table':
      return leaf(truthTable(l, depth, width), width, rows);
    case 'heat': {
      if (!l.field) return blank(width, rows);
      const cols = Math.min(width, l.field.cols);
      // a click on the map adds a point there (issue 25): the leaf says where the plane is
      const map = { ...leaf(drawField(l.field, depth, l.cursor), cols, Math.min(rows, l.field.rows), true), hit: { kind: 'map' as const, domain: l.field.domain, cols: l.field.cols, rows: l.field.rows } };
      return hstack([map, blank(width - cols, Math.min(rows, l.field.rows))], rows);
    }
    case 'legend': {
      const d = l.field?.domain;
      const axes = d ? `x1 ${short(d.x[0])}…${short(d.x[1])}, x2 ${short(d.y[0])}…${short(d.y[1])}` : '';
      const test = l.field?.points.some((q) => q.test) ? tr.t('legend.test') : '';
      // The glyphs first (what the points and shades mean), the axes' ranges last: cut from the end.
      const glyphs = l.field?.continuous ? continuousLegend(l.field.continuous, depth, test, tr) : `${tr.t('legend.points')}${test} · ${mapLegend(depth, l.field?.classes ?? 2, Boolean(l.field?.line), tr)}`;
      // Two rows when the width is short: the glyphs whole on the first ones, the axes after them.
      const text = rows > 1 && !glyphs.includes('\x1b') ? clipRows(wrap(`${glyphs} · ${axes}`, width), rows, width) : [`${glyphs} · ${axes}`];
      return leaf(text.map((t) => paint(depth, t, { tone: 'dim' })), width, rows);
    }
    case 'units': {
      const units = l.units ?? [];
      if (units.length === 0) return blank(width, rows);
      const shown = units.slice(0, plan.unitsPerRow);
      const u0 = shown[0]!;
      const labels = shown.map((u, k) => unitLabel(k, u.lo, u.hi, u0.cols)).join(' ');
      const maps = shown.map((u) => drawUnit(u, depth));
      const body = Array.from({ length: u0.rows }, (_, r) => maps.map((m) => m[r]!).join(' '));
      const used = shown.length * (u0.cols + 1) - 1;
      const head = units.length > shown.length ? tr.t('units.headSome', { shown: shown.length, all: units.length, labels }) : tr.t('units.head', { labels });
      return vstack([leaf([paint(depth, head, { tone: 'dim' })], width, 1), hstack([leaf(body, used, rows - 1, true), blank(width - used, rows - 1)], rows - 1)], width);
    }
    case 'samples':
    case 'mistakes': {
      const im = l.images;
      if (!im) return blank(width, rows);
      const columns = Math.max(1, Math.floor((width + 1) / (im.width + 1)));
      // Without a row of their own, the mistakes share the samples' row (half of it).
      const merged = id === 'samples' && (plan.rows.get('mistakes') ?? 0) === 0 && im.mistakes.length > 0;
      const list = id === 'samples' ? (merged ? [...im.samples.slice(0, Math.ceil(columns / 2)), ...im.mistakes] : im.samples) : im.mistakes;
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
      return leaf([paint(depth, tr.say(bank.title), { tone: 'dim' }), ...filterGrid(bank, { depth, columns, scale: 2 })], width, rows, depth !== 'none');
    }
    case 'sequence': {
      const q = l.sequence;
      if (!q) return blank(width, rows);
      return leaf(sequenceLines({ trace: q.trace, row: q.row, width, rows, depth, tr, ...(extras.sequenceDecades ? { decades: extras.sequenceDecades } : {}) }), width, rows);
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
      return leaf(curves(l, width, rows, depth, tr, plan.must.includes('curves'), extras.scales), width, rows, true);
    case 'trace': {
      // a batch step has a t and an o per pattern: its row names the patterns it summed over instead
      const steps = l.trace.map((s) => ((s.batch ?? 1) > 1 ? { epoch: s.epoch, pattern: s.pattern, batch: s.batch!, patterns: l.patterns, after: s.after } : { epoch: s.epoch, pattern: s.pattern, x: s.x, t: s.t[0]!, o: s.o[0]!, after: s.after }));
      const title = paint(depth, tr.t('trace.title'), { tone: 'dim' });
      return vstack([leaf([title], width, 1), leaf(weightTrace({ steps, width, height: rows - 1, depth, tr }).rows, width, rows - 1, true)], width);
    }
    case 'network':
      // drawn across the top of the pane (drawPane), never in a column
      return blank(width, rows);
    case 'card':
      return leaf(cardLines(l, width, rows, tr).map((s, i) => (i === 0 ? paint(depth, s, { tone: 'title' }) : paint(depth, s, { tone: 'dim' }))), width, rows);
  }
}

/** The pane of one run, exactly plan.width × plan.height. */
/**
 * The label over hidden unit k's small map, `cols` wide: its range whole (`h1 0.0205…0.887`), or its
 * name alone when the range does not fit (nothing when the name does not): a label cut to the width
 * would show a false number or another unit's name.
 */
export function unitLabel(k: number, lo: number, hi: number, cols: number): string {
  const name = `h${k + 1}`;
  const full = `${name} ${short(lo)}…${short(hi)}`;
  return (full.length <= cols ? full : name.length <= cols ? name : '').padEnd(cols);
}

export function drawPane(l: LaneView, plan: PanePlan, depth: ColorDepth, extras: PaneExtras = {}): Block {
  const top = plan.top ?? 0;
  if (top > 0) {
    // the network view across the top (issue 25), the rest of the pane below it
    const net = l.network ? { ...leaf(networkLines(l.network, plan.width, top, depth, extras.tr ?? EN_TR), plan.width, top, depth !== 'none'), hit: { kind: 'net' as const, units: netUnitCells(l.network, plan.width, top) } } : blank(plan.width, top);
    return vstack([net, drawPane(l, { ...plan, top: 0, height: plan.height - top }, depth, extras)], plan.width);
  }
  const stack = (ids: readonly PanelId[], width: number): Block =>
    vstack(ids.filter((id) => (plan.rows.get(id) ?? 0) > 0).map((id) => panel(id, l, width, plan.rows.get(id)!, depth, extras, plan)), width);
  if (plan.left > 0) {
    const right = plan.width - plan.left - 1;
    const data = stack(DATA.filter((id) => !plan.aside.includes(id)), plan.left);
    const side = stack([...ORDER.slice(0, -1), ...plan.aside, 'card'], right);
    return hstack([fill(data, plan.left, plan.height), blank(1, plan.height), fill(side, right, plan.height)], plan.height);
  }
  return fill(stack([...ORDER.slice(0, 2), ...DATA, ...ORDER.slice(2)], plan.width), plan.width, plan.height);
}

/** A block padded with blank rows to `height` (never taller: plans add up by construction). */
function fill(b: Block, width: number, height: number): Block {
  if (b.height > height) throw new Error(`layout: ${b.height} rows planned in a pane of ${height}`);
  return b.height === height ? b : vstack([b, blank(width, height - b.height)], width);
}
