/**
 * The older, broader instance surface a plugin file may still implement (the contract before issue
 * 26: epoch() reporting only { loss, updates }, the runner asking score, metrics, flatWeights and
 * divergence at each epoch's close), and the adapter that turns it into a ModelInstance at the
 * plugin boundary. Built-in models implement ModelInstance itself; a plugin may write either.
 */
import type { Cause } from './reasons.js';
import type { Dataset, EpochResult, ModelInstance, Scores, StepRecord } from './types.js';

/** What epoch() reported in the older surface. */
export interface EpochReport {
  /** Loss after the epoch on the training set (the model's own loss; the result's train loss is measured again). */
  readonly loss: number;
  readonly updates: number;
  readonly extra?: Readonly<Record<string, number | readonly number[]>>;
}

type Rows = Pick<Dataset, 'inputs' | 'targets' | 'labels'>;

/** The older instance surface: ModelInstance's optional members, and these in place of epoch() and measure(). */
export interface PluginInstance extends Omit<ModelInstance, 'epoch' | 'measure' | 'step' | 'deterministicEpochs'> {
  epoch(): EpochReport;
  step(): StepRecord | null;
  /** True when the next step() starts a new epoch. */
  atEpochBoundary(): boolean;
  readonly deterministicEpochs: boolean;
  /** Loss and accuracy only: a cheaper evaluate(). */
  score?(data: Rows): Scores;
  metrics?(): Readonly<Record<string, number>>;
  divergence?(): Cause | string | null;
}

/** True when the instance implements ModelInstance itself (it has measure()). */
export const isModelInstance = (instance: ModelInstance | PluginInstance): instance is ModelInstance => typeof (instance as { measure?: unknown }).measure === 'function';

/**
 * A ModelInstance over the older surface: measure() asks what the runner used to ask at an epoch's
 * close, in the same order (train scores, test scores, weights, metrics, divergence), once.
 */
export function fromPluginInstance(instance: PluginInstance, data: Dataset): ModelInstance {
  const scores = (rows: Rows): Scores => {
    const s = instance.score ? instance.score(rows) : instance.evaluate(rows);
    return { loss: s.loss, accuracy: s.accuracy };
  };
  const measure = (): EpochResult => {
    const train = scores(data);
    const test = data.test ? scores(data.test) : undefined;
    const weights = instance.flatWeights();
    const metrics = instance.metrics?.() ?? {};
    const stop = instance.divergence?.() ?? null;
    return { train, ...(test ? { test } : {}), updates: 0, metrics, weights, stop };
  };
  const model: Record<string, unknown> = {
    measure,
    epoch: (): EpochResult => {
      const report = instance.epoch();
      return { ...measure(), updates: report.updates, ...(report.extra ? { extra: report.extra } : {}) };
    },
    step: (): StepRecord | null => {
      const record = instance.step();
      return record && instance.atEpochBoundary() ? { ...record, closes: measure() } : record;
    },
  };
  // the other members, called on the instance itself (its `this`), where it has them; its traits read through
  for (const m of FORWARDED) {
    const f = (instance as unknown as Record<string, unknown>)[m];
    if (typeof f === 'function') model[m] = (...args: unknown[]) => (f as (...a: unknown[]) => unknown).apply(instance, args);
  }
  Object.defineProperty(model, 'deterministicEpochs', { get: () => instance.deterministicEpochs, enumerable: true });
  if (instance.target !== undefined) Object.defineProperty(model, 'target', { get: () => instance.target, enumerable: true });
  return model as unknown as ModelInstance;
}

const FORWARDED = ['evaluate', 'predict', 'snapshot', 'flatWeights', 'predictBatch', 'describe', 'setLive', 'hidden', 'finalReport', 'architecture', 'ranWith', 'filters', 'sequence'] as const;

/** The instance as a ModelInstance, adapted when it implements the older surface. */
export const asModelInstance = (instance: ModelInstance | PluginInstance, data: Dataset): ModelInstance =>
  isModelInstance(instance) ? instance : fromPluginInstance(instance, data);
