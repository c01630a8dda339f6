/**
 * Comparing a submission's value with the reference's: numbers within a tolerance, arrays entry by
 * entry, objects key by key. The first difference is reported with where it is (a path the blank
 * names: "layer 1 (δ¹), entry 2") and both values, so feedback points at one number.
 */
import { num } from '../core/format.js';

export const GRADE_TOLERANCE = 1e-6;

export interface Difference {
  /** Keys and 0-based indices down to the entry that differs. */
  readonly path: readonly (string | number)[];
  readonly given: string;
  readonly expected: string;
}

/** A value as a short text: numbers with 6 digits, NaN named, long arrays elided. */
export function show(v: unknown, depth = 0): string {
  if (typeof v === 'number') return num(v, 6);
  if (v === undefined) return 'nothing (undefined)';
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    const items = v.slice(0, 6).map((x) => show(x, depth + 1));
    return `[${items.join(', ')}${v.length > 6 ? `, … (${v.length} entries)` : ''}]`;
  }
  if (typeof v === 'object' && depth < 2) return `{ ${Object.keys(v as object).slice(0, 6).join(', ')} }`;
  return typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : typeof v;
}

const closeEnough = (g: number, e: number, tol: number): boolean => Math.abs(g - e) <= tol * Math.max(1, Math.abs(e));

/** The first place where `given` differs from `expected`, or null when they agree. */
export function firstDifference(given: unknown, expected: unknown, tol = GRADE_TOLERANCE, path: (string | number)[] = []): Difference | null {
  if (typeof expected === 'number') {
    if (typeof given !== 'number') return { path, given: show(given), expected: show(expected) };
    return Number.isFinite(given) && closeEnough(given, expected, tol) ? null : { path, given: show(given), expected: show(expected) };
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(given)) return { path, given: show(given), expected: show(expected) };
    if (given.length !== expected.length) return { path, given: `${given.length} entries`, expected: `${expected.length} entries` };
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(given[i], expected[i], tol, [...path, i]);
      if (d) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (given === null || typeof given !== 'object') return { path, given: show(given), expected: show(expected) };
    for (const key of Object.keys(expected)) {
      const d = firstDifference((given as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tol, [...path, key]);
      if (d) return d;
    }
    return null;
  }
  return Object.is(given, expected) ? null : { path, given: show(given), expected: show(expected) };
}

/** Entry indices from 1, as the lecture counts units: "entry 2", "entry (1, 3)". */
export const entryWords = (idx: readonly (string | number)[]): string => {
  const n = idx.filter((i): i is number => typeof i === 'number').map((i) => i + 1);
  return n.length === 0 ? '' : n.length === 1 ? `entry ${n[0]}` : `entry (${n.join(', ')})`;
};
