/**
 * Text templates with named placeholders, `{name}` or `{name:format}`, filled from plain values:
 * the one way reasons and the UI's words are written in every language. Numbers go through the
 * formatter (format.ts) here, so a template in any language shows them the same way.
 *
 * Formats: none (an integer as is, other numbers with TABLE digits), `num` (TABLE digits even for
 * integers: 1e6), `n3` and `n4` (3 or 4 significant digits), `short`, `exact`, `percent`, `raw`
 * (String(v), as JavaScript writes it: NaN, Infinity) and `model` (a model id, named by a hook).
 */
import { exact, MINUS, num, percent, short } from './format.js';

export type TemplateValue = number | string;
export type TemplateValues = Readonly<Record<string, TemplateValue>>;

export interface TemplateHooks {
  /** The name of a model, by id, for `{x:model}` (default: the id). */
  readonly model?: (id: string) => string;
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

const FORMATS: Readonly<Record<string, (v: number) => string>> = {
  num: (v) => num(v),
  n3: (v) => num(v, 3),
  n4: (v) => num(v, 4),
  short: (v) => short(v),
  exact: (v) => exact(v),
  percent: (v) => percent(v),
  raw: (v) => String(v),
};

/** An integer as it is counted (epochs, indices); any other number with TABLE digits. */
const plain = (v: number): string => (Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v).replace('-', MINUS) : num(v));

function formatted(v: TemplateValue, format: string | undefined, hooks: TemplateHooks): string {
  if (format === 'model') return hooks.model?.(String(v)) ?? String(v);
  if (typeof v === 'string') return v;
  if (format === undefined) return plain(v);
  const f = FORMATS[format];
  if (!f) throw new Error(`template: unknown format "${format}"`);
  return f(v);
}

/** The template with every placeholder filled; a placeholder without a value is an error (a bug, not input). */
export function fill(template: string, values: TemplateValues = {}, hooks: TemplateHooks = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string, format: string | undefined) => {
    const v = values[name];
    if (v === undefined) throw new Error(`template: no value for {${name}} in "${template}"`);
    return formatted(v, format, hooks);
  });
}

/** The placeholder names of a template, sorted and without repeats (formats aside). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** The formats a template uses, for checking that each is known. */
export function formatsOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].flatMap((m) => (m[2] ? [m[2]] : []));
}

export const KNOWN_FORMATS: readonly string[] = [...Object.keys(FORMATS), 'model'];
