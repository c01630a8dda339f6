/**
 * The parameter form, headless: one text field per entry of a plugin's parameter schema, edited
 * with the keys of FORM_KEYS and validated with the same rules as `--param`.
 */
import { ParamError, expected, parseParamString, quote } from '../core/params.js';
import { EN_TR, type Tr } from '../i18n/index.js';
import type { ParamSchema, ParamSpec, Params } from '../core/types.js';
import { FORM_KEYS, actionOf, type Token } from './keymaps.js';

/** A parameter's value as the text the form edits (the CLI's --param syntax). */
export function paramText(spec: ParamSpec, v: unknown): string {
  if (v === null || v === undefined) return spec.type === 'numbers' ? 'none' : '';
  if (Array.isArray(v)) return v.join(',');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Validates the edited texts; returns the changed values, or the problems by key. */
export function validateForm(schema: ParamSchema, original: Readonly<Record<string, string>>, texts: Readonly<Record<string, string>>, tr: Tr = EN_TR): { values: Params; errors: Map<string, string> } {
  const values: Record<string, unknown> = {};
  const errors = new Map<string, string>();
  for (const [key, spec] of Object.entries(schema)) {
    if (texts[key] === original[key]) continue;
    const text = texts[key] ?? '';
    try {
      values[key] = parseParamString(key, spec, text);
    } catch (e) {
      // a value the spec does not take (the only way parsing fails), said in the form's language
      errors.set(key, e instanceof ParamError ? tr.t('form.expected', { key, expects: expected(spec, tr.expects()), got: quote(text) }) : (e as Error).message);
    }
  }
  return { values: values as Params, errors };
}

function cycle(spec: ParamSpec, text: string, dir: 1 | -1): string {
  const options = spec.type === 'enum' ? spec.values : spec.type === 'boolean' ? ['false', 'true'] : null;
  if (!options) return text;
  const i = options.indexOf(text);
  return options[(i + dir + options.length) % options.length]!;
}

export interface FormView {
  readonly kind: 'form';
  readonly title: string;
  readonly fields: readonly { readonly key: string; readonly text: string; readonly help: string; readonly error: string | null }[];
  readonly at: number;
  /** What the selected field accepts. */
  readonly expects: string;
}

export class ParamForm {
  readonly keys: readonly string[];
  private readonly original: Record<string, string>;
  texts: Record<string, string>;
  at = 0;
  errors = new Map<string, string>();

  constructor(
    readonly title: string,
    readonly runId: string,
    private readonly schema: ParamSchema,
    values: Params,
    /** The language of the descriptions and of what each field takes. */
    private readonly tr: Tr = EN_TR,
  ) {
    this.keys = Object.keys(schema);
    this.original = Object.fromEntries(this.keys.map((k) => [k, paramText(schema[k]!, values[k])]));
    this.texts = { ...this.original };
  }

  /** Handles a key; returns 'apply' with the changed values, 'cancel', or null to stay open. */
  key(t: Token): { apply: Params } | 'cancel' | null {
    const key = this.keys[this.at]!;
    const spec = this.schema[key]!;
    const n = this.keys.length;
    switch (actionOf(FORM_KEYS, t)) {
      case 'cancel':
        return 'cancel';
      case 'up':
        this.at = (this.at + n - 1) % n;
        return null;
      case 'down':
        this.at = (this.at + 1) % n;
        return null;
      case 'previousChoice':
      case 'nextChoice':
        this.texts[key] = cycle(spec, this.texts[key] ?? '', actionOf(FORM_KEYS, t) === 'previousChoice' ? -1 : 1);
        return null;
      case 'erase':
        this.texts[key] = (this.texts[key] ?? '').slice(0, -1);
        return null;
      case 'apply': {
        const result = validateForm(this.schema, this.original, this.texts, this.tr);
        this.errors = result.errors;
        return result.errors.size === 0 ? { apply: result.values } : null;
      }
      default:
        if (t.length === 1 && t >= ' ') this.texts[key] = (this.texts[key] ?? '') + t;
        return null;
    }
  }

  view(): FormView {
    return {
      kind: 'form',
      title: this.title,
      fields: this.keys.map((k) => ({ key: k, text: this.texts[k] ?? '', help: this.tr.paramHelp(this.schema[k]!.help), error: this.errors.get(k) ?? null })),
      at: this.at,
      expects: expected(this.schema[this.keys[this.at]!]!, this.tr.expects()),
    };
  }
}
