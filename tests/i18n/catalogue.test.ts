/**
 * The catalogues: every language has every key, with the same placeholders (a template that
 * names another number would show the wrong one), known formats, and Korean words where the
 * English has words. Texts whose English lives in its source (model metas, the curriculum, the
 * eras, scenario morals, keymaps) are covered for every entry the source has.
 */
import { describe, expect, it } from 'vitest';
import { REASONS, reasonText, type ReasonCode } from '../../src/core/reasons.js';
import { fill, formatsOf, KNOWN_FORMATS, placeholders } from '../../src/core/template.js';
import { CATALOGUES, eraKey, EN, langFromEnv, translator, type Catalogue } from '../../src/i18n/index.js';
import { MODELS } from '../../src/models/index.js';
import { CURRICULUM } from '../../src/session/curriculum.js';
import { ERAS } from '../../src/session/eras.js';
import { KEYMAP_NAMES } from '../../src/session/keymaps.js';
import { loadAllScenarios } from '../../src/scenarios/loader.js';

const HANGUL = /[\uac00-\ud7a3]/;
/** An English word of three letters or more, outside placeholders. */
const hasWords = (s: string): boolean => /\b[A-Za-z]{3,}\b/.test(s.replace(/\{[^}]*\}/g, ''));
/** Keys whose English is a word but whose Korean is punctuation. */
const PUNCTUATION = new Set(['target.and']);

const others = Object.entries(CATALOGUES).filter(([lang]) => lang !== 'en') as [string, Catalogue][];

describe.each(others)('the %s catalogue', (lang, cat) => {
  it('has every UI text of the English one and no other, with the same placeholders and known formats', () => {
    expect(Object.keys(cat.text).sort()).toEqual(Object.keys(EN.text).sort());
    for (const [key, en] of Object.entries(EN.text)) {
      const said = cat.text[key as keyof typeof EN.text];
      expect(placeholders(said), `${lang} ${key}`).toEqual(placeholders(en));
      for (const f of [...formatsOf(en), ...formatsOf(said)]) expect(KNOWN_FORMATS, `${lang} ${key}`).toContain(f);
      if (hasWords(en) && !PUNCTUATION.has(key)) expect(said, `${lang} ${key} is still English`).toMatch(HANGUL);
    }
  });

  it('has a template for every reason code, citing the same values as the English one', () => {
    expect(Object.keys(cat.reasons).sort()).toEqual(Object.keys(REASONS).sort());
    for (const code of Object.keys(REASONS) as ReasonCode[]) {
      expect(placeholders(cat.reasons[code]), `${lang} ${code}`).toEqual(placeholders(REASONS[code]));
      for (const f of formatsOf(cat.reasons[code])) expect(KNOWN_FORMATS).toContain(f);
      expect(cat.reasons[code]).toMatch(HANGUL);
    }
  });

  it('has the history card of every registered model', () => {
    expect(Object.keys(cat.cards).sort()).toEqual([...MODELS.keys()].sort());
    for (const [id, card] of Object.entries(cat.cards)) for (const text of [card.name, card.summary, card.cannot]) expect(text, id).toMatch(HANGUL);
  });

  it('says every tour stop: its title, as many narrative lines as the English, and its moment', () => {
    expect(Object.keys(cat.stops).sort()).toEqual(CURRICULUM.map((s) => s.scenario).sort());
    for (const stop of CURRICULUM) {
      const said = cat.stops[stop.scenario]!;
      expect(said.narrative.length, stop.scenario).toBe(stop.narrative.length);
      for (const text of [said.title, ...said.narrative, said.moment]) expect(text, stop.scenario).toMatch(HANGUL);
    }
  });

  it('says every era of the timeline (and its stand-in where the English has one)', () => {
    expect(Object.keys(cat.eras).sort()).toEqual(ERAS.map(eraKey).sort());
    for (const era of ERAS) {
      const said = cat.eras[eraKey(era)]!;
      expect(Boolean(said.standIn), eraKey(era)).toBe(Boolean(era.standIn));
      for (const text of [said.brought, said.couldNot, said.standIn ?? '가']) expect(text, eraKey(era)).toMatch(HANGUL);
    }
  });

  it('has the moral of every shipped scenario that has one', () => {
    const morals = loadAllScenarios().filter((s) => s.moral);
    expect(Object.keys(cat.morals).sort()).toEqual(morals.map((s) => s.id).sort());
    for (const s of morals) expect(cat.morals[s.id], s.id).toMatch(HANGUL);
  });

  it("has every key's help and hint of every keymap (empty exactly where the English is)", () => {
    const want = new Map<string, Set<string>>();
    for (const [map, name] of KEYMAP_NAMES) {
      for (const b of map) {
        if (!b.help && !b.hint) continue;
        const said = cat.keys[name]?.[b.action];
        expect(said, `${lang} keys.${name}.${b.action}`).toBeDefined();
        expect(Boolean(said!.help), `${name}.${b.action} help`).toBe(Boolean(b.help));
        expect(Boolean(said!.hint), `${name}.${b.action} hint`).toBe(Boolean(b.hint));
        if (hasWords(b.help)) expect(said!.help).toMatch(HANGUL);
        if (hasWords(b.hint)) expect(said!.hint).toMatch(HANGUL);
        want.set(name, (want.get(name) ?? new Set()).add(b.action));
      }
    }
    // …and none for keys that do not exist.
    for (const [name, actions] of Object.entries(cat.keys)) expect(Object.keys(actions).filter((a) => !want.get(name)?.has(a) && (actions[a]!.help || actions[a]!.hint)), name).toEqual([]);
  });
});

describe('the translator', () => {
  const ko = translator('ko');
  const en = translator('en');

  it('says a reason from its cause with the same numbers, through the one formatter', () => {
    const cause = { code: 'weight-past-bound', values: { index: 2, value: -1234567.891, bound: 1e6, epoch: 41 } } as const;
    expect(en.reason(cause, reasonText(cause))).toBe('weight 2 = −1.235e6 grew past the bound 1e6 at epoch 41');
    expect(ko.reason(cause, reasonText(cause))).toBe('에폭 41에서 가중치 2 = −1.235e6: 한계(1e6)를 넘었습니다');
    // NaN and ∞ are written as the formatter writes them, never as null.
    expect(ko.reason({ code: 'loss-not-finite', values: { loss: Infinity, epoch: 3 } }, null)).toBe('에폭 3에서 손실 = ∞: 더는 유한한 수가 아닙니다');
  });

  it("names a model in a reason by its card in the language; a plugin's own text stays as it was given", () => {
    expect(ko.reason({ code: 'no-learning', values: { model: 'mcculloch-pitts' } }, null)).toMatch(/^맥컬러-피츠 뉴런: /);
    expect(ko.reason(null, 'my plugin gave up')).toBe('my plugin gave up');
    expect(ko.reason(null, null)).toBe('');
  });

  it('falls back to the English source for what the catalogue does not know (a user plugin, a user scenario)', () => {
    const meta = { id: 'madaline', name: 'Madaline', summary: 'two layers of Adalines', cannot: 'train its first layer by gradient' };
    expect(ko.card(meta)).toEqual({ name: 'Madaline', summary: meta.summary, cannot: meta.cannot });
    expect(ko.moral('my-own-scenario', 'An English moral.')).toBe('An English moral.');
    expect(en.moral('xor-backprop', 'as written')).toBe('as written');
  });

  it('fills every template of every language with sample values (no placeholder left, none missing)', () => {
    for (const cat of Object.values(CATALOGUES)) {
      for (const t of [...Object.values(cat.text), ...Object.values(cat.reasons)]) {
        const values = Object.fromEntries(placeholders(t).map((p) => [p, p === 'model' ? 'perceptron' : 1.5]));
        expect(fill(t, values)).not.toMatch(/\{\w+(:\w+)?\}/);
      }
    }
  });
});

describe('the language of the locale', () => {
  it('is Korean when the first set of LC_ALL, LC_MESSAGES and LANG starts with ko', () => {
    expect(langFromEnv({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LC_MESSAGES: 'ko_KR', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LC_ALL: 'ko', LANG: 'C' })).toBe('ko');
    expect(langFromEnv({ LC_ALL: 'C.UTF-8', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: '', LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LANG: 'kok_IN' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });
});
