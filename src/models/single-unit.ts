/**
 * What the single-unit models (perceptron, Adaline, Hebb, logistic) share: the bias as weight w0
 * on a constant input x0 = 1, presentation order, and formatting of the lecture's notation.
 */
import { param } from '../core/plugin.js';
import type { Rng } from '../core/rng.js';
import type { Cause } from '../core/reasons.js';
import type { Dataset, Encoding, EpochResult, ModelInstance, ParamsOf, Scores, StepRecord } from '../core/types.js';
import { ModelConfigError } from '../core/types.js';

/** x = (x0 = 1, x1, …, xd): the lecture's bias convention. */
export const augment = (x: readonly number[]): number[] => [1, ...x];

/** Decision threshold on the output that separates the two target codes. */
export const midpoint = (enc: Dataset['targetEncoding']): number => (enc === 'binary' ? 0.5 : 0);

/** The single target of a row: single units take one output. */
export function singleTargets(data: Dataset, model: string): number[] {
  return data.targets.map((t, i) => {
    if (t.length !== 1) throw new ModelConfigError(`${model} has one output unit but row ${i} has ${t.length} targets; use an MLP for several classes`);
    return t[0]!;
  });
}

/** The class a single output stands for. */
export const labelOf = (value: number, enc: Dataset['targetEncoding']): number => (value >= midpoint(enc) ? 1 : 0);

/** How many predictions match their labels. */
export function countCorrect(predictions: readonly number[], labels: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < predictions.length; i++) if (predictions[i] === labels[i]) n++;
  return n;
}

type Rows = Pick<Dataset, 'inputs' | 'targets' | 'labels'>;

/** What a small model's epoch protocol is made of (epochProtocol). */
export interface EpochParts {
  readonly data: Dataset;
  /** One update; null for a model that does not learn (no steps). */
  readonly step: (() => StepRecord) | null;
  /** True when the next step starts a new epoch. */
  readonly atBoundary: () => boolean;
  /** Loss and accuracy on some rows. */
  readonly score: (rows: Rows) => Scores;
  /** Every weight in one flat vector. */
  readonly weights: () => Float64Array | readonly number[];
  readonly metrics?: () => Readonly<Record<string, number>>;
  /** A reason to stop at once, or null. */
  readonly stop?: () => Cause | string | null;
  /** Count every step of an epoch as an update (a gradient step always moves), not only those that changed the weights. */
  readonly everyStep?: boolean;
}

/**
 * The runner protocol of a model that trains pattern by pattern (or one batch per epoch):
 * measure() scores the weights once (train, test, metrics, weights, stop), epoch() steps to the
 * boundary and measures, and the step that completes an epoch carries its result.
 */
export function epochProtocol(p: EpochParts): Pick<ModelInstance, 'measure' | 'epoch' | 'step'> {
  const { data } = p;
  const scores = (rows: Rows): Scores => {
    const s = p.score(rows);
    return { loss: s.loss, accuracy: s.accuracy };
  };
  const measure = (): EpochResult => {
    const train = scores(data);
    const test = data.test ? scores(data.test) : undefined;
    return { train, ...(test ? { test } : {}), updates: 0, metrics: p.metrics?.() ?? {}, weights: p.weights(), stop: p.stop?.() ?? null };
  };
  const step = p.step;
  if (!step) return { measure, epoch: measure };
  return {
    measure,
    epoch: () => {
      let updates = 0;
      do {
        const changed = step().changed;
        if (changed || p.everyStep) updates++;
      } while (!p.atBoundary());
      return { ...measure(), updates };
    },
    step: () => {
      const record = step();
      return p.atBoundary() ? { ...record, closes: measure() } : record;
    },
  };
}

/** Presentation order: fixed (the lecture's order) or reshuffled from the run's RNG each epoch. */
export class Presenter {
  private order: number[];
  private cursor = 0;
  constructor(
    n: number,
    private readonly shuffle: boolean,
    private readonly rng: Rng,
  ) {
    this.order = Array.from({ length: n }, (_, i) => i);
  }
  get atBoundary(): boolean {
    return this.cursor === 0;
  }
  /** The next pattern index; reshuffles when an epoch starts. */
  next(): number {
    if (this.cursor === 0 && this.shuffle) this.rng.shuffle(this.order);
    const i = this.order[this.cursor]!;
    this.cursor = (this.cursor + 1) % this.order.length;
    return i;
  }
}

/** The parameters that choose a single unit's initial weights: every single-unit schema spreads them in. */
export const INIT_PARAMS = {
  init: param.oneOf(['zero', 'random'], { default: 'zero', help: 'initial weights when none are given: all zero, or uniform in ±initRange' }),
  initRange: param.number({ default: 0.5, min: 0, max: 100, help: 'half-width of the uniform initial weights' }),
  weights: param.numbers({ default: null, help: 'explicit initial weights (w0 bias first, then w1 … wd)' }),
};

export type InitParams = ParamsOf<typeof INIT_PARAMS>;

/** Initial weights: explicit from the scenario, zero, or uniform in ±range from the RNG. */
export function initialWeights(params: InitParams, size: number, rng: Rng, model: string): Float64Array {
  const explicit = params.weights;
  if (explicit) {
    if (explicit.length !== size) {
      throw new ModelConfigError(`${model} has ${explicit.length} values here but this data needs ${size} (w0 for the bias, then one per input)`, 'weights');
    }
    return Float64Array.from(explicit);
  }
  const w = new Float64Array(size);
  if (params.init === 'random') {
    const r = params.initRange;
    for (let j = 0; j < size; j++) w[j] = rng.range(-r, r);
  }
  return w;
}

export function checkEncoding(data: Dataset, model: string, allowed: readonly Dataset['targetEncoding'][]): void {
  if (!allowed.includes(data.targetEncoding)) {
    throw new ModelConfigError(`${model} needs ${allowed.join(' or ')} targets, but the data has ${data.targetEncoding} targets`);
  }
}
