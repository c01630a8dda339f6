import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { AppSession } from '../../src/session/app.js';
import type { QuizView } from '../../src/session/quiz.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';
import { screenProblems } from './screen-check.js';

const SIZES = [[80, 24], [100, 30], [200, 60]] as const;

describe('the quiz screen', () => {
  it('fits and closes its box at every size, asked and revealed, in English and Korean, for the 2-2-1 net and the Adaline batch step', () => {
    for (const lang of ['en', 'ko'] as const) {
      for (const scenario of ['xor-backprop', 'seed-adaline-step']) {
        const app = new AppSession({ kind: 'lab', scenario, run: scenario === 'xor-backprop' ? 'mlp-backprop' : 'adaline' }, undefined, () => 0, translator(lang));
        app.key('k');
        for (const phase of ['ask', 'reveal']) {
          if (phase === 'reveal') {
            for (const row of (app.view(0).dialog as QuizView).rows) {
              for (const c of `(${Array.from({ length: row.entries }, (_, k) => (k % 2 ? '-0.5' : '0.123456')).join(', ')})`) app.key(c);
              app.key('down');
            }
            app.key('enter');
            expect((app.view(0).dialog as QuizView).phase).toBe('reveal');
          }
          for (const [w, h] of SIZES) {
            const lines = flatten(frame(app, { columns: w, rows: h }, 'none', 0));
            expect(screenProblems(lines, w, h), `${lang} ${scenario} ${phase} ${w}×${h}`).toEqual([]);
            // the selected answer (asked) or the score (revealed) stays on screen
            expect(lines.join('\n')).toMatch(phase === 'ask' ? /▶/ : lang === 'en' ? /score \d+\/\d+/ : /점수 \d+\/\d+/);
          }
          if (phase === 'reveal' && scenario === 'xor-backprop') {
            // at 80×24 the revealed rows outgrow the screen: ↑ scrolls back to the last quantity, new W¹
            const last = lang === 'en' ? '✗ new W¹' : '✗ 새 W¹';
            const text = (): string => flatten(frame(app, { columns: 80, rows: 24 }, 'none', 0)).join('\n').replace(/\x1b\[[0-9;]*m/g, '');
            expect(text()).not.toContain(last);
            app.key('up');
            expect(text()).toContain(last);
            // its right value is shown whole, wrapped rather than cut
            expect(text().replace(/[│\s]+/g, ' ')).toMatch(/0\.266201, −0\.227094, −0\.458666; −0\.208596, 0\.364588, 0\.102549\)/);
          }
        }
      }
    }
  });
});
