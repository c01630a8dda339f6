/**
 * The hidden units' labels over their small maps: each says its range whole (the lowest and the
 * highest value the unit takes over the plane), or its name alone when the range does not fit —
 * never a range cut to the width, which shows a false number (`h1 1.69e−6…0` for 1.69e−6…0.887,
 * as the 160×45 back-propagation stop showed before).
 */
import { describe, expect, it } from 'vitest';
import { unitLabel } from '../../src/ui/layout/draw-pane.js';

describe('hidden unit labels', () => {
  it('the range whole when it fits, padded to the map’s width', () => {
    expect(unitLabel(1, 0.0205, 0.887, 16)).toBe('h2 0.0205…0.887 ');
    expect(unitLabel(0, 0, 1, 12)).toBe('h1 0…1      ');
  });

  it('the name alone when the range does not fit: never a number cut short', () => {
    expect(unitLabel(0, 1.69e-6, 0.887, 12)).toBe('h1          ');
    expect(unitLabel(0, 1.69e-6, 0.887, 12)).not.toMatch(/…0\b/);
    // h12 in two cells: not 'h1', another unit's name
    expect(unitLabel(11, 0.1, 0.2, 2)).toBe('  ');
  });
});
