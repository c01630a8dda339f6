/**
 * The plugin contract, checked over the whole registry (like Gymnasium's env checker):
 * parity of files, tests and entries; meta shape; same-seed determinism.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset, gate, type DataSpec } from '../../src/core/datasets.js';
import { checkParam, resolveParams } from '../../src/core/params.js';
import { createRng } from '../../src/core/rng.js';
import { Run } from '../../src/core/runner.js';
import { MODELS } from '../../src/models/index.js';

const root = join(import.meta.dirname, '..', '..');
/** Files in src/models that are shared support, not plugins. */
const SUPPORT = ['index.ts', 'single-unit.ts', 'mlp-shared.ts', 'mlp-instance.ts'];

describe('registry', () => {
  it('is sorted by id', () => {
    const ids = [...MODELS.keys()];
    expect(ids).toEqual([...ids].sort());
  });

  it('one file, one test and one entry per plugin', () => {
    const files = readdirSync(join(root, 'src', 'models'))
      .filter((f) => f.endsWith('.ts') && !SUPPORT.includes(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual([...MODELS.keys()]);
    for (const id of MODELS.keys()) expect(existsSync(join(root, 'tests', 'models', `${id}.test.ts`)), `tests/models/${id}.test.ts`).toBe(true);
  });
});

/** Plugins that read images (they need a digits data set). */
const IMAGE_MODELS = ['lecun-1989', 'rbm-pretraining'];
/** Two classes of 16×16 digits, a few dozen of each: enough for the contract, quick to train. */
const DIGITS: DataSpec = { kind: 'digits', size: 16, train: 40, test: 10, classes: [0, 1] };

/** Data each plugin can take, for the contract run. */
function dataFor(id: string): DataSpec {
  if (IMAGE_MODELS.includes(id)) return DIGITS;
  if (id === 'mcculloch-pitts') return { kind: 'gate', gate: 'AND', inputs: 'binary', targets: 'binary' };
  if (id.startsWith('mlp')) return { kind: 'xor', n: 40, noise: 0.05, testFraction: 0.25, targets: 'binary' };
  return { kind: 'blobs', n: 40, noise: 0.1, testFraction: 0.25, targets: 'bipolar' };
}

describe.each([...MODELS.values()])('contract: $meta.id', (plugin) => {
  const { meta } = plugin;

  it('has a complete history card', () => {
    expect(meta.id).toMatch(/^[a-z0-9-]+$/);
    expect(meta.year).toBeGreaterThanOrEqual(1943);
    expect(meta.year).toBeLessThanOrEqual(2015);
    for (const field of [meta.name, meta.citation, meta.summary, meta.cannot]) expect(field.length).toBeGreaterThan(10);
    expect(meta.authors.length).toBeGreaterThan(0);
    expect(Object.keys(meta.defaultTarget).length).toBeGreaterThan(0);
  });

  it('has a parameter schema whose defaults pass their own checks', () => {
    for (const [key, spec] of Object.entries(meta.params)) {
      expect(spec.help.length, `${key} help`).toBeGreaterThan(5);
      expect(() => checkParam(key, spec, spec.default)).not.toThrow();
    }
  });

  it('builds, trains, evaluates and predicts with the documented shapes', () => {
    const data = buildDataset(dataFor(meta.id), createRng(1));
    const run = new Run({ id: meta.id, plugin, params: resolveParams(meta.params), data, seed: 1, epochs: 3 }).toEnd();
    expect(run.status.outcome).not.toBeNull();
    const ev = run.model.evaluate(data);
    expect(ev.outputs).toHaveLength(data.inputs.length);
    expect(ev.predictions).toHaveLength(data.inputs.length);
    const p = run.model.predict(data.inputs[0]!);
    expect([0, 1]).toContain(p.label);
    expect(p.score >= 0 && p.score <= 1).toBe(true);
    expect(() => JSON.stringify(run.model.weights())).not.toThrow();
    expect(run.model.flatWeights().length).toBeGreaterThan(0);
    expect(typeof run.model.deterministicEpochs).toBe('boolean');
  });

  it('same seed ⇒ identical run, bit for bit', () => {
    const once = () => {
      const data = buildDataset(dataFor(meta.id), createRng('data'));
      const run = new Run({ id: meta.id, plugin, params: resolveParams(meta.params), data, seed: 11, epochs: 5 }).toEnd();
      return JSON.stringify({ h: run.history, w: run.model.weights(), s: run.status });
    };
    expect(once()).toBe(once());
  });

  it('step() (where it exists) moves the model like epoch() does', () => {
    const data = IMAGE_MODELS.includes(meta.id) ? buildDataset(DIGITS, createRng(3)) : gate('AND', 'binary', meta.id === 'mcculloch-pitts' ? 'binary' : 'bipolar');
    const params = resolveParams(meta.params);
    const a = plugin.create({ data, params, rng: createRng(3) });
    const b = plugin.create({ data, params, rng: createRng(3) });
    a.epoch();
    if (b.step() === null) return;
    while (!b.atEpochBoundary()) b.step();
    expect(Array.from(b.flatWeights())).toEqual(Array.from(a.flatWeights()));
  });
});
