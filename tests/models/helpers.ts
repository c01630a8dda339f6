/** Test helpers: build a plugin's model on data with overrides, and train it headless. */
import { Run } from '../../src/core/runner.js';
import { resolveParams } from '../../src/core/params.js';
import { createRng } from '../../src/core/rng.js';
import type { Dataset, ModelInstance, ModelPlugin } from '../../src/core/types.js';

export function build(plugin: ModelPlugin, data: Dataset, overrides: Record<string, unknown> = {}, seed = 1): ModelInstance {
  return plugin.create({ data, params: resolveParams(plugin.meta.params, overrides), rng: createRng(seed) });
}

export function train(plugin: ModelPlugin, data: Dataset, overrides: Record<string, unknown> = {}, epochs = 100, seed: number | string = 1): Run {
  return new Run({ id: plugin.meta.id, plugin, params: resolveParams(plugin.meta.params, overrides), data, seed, epochs }).toEnd();
}

/** A single unit's weights (w0 first): the model's snapshot, which must be a vector. */
export function vectorOf(model: ModelInstance): readonly number[] {
  const s = model.snapshot();
  if (s.kind !== 'vector') throw new Error(`expected a vector snapshot, got "${s.kind}"`);
  return s.w;
}

/** A layered net's weights [layer][unit][1 + inputs]: the model's snapshot, which must be layers. */
export function layersOf(model: ModelInstance): readonly (readonly (readonly number[])[])[] {
  const s = model.snapshot();
  if (s.kind !== 'layers') throw new Error(`expected a layers snapshot, got "${s.kind}"`);
  return s.layers;
}
