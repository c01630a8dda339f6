import { describe, expect, it } from 'vitest';
import { problemSheet, sheetMarkdown, type Problem } from '../../src/assignments/problems.js';
import { num } from '../../src/core/format.js';
import { EN_TR, translator } from '../../src/i18n/index.js';
import { decodeShare, resolveShare } from '../../src/scenarios/share.js';
import { AppSession } from '../../src/session/app.js';
import type { QuizView } from '../../src/session/quiz.js';

/** The lab a problem's share string opens, as `neural-eras lab --share` opens it. */
function labOf(p: Problem): AppSession {
  const input = resolveShare(decodeShare(p.share));
  return new AppSession({ kind: 'lab', scenario: input.scenario, run: input.only![0]!, overrides: input.params }, input.seed as number | undefined, () => 0);
}

/** Answers the lab's quiz, one update per answer group, with the sheet's values: every entry must be ✓ and the lab's right values the sheet's. */
function quizMatches(p: Problem): void {
  const app = labOf(p);
  app.key('k');
  for (const group of p.answers) {
    for (const a of group.items) {
      for (const c of `(${a.values.map((v) => num(v, 17)).join(', ')})`.replace(/−/g, '-')) app.key(c);
      app.key('down');
    }
    app.key('enter');
    const q = app.view(0).dialog as QuizView;
    expect(q.phase).toBe('reveal');
    q.rows.forEach((row, i) => {
      expect(row.label).toBe(group.items[i]!.label);
      expect(row.marks!.map((m) => m.expected)).toEqual(group.items[i]!.values);
      expect(row.ok).toBe(true);
    });
    app.key('enter');
  }
}

describe('problem sheets', () => {
  const a = problemSheet('a', EN_TR);
  const lecture = problemSheet(null, EN_TR);

  it("without a student: the lecture's numbers; each student's are their own, the same every time", () => {
    const md = sheetMarkdown(lecture, true, EN_TR);
    expect(md).toContain('w = (w0, w1, w2) = (−0.4, 0.6, 0.6)');
    expect(md).toContain('new w = **(−0.6, 0.5, 0.5)**');
    expect(md).toContain('new w = **(−0.54, 0.55, 0.55)**');
    const sheetA = sheetMarkdown(a, false, EN_TR);
    const sheetB = sheetMarkdown(problemSheet('b', EN_TR), false, EN_TR);
    expect(sheetA).not.toBe(sheetB);
    expect(sheetA).toBe(sheetMarkdown(problemSheet('a', EN_TR), false, EN_TR));
    // the numbers differ problem by problem, not only the title
    const numbers = (s: string) => s.split('\n').filter((l) => /^(A perceptron unit|W¹ =|Hidden units)/.test(l));
    numbers(sheetA).forEach((line, i) => expect(line).not.toBe(numbers(sheetB)[i]));
    expect(sheetA).not.toContain('**Answers');
  });

  it('--answers are what the lab computes: the quiz on each problem\'s lab takes them all as right (perceptron epoch, Adaline step, backprop step)', () => {
    for (const sheet of [a, lecture]) {
      const [, epoch, adaline, , backprop] = sheet.problems;
      expect(epoch!.answers).toHaveLength(4);
      quizMatches(epoch!);
      quizMatches(adaline!);
      quizMatches(backprop!);
      // the backprop step is worked on a pattern other than (0, 0), so W¹'s weights move too
      expect(backprop!.answers[0]!.head).not.toContain('(0, 0)');
    }
  });

  it("the threshold units' answers are the lab's outputs", () => {
    for (const p of [a.problems[0]!, a.problems[3]!]) {
      const lab = labOf(p).lab!;
      const run = lab.lanes()[0]!.run!;
      const ev = run.model.evaluate(run.spec.data);
      p.answers.forEach((g, i) => expect(g.items.at(-1)!.values).toEqual(ev.outputs[i]));
    }
  });

  it('in Korean', () => {
    const md = sheetMarkdown(problemSheet('a', translator('ko')), true, translator('ko'));
    expect(md.split('\n')[0]).toBe('# 손으로 푸는 신경망 — 학생 a의 문제지, 풀이 포함');
    expect(md).toContain('**답 (실험이 계산하는 값)**');
    expect(md).toContain('새 W¹ = **');
  });
});
