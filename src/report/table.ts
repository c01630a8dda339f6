/** Plain-text tables and number formatting shared by the commands. */

/** A column-aligned table; numbers right-aligned, text left-aligned. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? num(c) : c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: readonly string[], raw: readonly (string | number)[]) =>
    r
      .map((c, i) => (typeof raw[i] === 'number' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(cells[0]!, header), widths.map((w) => '─'.repeat(w)).join('  ')];
  cells.slice(1).forEach((r, i) => out.push(line(r, rows[i]!)));
  return out.join('\n');
}

/** Short, stable number text: 6 significant digits, exponent for very small or large values. */
export function num(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e7)) return v.toExponential(2);
  return String(Number(v.toPrecision(6)));
}

/** A (nested) weight structure in one line. */
export function weightsText(w: unknown, limit = 120): string {
  const text = JSON.stringify(w, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(6)) : v)) ?? '';
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
