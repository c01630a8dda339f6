/**
 * The languages of the interactive UI and the printed tour: one catalogue per language with the
 * same keys (a test checks them, placeholders included), and a translator the session and the UI
 * thread through. English is the default and the language of JSON and every headless command.
 */
import type { ExpectWords } from '../core/params.js';
import type { Cause } from '../core/reasons.js';
import { SAID, sayIn, type Said } from '../core/said.js';
import { fill, type TemplateValues } from '../core/template.js';
import type { Catalogue, CardText, EraText, KeyText, StopText } from './catalogue.js';
import { EN_REASONS, EN_TEXT, type TextKey } from './en.js';
import { KO } from './ko.js';

export type { TextKey } from './en.js';
export type { CardText, Catalogue, EraText, KeyText, ScenarioText, StopText } from './catalogue.js';

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

export const EN: Catalogue = { text: EN_TEXT, reasons: EN_REASONS, cards: {}, stops: {}, eras: {}, morals: {}, keys: {}, scenarios: {}, params: {}, metrics: {}, said: SAID };

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en: EN, ko: KO };

/** The key of an era in a catalogue: its year and people (two eras share 2012). */
export const eraKey = (e: { readonly year: string; readonly people: string }): string => `${e.year} ${e.people}`;

/** Wide characters (Hangul, CJK, full-width forms) take two cells: the session plans rows with this. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** Cells a plain text takes on a terminal (ASCII and Latin one each, Korean two). */
export const cellsOf = (s: string): number => s.length + (s.match(WIDE)?.length ?? 0);

/** Everything the session and the UI ask of a language. */
export interface Tr {
  readonly lang: Lang;
  /** A UI text, its placeholders filled (numbers through the formatter). */
  t(key: TextKey, values?: TemplateValues): string;
  /** A run's reason in this language: from its cause when it has one, else the English text as given. */
  reason(cause: Cause | null, english: string | null): string;
  card(meta: { readonly id: string } & CardText): CardText;
  /** A parameter's description in this language (a built-in model's; anything else as given). */
  paramHelp(help: string): string;
  /** The words core's expected() says what a parameter takes with, in this language. */
  expects(): ExpectWords;
  stop(stop: { readonly scenario: string } & StopText): StopText;
  era(era: { readonly year: string; readonly people: string } & EraText): EraText;
  moral(scenarioId: string, english: string): string;
  key(map: string, action: string, english: KeyText): KeyText;
  /** A scenario's title, story, a run's label and a claim's note in this language (the English as given otherwise). */
  scenarioTitle(id: string, english: string): string;
  scenarioStory(id: string, english: readonly string[]): readonly string[];
  runLabel(scenarioId: string, runId: string, english: string): string;
  claimNote(scenarioId: string, index: number, english: string): string;
  /** A metric's name (`accuracy ≥ 1` in targets and claims). */
  metric(id: string): string;
  /** A model's line (describe()) in this language: said lines from the catalogue, plain text as it is. */
  say(line: string | Said): string;
}

class Translator implements Tr {
  constructor(
    readonly lang: Lang,
    private readonly c: Catalogue,
  ) {}

  t(key: TextKey, values: TemplateValues = {}): string {
    return fill(this.c.text[key], values);
  }
  reason(cause: Cause | null, english: string | null): string {
    if (!cause) return english ?? '';
    if (this.lang === 'en' && english !== null) return english;
    return fill(this.c.reasons[cause.code], cause.values, { model: (id) => this.c.cards[id]?.name ?? id });
  }
  expects(): ExpectWords {
    const w = (key: TextKey): string => this.c.text[key];
    return {
      number: w('expect.number'),
      integer: w('expect.integer'),
      boolean: w('expect.boolean'),
      oneOf: w('expect.oneOf'),
      numbers: w('expect.numbers'),
      integers: w('expect.integers'),
      json: w('expect.json'),
      inRange: w('expect.inRange'),
      atLeast: w('expect.atLeast'),
      atMost: w('expect.atMost'),
      maxItems: w('expect.maxItems'),
    };
  }
  paramHelp(help: string): string {
    return Object.hasOwn(this.c.params, help) ? this.c.params[help]! : help;
  }
  card(meta: { readonly id: string } & CardText): CardText {
    return this.c.cards[meta.id] ?? { name: meta.name, summary: meta.summary, cannot: meta.cannot };
  }
  stop(stop: { readonly scenario: string } & StopText): StopText {
    return this.c.stops[stop.scenario] ?? stop;
  }
  era(era: { readonly year: string; readonly people: string } & EraText): EraText {
    return this.c.eras[eraKey(era)] ?? era;
  }
  moral(scenarioId: string, english: string): string {
    return this.c.morals[scenarioId] ?? english;
  }
  key(map: string, action: string, english: KeyText): KeyText {
    return this.c.keys[map]?.[action] ?? english;
  }
  scenarioTitle(id: string, english: string): string {
    return this.c.scenarios[id]?.title ?? english;
  }
  scenarioStory(id: string, english: readonly string[]): readonly string[] {
    return this.c.scenarios[id]?.story ?? english;
  }
  runLabel(scenarioId: string, runId: string, english: string): string {
    return this.c.scenarios[scenarioId]?.labels?.[runId] ?? english;
  }
  claimNote(scenarioId: string, index: number, english: string): string {
    return this.c.scenarios[scenarioId]?.notes?.[index] ?? english;
  }
  metric(id: string): string {
    return Object.hasOwn(this.c.metrics, id) ? this.c.metrics[id]! : id;
  }
  say(line: string | Said): string {
    return sayIn(this.c.said, line);
  }
}

const made = new Map<Lang, Tr>();

/** The translator of a language (one per language, shared). */
export function translator(lang: Lang = 'en'): Tr {
  let tr = made.get(lang);
  if (!tr) made.set(lang, (tr = new Translator(lang, CATALOGUES[lang])));
  return tr;
}

/** English: the default everywhere. */
export const EN_TR: Tr = translator('en');

export const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);

/**
 * The language the locale asks for: the first set of LC_ALL, LC_MESSAGES and LANG (POSIX order)
 * starting with "ko" means Korean; anything else English.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '') ?? '';
  return /^ko(?:[_.@-]|$)/i.test(locale) ? 'ko' : 'en';
}
