/**
 * The plugin of a multilayer-perceptron era: its meta, with create() over the shared MlpInstance.
 * Apart from mlp-shared.ts (the parameter schema), which mlp-instance.ts reads its types from.
 */
import { definePlugin } from '../core/plugin.js';
import type { ModelMeta, ModelPlugin } from '../core/types.js';
import { MlpInstance } from './mlp-instance.js';
import type { MlpSchema } from './mlp-shared.js';

/** The plugin of one era: its meta, with create() over the shared instance. */
export function mlpPlugin(meta: ModelMeta<MlpSchema>): ModelPlugin<MlpSchema> {
  return definePlugin({ meta, create: ({ data, params, rng, lean }) => new MlpInstance(data, params, rng, Boolean(lean)) });
}
