import { describe, expect, it } from 'vitest';
import { ParamError, parseParamString, resolveParams } from '../../src/core/params.js';
import type { ParamSchema } from '../../src/core/types.js';

const schema: ParamSchema = {
  eta: { type: 'number', default: 0.1, min: 0, max: 1, help: '' },
  n: { type: 'integer', default: 3, min: 1, help: '' },
  mode: { type: 'enum', default: 'a', values: ['a', 'b'], help: '' },
  on: { type: 'boolean', default: false, help: '' },
  w: { type: 'numbers', default: null, help: '' },
};

describe('params', () => {
  it('fills defaults and takes valid overrides', () => {
    expect(resolveParams(schema, { eta: 0.5, w: [1, 2] })).toEqual({ eta: 0.5, n: 3, mode: 'a', on: false, w: [1, 2] });
  });
  it.each([
    [{ eta: 2 }, /eta: expected a number in \[0, 1\]/],
    [{ eta: 'x' }, /eta: expected a number/],
    [{ n: 1.5 }, /n: expected a whole number/],
    [{ mode: 'c' }, /mode: expected one of a, b/],
    [{ on: 1 }, /on: expected true or false/],
    [{ w: [1, 'x'] }, /w: expected a list of numbers/],
    [{ zzz: 1 }, /zzz: unknown parameter/],
  ])('refuses %j', (overrides, message) => {
    expect(() => resolveParams(schema, overrides)).toThrow(message);
    expect(() => resolveParams(schema, overrides)).toThrow(ParamError);
  });
  it('parses CLI strings by type', () => {
    expect(parseParamString('eta', schema['eta']!, '0.25')).toBe(0.25);
    expect(parseParamString('on', schema['on']!, 'true')).toBe(true);
    expect(parseParamString('w', schema['w']!, '[-0.4, 0.6,0.6]')).toEqual([-0.4, 0.6, 0.6]);
    expect(parseParamString('w', schema['w']!, '1,2')).toEqual([1, 2]);
    expect(() => parseParamString('eta', schema['eta']!, 'abc')).toThrow('eta: expected a number in [0, 1], got "abc"');
    expect(() => parseParamString('eta', schema['eta']!, '')).toThrow(ParamError);
  });
});
