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

  it('limits match what the app makes and accepts (issue 18): epochs as --epochs, own parameter names only, seeds, long pinned weights', async () => {
    const h = loadScenario('adaline-divergence').fingerprint;
    const forge = (payload: unknown) => {
      const body = b64(payload);
      return resolveShare(decodeShare(`ne1.${body}.${checksumOf(body)}`));
    };
    expect(() => forge({ s: 'adaline-divergence', h, e: 10_000_000 })).toThrow(/share string: damaged \(e: /);
    expect(forge({ s: 'adaline-divergence', h, e: 1_000_000 }).epochs).toBe(1_000_000);
    for (const inherited of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(() => forge({ s: 'adaline-divergence', h, p: { above: JSON.parse(`{"${inherited}": 1}`) } }), inherited).toThrow(`share string: adaline has no parameter "${inherited}"`);
    }
    const { parseSeed } = await import('../../src/commands/options.js');
    expect(() => parseSeed('s'.repeat(201))).toThrow('--seed: at most 200 characters, got 201');
    expect(parseSeed('s'.repeat(200))).toBe('s'.repeat(200));
    // a 2-64-1 net's pinned weights (4,305 characters before): the string it prints is one it reads back
    const scenario = loadScenario('xor-backprop');
    const run = scenario.runs.find((r) => r.plugin.meta.id === 'mlp-backprop')!;
    const weights = [Array.from({ length: 64 }, (_, i) => [0.1 * i, -0.2, 0.3 + i / 7]), [Array.from({ length: 65 }, (_, i) => i / 13 - 2.5)]];
    const text = encodeShare({ scenario, params: new Map([[run.id, { hidden: [64], weights }]]) });
    expect(text.length).toBeGreaterThan(4096);
    expect([...resolveShare(decodeShare(text)).params.get(run.id)!['weights' as never] as number[][][]][0]).toHaveLength(64);
    // and one past the limit is never printed: encodeShare refuses it with the reason
    const huge = [Array.from({ length: 2000 }, (_, i) => [i / 3, i / 7, i / 11]), [Array.from({ length: 2001 }, (_, i) => i / 13)]];
    expect(() => encodeShare({ scenario, params: new Map([[run.id, { hidden: [2000], weights: huge }]]) })).toThrow(/more than a share string may hold \(65536\); keep the run with --out run\.json instead/);
  });
});

/** The four check characters, computed as the encoder does (sha256 of the body, base64url). */
const checksumOf = (body: string) => createHash('sha256').update(body).digest('base64url').slice(0, 4);
