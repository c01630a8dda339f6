/**
 * The quiz in a real terminal: tmux on a private socket, the built CLI with CI unset, the lab of
 * the 2-2-1 backprop example. k opens the quiz, the answers are typed (δ¹ without its f′ factor),
 * Enter reveals each quantity ✓ or ✗ with its right value and the score; the same in Korean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backpropStep, rowsOf } from '../../src/assignments/backprop-step.js';
import { num } from '../../src/core/format.js';
import type { MlpInstance } from '../../src/models/mlp-instance.js';
import { LabSession } from '../../src/session/lab.js';
import { buildIfStale, root, sleep, tmuxHarness } from './tmux-harness.js';

const t = tmuxHarness('neural-eras-quiz-');
const tmux = t.run;
const screen = (): string => t.screen('q');
const until = (what: string, probe: (s: string) => boolean, ms = 20_000): Promise<string> =>
  t.until(what, () => {
    const s = screen();
    return probe(s) && s;
  }, ms, 'q');

/** The first update's answers, worked here from the run's weights (x = (0, 0), t = 0); δ¹ left without f′. */
function answers(): string[] {
  const lab = new LabSession({ scenario: 'xor-backprop', run: 'mlp-backprop' });
  const s = (lab.lanes()[0]!.run!.model as MlpInstance).handState();
  const r = backpropStep({ W1: rowsOf(s.w, 0, 2, 3), W2: rowsOf(s.w, 6, 1, 3), x: [0, 0], t: [0], hidden: 'sigmoid', output: 'sigmoid', loss: 'mse', eta: s.eta });
  const v = (xs: readonly number[]): string => `(${xs.map((x) => num(x, 5).replace('−', '-')).join(', ')})`;
  const noPrime = r.delta1.map((d, j) => d / r.f1[j]!);
  return [v(r.a), v(r.z2), v(r.o), v(r.delta2), v(r.grad2.flat()), v(noPrime), v(r.W2.flat()), `(${r.W1.map((row) => row.map((x) => num(x, 5).replace('−', '-')).join(', ')).join('; ')})`];
}

beforeAll(buildIfStale);
afterAll(() => t.close());

describe('the quiz in tmux (lab xor-backprop, the 2-2-1 net)', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`k, the answers, Enter: ✓/✗ per quantity with the right values and the score (${lang})`, async () => {
      const cmd = `cd ${JSON.stringify(root)} && env -u CI TERM=xterm-256color ${JSON.stringify(process.execPath)} bin/neural-eras.js lab xor-backprop --model mlp-backprop --lang ${lang}; sleep 30`;
      tmux('new-session', '-d', '-s', 'q', '-x', '120', '-y', '40', cmd);
      await until('the lab', (s) => s.includes('2-2-1'));
      await sleep(500);
      tmux('send-keys', '-t', 'q', 'k');
      await until('the quiz', (s) => s.includes(lang === 'en' ? 'Quiz: work out this update' : '퀴즈: 이번 갱신을'));
      for (const a of answers()) {
        tmux('send-keys', '-t', 'q', '-l', a);
        tmux('send-keys', '-t', 'q', 'Down');
      }
      tmux('send-keys', '-t', 'q', 'Enter');
      const s = await until('the reveal', (x) => x.includes(lang === 'en' ? 'score 7/8' : '점수 7/8'));
      const row = (label: string): string => s.split('\n').find((l) => new RegExp(`^│[✓✗] ${label}\\s`).test(l)) ?? '';
      for (const label of ['a', 'z²', 'o', 'δ²', 'δ²aᵀ']) expect(row(label), label).toMatch(/^│✓/);
      expect(row('δ¹')).toMatch(lang === 'en' ? /^│✗ δ¹\s+right value \(−0\.00318861, 0\.00487845\)/ : /^│✗ δ¹\s+정답 \(−0\.00318861, 0\.00487845\)/);
      expect(row(lang === 'en' ? 'new W²' : '새 W²')).toMatch(/^│✓/);
      expect(row(lang === 'en' ? 'new W¹' : '새 W¹')).toMatch(/^│✓/);
      expect(s).toContain(lang === 'en' ? 'this update 7/8 · score 7/8 quantities over 1 updates' : '이번 갱신 7/8 · 점수 7/8개 (갱신 1번)');
      tmux('send-keys', '-t', 'q', 'k');
      await until('the lab again', (x) => !x.includes('δ²aᵀ'));
      tmux('kill-session', '-t', 'q');
    }, 40_000);
  }
});
