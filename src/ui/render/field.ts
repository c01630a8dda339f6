/**
 * Draws the decision fields the session computed (src/session/field.ts) with the map painter:
 * no model is called here, the pixels' classes and scores are already known.
 */
import type { Field, UnitField } from '../../session/field.js';
import type { ColorDepth } from '../color.js';
import { TEST_MARKS, TRAIN_MARKS, confidence, markClass } from '../heatmap.js';
import { LEVELS, lineBits, paintMap } from './map.js';
import { paintUnit } from './units.js';

/** Cell index → the mark of the data point there (train marks win over test marks in a shared cell). */
function marksOf(f: Field): Map<number, string> {
  const marks = new Map<number, string>();
  const { domain, cols, rows } = f;
  for (const p of f.points) {
    const c = Math.floor(((p.x - domain.x[0]) / (domain.x[1] - domain.x[0])) * cols);
    const r = Math.floor(((domain.y[1] - p.y) / (domain.y[1] - domain.y[0])) * rows);
    if (c < 0 || c >= cols || r < 0 || r >= rows) continue;
    const key = r * cols + c;
    if (!p.test || !marks.has(key)) marks.set(key, (p.test ? TEST_MARKS : TRAIN_MARKS)[Math.max(0, p.label) % 10]!);
  }
  return marks;
}

/** The field's rows: exactly field.cols cells each, field.rows of them. */
/** The point cursor's glyph on the map. */
export const CURSOR_MARK = '╋';

export function drawField(f: Field, depth: ColorDepth, cursor?: { readonly u: number; readonly v: number } | null): string[] {
  const levels = new Uint8Array(f.labels.length);
  for (let i = 0; i < levels.length; i++) levels[i] = Math.min(LEVELS - 1, Math.floor(confidence(f.scores[i]!, f.labels[i]!, f.classes) * LEVELS));
  const line = f.line ? lineBits(f.line, f.domain, f.cols, f.rows) : null;
  const marks = marksOf(f);
  if (cursor) marks.set(Math.min(f.rows - 1, Math.floor(cursor.v * f.rows)) * f.cols + Math.min(f.cols - 1, Math.floor(cursor.u * f.cols)), CURSOR_MARK);
  return paintMap({ cols: f.cols, rows: f.rows, labels: f.labels, levels, classes: f.classes, marks, markClass, line, depth });
}

/** A hidden unit's small map. */
export const drawUnit = (u: UnitField, depth: ColorDepth): string[] => paintUnit(u.values, u.cols, u.rows, depth);
