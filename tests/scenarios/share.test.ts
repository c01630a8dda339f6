/** Share strings: versioned, URL-safe, checked; they name a scenario and never carry data or code. */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFromData } from '../../src/scenarios/from-data.js';
import { loadScenario, loadScenarioFile } from '../../src/scenarios/loader.js';
import { decodeShare, encodeShare, resolveShare, ShareError } from '../../src/scenarios/share.js';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('share strings', () => {
  it('encode a shipped scenario by id with the seed, epochs, models and non-empty overrides, URL-safe', () => {
    const scenario = loadScenario('adaline-divergence');
    const params = new Map([['above', { learningRate: 0.2 }], ['below', {}]]);
    const text = encodeShare({ scenario, seed: 7, epochs: 30, only: ['above'], params });
    expect(text).toMatch(/^ne1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{4}$/);
    expect(decodeShare(text)).toEqual({ s: 'adaline-divergence', h: scenario.fingerprint, seed: 7, e: 30, m: ['above'], p: { above: { learningRate: 0.2 } } });
    const back = resolveShare(decodeShare(text));
    expect(back).toMatchObject({ seed: 7, epochs: 30, only: ['above'] });
    expect(back.scenario.id).toBe('adaline-divergence');
    expect([...back.params]).toEqual([['above', { learningRate: 0.2 }]]);
    expect(encodeShare(back)).toBe(text);
  });

  it('leave out what was not given: the default seed stays the scenario’s own', () => {
    const scenario = loadScenario('xor-backprop');
    expect(decodeShare(encodeShare({ scenario }))).toEqual({ s: 'xor-backprop', h: scenario.fingerprint });
  });

  it('name your own scenario file or CSV by its path (relative to the working folder) and refuse a changed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ne-share-'));
    const csv = join(dir, 'pts.csv');
    writeFileSync(csv, 'a,b,c\n0,0,x\n1,1,y\n0,1,x\n');
    const data = scenarioFromData(csv, { label: 'c', models: ['perceptron'] });
    const text = encodeShare({ scenario: data });
    expect(decodeShare(text)).toEqual({ d: relative(process.cwd(), csv), o: { label: 'c', models: ['perceptron'] }, h: data.fingerprint });
    expect(resolveShare(decodeShare(text)).scenario.fingerprint).toBe(data.fingerprint);
    writeFileSync(csv, 'a,b,c\n0,0,x\n1,1,y\n0,1,y\n');
    expect(() => resolveShare(decodeShare(text))).toThrow(`share string: ${relative(process.cwd(), csv)} is not the file the string was made from (its contents differ)`);

    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ id: 'mine', title: 'M', era: '1958', year: 1958, story: ['s'], seed: 1, epochs: 5, data: { kind: 'gate', gate: 'AND' }, models: [{ model: 'perceptron' }], claims: [] }));
    const own = encodeShare({ scenario: loadScenarioFile(file), seed: 3 });
    expect(decodeShare(own)).toMatchObject({ f: relative(process.cwd(), file), seed: 3 });
    expect(resolveShare(decodeShare(own)).scenario.id).toBe('mine');
  });

  const damaged: [string, string][] = [
    ['text that is not a share string', 'hello'],
    ['an unknown version', `ne9.${b64({ s: 'x', h: 'y' })}.abcd`],
    ['a cut-short string', encodeShare({ scenario: loadScenario('xor-backprop'), seed: 5 }).slice(0, -6)],
    ['a changed character', encodeShare({ scenario: loadScenario('xor-backprop'), seed: 5 }).replace(/\.(.)/, (_m, c: string) => `.${c === 'e' ? 'f' : 'e'}`)],
    ['a very long string', `ne1.${'A'.repeat(5000)}.abcd`],
  ];
  it.each(damaged)('refuse %s with one line', (_what, text) => {
    expect(() => decodeShare(text)).toThrow(ShareError);
    expect(() => decodeShare(text)).toThrow(/^share string: /);
  });

  it('check what a well-formed string asks for: a known scenario, runs and parameters inside their schema', () => {
    const h = loadScenario('adaline-divergence').fingerprint;
    const forge = (payload: unknown) => {
      const body = b64(payload);
      return resolveShare(decodeShare(`ne1.${body}.${checksumOf(body)}`));
    };
    expect(() => forge({ s: 'adaline-divergence', h: 'other' })).toThrow('share string: scenario adaline-divergence has changed since the string was made');
    expect(() => forge({ s: 'adaline-divergence', h, p: { above: { learningRate: -1 } } })).toThrow('share string: above: learningRate: expected a number in [0, 100], got -1');
    expect(() => forge({ s: 'adaline-divergence', h, p: { above: { eta: 1 } } })).toThrow('share string: adaline has no parameter "eta"');
    expect(() => forge({ s: 'adaline-divergence', h, p: { nobody: { learningRate: 1 } } })).toThrow('share string: scenario adaline-divergence has no run "nobody"');
    expect(() => forge({ s: '../../etc/passwd', h })).toThrow('share string: "../../etc/passwd" is not a scenario id');
    expect(() => forge({ h })).toThrow('share string: damaged');
  });
});

/** The four check characters, computed as the encoder does (sha256 of the body, base64url). */
const checksumOf = (body: string) => createHash('sha256').update(body).digest('base64url').slice(0, 4);
