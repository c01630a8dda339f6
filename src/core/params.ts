/**
 * Parameter resolution against a plugin's schema: defaults filled in, overrides type- and
 * range-checked, CLI strings parsed. Errors name the parameter and what was expected.
 */
import { fill } from './template.js';
import type { ParamSchema, ParamSpec, ParamValue, ParamsOf } from './types.js';

export class ParamError extends Error {
  override name = 'ParamError';
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`${key}: ${problem}`);
  }
}

/** Edit distance (insert, delete, substitute one character), for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The known word closest to a misspelt one, when it is close (a third of its letters, at least 2); else null. */
export function didYouMean(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/** A value as JSON for a message: one line, elided past `max` characters (a 10 MB value stays short). */
export function quote(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Text for a message: control characters escaped (one line), elided past `max` characters. */
export function clip(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The words `expected` says a spec with: English by default (errors, the CLI, JSON); the UI passes
 * its language's (session/form.ts). Placeholders: {range}, {max}, {values}, {min}, {n}.
 */
export interface ExpectWords {
  readonly number: string;
  readonly integer: string;
  readonly boolean: string;
  readonly oneOf: string;
  readonly numbers: string;
  readonly integers: string;
  readonly json: string;
  readonly inRange: string;
  readonly atLeast: string;
  readonly atMost: string;
  readonly maxItems: string;
}

export const EXPECT_EN: ExpectWords = {
  number: 'a number{range}',
  integer: 'a whole number{range}',
  boolean: 'true or false',
  oneOf: 'one of {values}',
  numbers: 'a list of numbers{range}{max}',
  integers: 'a list of whole numbers{range}{max}',
  json: 'JSON data',
  inRange: ' in [{min}, {max}]',
  atLeast: ' ≥ {min}',
  atMost: ' ≤ {max}',
  maxItems: ', at most {n} of them',
};

function describeRange(spec: { min?: number; max?: number }, w: ExpectWords): string {
  const min = String(spec.min);
  const max = String(spec.max);
  if (spec.min !== undefined && spec.max !== undefined) return fill(w.inRange, { min, max });
  if (spec.min !== undefined) return fill(w.atLeast, { min });
  if (spec.max !== undefined) return fill(w.atMost, { max });
  return '';
}

/** What the spec expects, in words (for help screens and errors). */
export function expected(spec: ParamSpec, w: ExpectWords = EXPECT_EN): string {
  switch (spec.type) {
    case 'number':
      return fill(w.number, { range: describeRange(spec, w) });
    case 'integer':
      return fill(w.integer, { range: describeRange(spec, w) });
    case 'boolean':
      return w.boolean;
    case 'enum':
      return fill(w.oneOf, { values: spec.values.join(', ') });
    case 'numbers':
      return fill(spec.integer ? w.integers : w.numbers, { range: describeRange(spec, w), max: spec.maxItems !== undefined ? fill(w.maxItems, { n: String(spec.maxItems) }) : '' });
    case 'json':
      return w.json;
  }
}

/** Checks one value against its spec; returns the value or throws ParamError. */
export function checkParam(key: string, spec: ParamSpec, value: unknown): ParamValue {
  const fail = (): never => {
    throw new ParamError(key, `expected ${expected(spec)}, got ${quote(value)}`);
  };
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) fail();
      const v = value as number;
      if (spec.type === 'integer' && !Number.isInteger(v)) fail();
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) fail();
      return v;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : fail();
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? value : fail();
    case 'numbers':
      if (value === null) return null;
      if (!Array.isArray(value) || (spec.maxItems !== undefined && value.length > spec.maxItems)) fail();
      for (const v of value as unknown[]) {
        if (typeof v !== 'number' || !Number.isFinite(v) || (spec.integer && !Number.isInteger(v))) fail();
        if ((spec.min !== undefined && (v as number) < spec.min) || (spec.max !== undefined && (v as number) > spec.max)) fail();
      }
      return value as number[];
    case 'json':
      return value;
  }
}

/** The parameters of a schema that may change while the model trains (`live: true`), in schema order. */
export function liveParams(schema: ParamSchema): string[] {
  return Object.keys(schema).filter((k) => (schema[k] as { live?: boolean }).live === true);
}

/**
 * A change made while training (a share string's is untrusted): the parameter must be one the
 * schema marks live and the value one it admits (range, whole number, one of the words).
 * Returns the checked value; throws a ParamError naming the parameter.
 */
export function checkLive(schema: ParamSchema, key: string, value: unknown): ParamValue {
  const spec = Object.hasOwn(schema, key) ? schema[key] : undefined;
  if (!spec) throw new ParamError(key, 'no such parameter');
  if ((spec as { live?: boolean }).live !== true) throw new ParamError(key, 'cannot change while the model trains');
  return checkParam(key, spec, value);
}

/** Defaults from the schema, then the overrides, each checked; unknown keys are refused. */
export function resolveParams<S extends ParamSchema>(schema: S, overrides: Readonly<Record<string, unknown>> = {}): ParamsOf<S> {
  const out: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(schema)) out[key] = spec.default;
  for (const [key, value] of Object.entries(overrides)) {
    // own keys only: "constructor" or "toString" is an unknown parameter, not Object's member
    const spec = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!spec) throw new ParamError(key, `unknown parameter; known: ${Object.keys(schema).join(', ')}`);
    out[key] = checkParam(key, spec, value);
  }
  // every key of the schema is set, each value checked against its spec: the types ParamsOf promises
  return out as ParamsOf<S>;
}

/** Parses a CLI string ("0.5", "true", "[1,2]", "1,2", "online") into the type the spec wants. */
export function parseParamString(key: string, spec: ParamSpec, text: string): ParamValue {
  try {
    return parseRaw(key, spec, text.trim());
  } catch (e) {
    if (e instanceof ParamError) throw new ParamError(key, `expected ${expected(spec)}, got ${quote(text)}`);
    throw e;
  }
}

function parseRaw(key: string, spec: ParamSpec, raw: string): ParamValue {
  let value: unknown = raw;
  switch (spec.type) {
    case 'number':
    case 'integer':
      value = raw === '' ? NaN : Number(raw);
      break;
    case 'boolean':
      value = raw === 'true' ? true : raw === 'false' ? false : raw;
      break;
    case 'numbers':
      if (raw === 'null' || raw === 'none') value = null;
      else value = raw.replace(/^\[|\]$/g, '').split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
      break;
    case 'json':
      try {
        value = JSON.parse(raw);
      } catch {
        throw new ParamError(key, `expected JSON data, got ${quote(raw)}`);
      }
      break;
    case 'enum':
      break;
  }
  return checkParam(key, spec, value);
}
