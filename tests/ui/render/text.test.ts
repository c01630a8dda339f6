import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../src/ui/color.js';
import { clipRows, displayWidth, ELLIPSIS, fit, isNarrow, paint, RESET, rowsProblem } from '../../../src/ui/render/text.js';

describe('displayWidth', () => {
  it('does not count colour codes and counts Korean and CJK twice', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('\x1b[1;38;5;33mabc\x1b[0m')).toBe(3);
    expect(displayWidth('퍼셉트론')).toBe(8);
    expect(displayWidth('x 한 y')).toBe(6);
    expect(displayWidth('⠿━▀░…−⁻·')).toBe(8);
    expect(displayWidth('')).toBe(0);
  });
  it('agrees with string-width on every character the fast path calls narrow', () => {
    const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0x2ff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2070, 0x209f], [0x2190, 0x22ff], [0x2500, 0x25ff], [0x2800, 0x28ff]];
    for (const [a, b] of ranges) {
      for (let c = a; c <= b; c++) {
        const ch = String.fromCodePoint(c);
        if (isNarrow(ch)) expect([c.toString(16), stringWidth(ch)]).toEqual([c.toString(16), 1]);
      }
    }
  });

  it('agrees with string-width on any text (it only goes faster)', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('한국', '↔\uFE0F', 'e\u0301', '👩\u200D💻', '━⠿', 'x\u00ad'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const s = parts.join('');
      expect(displayWidth(s)).toBe(stringWidth(s));
    }), { numRuns: 500 });
  });
});

describe('fit', () => {
  it('pads short text and cuts long text with an ellipsis', () => {
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abcdef', 4)).toBe(`abc${ELLIPSIS}`);
    expect(fit('abc', 3)).toBe('abc');
    expect(fit('abc', 0)).toBe('');
    expect(fit('abc', 1)).toBe(ELLIPSIS);
  });
  it('never splits a wide character: the cell it would half fill becomes padding', () => {
    expect(fit('한국어', 4)).toBe(`한${ELLIPSIS} `);
    expect(displayWidth(fit('한국어', 4))).toBe(4);
    expect(fit('a한국', 5)).toBe('a한국');
  });
  it('keeps colour codes and closes them with a reset before the padding', () => {
    const s = paint('256', [255, 0, 0], 'red text');
    const f = fit(s, 5);
    expect(stripAnsi(f)).toBe(`red ${ELLIPSIS}`);
    expect(f).toContain('\x1b[38;5;');
    expect(f.endsWith(RESET)).toBe(true);
    expect(fit(s, 10)).toBe(`${s}  `);
  });
  it('gives exactly `width` cells for any text, colour codes and wide characters included', () => {
    const piece = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('한', '국', '\x1b[31m', '\x1b[0m', '━', '⠿', '👍', 'e\u0301'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 0, max: 40 }), (parts, width) => {
        const s = parts.join('').replace(/[\x00-\x1a\x1c-\x1f\x7f]/g, '');
        expect(displayWidth(fit(s, width))).toBe(width);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rowsProblem', () => {
  it('names the first broken row and passes whole ones', () => {
    expect(rowsProblem(['ab', 'cd'], 2, 2, 'none')).toBeNull();
    expect(rowsProblem(['ab'], 2, 2, 'none')).toBe('1 rows instead of 2');
    expect(rowsProblem(['ab', 'c'], 2, 2, 'none')).toBe('row 1 is 1 cells wide instead of 2: "c"');
    expect(rowsProblem(['\x1b[31mab'], 2, 1, '256')).toBe('row 0 does not end with a reset');
    expect(rowsProblem([`\x1b[31mab${RESET}`], 2, 1, 'none')).toBe('row 0 has an escape code without colour');
    expect(rowsProblem(['한b'], 3, 1, 'none')).toBeNull();
  });
});

describe('clipRows', () => {
  it('says with … that lines were left out, even when the last kept line fills the width', () => {
    // the 80×24 XOR stop: a moral wrapped to two lines, one row for it; its first line is 79 wide
    const first = '→ No weight vector separates XOR, so every epoch makes an error and the weights';
    expect(displayWidth(first)).toBe(79);
    const [kept] = clipRows([first, 'cycle.'], 1, 80);
    expect(kept!.endsWith(ELLIPSIS)).toBe(true);
    expect(displayWidth(kept!)).toBeLessThanOrEqual(80);
    expect(clipRows(['short', 'left out'], 1, 80)).toEqual([`short ${ELLIPSIS}`]);
    expect(clipRows(['a', 'b'], 2, 80)).toEqual(['a', 'b']);
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 2, maxLength: 5 }), fc.integer({ min: 4, max: 40 }), (lines, width) => {
        const fitted = lines.map((l) => fit(l, width).trimEnd() || 'x');
        const out = clipRows(fitted, 1, width);
        return out.length === 1 && out[0]!.endsWith(ELLIPSIS) && displayWidth(out[0]!) <= width;
      }),
    );
  });
});
