import { describe, expect, it } from 'vitest';
import { jsonValue, toJson, writeJson } from '../../src/report/json.js';

const chunks = (value: unknown): string[] => {
  const out: string[] = [];
  writeJson(value, (t) => out.push(t));
  return out;
};

describe('JSON output', () => {
  it('writes NaN and ±Infinity as strings a script can tell from a missing value', () => {
    expect(toJson({ a: NaN, b: Infinity, c: -Infinity, d: null, e: 1.5, f: [NaN] })).toBe('{"a":"NaN","b":"Infinity","c":"-Infinity","d":null,"e":1.5,"f":["NaN"]}');
    expect(jsonValue('x', -0)).toBe(-0);
  });

  it('streams the same text as one JSON.stringify, large arrays and objects entry by entry', () => {
    const history = Array.from({ length: 20_000 }, (_, i) => ({ epoch: i, loss: i === 7 ? NaN : 1 / (i + 1), skip: undefined, w: [i, -Infinity] }));
    const wide = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`k${i}`, i % 3 ? i : undefined]));
    const docs: unknown[] = [
      { scenario: 's', runs: [{ id: 'a', history, fn: () => 1 }, { id: 'b', history: [] }] },
      wide,
      [undefined, () => 1, ...Array.from({ length: 300 }, (_, i) => i)],
      { small: [1, 2, { x: undefined }] },
      'text',
      null,
    ];
    for (const doc of docs) expect(chunks(doc).join('')).toBe(JSON.stringify(doc, jsonValue));
  });

  it('never builds one giant string: pieces of about 64 KiB', () => {
    const big = { runs: [{ history: Array.from({ length: 200_000 }, (_, i) => ({ epoch: i, loss: i / 3 })) }] };
    const parts = chunks(big);
    expect(parts.length).toBeGreaterThan(50);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(2 * 65_536);
    expect(JSON.parse(parts.join('')).runs[0].history[199_999]).toEqual({ epoch: 199_999, loss: 199_999 / 3 });
  });
});
