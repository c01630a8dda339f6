/**
 * JSON output shared by every --json command. Numbers stay numbers, except the ones JSON cannot
 * hold: NaN, Infinity and −Infinity are written as the strings "NaN", "Infinity" and "-Infinity"
 * (JSON.stringify would write null, which a script cannot tell from a missing value). Documents are
 * written in chunks, so a history of a million epochs never becomes one giant string.
 */

/** The replacer every --json output uses: non-finite numbers become their names. */
export function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  return value;
}

/** One value as JSON text with the shared replacer (small documents: no chunking). */
export const toJson = (value: unknown, indent?: number): string => JSON.stringify(value, jsonValue, indent) ?? 'null';

/** Arrays and objects with more entries than this are written entry by entry. */
const LARGE = 256;
/** Text is handed to `write` in pieces of about this many characters. */
const CHUNK = 1 << 16;

/**
 * Writes `value` as one line of JSON (the same text as JSON.stringify with jsonValue) through
 * `write`, in pieces of about 64 KiB: large arrays and objects are walked entry by entry.
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  let buffer = '';
  const emit = (text: string): void => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  const walk = (key: string, raw: unknown): void => {
    const v = jsonValue(key, typeof (raw as { toJSON?: unknown })?.toJSON === 'function' ? (raw as { toJSON: (k: string) => unknown }).toJSON(key) : raw);
    if (Array.isArray(v) && v.length > LARGE) {
      emit('[');
      v.forEach((item, i) => {
        if (i > 0) emit(',');
        // as JSON.stringify: undefined, functions and symbols in arrays become null
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') emit('null');
        else walk(String(i), item);
      });
      emit(']');
    } else if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > LARGE) {
      emit('{');
      let first = true;
      for (const [k, item] of Object.entries(v)) {
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        emit(`${first ? '' : ','}${JSON.stringify(k)}:`);
        first = false;
        walk(k, item);
      }
      emit('}');
    } else if (v !== null && typeof v === 'object' && containsLarge(v)) {
      // a small container holding a large one (a run's history): walk down to it
      const isArray = Array.isArray(v);
      emit(isArray ? '[' : '{');
      let first = true;
      for (const [k, item] of Object.entries(v)) {
        const skip = item === undefined || typeof item === 'function' || typeof item === 'symbol';
        if (skip && !isArray) continue;
        emit(first ? '' : ',');
        first = false;
        if (!isArray) emit(`${JSON.stringify(k)}:`);
        if (skip) emit('null');
        else walk(k, item);
      }
      emit(isArray ? ']' : '}');
    } else emit(JSON.stringify(v, jsonValue) ?? 'null');
  };
  walk('', value);
  if (buffer) write(buffer);
}

/** True when some array or object inside v (at any depth up to 8) has more than LARGE entries. */
function containsLarge(v: object, depth = 0): boolean {
  if (depth > 8) return false;
  for (const item of Object.values(v)) {
    if (item === null || typeof item !== 'object') continue;
    if ((Array.isArray(item) ? item.length : Object.keys(item).length) > LARGE || containsLarge(item, depth + 1)) return true;
  }
  return false;
}
