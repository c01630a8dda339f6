/**
 * A student's typed answer, read and checked: numbers (0.25, −1e-3), fractions (1/2), vectors
 * ((0.1, −0.2) or [0.1, −0.2]) and matrices (rows separated by ";" or written as nested brackets).
 * An answer is right within 0.5 % of the value or 0.0005, whichever is larger: hand arithmetic
 * carries a few rounded digits.
 */

export const RELATIVE_TOLERANCE = 5e-3;
export const ABSOLUTE_TOLERANCE = 5e-4;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** One token as a number: a decimal or a fraction a/b; null when it is neither. */
export function readNumber(token: string): number | null {
  const [p, q, ...rest] = token.split('/');
  if (rest.length > 0 || p === undefined || !NUMBER.test(p)) return null;
  if (q === undefined) return Number(p);
  if (!NUMBER.test(q) || Number(q) === 0) return null;
  return Number(p) / Number(q);
}

export type Parsed = { readonly ok: true; readonly values: readonly number[] } | { readonly ok: false; readonly error: string };

/** Reads an answer that must hold `entries` numbers (row-major for a matrix). */
export function parseAnswer(text: string, entries: number): Parsed {
  const t = text.trim().replace(/[−–]/g, '-');
  if (t === '') return { ok: false, error: 'empty' };
  // rows written as nested brackets become rows separated by ";"
  const rows = t
    .replace(/\)\s*,?\s*\(/g, ';')
    .replace(/\]\s*,?\s*\[/g, ';')
    .replace(/[()[\]]/g, '')
    .split(';');
  const values: number[] = [];
  for (const row of rows) {
    for (const token of row.split(/[\s,]+/).filter((s) => s !== '')) {
      const v = readNumber(token);
      if (v === null || !Number.isFinite(v)) return { ok: false, error: `"${token.slice(0, 20)}" is not a number` };
      values.push(v);
    }
  }
  if (values.length !== entries) return { ok: false, error: `needs ${entries} number${entries === 1 ? '' : 's'}, got ${values.length}` };
  return { ok: true, values };
}

/** True when a given value is within the tolerance of the expected one. */
export const close = (given: number, expected: number): boolean =>
  Math.abs(given - expected) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(expected));
