/**
 * The model registry: an explicit map from id to plugin, sorted by id.
 * One file, one test and one entry here per plugin (tests/models/registry.test.ts checks the parity).
 */
import type { ModelPlugin } from '../core/types.js';
import { adaline } from './adaline.js';
import { hebbian } from './hebbian.js';
import { lecun1989 } from './lecun-1989.js';
import { logistic } from './logistic.js';
import { mccullochPitts } from './mcculloch-pitts.js';
import { mlpBackprop } from './mlp-backprop.js';
import { mlpDropout } from './mlp-dropout.js';
import { mlpRelu } from './mlp-relu.js';
import { perceptron } from './perceptron.js';
import { rbmPretraining } from './rbm-pretraining.js';

export const MODELS: ReadonlyMap<string, ModelPlugin> = new Map<string, ModelPlugin>([
  ['adaline', adaline],
  ['hebbian', hebbian],
  ['lecun-1989', lecun1989],
  ['logistic', logistic],
  ['mcculloch-pitts', mccullochPitts],
  ['mlp-backprop', mlpBackprop],
  ['mlp-dropout', mlpDropout],
  ['mlp-relu', mlpRelu],
  ['perceptron', perceptron],
  ['rbm-pretraining', rbmPretraining],
]);

/** Plugins in historical order (year, then id), for timelines and listings. */
export function modelsByYear(): ModelPlugin[] {
  return [...MODELS.values()].sort((a, b) => a.meta.year - b.meta.year || a.meta.id.localeCompare(b.meta.id));
}

export class UnknownModelError extends Error {
  override name = 'UnknownModelError';
}

export function getModel(id: string): ModelPlugin {
  const plugin = MODELS.get(id);
  if (!plugin) throw new UnknownModelError(`unknown model "${id}"; known models: ${[...MODELS.keys()].join(', ')}`);
  return plugin;
}
