/**
 * The typed plugin contract for plugin authors (exported by the package): parameter specs whose
 * TypeScript types follow from the schema, and definePlugin(), which hands create() its parameters
 * typed by that schema — `ctx.params.learningRate` is a number, `ctx.params.rule` one of its words.
 * Nothing here checks anything at run time: resolveParams (params.ts) validates every value against
 * the same schema before create() runs, and the contract checker validates the schema itself.
 *
 *   const params = {
 *     learningRate: param.number({ default: 0.1, min: 0, max: 100, help: 'η, the step size' }),
 *     rule: param.oneOf(['difference', 'mistake'], { default: 'difference', help: '…' }),
 *   };
 *   export default definePlugin({ meta: { …, params }, create({ data, params, rng }) { … } });
 */
import type {
  BooleanSpec, CreateContext, EnumSpec, IntegerSpec, JsonSpec, ModelInstance, ModelMeta, ModelPlugin, NumberSpec, NumbersSpec, ParamSchema, ParamsOf,
} from './types.js';

type Options<S> = Omit<S, 'type'>;

/** Builders of parameter specs: each returns the plain spec object, typed. */
export const param = {
  number: (o: Options<NumberSpec>): NumberSpec => ({ type: 'number', ...o }),
  integer: (o: Options<IntegerSpec>): IntegerSpec => ({ type: 'integer', ...o }),
  boolean: (o: Options<BooleanSpec>): BooleanSpec => ({ type: 'boolean', ...o }),
  /** One of `values`; the default must be one of them (checked by the compiler). */
  oneOf: <const V extends string>(values: readonly V[], o: { readonly default: NoInfer<V>; readonly help: string; readonly live?: boolean }): EnumSpec<V> => ({
    type: 'enum',
    default: o.default,
    values,
    help: o.help,
    ...(o.live ? { live: true } : {}),
  }),
  numbers: (o: Options<NumbersSpec>): NumbersSpec => ({ type: 'numbers', ...o }),
  json: (o: Options<JsonSpec>): JsonSpec => ({ type: 'json', ...o }),
};

/** A plugin as a plain object `{ meta, create }`, with create()'s parameters typed by meta.params. */
export interface PluginDefinition<S extends ParamSchema> {
  readonly meta: ModelMeta<S>;
  create(ctx: CreateContext<ParamsOf<S>>): ModelInstance;
}

/** Returns the plugin unchanged: it only ties the type of `ctx.params` to the schema in meta.params. */
export function definePlugin<const S extends ParamSchema>(plugin: PluginDefinition<S>): ModelPlugin<S> {
  return plugin;
}
