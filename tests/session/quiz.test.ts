import { describe, expect, it } from 'vitest';
import { close, parseAnswer } from '../../src/assignments/answers.js';
import { backpropStep, rowsOf } from '../../src/assignments/backprop-step.js';
import { num } from '../../src/core/format.js';
import { translator } from '../../src/i18n/index.js';
import { MlpInstance } from '../../src/models/mlp-instance.js';
import { AppSession } from '../../src/session/app.js';
import type { QuizView } from '../../src/session/quiz.js';
import { LabSession } from '../../src/session/lab.js';

const type = (app: AppSession, text: string): void => {
  for (const c of text) app.key(c);
};
const quizOf = (app: AppSession): QuizView => app.view(0).dialog as QuizView;

/** Types the answers (one per field, moving down) and checks them. */
function answer(app: AppSession, answers: readonly string[]): QuizView {
  for (const a of answers) {
    type(app, a);
    app.key('down');
  }
  app.key('enter');
  return quizOf(app);
}

describe('answers', () => {
  it('reads numbers, fractions, vectors and matrices, and says what is wrong', () => {
    expect(parseAnswer('0.25', 1)).toEqual({ ok: true, values: [0.25] });
    expect(parseAnswer(' -1/2 ', 1)).toEqual({ ok: true, values: [-0.5] });
    expect(parseAnswer('−3e-2', 1)).toEqual({ ok: true, values: [-0.03] });
    expect(parseAnswer('(0.1, -0.2)', 2)).toEqual({ ok: true, values: [0.1, -0.2] });
    expect(parseAnswer('[1 2 3]', 3)).toEqual({ ok: true, values: [1, 2, 3] });
    expect(parseAnswer('(1, 2; 3, 4)', 4)).toEqual({ ok: true, values: [1, 2, 3, 4] });
    expect(parseAnswer('((1, 2), (3, 1/4))', 4)).toEqual({ ok: true, values: [1, 2, 3, 0.25] });
    expect(parseAnswer('(0.1, 0.2)', 3)).toEqual({ ok: false, error: 'needs 3 numbers, got 2' });
    expect(parseAnswer('1/0', 1)).toEqual({ ok: false, error: '"1/0" is not a number' });
    expect(parseAnswer('abc', 1)).toEqual({ ok: false, error: '"abc" is not a number' });
    expect(parseAnswer('', 1)).toEqual({ ok: false, error: 'empty' });
  });
  it('accepts a few rounded digits, not a wrong value', () => {
    expect(close(0.6225, 0.622459)).toBe(true);
    expect(close(0.03, 0.0304)).toBe(true);
    expect(close(0.6, 0.622459)).toBe(false);
    expect(close(0.0304, -0.0304)).toBe(false);
  });
});

describe('the backprop step worked by hand agrees with the engine', () => {
  it('over ten online steps with momentum (2-2-1, xor-backprop): same new weights, gradients match finite differences', () => {
    const lab = new LabSession({ scenario: 'xor-backprop', run: 'mlp-backprop' });
    const lane = lab.lanes()[0]!;
    const model = lane.run!.model as MlpInstance;
    for (let k = 0; k < 10; k++) {
      const s = model.handState();
      const pattern = k % 4;
      const x = lane.spec.data.inputs[pattern]!;
      lab.pattern();
      const rec = lane.trace.at(-1)!;
      expect(rec.pattern).toBe(pattern);
      const W1 = rowsOf(s.w, 0, 2, 3);
      const W2 = rowsOf(s.w, 6, 1, 3);
      const r = backpropStep({ W1, W2, x, t: rec.t, hidden: 'sigmoid', output: 'sigmoid', loss: 'mse', eta: s.eta, momentum: s.momentum, V1: rowsOf(s.v, 0, 2, 3), V2: rowsOf(s.v, 6, 1, 3) });
      const after = Array.from(model.flatWeights());
      [...r.W1.flat(), ...r.W2.flat()].forEach((w, i) => expect(Math.abs(w - after[i]!)).toBeLessThan(1e-12));
      // ∂J/∂W against central differences of J = ½(o − t)²
      const J = (w: number[]): number => {
        const q = backpropStep({ W1: rowsOf(w, 0, 2, 3), W2: rowsOf(w, 6, 1, 3), x, t: rec.t, hidden: 'sigmoid', output: 'sigmoid', loss: 'mse', eta: 0 });
        return 0.5 * (q.o[0]! - rec.t[0]!) ** 2;
      };
      const grad = [...r.grad1.flat(), ...r.grad2.flat()];
      s.w.forEach((_, i) => {
        const h = 1e-6;
        const up = [...s.w];
        const down = [...s.w];
        up[i]! += h;
        down[i]! -= h;
        expect(Math.abs((J(up) - J(down)) / (2 * h) - grad[i]!)).toBeLessThan(1e-8);
      });
    }
  });
});

describe('the quiz in the lab (k)', () => {
  it('2-2-1 backprop step: right answers all ✓ with the score; a δ¹ without f′ is ✗ on δ¹ alone; Enter moves on; k leaves', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'xor-backprop', run: 'mlp-backprop' }, undefined, () => 0);
    const model = app.lab!.lanes()[0]!.run!.model as MlpInstance;
    const s = model.handState();
    app.key('k');
    let q = quizOf(app);
    expect(q.phase).toBe('ask');
    expect(q.head).toBe('2-2-1 · pattern 1');
    expect(q.rows.map((r) => r.label)).toEqual(['a', 'z²', 'o', 'δ²', 'δ²aᵀ', 'δ¹', 'new W²', 'new W¹']);
    // The step is worked here from the weights the model had: x = (0, 0), t = 0 (the sigmoid reads −1 as 0).
    const r = backpropStep({ W1: rowsOf(s.w, 0, 2, 3), W2: rowsOf(s.w, 6, 1, 3), x: [0, 0], t: [0], hidden: 'sigmoid', output: 'sigmoid', loss: 'mse', eta: 0.5 });
    const v = (xs: readonly number[]): string => `(${xs.map((x) => num(x, 5)).join(', ')})`;
    const right = [v(r.a), v(r.z2), v(r.o), v(r.delta2), v(r.grad2.flat()), v(r.delta1), v(r.W2.flat()), `(${r.W1.map((row) => row.map((x) => num(x, 5)).join(', ')).join('; ')})`];
    q = answer(app, right);
    expect(q.phase).toBe('reveal');
    expect(q.rows.every((row) => row.ok)).toBe(true);
    expect(q.score).toBe('this update 8/8 · score 8/8 quantities over 1 updates');
    expect(q.rows[5]!.work).toContain('f′(z¹) ∘ (W²ᵀδ²)');
    // The next update is taken (hidden) as the next question opens: its state before is this one.
    const s2 = model.handState();
    app.key('enter');
    q = quizOf(app);
    expect(q.phase).toBe('ask');
    expect(q.head).toBe('2-2-1 · pattern 2');
    // Second step, x = (0, 1): δ¹ without the f′ factor
    const r2 = backpropStep({ W1: rowsOf(s2.w, 0, 2, 3), W2: rowsOf(s2.w, 6, 1, 3), x: [0, 1], t: [1], hidden: 'sigmoid', output: 'sigmoid', loss: 'mse', eta: 0.5, momentum: 0.9, V1: rowsOf(s2.v, 0, 2, 3), V2: rowsOf(s2.v, 6, 1, 3) });
    const noPrime = r2.delta1.map((d, j) => d / r2.f1[j]!);
    q = answer(app, [v(r2.a), v(r2.z2), v(r2.o), v(r2.delta2), v(r2.grad2.flat()), v(noPrime), v(r2.W2.flat()), v(r2.W1.flat())]);
    expect(q.rows.map((row) => row.ok)).toEqual([true, true, true, true, true, false, true, true]);
    expect(q.rows[5]!.marks!.every((m) => !m.ok)).toBe(true);
    expect(q.score).toBe('this update 7/8 · score 15/16 quantities over 2 updates');
    app.key('k');
    expect(app.view(0).dialog).toBeNull();
    expect(app.lab!.lanes()[0]!.trace.length).toBe(2);
  });

  it('in a comparison the quiz takes the first run alone, and leaving puts the pair back', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'xor-backprop', run: 'mlp-backprop' }, undefined, () => 0);
    app.key('c');
    expect(app.lab!.lanes()).toHaveLength(2);
    app.key('k');
    expect(app.lab!.lanes()).toHaveLength(1);
    expect(quizOf(app).head).toBe('2-2-1 · pattern 1');
    app.key('k');
    expect(app.lab!.lanes()).toHaveLength(2);
    expect(app.lab!.note).toBe('quiz left: the update it asked about was made (pattern 1)');
  });

  it('in Korean: the same quiz with Korean words', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'xor-backprop', run: 'mlp-backprop' }, undefined, () => 0, translator('ko'));
    app.key('k');
    let q = quizOf(app);
    expect(q.title).toBe('퀴즈: 이번 갱신을 직접 계산한 뒤 Enter로 확인합니다');
    expect(q.head).toBe('2-2-1 · 패턴 1');
    expect(q.rows.at(-1)!.label).toBe('새 W¹');
    app.key('enter');
    q = quizOf(app);
    expect(q.rows[0]!.error).toBe('답을 입력하세요');
    q = answer(app, ['1', '1', '1', '1', '(1,1,1)', '(1,1)', '(1,1,1)', '(1,1,1;1,1,1)']);
    // a, whose field was selected first after the error, got a number where it needs two
    expect(q.rows[0]!.error).toBe('숫자 2개가 필요한데 1개입니다');
  });

  it("the lecture's perceptron epoch: the second pattern (0, 1) gives w·x = 0.2, o = 1, t − o = −2, w = (−0.5, 0.6, 0.5)", () => {
    const app = new AppSession({ kind: 'lab', scenario: 'seed-perceptron-epoch' }, undefined, () => 0);
    app.key('k');
    let q = answer(app, ['-0.4', '-1', '0', '(-0.4, 0.6, 0.6)']);
    expect(q.rows.every((r) => r.ok)).toBe(true);
    app.key('enter');
    q = answer(app, ['0.2', '1', '-2', '(-0.5, 0.6, 0.5)']);
    expect(q.rows.map((r) => r.ok)).toEqual([true, true, true, true]);
    expect(q.rows[3]!.work).toBe('w + η(t − o)x = (−0.4, 0.6, 0.6) + 0.05·(−2)·(1, 0, 1) = (−0.5, 0.6, 0.5)');
  });

  it("the lecture's Adaline batch step: net inputs, errors and w = (−0.54, 0.55, 0.55)", () => {
    const app = new AppSession({ kind: 'lab', scenario: 'seed-adaline-step' }, undefined, () => 0);
    app.key('k');
    const q = answer(app, ['(-0.4, 0.2, 0.2, 0.8)', '(-0.6, -1.2, -1.2, 0.2)', '(-0.54, 0.55, 0.55)']);
    expect(q.head).toBe('adaline · one batch step over 4 patterns');
    expect(q.rows.map((r) => r.ok)).toEqual([true, true, true]);
  });

  it('Hebb (bipolar AND): Δw = η·x·t and the new w; a model without a written-out step says so', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'hebb-and' }, undefined, () => 0);
    app.key('k');
    // From w = 0, the first pattern x = (1, −1, −1) with t = −1
    const q = answer(app, ['(-1, 1, 1)', '(-1, 1, 1)']);
    expect(q.rows.map((r) => r.label)).toEqual(['Δw = η·x·t', 'new w']);
    expect(q.rows.every((r) => r.ok)).toBe(true);
    const mp = new AppSession({ kind: 'lab', scenario: 'mp-gates' }, undefined, () => 0);
    mp.key('k');
    expect(quizOf(mp).phase).toBe('none');
    expect(quizOf(mp).message).toMatch(/does not write out a single update/);
  });
});
