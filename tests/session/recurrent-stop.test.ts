/**
 * The recurrent era's tour stop (issue 22): the Elman net beside the LSTM on the adding problem,
 * played to its moment, shows both verdicts and the facts that make them — at every size and in
 * both languages.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { AppSession } from '../../src/session/app.js';
import { CURRICULUM } from '../../src/session/curriculum.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';

const stop = CURRICULUM.findIndex((s) => s.scenario === 'adding-problem');
const SIZES = [[80, 24], [100, 30], [120, 40], [160, 45], [200, 60]] as const;

describe('the stop "gradients vanish through time"', () => {
  const apps = (['en', 'ko'] as const).map((lang) => {
    const app = new AppSession({ kind: 'tour', stop }, undefined, undefined, translator(lang));
    app.lab!.playToMoment();
    return [lang, app] as const;
  });

  it('follows the 1991–94 stop and plays by itself to the Elman net truncated beside the LSTM solved', () => {
    expect(CURRICULUM[stop - 1]!.scenario).toBe('vanishing-gradients');
    for (const [, app] of apps) {
      const [elman, lstm] = app.lab!.view(0).lanes;
      expect(app.lab!.playing).toBe(false);
      expect([elman!.verdict?.outcome, lstm!.verdict?.outcome]).toEqual(['truncated', 'solved']);
      expect(elman!.epoch).toBe(40);
      expect(lstm!.epoch).toBe(26);
      // the moment's numbers, from the runs on screen
      expect(elman!.latest!.testLoss).toBeGreaterThan(0.02);
      expect(lstm!.latest!.testLoss).toBeLessThan(0.007);
    }
  });

  it.each(SIZES)('is whole at %i×%i in both languages, with both verdicts and the gradient through time', (columns, rows) => {
    for (const [lang, app] of apps) {
      const lines = flatten(frame(app, { columns, rows }, 'none', 1e9)).map(stripAnsi);
      expect(lines.length).toBeLessThanOrEqual(rows);
      const text = lines.join('\n');
      const [truncated, solved] = lang === 'en' ? ['TRUNCATED', 'SOLVED'] : [translator('ko').t('verdict.TRUNCATED'), translator('ko').t('verdict.SOLVED')];
      expect(text, `${lang} ${columns}×${rows}`).toMatch(new RegExp(`${truncated}[\\s\\S]*${solved}`));
      // the sequence strips and the bars, with their axis naming each net's state: h for Elman, s for the cell
      if (rows >= 40) {
        expect(text, `${lang} ${columns}×${rows}`).toContain('‖∂J/∂h_t‖');
        expect(text, `${lang} ${columns}×${rows}`).toContain('‖∂J/∂s_t‖');
      }
    }
  });
});
