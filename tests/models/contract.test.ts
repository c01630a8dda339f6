/** The contract checker itself: a good plugin passes, and each way of breaking one is reported by name. */
import { describe, expect, it } from 'vitest';
import { checkPlugin, contractText } from '../../src/models/contract.js';
import { ModelConfigError, type CreateContext, type Dataset, type ModelInstance, type ModelPlugin } from '../../src/core/types.js';
import type { PluginInstance } from '../../src/core/plugin-instance.js';

/** A plain online perceptron with a fixed order: small, but a complete plugin. */
/** Written in the plugin-file surface (core/plugin-instance.ts), which the checker reads through the runner's adapter. */
function unit(ctx: CreateContext, tweak: { nan?: boolean; stepDrift?: boolean; mutate?: boolean } = {}): PluginInstance {
  const { data, rng } = ctx;
  const eta = Number(ctx.params['learningRate']);
  const w = Array.from({ length: data.inputs[0]!.length + 1 }, () => rng.range(-0.5, 0.5));
  let i = 0;
  const net = (x: readonly number[]) => w.reduce((s, wj, j) => s + wj * (j === 0 ? 1 : x[j - 1]!), 0);
  const out = (x: readonly number[]) => (tweak.nan ? NaN : net(x) >= 0 ? 1 : -1);
  const update = (scale = 1) => {
    const x = data.inputs[i]!;
    const t = data.targets[i]![0]!;
    const o = out(x);
    if (tweak.mutate) (data.inputs[i] as number[])[0] = 0;
    for (let j = 0; j < w.length; j++) w[j]! += eta * (t - o) * (j === 0 ? 1 : x[j - 1]!) * scale;
    i = (i + 1) % data.inputs.length;
    return o !== t;
  };
  const evaluate = (rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>) => {
    const outputs = rows.inputs.map((x) => [out(x)]);
    const predictions = outputs.map((o) => (o[0]! > 0 ? 1 : 0));
    const accuracy = predictions.filter((p, k) => p === rows.labels[k]).length / rows.inputs.length;
    return { loss: 1 - accuracy, accuracy, outputs, predictions };
  };
  return {
    epoch() {
      let updates = 0;
      for (let k = 0; k < data.inputs.length; k++) updates += Number(update());
      return { loss: evaluate(data).loss, updates };
    },
    step() {
      const x = data.inputs[i]!;
      const before = [...w];
      // A drifting step() takes half steps where epoch() takes whole ones.
      const changed = update(tweak.stepDrift ? 0.5 : 1);
      return { pattern: i, x, t: [0], net: [net(x)], o: [out(x)], before, after: [...w], changed, explain: () => 'w ← w + η(t − o)x' };
    },
    atEpochBoundary: () => i === 0,
    evaluate,
    predict: (x) => ({ label: out(x) > 0 ? 1 : 0, score: out(x) > 0 ? 1 : 0 }),
    snapshot: () => ({ kind: 'vector', w: [...w] }),
    flatWeights: () => w,
    deterministicEpochs: true,
  };
}

const meta = {
  id: 'toy-unit',
  name: 'Toy unit',
  year: 1958,
  authors: ['A. Tester'],
  citation: 'A test fixture, not a paper (2026).',
  summary: 'A threshold unit trained online.',
  cannot: 'Separate anything but a line.',
  learns: true,
  defaultTarget: { accuracy: { min: 1 } },
  params: { learningRate: { type: 'number', default: 0.1, min: 0, max: 10, help: 'eta, the step size' } },
} as const;

const plugin = (create: (ctx: CreateContext) => PluginInstance | ModelInstance, overrides: Record<string, unknown> = {}): ModelPlugin => ({ meta: { ...meta, ...overrides } as ModelPlugin['meta'], create: create as ModelPlugin['create'] });
const failed = (p: unknown) => Object.fromEntries(checkPlugin(p).checks.filter((c) => !c.ok).map((c) => [c.name, c.problem]));

describe('checkPlugin', () => {
  it('passes a complete plugin and says on which data it ran', () => {
    const report = checkPlugin(plugin((ctx) => unit(ctx)));
    expect(failed(plugin((ctx) => unit(ctx)))).toEqual({});
    expect(report).toMatchObject({ id: 'toy-unit', ok: true, data: '40 blobs with a test split, bipolar targets' });
    expect(contractText(report)).toContain('toy-unit passes the plugin contract (6 checks).');
  });

  it('refuses what is not a plugin', () => {
    for (const value of [null, 42, {}, { meta: { id: 'x' } }, { create() {} }]) {
      expect(checkPlugin(value)).toMatchObject({ ok: false, checks: [{ name: 'plugin shape', ok: false }] });
    }
  });

  it('names each missing or malformed history-card field', () => {
    const bad = failed(plugin((ctx) => unit(ctx), { id: 'Toy Unit', citation: 'short', year: 1850, authors: [], defaultTarget: {} }));
    expect(bad['history card']).toBe(
      'meta.id must be lower-case letters, digits and dashes; meta.citation must be a text of at least 11 characters; meta.year must be a whole year from 1940 to 2100; meta.authors must be a non-empty list of names; meta.defaultTarget must bound at least one metric, e.g. { "accuracy": { "min": 1 } }',
    );
  });

  it('reports a default that fails its own parameter spec, and stops before training on it', () => {
    const bad = checkPlugin(plugin((ctx) => unit(ctx), { params: { learningRate: { type: 'number', default: -1, min: 0, help: 'eta, the step size' } } }));
    expect(bad.checks.find((c) => c.name === 'parameter schema')?.problem).toBe('params.learningRate.default: learningRate: expected a number ≥ 0, got -1');
    expect(bad.checks.find((c) => c.name === 'tiny scenario')?.problem).toBe('needs valid parameter defaults');
  });

  it('reports a live parameter the model cannot change, and a live mark on a parameter that cannot be live', () => {
    const live = { learningRate: { type: 'number', default: 0.1, min: 0, max: 10, help: 'eta, the step size', live: true } };
    expect(failed(plugin((ctx) => unit(ctx), { params: live }))['shapes']).toBe('meta.params marks learningRate live, but the model has no setLive(param, value)');
    expect(failed(plugin((ctx) => ({ ...unit(ctx), setLive: () => {} }), { params: live }))).toEqual({});
    const flag = { ...live, shuffle: { type: 'boolean', default: false, help: 'reshuffle every epoch', live: true } };
    expect(failed(plugin((ctx) => ({ ...unit(ctx), setLive: () => {} }), { params: flag }))['parameter schema']).toBe('params.shuffle.live must be true, and only on a number, integer or enum parameter');
  });

  it('reports a plugin that throws, with its id and the error', () => {
    const bad = failed(plugin(() => {
      throw new TypeError('cannot read w');
    }));
    expect(bad['tiny scenario']).toBe('create() on 40 blobs with a test split, bipolar targets threw TypeError: cannot read w');
    const late = failed(plugin((ctx) => ({ ...unit(ctx), epoch: () => { throw new RangeError('boom'); } })));
    expect(late['tiny scenario']).toBe('toy-unit threw RangeError: boom');
  });

  it('reports NaN outputs', () => {
    const bad = failed(plugin((ctx) => unit(ctx, { nan: true })));
    expect(bad['shapes']).toContain('evaluate(training set).outputs must be 30 rows of finite numbers');
  });

  it('reports a plugin that draws randomness from outside ctx.rng', () => {
    let calls = 0;
    const bad = failed(plugin((ctx) => {
      const m = unit(ctx);
      const w = m.flatWeights() as number[];
      w[0] = ++calls; // a different start on every create(): what Math.random would do
      return m;
    }));
    expect(bad['determinism']).toBe('two runs with the same seed differ: draw every random number from ctx.rng');
  });

  it('reports a step() that disagrees with epoch(), and a plugin that writes into its data', () => {
    const drift = plugin((ctx) => unit(ctx, { stepDrift: true }));
    expect(failed(drift)['step ≡ epoch']).toBe('one epoch of step() calls ends on other weights than epoch()');
    expect(failed(plugin((ctx) => unit(ctx, { mutate: true })))['tiny scenario']).toMatch(/^toy-unit threw TypeError: Cannot assign to read only property/);
  });

  it('checks the weights snapshot: present, shaped as its kind says, holding every weight, a copy', () => {
    const shapes = (change: (m: PluginInstance) => Record<string, unknown>) => failed(plugin((ctx) => ({ ...unit(ctx), ...change(unit(ctx)) } as PluginInstance)))["shapes"];
    // a plugin written for the old contract: weights() instead of snapshot()
    expect(shapes(() => ({ snapshot: undefined, weights: () => [0, 0, 0] }))).toBe('snapshot() is missing: it returns the weights as { kind: "vector" | "layers" | "units" | "blocks", … }');
    expect(shapes(() => ({ snapshot: () => [0, 0, 0] }))).toBe('snapshot() must return { kind: "vector" | "layers" | "units" | "blocks", … }');
    expect(shapes(() => ({ snapshot: () => ({ kind: 'vector', w: [0, 0] }) }))).toBe('snapshot() holds 2 numbers but flatWeights() 3: the snapshot shows every weight');
    expect(shapes(() => ({ snapshot: () => ({ kind: 'layers', layers: [[[0, 0, 0]]] }) }))).toBeUndefined();
    expect(shapes(() => ({ snapshot: () => ({ kind: 'layers', layers: [[[0, 0]], [[0, 0]]] }) }))).toBe(
      'snapshot().layers[0][0] has 2 numbers, expected 3 (the bias, then one weight per input of the layer)',
    );
    // the live weights handed out: the lab's snapshot would move under it
    const aliased = failed(plugin((ctx) => {
      const m = unit(ctx);
      const w = m.flatWeights() as number[];
      // every step moves the bias a little, so the aliasing shows whatever the data
      const step = () => ({ ...m.step()!, changed: (w[0]! += 1e-3) !== 0 });
      return { ...m, step, snapshot: () => ({ kind: 'vector', w }) };
    }));
    expect(aliased['shapes']).toBe('snapshot() must return a copy: it changed when the model trained on');
  });

  it('checks that a step record explains itself', () => {
    const mute = failed(plugin((ctx) => {
      const m = unit(ctx);
      return { ...m, step: () => ({ ...m.step()!, explain: undefined as never }) };
    }));
    expect(mute['shapes']).toBe('step() records must have explain(), returning the update as text');
  });

  it('says when a plugin accepts none of the tiny data sets', () => {
    const bad = failed(plugin(() => {
      throw new ModelConfigError('toy-unit needs images');
    }));
    expect(bad['tiny scenario']).toBe('accepts none of the tiny data sets (toy-unit needs images)');
  });
});
