/**
 * The one number formatter of every human-readable text: the UI, the reports, the CLI tables and
 * the equations the models write out. JSON output never goes through here (it keeps the numbers).
 *
 * Conventions, everywhere:
 * - the minus sign is U+2212 "−" (as the lecture typesets it), never a hyphen;
 * - no float noise: −0.6, not -0.6000000000000001 (round to a number of significant digits);
 * - exponent form below 1e-4 and from 1e6 on: 3.2e−7, 1.6e29;
 * - NaN is written "NaN" and infinities "∞" / "−∞" (never a bare "null");
 * - a negative operand inside an expression is parenthesised: 1 − (−1).
 *
 * Significant digits by context: EXACT (10) for the lecture's worked numbers and equations, TABLE
 * (6) for reports and tables, SHORT (3) for the screen's status bars, axes and legends.
 */

export const MINUS = '−';
export const EXACT = 10;
export const TABLE = 6;
export const SHORT = 3;

/** A number as text with `digits` significant digits (see the conventions above). */
export function num(v: number, digits: number = TABLE): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : `${MINUS}∞`;
  const rounded = Number(v.toPrecision(Math.max(1, Math.min(17, digits))));
  if (rounded === 0) return '0';
  const a = Math.abs(rounded);
  let s: string;
  if (a < 1e-4 || a >= 1e6) {
    const [mantissa, exponent] = rounded.toExponential(Math.max(0, digits - 1)).split('e') as [string, string];
    s = `${String(Number(mantissa))}e${Number(exponent)}`;
  } else {
    s = String(rounded);
  }
  return s.replace(/-/g, MINUS);
}

/** Screen format: 3 significant digits. */
export const short = (v: number | undefined): string => (v === undefined ? '—' : num(v, SHORT));

/** The lecture's exact numbers: 10 significant digits, so −0.54 and 0.55 read as printed. */
export const exact = (v: number): string => num(v, EXACT);

/** An operand inside an expression: negative values in parentheses, 1 − (−1). */
export function operand(v: number, digits: number = EXACT): string {
  const s = num(v, digits);
  return s.startsWith(MINUS) ? `(${s})` : s;
}

/** A vector as the lecture writes it: (−0.4, 0.6, 0.6). */
export const vector = (v: ArrayLike<number>, digits: number = EXACT): string => `(${Array.from(v, (x) => num(x, digits)).join(', ')})`;

/** A vector with at most `max` entries shown, the rest elided: (0.1, 0.2, …). */
export function vectorHead(v: ArrayLike<number>, max = 6, digits: number = SHORT): string {
  const n = v.length;
  const shown = Array.from({ length: Math.min(n, max) }, (_, i) => num(v[i]!, digits));
  return `(${shown.join(', ')}${n > max ? ', …' : ''})`;
}

/** A matrix in one line, rows separated by semicolons: [0.6 0.6; −0.5 −0.5]. */
export const matrix = (rows: readonly ArrayLike<number>[], digits: number = SHORT): string =>
  `[${rows.map((r) => Array.from(r, (x) => num(x, digits)).join(' ')).join('; ')}]`;

/** A share as a percentage: 0.755 → "75.5%", with one decimal only when it is needed. */
export function percent(v: number | undefined, decimals = 1): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  const p = Number((v * 100).toFixed(decimals));
  return `${num(p, 6)}%`;
}

/** Powers of ten for prose: 3 × 10⁻⁷ (SHORT digits); plain text between 1e-3 and 1e4. */
export function sci(v: number, digits = 1): string {
  if (!Number.isFinite(v) || v === 0) return num(v, digits);
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e4) return num(v, Math.max(digits, 2));
  const e = Math.floor(Math.log10(a));
  let m = Number((v / 10 ** e).toPrecision(digits));
  let k = e;
  if (Math.abs(m) >= 10) ((m /= 10), (k += 1));
  const sup = String(k).replace(/-/g, '⁻').replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
  return `${num(m, digits)} × 10${sup}`;
}

/** A linear unit's separating line, w0 + w1·x1 + w2·x2 = 0, written out with signs between terms. */
export function boundaryEquation(w: ArrayLike<number>, digits: number = TABLE, names?: readonly string[]): string {
  let s = num(w[0]!, digits);
  for (let j = 1; j < w.length; j++) {
    const v = w[j]!;
    // the columns' own names when they are computed features (x1², sin x1 …), else x1, x2, …
    s += `${v < 0 ? ` ${MINUS} ` : ' + '}${num(Math.abs(v), digits)}·${names?.[j - 1] ?? `x${j}`}`;
  }
  return `${s} = 0`;
}
