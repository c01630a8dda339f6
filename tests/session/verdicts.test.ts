/**
 * Verdict words follow the story on screen: DIVERGED only once the divergence shows, a wrong
 * hand-wired net is WRONG (not TRUNCATED), a run judged on its held-out test set that spends its
 * budget is FINISHED, and no verdict repeats its own word ("FINISHED finished").
 */
import { describe, expect, it } from 'vitest';
import { cause, REASONS, reasonText, type ReasonCode } from '../../src/core/reasons.js';
import { CATALOGUES, LANGS, translator } from '../../src/i18n/index.js';
import { LabSession } from '../../src/session/lab.js';
import { verdictOf, type VerdictWord } from '../../src/session/views.js';

describe('DIVERGED only when the screen shows divergence', () => {
  it('adaline-divergence in the lab: "will diverge" while the loss is below its start, then plays on until it has grown, and says DIVERGED', () => {
    const lab = new LabSession({ scenario: 'adaline-divergence', run: 'above', autoplay: true });
    let t = 0;
    const words: { word: VerdictWord; epoch: number; loss: number; start: number }[] = [];
    while (lab.playing && t < 120_000) {
      lab.tick((t += 33));
      const l = lab.view(t).lanes[0]!;
      if (l.verdict) words.push({ word: l.verdict.word, epoch: l.epoch, loss: l.now.loss, start: l.lossStart });
    }
    expect(lab.playing).toBe(false);
    // decided at epoch 9 with J = 1.59 below its start 2.0: said as a prediction, not as a fact
    const first = words[0]!;
    expect(first).toMatchObject({ word: 'UNSTABLE', epoch: 9 });
    expect(first.loss).toBeLessThan(first.start);
    expect(translator('en').t('verdict.UNSTABLE')).toBe('WILL DIVERGE');
    // every frame that says DIVERGED shows a loss above its start
    for (const w of words) if (w.word === 'DIVERGED') expect(w.loss).toBeGreaterThan(w.start);
    // and the lab played on until it did: the last frame says DIVERGED, the loss at least doubled
    const last = words.at(-1)!;
    expect(last.word).toBe('DIVERGED');
    expect(last.loss).toBeGreaterThanOrEqual(2 * last.start);
    expect(lab.lanes()[0]!.run!.status.outcome).toBe('diverged');
  });
});

describe('the other verdict words', () => {
  it('the printed hand-wired XOR net is WRONG, not TRUNCATED (its outcome is inert)', () => {
    const lab = new LabSession({ scenario: 'seed-xor-two-layer', compare: ['corrected', 'as-printed'] });
    const [corrected, printed] = lab.view(0).lanes;
    expect(corrected!.verdict!.word).toBe('SOLVED');
    expect(printed!.verdict!.word).toBe('WRONG');
    expect(printed!.verdict!.outcome).toBe('inert');
    expect(printed!.now.accuracy).toBe(0.25);
  });

  it('a run judged on its test set that spends its budget is FINISHED, with its test accuracy; with a target of the scenario\'s own it stays TRUNCATED', () => {
    // the runner decides finished (runner.test.ts); the screen adds the training target it missed
    const judged = cause('finished-test', { epochs: 20, test: 0.71 });
    const o = { target: { accuracy: { min: 1 } }, epoch: 20, accuracy: 0.9, decidedAt: 20, testAccuracy: 0.71 };
    const v = verdictOf('finished', reasonText(judged), o, judged)!;
    expect(v.word).toBe('FINISHED');
    expect(v.reason).toBe('all 20 epochs trained: a run with a held-out test set is judged on it (71% of the test set right; the training target accuracy ≥ 1 was not reached)');
    expect(verdictOf('finished', reasonText(judged), { ...o, target: {} }, judged)!.reason).toBe('all 20 epochs trained: a run with a held-out test set is judged on it (71% of the test set right)');
    // vanishing-gradients names its own target: the sigmoid net's stall is a failure to reach it (truncated)
    const budget = cause('budget', { epochs: 20 });
    expect(verdictOf('truncated', reasonText(budget), o, budget)!.word).toBe('TRUNCATED');
    const ko = verdictOf('finished', reasonText(judged), o, judged, translator('ko'))!;
    expect(ko.label).toBe('완료');
    expect(ko.reason).toContain("71%");
    expect(ko.reason).toContain('정확도 ≥ 1');
  });

  it('no verdict repeats its own word ("FINISHED finished"), in either language', () => {
    const WORDS: readonly VerdictWord[] = ['SOLVED', 'CYCLING', 'DIVERGED', 'TRUNCATED', 'FINISHED', 'UNSTABLE', 'WRONG'];
    for (const lang of LANGS) {
      const tr = translator(lang);
      for (const code of Object.keys(REASONS) as ReasonCode[]) {
        const text = CATALOGUES[lang].reasons[code].toLowerCase();
        for (const w of WORDS) {
          const label = tr.t(`verdict.${w}`).toLowerCase();
          expect(text.startsWith(label), `${lang} ${code} starts with ${label}`).toBe(false);
        }
      }
    }
    const finished = verdictOf('finished', null, { target: {}, epoch: 600, accuracy: 1, decidedAt: 600 }, cause('finished', { epochs: 600 }))!;
    expect(`${finished.label} ${finished.reason}`).toBe('FINISHED all 600 epochs trained: this experiment has no target, it trains its whole budget');
  });
});
