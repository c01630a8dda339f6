import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Run } from '../../../src/core/runner.js';
import { prepareRuns } from '../../../src/scenarios/execute.js';
import { loadScenario } from '../../../src/scenarios/loader.js';
import { stripAnsi, type ColorDepth } from '../../../src/ui/color.js';
import { rowsProblem } from '../../../src/ui/render/text.js';
import { stateLetters, weightTrace, type TraceStep } from '../../../src/ui/render/trace.js';

const DEPTHS: readonly ColorDepth[] = ['none', '16', '256', 'truecolor'];

/** The perceptron on XOR, step by step, as the lab would pass its steps. */
function perceptronXorSteps(count: number): TraceStep[] {
  const run = new Run(prepareRuns(loadScenario('perceptron-xor'))[0]!);
  // Past the verdict (cycling at epoch 3), as the lab plays on when asked.
  run.playOn = true;
  const steps: TraceStep[] = [];
  for (let i = 0; i < count; i++) {
    const s = run.step()!;
    steps.push({ epoch: Math.floor(i / 4) + 1, pattern: s.pattern, x: s.x.slice(1), t: s.t[0], o: s.o[0], after: s.after });
  }
  return steps;
}

describe('weight trace', () => {
  it('shows the perceptron on XOR cycling: the same four weight vectors, in the same order, every epoch', () => {
    const steps = perceptronXorSteps(16);
    const letters = stateLetters(steps);
    // From epoch 2 on, each epoch's four steps reach the same four weight vectors.
    expect(letters.slice(8, 12)).toEqual(letters.slice(12, 16));
    expect(letters.slice(4, 8).slice(1)).toEqual(letters.slice(8, 12).slice(1));
    expect(new Set(letters.slice(8, 16)).size).toBe(4);
    const t = weightTrace({ steps, width: 60, height: 9, depth: 'none' });
    expect(t.mode).toBe('table');
    expect(t.shown).toBe(8);
    expect(t.rows[0]).toMatch(/^ep # x +t +o +w0 +w1 +w2 +w/);
    const tags = t.rows.slice(1).map((r) => r.trim().at(-1));
    expect(tags.slice(0, 4)).toEqual(tags.slice(4, 8));
    expect(t.rows[1]).toMatch(/^ 3 1 0 0 −1 +1 +−0\.2 +−0\.2 +0 +[A-Z] *$/);
  });

  it('drops x, then t and o, then the pattern before the weights when narrow', () => {
    const steps = perceptronXorSteps(8);
    expect(weightTrace({ steps, width: 30, height: 5, depth: 'none' }).rows[0]).toMatch(/^ep # +t +o +w0/);
    expect(weightTrace({ steps, width: 22, height: 5, depth: 'none' }).rows[0]).toMatch(/^ep # +w0 +w1 +w2 +w/);
  });

  it('becomes sparklines under the same letters when the rows are few', () => {
    const steps = perceptronXorSteps(16);
    const t = weightTrace({ steps, width: 40, height: 4, depth: 'none' });
    expect(t.mode).toBe('sparkline');
    expect(t.rows[0]!.trim()).toBe(stateLetters(steps).join(''));
    expect(t.rows[1]).toMatch(/^w0 [▁▂▃▄▅▆▇█]{16} 0 *$/);
    expect(t.rows[2]).toMatch(/^w1 [▁▂▃▄▅▆▇█]{16} −0\.2 *$/);
    const narrow = weightTrace({ steps, width: 12, height: 2, depth: 'none' });
    expect(narrow.shown).toBe(4);
    expect(narrow.rows[0]!.trim()).toBe(stateLetters(steps).slice(-4).join(''));
  });

  it('says so before the first update, and colours the letters', () => {
    expect(weightTrace({ steps: [], width: 20, height: 2, depth: 'none' }).rows).toEqual(['no updates yet      ', ' '.repeat(20)]);
    const coloured = weightTrace({ steps: perceptronXorSteps(8), width: 60, height: 9, depth: '256' });
    expect(coloured.rows[1]).toMatch(/\x1b\[1;38;5;\d+m[A-Z]/);
  });

  it('gives exactly `height` rows of `width` cells for any steps and size', () => {
    const step = fc.record({ epoch: fc.nat(10_000), pattern: fc.nat(100), after: fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(Number.NaN, Infinity)), { minLength: 1, maxLength: 4 }), t: fc.option(fc.integer({ min: -1, max: 1 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 20 }), fc.constantFrom(...DEPTHS), fc.constantFrom('auto', 'table', 'sparkline') as fc.Arbitrary<'auto' | 'table' | 'sparkline'>, (steps, width, height, depth, mode) => {
        const t = weightTrace({ steps, width, height, depth, mode });
        expect(rowsProblem(t.rows, width, height, depth)).toBeNull();
        expect(stripAnsi(t.rows.join(''))).not.toMatch(/null|undefined/);
      }),
      { numRuns: 200 },
    );
  });
});
