/**
 * The model registry: an explicit map from id to plugin, sorted by id.
 * One file, one test and one entry here per plugin (tests/models/registry.test.ts checks the parity).
 */
import type { ModelPlugin } from '../core/types.js';
import { adaline } from './adaline.js';
import { elmanRnn } from './elman-rnn.js';
import { hebbian } from './hebbian.js';
import { lecun1989 } from './lecun-1989.js';
import { logistic } from './logistic.js';
import { lstm1997 } from './lstm-1997.js';
import { mccullochPitts } from './mcculloch-pitts.js';
import { mlpBackprop } from './mlp-backprop.js';
import { mlpDropout } from './mlp-dropout.js';
import { mlpRelu } from './mlp-relu.js';
import { perceptron } from './perceptron.js';
import { rbmPretraining } from './rbm-pretraining.js';
import { userPlugin, userPlugins } from './user-plugins.js';

export const MODELS: ReadonlyMap<string, ModelPlugin> = new Map<string, ModelPlugin>([
  ['adaline', adaline],
  ['elman-rnn', elmanRnn],
  ['hebbian', hebbian],
  ['lecun-1989', lecun1989],
  ['logistic', logistic],
  ['lstm-1997', lstm1997],
  ['mcculloch-pitts', mccullochPitts],
  ['mlp-backprop', mlpBackprop],
  ['mlp-dropout', mlpDropout],
  ['mlp-relu', mlpRelu],
  ['perceptron', perceptron],
  ['rbm-pretraining', rbmPretraining],
]);

/** Plugins in historical order (year, then id), for timelines and listings; user plugins (--plugin) included. */
export function modelsByYear(): ModelPlugin[] {
  return [...MODELS.values(), ...userPlugins()].sort((a, b) => a.meta.year - b.meta.year || a.meta.id.localeCompare(b.meta.id));
}

export class UnknownModelError extends Error {
  override name = 'UnknownModelError';
}

/** A built-in model, or a user plugin loaded with --plugin; undefined when neither has the id. */
export const findModel = (id: string): ModelPlugin | undefined => MODELS.get(id) ?? userPlugin(id);

/** Every known id: the built-ins, then the loaded user plugins. */
export const knownModelIds = (): string[] => [...MODELS.keys(), ...userPlugins().map((p) => p.meta.id)];

/** Why an id is unknown, with the known ids; a scenario never loads code, so a plugin's id needs --plugin. */
export const unknownModelText = (id: string): string => `unknown model "${id}"; known models: ${knownModelIds().join(', ')} (a model of your own needs --plugin <file>)`;

export function getModel(id: string): ModelPlugin {
  const plugin = findModel(id);
  if (!plugin) throw new UnknownModelError(unknownModelText(id));
  return plugin;
}
