/**
 * The explanation of an update is built only when something shows it: every built-in model trains
 * a thousand single updates and whole epochs without one call into the number formatter, and the
 * text written later is the text of that update (the record keeps its numbers, not the live model).
 */
import { describe, expect, it, vi } from 'vitest';
import { buildDataset, gate, type DataSpec } from '../../src/data/datasets.js';
import { createRng } from '../../src/core/rng.js';
import type { Dataset, ModelPlugin, StepRecord } from '../../src/core/types.js';
import { MODELS } from '../../src/models/index.js';
import { build } from './helpers.js';

/** Calls into src/core/format.ts from outside it (every model formats through it). */
const formatted = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/core/format.js', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const counted = (f: (...a: unknown[]) => unknown) => (...a: unknown[]) => {
    formatted.calls++;
    return f(...a);
  };
  return Object.fromEntries(Object.entries(real).map(([k, v]) => [k, typeof v === 'function' ? counted(v as (...a: unknown[]) => unknown) : v]));
});

const digits: DataSpec = { kind: 'digits', size: 16, train: 20, test: 0, classes: [0, 1], pixels: 'bipolar', targets: 'onehot' };

/** Each model with data and parameters under which it takes single steps (variants of one model too). */
const CASES: readonly { name: string; plugin: string; data: () => Dataset; params?: Record<string, unknown>; steps?: number }[] = [
  { name: 'perceptron', plugin: 'perceptron', data: () => gate('AND', 'binary', 'bipolar'), params: { learningRate: 0.3 } },
  { name: 'perceptron, mistake rule', plugin: 'perceptron', data: () => gate('AND', 'binary', 'bipolar'), params: { rule: 'mistake' } },
  { name: 'adaline online', plugin: 'adaline', data: () => gate('OR', 'bipolar', 'bipolar') },
  { name: 'adaline batch', plugin: 'adaline', data: () => gate('OR', 'bipolar', 'bipolar'), params: { mode: 'batch', learningRate: 0.01 } },
  { name: 'hebbian', plugin: 'hebbian', data: () => gate('AND', 'bipolar', 'bipolar') },
  { name: 'hebbian, Oja', plugin: 'hebbian', data: () => gate('AND', 'bipolar', 'bipolar'), params: { mode: 'oja', learningRate: 0.01 } },
  { name: 'logistic batch', plugin: 'logistic', data: () => gate('AND', 'binary', 'binary') },
  { name: 'logistic online', plugin: 'logistic', data: () => gate('AND', 'binary', 'binary'), params: { mode: 'online' } },
  { name: 'mcculloch-pitts', plugin: 'mcculloch-pitts', data: () => gate('AND', 'binary', 'binary') },
  { name: 'mlp-backprop', plugin: 'mlp-backprop', data: () => gate('XOR', 'binary', 'binary') },
  { name: 'mlp-relu', plugin: 'mlp-relu', data: () => gate('XOR', 'binary', 'binary'), params: { batchSize: 2 } },
  { name: 'mlp-dropout', plugin: 'mlp-dropout', data: () => gate('XOR', 'binary', 'binary'), params: { batchSize: 1 } },
  { name: 'rbm-pretraining', plugin: 'rbm-pretraining', data: () => gate('XOR', 'binary', 'binary'), params: { hidden: [3], pretrainEpochs: 1 } },
  { name: 'elman-rnn', plugin: 'elman-rnn', data: () => buildDataset({ kind: 'latch', n: 8, steps: 5 }, createRng('explain/latch')) },
  { name: 'elman-rnn, truncated BPTT', plugin: 'elman-rnn', data: () => buildDataset({ kind: 'latch', n: 8, steps: 5 }, createRng('explain/latch')), params: { truncate: 2 } },
  { name: 'lstm-1997', plugin: 'lstm-1997', data: () => buildDataset({ kind: 'adding', n: 8, steps: 5 }, createRng('explain/adding')) },
  { name: 'lecun-1989', plugin: 'lecun-1989', data: () => buildDataset(digits, createRng('explain/digits')), params: { hidden: 4 }, steps: 100 },
];

describe('explain(): formatted only when called', () => {
  it('covers every model of the registry', () => {
    expect(new Set(CASES.map((c) => c.plugin))).toEqual(new Set(MODELS.keys()));
  });

  it.each(CASES)('$name: a thousand steps and five epochs format nothing; explain() then writes each update as it was', (c) => {
    const plugin: ModelPlugin = MODELS.get(c.plugin)!;
    const model = build(plugin, c.data(), c.params ?? {});
    formatted.calls = 0;
    model.epoch();
    const records: StepRecord[] = [];
    for (let i = 0; i < (c.steps ?? 1000); i++) {
      const r = model.step?.() ?? null;
      if (r) records.push(r);
    }
    for (let e = 0; e < 4; e++) model.epoch();
    expect(formatted.calls).toBe(0);
    if (c.plugin === 'mcculloch-pitts') return void expect(records).toEqual([]);
    expect(records.length).toBe(c.steps ?? 1000);

    // The first update, written out now, a thousand updates later, reads as a twin model's first update written at once.
    const twin = build(plugin, c.data(), c.params ?? {});
    twin.epoch();
    const fresh = twin.step!()!.explain();
    expect(records[0]!.explain()).toBe(fresh);
    expect(formatted.calls).toBeGreaterThan(0);
    expect(fresh.length).toBeGreaterThan(10);
  });
});
