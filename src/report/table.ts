/** Plain-text tables shared by the commands; numbers through the one formatter (core/format). */
import { TABLE, matrix, num, vector } from '../core/format.js';
import type { WeightsSnapshot } from '../core/types.js';
import { weightsJson } from '../core/weights.js';

export { num };

/** A column-aligned table; numbers right-aligned, text left-aligned. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? num(c) : c)));
  // a loop, not Math.max(...): a table may have 200,000 rows, past the arguments a call can take
  const widths = header.map((_, i) => cells.reduce((m, r) => Math.max(m, [...(r[i] ?? '')].length), -Infinity));
  const line = (r: readonly string[], raw: readonly (string | number)[]) =>
    r
      .map((c, i) => (typeof raw[i] === 'number' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(cells[0]!, header), widths.map((w) => '─'.repeat(w)).join('  ')];
  cells.slice(1).forEach((r, i) => out.push(line(r, rows[i]!)));
  return out.join('\n');
}

/** A weights snapshot in one line: a vector, per-layer matrices (bias first in each row), or its JSON form unquoted. */
export function weightsText(s: WeightsSnapshot, limit = 160): string {
  let text: string;
  if (s.kind === 'vector') text = vector(s.w, TABLE);
  else if (s.kind === 'layers') text = s.layers.map((l, i) => `W${i + 1} = ${matrix(l, TABLE)}`).join('  ');
  else text = JSON.stringify(weightsJson(s), (_k, v: unknown) => (typeof v === 'number' ? num(v) : v))?.replace(/"/g, '') ?? '';
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
