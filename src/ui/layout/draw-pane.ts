/**
 * Draws one run's pane at the sizes its plan gave: every panel is a leaf of exactly its rows and
 * width, so the pane is whole whatever the terminal's size.
 */
import { short } from '../../core/format.js';
import type { ClaimView } from '../../session/claims.js';
import type { LaneView } from '../../session/views.js';
import type { ColorDepth } from '../color.js';
import { interimBars, interimCurves, interimField, interimUnit } from '../render/interim.js';
import { cardLines, modelLines, numbersLine, stepLines, traceLines, truthTable, verdictLines } from '../render/lane.js';
import { claimLines } from '../render/parts.js';
import { paint } from '../render/style.js';
import { wrap } from '../render/text.js';
import { blank, hstack, leaf, vstack, type Block } from './blocks.js';
import type { PanelId, PanePlan } from './pane.js';

const DATA: readonly PanelId[] = ['table', 'heat', 'legend', 'units'];
const ORDER: readonly PanelId[] = ['verdict', 'numbers', 'claims', 'grads', 'step', 'model', 'curves', 'trace', 'card'];

function wrapped(lines: readonly string[], width: number, rows: number): string[] {
  return lines.flatMap((l) => (l.includes('\x1b') ? [l] : wrap(l, width, 3))).slice(0, rows);
}

function panel(id: PanelId, l: LaneView, width: number, rows: number, depth: ColorDepth, claims: readonly ClaimView[], plan: PanePlan): Block {
  switch (id) {
    case 'verdict':
      return leaf(verdictLines(l, width, rows, depth), width, rows);
    case 'numbers':
      return leaf([numbersLine(l, width)], width, rows);
    case 'claims':
      return leaf(claimLines(claims, rows, depth), width, rows);
    case 'table':
      return leaf(truthTable(l, depth), width, rows);
    case 'heat': {
      if (!l.field) return blank(width, rows);
      return hstack([leaf(interimField(l.field, depth), l.field.cols, rows, true), blank(width - l.field.cols, rows)], rows);
    }
    case 'legend': {
      const d = l.field?.domain;
      const axes = d ? `x1 ${short(d.x[0])}…${short(d.x[1])}, x2 ${short(d.y[0])}…${short(d.y[1])}` : '';
      const marks = depth === 'none' ? 'o x train, digits test; · class 0, ░▒▓ class 1' : 'colour = class, brighter = surer; o x train, digits test';
      return leaf([paint(depth, `${axes} · ${marks}${l.field?.line ? ' · the line: w·x = 0' : ''}`, { tone: 'dim' })], width, rows);
    }
    case 'units': {
      const units = l.units ?? [];
      if (units.length === 0) return blank(width, rows);
      const shown = units.slice(0, plan.unitsPerRow);
      const u0 = shown[0]!;
      const labels = shown.map((u, k) => `h${k + 1} ${short(u.lo)}…${short(u.hi)}`.slice(0, u0.cols).padEnd(u0.cols)).join(' ');
      const maps = shown.map((u) => interimUnit(u, depth));
      const body = Array.from({ length: u0.rows }, (_, r) => maps.map((m) => m[r]!).join(' '));
      const used = shown.length * (u0.cols + 1) - 1;
      return vstack([leaf([paint(depth, `hidden units${units.length > shown.length ? ` (first ${shown.length} of ${units.length})` : ''}: ${labels}`, { tone: 'dim' })], width, 1), hstack([leaf(body, used, rows - 1, true), blank(width - used, rows - 1)], rows - 1)], width);
    }
    case 'grads': {
      const g = l.grads;
      if (!g) return leaf([paint(depth, 'gradients: this model reports no per-layer gradients (a deep net does: try vanishing-gradients)', { tone: 'dim' })], width, rows);
      const head = `‖∂J/∂W‖ per layer, log scale${g.nowRatio !== null ? ` · first/last ${short(g.nowRatio)} (start ${short(g.startRatio ?? undefined)})` : ''}`;
      return vstack([leaf([paint(depth, head, { tone: 'title', bold: true })], width, 1), leaf(interimBars(g.now, width, rows - 1, depth), width, rows - 1, true)], width);
    }
    case 'step':
      return leaf(wrapped(stepLines(l), width, rows), width, rows);
    case 'model':
      return leaf(wrapped(modelLines(l), width, rows), width, rows);
    case 'curves':
      if (l.series.length < 2) return leaf([paint(depth, `epoch ${l.epoch}: no curve yet (loss ${short(l.now.loss)})`, { tone: 'dim' })], width, rows);
      return leaf(interimCurves(l.series, width, rows, depth), width, rows);
    case 'trace':
      return leaf(traceLines(l, rows), width, rows);
    case 'card':
      return leaf(cardLines(l, width, rows).map((s, i) => (i === 0 ? paint(depth, s, { tone: 'title' }) : paint(depth, s, { tone: 'dim' }))), width, rows);
  }
}

/** The pane of one run, exactly plan.width × plan.height. */
export function drawPane(l: LaneView, plan: PanePlan, depth: ColorDepth, claims: readonly ClaimView[] = []): Block {
  const stack = (ids: readonly PanelId[], width: number): Block =>
    vstack(ids.filter((id) => (plan.rows.get(id) ?? 0) > 0).map((id) => panel(id, l, width, plan.rows.get(id)!, depth, claims, plan)), width);
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
