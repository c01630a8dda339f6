/** The memo helper: computed again exactly when an argument differs (Object.is), and only then. */
import { describe, expect, it } from 'vitest';
import { memo } from '../../src/session/memo.js';

describe('memo', () => {
  it('computes once per distinct argument list (the last one)', () => {
    let calls = 0;
    const f = memo((a: number, b: readonly number[]) => (calls++, a + b.length));
    const list = [1, 2];
    expect([f(1, list), f(1, list), f(1, [1, 2]), f(2, list), f(2, list), f(1, list)]).toEqual([3, 3, 3, 4, 4, 3]);
    // the same array again is a hit; an equal but new array, another number or a return to an older list is a miss
    expect(calls).toBe(4);
  });

  it('NaN equals NaN, and 0 is not −0 (Object.is)', () => {
    let calls = 0;
    const f = memo((x: number) => (calls++, x));
    f(NaN);
    f(NaN);
    f(0);
    f(-0);
    expect(calls).toBe(3);
  });

  it('an argument list of another length is a miss', () => {
    let calls = 0;
    const f = memo((...xs: number[]) => (calls++, xs.length));
    expect([f(1), f(1, 1), f(1, 1)]).toEqual([1, 2, 2]);
    expect(calls).toBe(2);
  });
});
