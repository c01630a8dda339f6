/** The sequence view's strips and gradient bars, drawn from a trace built by hand. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { gradientDecades, sequenceLines } from '../../src/ui/render/sequence.js';
import type { SequenceTrace } from '../../src/core/types.js';

const trace: SequenceTrace = {
  inputs: [[1], [-0.5], [0], [0.25]],
  strips: [{ name: 'h', values: [[0.9, -1], [0.5, -0.5], [0, 0.2], [-0.9, 1]] }],
  // ‖∂J/∂h_t‖ grows towards the end, where the error is: 10⁻³, 10⁻², 10⁻¹, 1
  gradient: [1e-3, 1e-2, 1e-1, 1],
  state: 'h',
};

describe('sequence view', () => {
  const lines = sequenceLines({ trace, row: 2, width: 60, rows: 10, depth: 'none', tr: translator('en') });

  it('writes one column per step (three cells each at this width), the sign in the character and |v| in the shade', () => {
    expect(lines[0]).toContain('sequence 3 over time, T = 4');
    expect(lines[1]).toBe('x   ███===···░░░'.padEnd(60));
    expect(lines[2]).toBe('h1  ███▒▒▒···■■■'.padEnd(60));
    expect(lines[3]).toBe('h2  ■■■===░░░███'.padEnd(60));
  });

  it('draws the gradient through time as bars on a log scale, lowest at the first step, with its axis in words', () => {
    const bars = lines.slice(4, -1);
    // the top row is full only under the last step (10⁰), the bottom row under every step
    expect(bars[0]!.trimEnd()).toMatch(/^ {4} {9}\S{3}$/);
    expect(bars.at(-1)!.slice(4, 16)).not.toContain(' ');
    expect(lines.at(-1)).toContain('‖∂J/∂h_t‖ per step, log scale 0.001 … 1');
  });

  it('falls back to every k-th step when the sequence is wider than the pane', () => {
    const long: SequenceTrace = { ...trace, inputs: Array.from({ length: 120 }, (_, t) => [t % 2 ? 1 : -1]), strips: [], gradient: Array.from({ length: 120 }, () => 1) };
    const [head, x] = sequenceLines({ trace: long, row: 0, width: 64, rows: 6, depth: 'none', tr: translator('en') });
    expect(head).toContain('one column every 2 steps');
    expect(x).toBe(`x   ${'■'.repeat(60)}`);
  });
});

describe('two runs side by side', () => {
  it('share one log axis: the same gradient draws the same bar beside a run whose gradient spans more decades', () => {
    const other = [1e-6, 1e-3, 1e-1, 1];
    const decades = gradientDecades([trace.gradient, other]);
    expect(decades).toEqual([-6, 0]);
    const own = sequenceLines({ trace, row: 0, width: 60, rows: 10, depth: 'none', tr: translator('en') });
    const shared = sequenceLines({ trace, row: 0, width: 60, rows: 10, depth: 'none', tr: translator('en'), decades });
    expect(shared.at(-1)).toContain('log scale 1 × 10⁻⁶ … 1');
    // on the wider axis 10⁻³ stands half as high as 1: its column is blank in the top half of the bars
    expect(shared).not.toEqual(own);
    const bars = shared.slice(4, -1);
    expect(bars.slice(0, 2).every((row) => row.slice(4, 7).trim() === '')).toBe(true);
    expect(bars.at(-1)!.slice(4, 7).trim()).not.toBe('');
  });
});
