/** Text renderings of images, filters and confusion matrices: shapes, widths, glyphs and greys. */
import { describe, expect, it } from 'vitest';
import { confusionLines, displayWidth, filterGrid, greySgr, halfBlockImage, imageGrid } from '../../src/report/images.js';

// a 3×3 image: top row white, middle row black, bottom row white
const img = [1, 1, 1, 0, 0, 0, 1, 0.5, 0];

describe('halfBlockImage', () => {
  it('draws two pixel rows per text row with plain glyphs when there is no colour', () => {
    expect(halfBlockImage(img, 3, 3, { depth: 'none' })).toEqual(['▀▀▀', '▀▀ ']);
  });

  it('draws ▀ in the top grey on the bottom grey, merging repeated codes', () => {
    const rows = halfBlockImage(img, 3, 3, { depth: 'truecolor' });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe('\x1b[38;2;255;255;255;48;2;0;0;0m▀▀▀\x1b[0m');
    expect(rows[1]).toContain('38;2;128;128;128;48;2;0;0;0m▀');
    for (const depth of ['16', '256', 'truecolor'] as const) {
      for (const row of halfBlockImage(img, 3, 3, { depth, scale: 2 })) expect(displayWidth(row)).toBe(6);
    }
  });

  it('maps a fixed range and scales pixels up', () => {
    expect(halfBlockImage([-1, 1], 2, 1, { depth: 'none', range: [-1, 1], scale: 2 })).toEqual(['  ██']);
  });

  it('grey levels follow the depth', () => {
    expect(greySgr('none', 0.5, false)).toBe('');
    expect(greySgr('256', 0, false)).toBe('38;5;16');
    expect(greySgr('256', 1, true)).toBe('48;5;231');
    expect(greySgr('16', 0.9, false)).toBe('97');
    expect(greySgr('16', 0.1, true)).toBe('40');
  });
});

describe('imageGrid and filterGrid', () => {
  it('puts images side by side with captions, every row the same width', () => {
    const rows = imageGrid([img, img, img], 3, 3, { depth: '256', columns: 2, captions: ['7', '7→1', 'long caption'] });
    // two grid rows of (2 image rows + 1 caption)
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(displayWidth(r)).toBe(3 + 1 + 3);
    expect(rows[2]).toBe('7   7→1');
    expect(rows[5]).toBe('lon    ');
  });

  it('draws weights on a signed scale: 0 is mid grey, the largest |w| black or white', () => {
    const rows = filterGrid({ title: 'k', width: 2, height: 2, filters: [[-2, 0, 2, 1]] }, { depth: 'none', columns: 1 });
    expect(rows).toEqual(['▄█']);
  });
});

describe('confusionLines', () => {
  it('shows counts by true class and prediction, dots for empty cells, recall per row', () => {
    const lines = confusionLines([[8, 2], [0, 10]], ['3', '8']);
    expect(lines).toEqual([
      'true↓     3   8  recall',
      '3         8   2     0.8',
      '8         ·  10       1',
    ]);
    const ten = confusionLines(Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 95 : 1))));
    expect(ten).toHaveLength(11);
    expect(new Set(ten.map((l) => [...l].length)).size).toBe(1);
  });
});
