/**
 * Korean screens are Korean: every shipped scenario's title, story, run labels and claim notes
 * have Korean texts; every built-in model says its describe() lines through the catalogue (codes
 * with Korean templates citing the same values); targets and claims name their metrics and words
 * in Korean. Symbols, numbers, model ids and activation names may stay.
 */
import { describe, expect, it } from 'vitest';
import { SAID, isSaid, saidText, type SaidCode } from '../../src/core/said.js';
import { placeholders } from '../../src/core/template.js';
import { CATALOGUES, translator } from '../../src/i18n/index.js';
import { MODELS } from '../../src/models/index.js';
import { loadAllScenarios } from '../../src/scenarios/loader.js';
import { LabSession } from '../../src/session/lab.js';

const HANGUL = /[\uac00-\ud7a3]/;
/** An English word of three letters or more, outside placeholders. */
const hasWords = (s: string): boolean => /\b[A-Za-z]{3,}\b/.test(s.replace(/\{[^}]*\}/g, ''));
const ko = CATALOGUES.ko;
/** Claim notes that are a name and a formula only: they stay as they are. */
const FORMULAE = new Set(['Glorot: Var W² = 2/(64 + 64) = 0.015625']);
const scenarios = loadAllScenarios();

describe('every shipped scenario has its Korean words', () => {
  it('a title and as many story lines as the English, each in Korean; no entry for a scenario that does not exist', () => {
    expect(Object.keys(ko.scenarios).sort()).toEqual(scenarios.map((s) => s.id).sort());
    for (const s of scenarios) {
      const said = ko.scenarios[s.id]!;
      expect(said.title, s.id).toMatch(HANGUL);
      expect(said.story.length, s.id).toBe(s.story.length);
      for (const line of said.story) expect(line, s.id).toMatch(HANGUL);
    }
  });

  it('a label for every run whose label is words (not its own id), and a note for every claim that has one', () => {
    for (const s of scenarios) {
      const said = ko.scenarios[s.id]!;
      const runs = new Set(s.runs.map((r) => r.id));
      for (const id of Object.keys(said.labels ?? {})) expect(runs.has(id), `${s.id}: label for unknown run ${id}`).toBe(true);
      for (const r of s.runs) if (r.label !== r.id && hasWords(r.label)) expect(said.labels?.[r.id], `${s.id} run ${r.id}: "${r.label}"`).toMatch(HANGUL);
      for (const k of Object.keys(said.notes ?? {})) expect(s.claims[Number(k)]?.note, `${s.id}: note for claim ${k}, which has none`).toBeDefined();
      s.claims.forEach((c, i) => {
        if (c.note && hasWords(c.note) && !FORMULAE.has(c.note)) expect(said.notes?.[i], `${s.id} claim ${i}: "${c.note}"`).toMatch(HANGUL);
      });
    }
  });

  it('the lab says them: title, labels, claim notes and claim words in Korean; English unchanged', () => {
    const tr = translator('ko');
    const lab = new LabSession({ scenario: 'hebb-and', compare: ['bipolar', 'binary'], tr });
    lab.playToMoment();
    const view = lab.view(0);
    expect(view.title).toBe('헤브 망은 AND를 배운다 — 양극 부호에서만');
    expect(view.lanes.map((l) => l.label)).toEqual(['양극 ±1 부호', '이진 0/1 부호']);
    expect(view.claims[0]!.text).toBe('bipolar의 결과: 해결 (측정값 해결)');
    expect(view.claims[4]!.note).toBe('w = (1, 1, 1)은 네 패턴 모두에서 발화합니다');
    expect(view.lanes[0]!.verdict!.reason).toBe('에폭 1에서 목표 도달 (정확도 ≥ 1; 정확도 100%)');
    const en = new LabSession({ scenario: 'hebb-and', compare: ['bipolar', 'binary'] });
    en.playToMoment();
    expect(en.view(0).claims[0]!.text).toBe('bipolar ends solved (got solved)');
    expect(en.view(0).lanes[0]!.label).toBe('bipolar ±1 coding');
  });
});

describe('every model says its describe() lines through the catalogue', () => {
  it('has a Korean template for every line code, citing the same values, in Korean where the English has words', () => {
    expect(Object.keys(ko.said).sort()).toEqual(Object.keys(SAID).sort());
    for (const code of Object.keys(SAID) as SaidCode[]) {
      expect(placeholders(ko.said[code]).sort(), code).toEqual(placeholders(SAID[code]).sort());
      if (hasWords(SAID[code])) expect(ko.said[code], code).toMatch(HANGUL);
    }
  });

  /** Per built-in model, a scenario and run it describes itself on (after an epoch of training). */
  const ON: Readonly<Record<string, readonly [string, string]>> = {
    adaline: ['adaline-divergence', 'above'],
    'elman-rnn': ['latch', 'elman-5'],
    hebbian: ['hebb-unbounded-vs-oja', 'oja'],
    'lecun-1989': ['digits-challenge', 'convnet-1989'],
    logistic: ['logistic-and', 'logistic'],
    'lstm-1997': ['latch', 'lstm-5'],
    'mcculloch-pitts': ['mp-gates', 'not'],
    'mlp-backprop': ['why-not-step', 'step'],
    'mlp-dropout': ['dropout-monte-carlo', 'dropout'],
    'mlp-relu': ['relu-sparsity', 'relu'],
    perceptron: ['association-units', 'theta1'],
    'rbm-pretraining': ['pretraining-vs-random', 'pretrained'],
  };

  it('covers every built-in model', () => {
    expect(Object.keys(ON).sort()).toEqual([...MODELS.keys()].sort());
  });

  for (const [model, [scenario, run]] of Object.entries(ON)) {
    it(`${model}: every line is said as data, and in Korean`, { timeout: 60_000 }, () => {
      const lab = new LabSession({ scenario, run, tr: translator('ko') });
      const lane = lab.lanes()[0]!;
      expect(lane.spec.plugin.meta.id).toBe(model);
      lane.advance('epoch', true);
      const lines = lane.run!.model.describe!();
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(isSaid(line), `${model}: ${String(line)}`).toBe(true);
      const korean = lab.view(0).lanes[0]!.describe;
      lines.forEach((line, i) => {
        const english = saidText(line);
        if (hasWords(english.replace(/\b(?:sigmoid|relu|linear|step|tanh|softmax|mse|bce|ce|LeCun|convnet|RBMs?|LMS|SGD|CD|AND|OR|NOT|NAND|NOR|XOR)\b/g, ''))) expect(korean[i], english).toMatch(HANGUL);
      });
    });
  }

  it('the English of every line is as before (the JSON, the tests and the reports read it)', () => {
    expect(saidText({ code: 'boundary', values: { equation: '−0.6 + 0.5·x1 + 0.5·x2 = 0' } })).toBe('decision boundary: −0.6 + 0.5·x1 + 0.5·x2 = 0');
    expect(translator('ko').say({ code: 'boundary', values: { equation: '−0.6 + 0.5·x1 + 0.5·x2 = 0' } })).toBe('결정 경계: −0.6 + 0.5·x1 + 0.5·x2 = 0');
  });
});

describe('metric names in targets and claims', () => {
  it('every metric a target names (scenarios and the models\' defaults) has a Korean name', () => {
    const metrics = new Set<string>();
    for (const p of MODELS.values()) for (const k of Object.keys(p.meta.defaultTarget)) metrics.add(k);
    for (const s of scenarios) for (const r of s.runs) for (const k of Object.keys(r.target ?? {})) metrics.add(k);
    for (const m of metrics) expect(translator('ko').metric(m), m).toMatch(HANGUL);
    expect(translator('en').metric('accuracy')).toBe('accuracy');
  });
});
