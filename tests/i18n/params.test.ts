/**
 * The parameter form in Korean: every built-in model's parameter description has its Korean words
 * (and no Korean entry is left over from a description that changed), and what a field takes is
 * said in the form's language, the English words exactly core's own.
 */
import { describe, expect, it } from 'vitest';
import { EXPECT_EN, expected, parseParamString } from '../../src/core/params.js';
import { KO_PARAMS } from '../../src/i18n/ko-params.js';
import { EN_TR, translator } from '../../src/i18n/index.js';
import { MODELS } from '../../src/models/index.js';
import { ParamForm, validateForm } from '../../src/session/form.js';

const specs = [...MODELS.values()].flatMap((p) => Object.entries(p.meta.params).map(([key, spec]) => ({ model: p.meta.id, key, spec })));
const ko = translator('ko');

describe('parameter descriptions and what a field takes, in Korean', () => {
  it('every built-in parameter has Korean words, with Hangul in them, and every Korean entry names a parameter', () => {
    const missing = specs.filter(({ spec }) => !Object.hasOwn(KO_PARAMS, spec.help)).map(({ model, key }) => `${model}.${key}`);
    expect(missing).toEqual([]);
    const helps = new Set(specs.map(({ spec }) => spec.help));
    expect(Object.keys(KO_PARAMS).filter((h) => !helps.has(h))).toEqual([]);
    for (const { spec } of specs) expect(ko.paramHelp(spec.help), spec.help).toMatch(/[\uac00-\ud7a3]/);
    // a plugin's own words are kept, in any language
    expect(ko.paramHelp('my plugin’s knob')).toBe('my plugin’s knob');
    expect(EN_TR.paramHelp(specs[0]!.spec.help)).toBe(specs[0]!.spec.help);
  });

  it('what a field takes: the English words are core\'s own for every built-in spec; the Korean ones keep every number and value', () => {
    const en = EN_TR.expects();
    expect(en).toEqual(EXPECT_EN);
    const words = ko.expects();
    for (const { model, key, spec } of specs) {
      expect(expected(spec, en), `${model}.${key}`).toBe(expected(spec));
      const said = expected(spec, words);
      const numbers = (s: string): string[] => (s.match(/\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).sort();
      expect(numbers(said), `${model}.${key}: ${said}`).toEqual(numbers(expected(spec)));
      if (spec.type === 'enum') for (const v of spec.values) expect(said).toContain(v);
    }
  });

  it('the form says them: the description and what the field takes in the form\'s language', () => {
    const perceptron = MODELS.get('perceptron')!;
    const form = new ParamForm('t', 'perceptron', perceptron.meta.params, {}, ko);
    const view = form.view();
    expect(view.fields.find((f) => f.key === 'learningRate')!.help).toBe('η, 교정 한 번의 걸음 크기');
    expect(view.expects).toBe('수 ([0, 100] 안)');
    expect(new ParamForm('t', 'perceptron', perceptron.meta.params, {}).view().expects).toBe('a number in [0, 100]');
  });

  it('a value the field does not take is refused in the form\'s language; in English exactly as the CLI says it', () => {
    const schema = MODELS.get('perceptron')!.meta.params;
    const original = { learningRate: '0.1', rule: 'difference' };
    for (const [key, text] of [['learningRate', 'fast'], ['learningRate', '1000'], ['rule', 'sometimes']] as const) {
      const texts = { ...original, [key]: text };
      let cli = '';
      try {
        parseParamString(key, schema[key]!, text);
      } catch (e) {
        cli = (e as Error).message;
      }
      expect(cli).not.toBe('');
      expect(validateForm(schema, original, texts).errors.get(key)).toBe(cli);
      const said = validateForm(schema, original, texts, ko).errors.get(key)!;
      expect(said).toMatch(/[\uac00-\ud7a3]/);
      expect(said).toContain(`"${text}"`);
      expect(said.startsWith(`${key}: `)).toBe(true);
    }
  });
});
