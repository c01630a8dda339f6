/**
 * The typed plugin contract: spec builders give the plain spec objects, the parameters' TypeScript
 * types follow from the schema (checked by tsc, which `npm test` runs over the tests), and the
 * built-in plugins read their parameters through those types — no casts — within bounded schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { resolveParams } from '../../src/core/params.js';
import { definePlugin, param } from '../../src/core/plugin.js';
import type { CreateContext, ModelInstance, ModelPlugin, ParamsOf } from '../../src/core/types.js';
import { MODELS } from '../../src/models/index.js';
import { perceptron } from '../../src/models/perceptron.js';

const schema = {
  eta: param.number({ default: 0.1, min: 0, max: 10, help: 'the step size' }),
  epochs: param.integer({ default: 3, min: 1, max: 100, help: 'how many passes' }),
  shuffle: param.boolean({ default: false, help: 'reshuffle each epoch' }),
  rule: param.oneOf(['plain', 'mistake'], { default: 'plain', help: 'which update' }),
  sizes: param.numbers({ default: [2], integer: true, min: 1, max: 8, maxItems: 4, help: 'layer sizes' }),
  wiring: param.json({ default: null, help: 'a hand-wired network' }),
};

describe('param builders', () => {
  it('return the plain spec objects, keys in the usual order', () => {
    expect(schema).toEqual({
      eta: { type: 'number', default: 0.1, min: 0, max: 10, help: 'the step size' },
      epochs: { type: 'integer', default: 3, min: 1, max: 100, help: 'how many passes' },
      shuffle: { type: 'boolean', default: false, help: 'reshuffle each epoch' },
      rule: { type: 'enum', default: 'plain', values: ['plain', 'mistake'], help: 'which update' },
      sizes: { type: 'numbers', default: [2], integer: true, min: 1, max: 8, maxItems: 4, help: 'layer sizes' },
      wiring: { type: 'json', default: null, help: 'a hand-wired network' },
    });
    expect(Object.keys(schema.rule)).toEqual(['type', 'default', 'values', 'help']);
    expect(Object.keys(schema.eta)).toEqual(['type', 'default', 'min', 'max', 'help']);
  });

  it('type each value by its spec, and an enum default must be one of its values', () => {
    type P = ParamsOf<typeof schema>;
    expectTypeOf<P['eta']>().toEqualTypeOf<number>();
    expectTypeOf<P['epochs']>().toEqualTypeOf<number>();
    expectTypeOf<P['shuffle']>().toEqualTypeOf<boolean>();
    expectTypeOf<P['rule']>().toEqualTypeOf<'plain' | 'mistake'>();
    expectTypeOf<P['sizes']>().toEqualTypeOf<readonly number[] | null>();
    expectTypeOf<P['wiring']>().toEqualTypeOf<unknown>();
    // @ts-expect-error: 'sometimes' is not one of the values
    param.oneOf(['plain', 'mistake'], { default: 'sometimes', help: 'which update' });
    // literal specs typed `as const` work as well as the builders
    const literal = { rule: { type: 'enum', default: 'a', values: ['a', 'b'], help: 'one of two' } } as const;
    expectTypeOf<ParamsOf<typeof literal>['rule']>().toEqualTypeOf<'a' | 'b'>();
  });

  it('resolveParams returns the values typed by the schema, checked at run time as before', () => {
    const p = resolveParams(schema, { rule: 'mistake', sizes: [3, 2] });
    expectTypeOf(p.rule).toEqualTypeOf<'plain' | 'mistake'>();
    expect(p).toEqual({ eta: 0.1, epochs: 3, shuffle: false, rule: 'mistake', sizes: [3, 2], wiring: null });
    expect(() => resolveParams(schema, { rule: 'sometimes' })).toThrow('rule: expected one of plain, mistake, got "sometimes"');
    expect(() => resolveParams(schema, { sizes: [9] })).toThrow('sizes: expected a list of whole numbers in [1, 8], at most 4 of them, got [9]');
  });
});

describe('definePlugin', () => {
  it('returns the plugin itself, with create() given parameters typed by meta.params', () => {
    const seen: unknown[] = [];
    const meta = {
      id: 'typed', name: 'Typed', year: 2026, authors: ['A. Tester'], citation: 'A test fixture (2026).', summary: 'Reads its parameters.',
      cannot: 'Anything at all.', learns: false, defaultTarget: { accuracy: { min: 1 } }, params: schema,
    };
    const create = (ctx: CreateContext<ParamsOf<typeof schema>>): ModelInstance => {
      expectTypeOf(ctx.params.eta).toEqualTypeOf<number>();
      // @ts-expect-error: no parameter of that name
      seen.push(ctx.params.momentum);
      seen.push(ctx.params.eta * 2, ctx.params.rule);
      throw new Error('not built');
    };
    const plugin = definePlugin({ meta, create });
    expect(plugin).toEqual({ meta, create });
    expectTypeOf(plugin).toEqualTypeOf<ModelPlugin<typeof schema>>();
    // a typed plugin is a plugin of the registry's type
    const registered: ModelPlugin = plugin;
    expect(() => registered.create({ data: null as never, params: resolveParams(schema), rng: null as never })).toThrow('not built');
    expect(seen).toEqual([undefined, 0.2, 'plain']);
    expectTypeOf<Parameters<typeof perceptron.create>[0]['params']['rule']>().toEqualTypeOf<'difference' | 'mistake'>();
  });
});

describe('the built-in plugins', () => {
  const dir = join(import.meta.dirname, '..', '..', 'src', 'models');
  it('read their parameters typed, without casts', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const cast of [/params\s*\[/, /\b(Number|String|Boolean)\(\s*params\b/, /params\.\w+\s+as\b/]) expect(text, `${file} ${cast}`).not.toMatch(cast);
    }
  });

  it('bound every number they take (a batch size is clamped to the rows instead)', () => {
    for (const plugin of MODELS.values()) {
      for (const [key, spec] of Object.entries(plugin.meta.params)) {
        if ((spec.type !== 'number' && spec.type !== 'integer') || key === 'batchSize') continue;
        expect([spec.min, spec.max].every(Number.isFinite), `${plugin.meta.id}.${key}`).toBe(true);
      }
    }
  });
});
