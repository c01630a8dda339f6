import { describe, expect, it } from 'vitest';
import { boundaryEquation, exact, matrix, num, operand, percent, sci, short, vector } from '../../src/core/format.js';

describe('the one number formatter', () => {
  it('writes the lecture numbers without float noise and with one minus sign', () => {
    expect(exact(-0.6000000000000001)).toBe('−0.6');
    expect(exact(0.5499999999999999)).toBe('0.55');
    expect(vector([-0.4, 0.6, 0.6])).toBe('(−0.4, 0.6, 0.6)');
    expect(num(-0)).toBe('0');
  });
  it('parenthesises negative operands', () => {
    expect(`1 − ${operand(-1)}`).toBe('1 − (−1)');
    expect(operand(0.5)).toBe('0.5');
  });
  it('rounds by context and switches to exponent form for tiny and huge values', () => {
    expect(short(0.123456)).toBe('0.123');
    expect(num(0.123456789)).toBe('0.123457');
    expect(short(3.2e-7)).toBe('3.2e−7');
    expect(short(1.6e29)).toBe('1.6e29');
    expect(short(undefined)).toBe('—');
  });
  it('never hides NaN or infinity', () => {
    expect(num(Number.NaN)).toBe('NaN');
    expect(num(Infinity)).toBe('∞');
    expect(num(-Infinity)).toBe('−∞');
  });
  it('writes matrices, percentages, powers of ten and separating lines', () => {
    expect(matrix([[-0.4, 0.6, 0.6], [0.6, -0.5, -0.5]])).toBe('[−0.4 0.6 0.6; 0.6 −0.5 −0.5]');
    expect(percent(0.755)).toBe('75.5%');
    expect(percent(0.69)).toBe('69%');
    expect(sci(3.2e-7)).toBe('3 × 10⁻⁷');
    expect(sci(0.5)).toBe('0.5');
    expect(boundaryEquation([-0.6, 0.5, 0.5])).toBe('−0.6 + 0.5·x1 + 0.5·x2 = 0');
    expect(boundaryEquation([0.6, -0.5, -0.5])).toBe('0.6 − 0.5·x1 − 0.5·x2 = 0');
  });
});
