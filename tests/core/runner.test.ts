import { describe, expect, it } from 'vitest';
import { gate } from '../../src/data/datasets.js';
import { Run, StateSet, type HistoryEntry, type RunSpec } from '../../src/core/runner.js';
import { createRng } from '../../src/core/rng.js';
import type { ModelInstance, ModelPlugin } from '../../src/core/types.js';
import type { PluginInstance } from '../../src/core/plugin-instance.js';
import { perceptron } from '../../src/models/perceptron.js';
import { resolveParams } from '../../src/core/params.js';

/** A scripted model: its single weight follows the given sequence, one value per epoch (written in the plugin-file surface, adapted by the runner). */
function scripted(sequence: number[], loss = (w: number) => Math.abs(w), learns = true): ModelPlugin {
  return {
    meta: { id: 'scripted', name: 'scripted', year: 2000, authors: [], citation: '', summary: '', cannot: '', params: {}, learns, defaultTarget: { loss: { max: 0 } } },
    create: () => {
      let k = 0;
      let w = sequence[0]!;
      return {
        deterministicEpochs: true,
        step: () => null,
        atEpochBoundary: () => true,
        epoch: () => {
          w = sequence[Math.min(++k, sequence.length - 1)]!;
          return { loss: loss(w), updates: 1 };
        },
        evaluate: (rows) => ({ loss: loss(w), accuracy: 0.5, outputs: rows.inputs.map(() => [w]), predictions: rows.inputs.map(() => 0) }),
        predict: () => ({ label: 0, score: 0 }),
        snapshot: () => ({ kind: 'vector', w: [w] }),
        flatWeights: () => [w],
      } satisfies PluginInstance as unknown as ModelInstance;
    },
  };
}

const spec = (plugin: ModelPlugin, epochs = 10): RunSpec => ({ id: 'r', plugin, params: {}, data: gate('AND'), seed: 1, epochs });

describe('runner outcomes', () => {
  it('solved when the target is met, at the epoch it is met', () => {
    const run = new Run(spec(scripted([3, 2, 1, 0]))).toEnd();
    expect(run.status.outcome).toBe('solved');
    expect(run.epoch).toBe(3);
    expect(run.history.map((h) => h.loss)).toEqual([3, 2, 1, 0]);
  });

  it('truncated when the budget runs out', () => {
    const run = new Run(spec(scripted([9, 8, 7, 6, 5, 4, 3, 2, 1.5, 1.25, 1.1, 1.05, 1.01]), 5)).toEnd();
    expect(run.status).toEqual({ outcome: 'truncated', reason: 'epoch budget of 5 spent without reaching the target', cause: { code: 'budget', values: { epochs: 5 } } });
    expect(run.epoch).toBe(5);
  });

  it('finished, not truncated, when the budget was the design: no target, or a test split and no target of the run\'s own', () => {
    const losses = [9, 8, 7, 6, 5, 4];
    const none = new Run({ ...spec(scripted(losses), 3), target: {} }).toEnd();
    expect(none.status).toEqual({ outcome: 'finished', reason: 'all 3 epochs trained: this experiment has no target, it trains its whole budget', cause: { code: 'finished', values: { epochs: 3 } } });
    const split = { ...gate('AND'), test: gate('OR') };
    const judged = new Run({ ...spec(scripted(losses), 3), data: split }).toEnd();
    expect(judged.status).toEqual({ outcome: 'finished', reason: 'all 3 epochs trained: a run with a held-out test set is judged on it (50% of the test set right)', cause: { code: 'finished-test', values: { epochs: 3, test: 0.5 } } });
    // a target the run names itself is what it is judged on: spending the budget short of it is truncated
    const own = new Run({ ...spec(scripted(losses), 3), data: split, target: { loss: { max: 0 } } }).toEnd();
    expect(own.status.outcome).toBe('truncated');
  });

  it('cycling when the weights return to an earlier state, named at the first repeat', () => {
    const run = new Run(spec(scripted([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3]))).toEnd();
    expect(run.status.outcome).toBe('cycling');
    expect(run.epoch).toBe(3);
    expect(run.status.reason).toMatch(/epoch 3 equal those at epoch 0: the same 3 epochs repeat/);
  });

  it('the perceptron on XOR cycles at the first epoch whose end weights equal an earlier epoch\'s', () => {
    const params = resolveParams(perceptron.meta.params, { learningRate: 0.1 });
    const run = new Run({ id: 'p', plugin: perceptron, params, data: gate('XOR', 'binary', 'bipolar'), seed: 1, epochs: 100 }).toEnd();
    const ends = run.history.map((h) => (h.weights ?? []).join(','));
    const firstRepeat = ends.findIndex((w, e) => ends.indexOf(w) < e);
    expect(firstRepeat).toBeGreaterThan(0);
    expect(run.status.outcome).toBe('cycling');
    expect(run.epoch).toBe(firstRepeat);
    expect(run.status.reason).toContain(`epoch ${firstRepeat} equal those at epoch ${ends.indexOf(ends[firstRepeat]!)}`);
  });

  it('plays on after the verdict when asked, keeping the verdict', () => {
    const run = new Run(spec(scripted([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3]))).toEnd();
    expect(run.runEpoch()).toBe(false);
    run.playOn = true;
    expect(run.runEpoch()).toBe(true);
    expect(run.epoch).toBe(4);
    expect(run.status.outcome).toBe('cycling');
    expect(run.decidedAt).toBe(3);
  });

  it('diverged at once when a weight becomes NaN or grows past the bound', () => {
    const nan = new Run(spec(scripted([1, 2, NaN, 4]))).toEnd();
    expect(nan.status.outcome).toBe('diverged');
    expect(nan.epoch).toBe(2);
    expect(nan.status.reason).toMatch(/NaN at epoch 2$/);
    const big = new Run({ ...spec(scripted([1, 10, 100, 1000, 1e4])), divergeBound: 500 }).toEnd();
    expect(big.status.outcome).toBe('diverged');
    expect(big.epoch).toBe(3);
    expect(big.status.reason).toMatch(/grew past the bound 500 at epoch 3$/);
    // the same reason as data: its code and the numbers it cites (a UI says it in its own language)
    expect(big.status.cause).toEqual({ code: 'weight-past-bound', values: { index: 0, value: 1000, bound: 500, epoch: 3 } });
  });

  it('an infinite weight is not finite, not past the bound, whatever the bound (the check is one comparison per weight)', () => {
    const finiteLoss = (w: number): number => (Number.isFinite(w) ? w : 0);
    for (const [w, divergeBound] of [[Infinity, Number.MAX_VALUE], [-Infinity, undefined], [Infinity, Infinity]] as const) {
      const run = new Run({ ...spec(scripted([1, 2, w, 4], finiteLoss)), ...(divergeBound !== undefined ? { divergeBound } : {}) }).toEnd();
      expect(run.epoch).toBe(2);
      expect(run.status.cause).toEqual({ code: 'weight-not-finite', values: { index: 0, value: w, epoch: 2 } });
    }
    const edge = new Run({ ...spec(scripted([1, 2, -1e6, -1.0000001e6])) }).toEnd();
    expect(edge.status.cause).toEqual({ code: 'weight-past-bound', values: { index: 0, value: -1.0000001e6, bound: 1e6, epoch: 3 } });
  });

  it('diverged when the loss is not finite', () => {
    const run = new Run(spec(scripted([1, 2, 3], (w) => (w === 3 ? Infinity : w)))).toEnd();
    expect(run.status).toMatchObject({ outcome: 'diverged', reason: 'the loss became Infinity at epoch 2' });
    expect(run.status.cause).toEqual({ code: 'loss-not-finite', values: { loss: Infinity, epoch: 2 } });
  });

  it('a model that cannot learn is evaluated once and says why it stops', () => {
    const run = new Run(spec(scripted([5], Math.abs, false))).toEnd();
    expect(run.status.outcome).toBe('inert');
    expect(run.status.reason).toMatch(/does not learn/);
    expect(run.status.cause?.code).toBe('no-learning');
    expect(run.epoch).toBe(0);
  });

  it('keeps the history bounded when asked, with the latest epoch last', () => {
    const run = new Run({ ...spec(scripted(Array.from({ length: 200 }, (_, i) => 1000 - i)), 150), historyLimit: 5 }).toEnd();
    expect(run.epoch).toBe(150);
    expect(run.history.length).toBeGreaterThanOrEqual(5);
    expect(run.history.length).toBeLessThan(10);
    expect(run.latest.epoch).toBe(150);
    // Epoch 0 (the initial state) is always kept, then the latest epochs in order.
    expect(run.history[0]!.epoch).toBe(0);
    expect(run.history.slice(1).map((h) => h.epoch)).toEqual(Array.from({ length: run.history.length - 1 }, (_, i) => 152 - run.history.length + i));
  });

  it('a lean run keeping one entry (a sweep run) has, whenever read, epoch 0 and the latest epoch as a full history has them', () => {
    const sequence = Array.from({ length: 60 }, (_, i) => 100 - i);
    const lean = (historyLimit?: number): Run => new Run({ ...spec(scripted(sequence), 40), lean: true, ...(historyLimit ? { historyLimit } : {}) });
    const full = lean().toEnd();
    // what an entry says (its public fields; the metrics merged when read)
    const json = (h: HistoryEntry | undefined): string =>
      JSON.stringify(h && { epoch: h.epoch, loss: h.loss, accuracy: h.accuracy, testAccuracy: h.testAccuracy, testLoss: h.testLoss, updates: h.updates, metrics: h.metrics, extra: h.extra });
    // read after every epoch, read now and then, read only at the end: the same entries
    const everyEpoch = lean(1);
    const sometimes = lean(1);
    const atEnd = lean(1);
    for (let e = 1; !everyEpoch.done; e++) {
      everyEpoch.runEpoch();
      sometimes.runEpoch();
      atEnd.runEpoch();
      expect(everyEpoch.history.map((h) => h.epoch)).toEqual([0, e]);
      if (e % 7 === 0) expect(json(sometimes.latest)).toBe(json(full.history[e]));
    }
    for (const run of [everyEpoch, sometimes, atEnd]) {
      expect(run.epoch).toBe(full.epoch);
      expect(run.status).toEqual(full.status);
      expect(run.history).toHaveLength(2);
      expect(json(run.history[0])).toBe(json(full.history[0]));
      expect(json(run.history[1])).toBe(json(full.history.at(-1)));
    }
  });

  it('steps pattern by pattern and closes the epoch at the boundary', () => {
    const params = resolveParams(perceptron.meta.params, { learningRate: 0.05, weights: [-0.4, 0.6, 0.6] });
    const run = new Run({ id: 'p', plugin: perceptron, params, data: gate('AND'), seed: 1, epochs: 5 });
    const records = [run.step(), run.step()];
    expect(records.map((r) => r!.pattern)).toEqual([0, 1]);
    expect(records[1]!.after).toEqual([-0.5, 0.6, 0.5]);
    expect(run.epoch).toBe(0);
    expect(run.midEpochSteps).toBe(2);
    run.runEpoch(); // finishes the epoch begun by the steps
    expect(run.epoch).toBe(1);
    expect(run.status.outcome).toBe('solved');
    expect(run.latest.updates).toBe(2);
  });
});

describe('StateSet (the exact cycle check by hashed Float64 bits)', () => {
  it('finds the same first epochs as the reference that joined every weight into a string', () => {
    // random short vectors from a few values (so repeats are frequent), with −0 and 0 both present
    const rng = createRng('state-set');
    const values = [0, -0, 1, -1, 0.1, 0.1 + 1e-17, 1e-300, 5e-324, 2 ** 53, -(2 ** -1074)];
    for (let trial = 0; trial < 60; trial++) {
      // one hash chain below StateSet.LANES_FROM weights, four lanes from there on
      const wide = trial % 3 === 2;
      const dim = wide ? StateSet.LANES_FROM + rng.int(30) : 1 + rng.int(4);
      const base = Float64Array.from({ length: dim }, () => values[rng.int(values.length)]!);
      const set = new StateSet(dim);
      const reference = new Map<string, number>();
      for (let epoch = 0; epoch < 300; epoch++) {
        // a wide state varies in three places (any lane), so that states repeat
        const w = wide ? Float64Array.from(base) : Float64Array.from({ length: dim }, () => values[rng.int(values.length)]!);
        if (wide) for (let k = 0; k < 3; k++) w[rng.int(dim)] = values[rng.int(values.length)]!;
        const key = Array.prototype.join.call(w, ',');
        const hash = StateSet.hash(w);
        const found = set.find(w, hash);
        expect(found, `trial ${trial} epoch ${epoch}`).toBe(reference.get(key));
        if (found === undefined) {
          set.add(w, hash, epoch);
          reference.set(key, epoch);
        }
      }
      expect(set.size).toBe(reference.size);
      // the next trial's set starts in these buffers (stale states of another size): it must find only its own
      set.release();
      expect(set.size).toBe(0);
      expect(set.find(Float64Array.from({ length: dim }, () => 0), StateSet.hash(Float64Array.from({ length: dim }, () => 0)))).toBeUndefined();
    }
  });

  it('tells apart states whose hashes collide, by comparing every weight', () => {
    const set = new StateSet(2);
    set.add([1, 2], 7, 0);
    set.add([3, 4], 7, 1);
    expect(set.find([1, 2], 7)).toBe(0);
    expect(set.find([3, 4], 7)).toBe(1);
    expect(set.find([1, 4], 7)).toBeUndefined();
  });
});
