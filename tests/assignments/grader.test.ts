import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../src/assignments/compare.js';
import { EXERCISES, exerciseText } from '../../src/assignments/exercises.js';
import { gradeModule } from '../../src/assignments/grader.js';

const fixture = (name: string) => import(`../fixtures/assignments/${name}.js`);
const dir = mkdtempSync(join(tmpdir(), 'ne-grader-'));

describe('the exercise files', () => {
  it('every exercise, in English and Korean, has its numbered blanks and a role comment on each function; untouched, every blank is missing', async () => {
    for (const spec of EXERCISES) {
      for (const lang of ['en', 'ko'] as const) {
        const text = exerciseText(spec, lang);
        spec.blanks.forEach((b) => {
          expect(text).toContain(`/* BLANK ${b.n}: ${b.blank[lang]} */`);
          expect(text).toContain(` * ${b.role[lang]}\n */\nexport function ${b.fn}(`);
        });
        const file = join(dir, `${spec.name}-${lang}.js`);
        writeFileSync(file, text);
        const report = gradeModule(file, await import(pathToFileURL(file).href));
        expect(report.blanks.map((b) => b.status)).toEqual(spec.blanks.map(() => 'missing'));
        expect(report.training[0]!.outcome).toBe('skipped');
        expect(report.passed).toBe(false);
      }
    }
  });
});

describe('the grader', () => {
  it('the reference solutions (tests only) pass every blank and their training (backprop without its digits run)', async () => {
    const expected: Record<string, RegExp> = {
      backprop: /^XOR solved by a 2-2-1 sigmoid net with your functions .* at epoch \d+/,
      perceptron: /w = \(−0\.6, 0\.5, 0\.5\), as the perceptron model gives; it computes AND/,
      delta: /w = \(−0\.54, 0\.55, 0\.55\), as the Adaline model gives/,
      softmax: /accuracy (9[5-9]|100)(\.\d)? %/,
      'relu-dropout': /^XOR solved by a 2-8-1 net with your ReLU hidden units/,
    };
    for (const spec of EXERCISES) {
      // the digits run of backprop is graded through the CLI (tests/cli/assignments.test.ts)
      const report = gradeModule(spec.name, await fixture(spec.name), {}, { digits: false });
      expect(report.blanks.every((b) => b.status === 'pass'), spec.name).toBe(true);
      expect(report.training[0]!.outcome, spec.name).toBe('solved');
      expect(report.training[0]!.message).toMatch(expected[spec.name]!);
      expect(report.passed).toBe(true);
    }
  });

  it('δ¹ without the f′ factor: BLANK 3 alone fails, named with its layer and entry and both values', async () => {
    const report = gradeModule('x', await fixture('backprop-no-fprime'));
    expect(report.blanks.map((b) => b.status)).toEqual(['pass', 'pass', 'wrong', 'pass', 'pass']);
    const b = report.blanks[2]!;
    expect(b.fn).toBe('hiddenDelta');
    expect(b.where).toBe('layer 1 (δ¹), entry 1');
    expect(b.message).toMatch(/^differs at layer 1 \(δ¹\), entry 1: given −?[\d.]+, expected −?[\d.]+ \(random input 1\)$/);
    expect(report.training[0]!.message).toBe('not trained: blank 3 does not pass yet');
  });

  it('throws and NaN become one line per blank', async () => {
    const thrown = gradeModule('t', await fixture('throws'));
    expect(thrown.blanks.map((b) => b.message)).toEqual(['threw Error: boom', 'threw TypeError: no', "threw TypeError: Cannot read properties of null (reading 'x')"]);
    const nan = gradeModule('n', await fixture('nan'));
    expect(nan.blanks.every((b) => b.status === 'wrong' && b.given === 'NaN')).toBe(true);
    expect(nan.blanks[2]!.message).toContain('finite differences of the loss disagree with it too');
    expect(gradeModule('m', {}).error).toMatch(/^not an exercise file/);
    expect(gradeModule('m', { exercise: 'nope' }).error).toBe('unknown exercise "nope" (there are backprop, delta, perceptron, relu-dropout, softmax)');
  });

  it('a transposed gradient matches finite differences in value but not in layout: the grader says so', async () => {
    const mod = { ...(await fixture('backprop')) } as Record<string, unknown>;
    mod['gradients'] = (d2: number[], a: number[], d1: number[], x: number[]) => ({
      dW1: d1.map((d) => x.map((xi) => d * xi)), db1: d1, dW2: a.map((aj) => d2.map((d) => d * aj)), db2: d2,
    });
    const b = gradeModule('t', mod).blanks[3]!;
    expect(b.where).toBe('layer 2 (∂J/∂W²)');
    expect(b.message).toMatch(/given 4 entries, expected 2 entries/);
  });

  it('compares entry by entry with paths', () => {
    expect(firstDifference([[1, 2], [3, 4]], [[1, 2], [3, 4.5]])).toEqual({ path: [1, 1], given: '4', expected: '4.5' });
    expect(firstDifference({ a: [1] }, { a: [1], b: 2 })).toEqual({ path: ['b'], given: 'nothing (undefined)', expected: '2' });
    expect(firstDifference(1 + 1e-9, 1)).toBeNull();
  });
});
