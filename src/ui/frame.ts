/**
 * One frame of the UI as a block tree, from the app session and the terminal's size: the screen's
 * plan is made from the shape of what is on screen, then the session computes its view at that
 * plan (the decision fields at the sizes planned), then the panels are drawn into the plan.
 */
import type { AppSession } from '../session/app.js';
import type { ColorDepth } from './color.js';
import { drawLab, mustPanels, planLab } from './layout/lab.js';
import { displayWidth, wrap } from './render/text.js';
import { leaf, type Block } from './layout/blocks.js';
import { formFrame, helpFrame, pickerFrame, summaryFrame, timelineFrame, tooSmallFrame } from './layout/screens.js';
import { quizFrame } from './layout/quiz.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

/** The frame for a terminal of `size` (one row is left free so the frame never scrolls it). */
export function frame(app: AppSession, size: Size, depth: ColorDepth, now: number): Block {
  if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
    const lines = tooSmallFrame(size.columns, size.rows, { columns: MIN_COLUMNS, rows: MIN_ROWS }, app.tr);
    return leaf(lines, Math.max(1, size.columns), Math.max(1, Math.min(lines.length, size.rows - 1)));
  }
  const W = size.columns;
  const H = size.rows - 1;
  const tr = app.tr;
  if (app.help) return helpFrame(W, H, depth, tr, app.helpScroll);
  const lab = app.lab;
  if (!lab) {
    const v = app.view(now);
    if (v.screen.kind === 'summary') return summaryFrame(v.screen, W, H, depth, tr);
    return v.screen.kind === 'picker' ? pickerFrame(v.screen, W, H, depth, tr) : timelineFrame(v.screen.kind === 'timeline' ? v.screen : { kind: 'timeline', at: app.era, story: [] }, W, H, depth, tr);
  }
  // A tour stop's facts: its text lines in a band of their own, its panels kept in the panes.
  const tour = app.tour;
  const facts = tour ? tour.facts(W, now).flatMap((l) => (displayWidth(l) <= W ? [l] : wrap(l, W, 3))) : [];
  const must = tour ? mustPanels(tour.current.show, lab.lanes().map((l) => l.spec.id), size.columns, size.rows) : undefined;
  const plan = planLab(lab.frameShape(app.kind === 'tour' || app.kind === 'replay'), W, H, { facts: facts.length, ...(must ? { must } : {}) });
  const v = app.view(now, plan.fields);
  if (v.dialog?.kind === 'form') return formFrame(v.dialog, W, H, depth, tr);
  if (v.dialog?.kind === 'picker') return pickerFrame(v.dialog, W, H, depth, tr);
  if (v.dialog?.kind === 'quiz') return quizFrame(v.dialog, W, H, depth, tr);
  if (v.screen.kind !== 'lab' && v.screen.kind !== 'tour' && v.screen.kind !== 'replay') return timelineFrame({ kind: 'timeline', at: app.era, story: [] }, W, H, depth, tr);
  return drawLab(v.screen, plan, depth, tr, facts);
}
