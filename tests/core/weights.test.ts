/**
 * Weights snapshots: the JSON form of each kind (what `run --json` writes), the numbers a claim
 * compares, the JSON read back, the contract's shape checks, and every built-in model's snapshot:
 * a copy of every weight, in the order of its flat weights.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset, gate } from '../../src/data/datasets.js';
import { resolveParams } from '../../src/core/params.js';
import { createRng } from '../../src/core/rng.js';
import type { Dataset, WeightsSnapshot } from '../../src/core/types.js';
import { readWeightsJson, snapshotProblems, weightNumbers, weightsJson } from '../../src/core/weights.js';
import { MODELS } from '../../src/models/index.js';
import { flatNumbers } from '../../src/scenarios/claims.js';

const vector: WeightsSnapshot = { kind: 'vector', w: [-0.6, 0.5, 0.5] };
const layers: WeightsSnapshot = { kind: 'layers', layers: [[[0.1, 1, 2], [0.2, 3, 4]], [[0.3, 5, 6]]] };
const units: WeightsSnapshot = { kind: 'units', layers: [[{ w: [1, 0], theta: 1, inhibitory: [1] }, { bias: -0.4, w: [0.6, 0.6] }], [{ w: [1, 1], theta: 1 }]] };
const blocks: WeightsSnapshot = { kind: 'blocks', blocks: [{ name: 'kernels', rows: [[1, 2], [3, 4]] }, { name: 'biases', vector: [0, -1] }] };

describe('weightsJson', () => {
  it('writes each kind in its documented form', () => {
    expect(JSON.stringify(weightsJson(vector))).toBe('[-0.6,0.5,0.5]');
    expect(JSON.stringify(weightsJson(layers))).toBe('[[[0.1,1,2],[0.2,3,4]],[[0.3,5,6]]]');
    expect(JSON.stringify(weightsJson(units))).toBe('[[{"w":[1,0],"theta":1,"inhibitory":[1]},{"bias":-0.4,"w":[0.6,0.6]}],[{"w":[1,1],"theta":1}]]');
    expect(JSON.stringify(weightsJson(blocks))).toBe('{"kernels":[[1,2],[3,4]],"biases":[0,-1]}');
  });

  it('is a copy', () => {
    const json = weightsJson(layers) as number[][][];
    json[0]![0]![0] = 99;
    expect(layers.kind === 'layers' && layers.layers[0]![0]![0]).toBe(0.1);
  });
});

describe('weightNumbers', () => {
  it('lists every weight in order: rows bias first, a threshold unit as bias, w…, θ', () => {
    expect(weightNumbers(vector)).toEqual([-0.6, 0.5, 0.5]);
    expect(weightNumbers(layers)).toEqual([0.1, 1, 2, 0.2, 3, 4, 0.3, 5, 6]);
    expect(weightNumbers(units)).toEqual([1, 0, 1, -0.4, 0.6, 0.6, 1, 1, 1]);
    expect(weightNumbers(blocks)).toEqual([1, 2, 3, 4, 0, -1]);
  });
});

describe('readWeightsJson', () => {
  it('reads each documented form back into its snapshot', () => {
    for (const s of [vector, layers, units, blocks]) expect(readWeightsJson(weightsJson(s))).toEqual(s);
  });

  it('reads the names --json writes for NaN and ±∞, and refuses what is none of the forms', () => {
    expect(readWeightsJson(JSON.parse('["NaN", "Infinity", "-Infinity", 1]'))).toEqual({ kind: 'vector', w: [NaN, Infinity, -Infinity, 1] });
    for (const bad of [null, 3, 'w', {}, [[1, 2], 3], [[{ theta: 1 }]], { a: 'b' }, { a: [[1], 'x'] }]) expect(readWeightsJson(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('snapshotProblems', () => {
  it('passes well-formed snapshots of every kind', () => {
    expect(snapshotProblems(vector, 2, 3)).toEqual([]);
    expect(snapshotProblems(layers, 2, 9)).toEqual([]);
    expect(snapshotProblems(units, 2, 0)).toEqual([]);
    expect(snapshotProblems(blocks, 2, 6)).toEqual([]);
  });

  it('says what is wrong, and where', () => {
    expect(snapshotProblems([1, 2, 3], 2, 3)).toEqual(['snapshot() must return { kind: "vector" | "layers" | "units" | "blocks", … }']);
    expect(snapshotProblems({ kind: 'matrix' }, 2, 3)).toEqual(['snapshot().kind is "matrix", not "vector", "layers", "units" or "blocks"']);
    expect(snapshotProblems({ kind: 'vector', w: [1, NaN, 2] }, 2, 3)).toEqual(['snapshot().w holds NaN']);
    expect(snapshotProblems({ kind: 'vector', w: new Float64Array(3) }, 2, 3)).toEqual(['snapshot().w must be a non-empty list of numbers']);
    expect(snapshotProblems(vector, 2, 4)).toEqual(['snapshot() holds 3 numbers but flatWeights() 4: the snapshot shows every weight']);
    expect(snapshotProblems({ kind: 'layers', layers: [[[0, 1, 2]], [[0, 1, 2]]] }, 2, 6)).toEqual([
      'snapshot().layers[1][0] has 3 numbers, expected 2 (the bias, then one weight per input of the layer)',
    ]);
    expect(snapshotProblems({ kind: 'layers', layers: [[[0, 1]]] }, 2, 2)).toEqual(['snapshot().layers[0][0] has 2 numbers, expected 3 (the bias, then one weight per input of the layer)']);
    expect(snapshotProblems({ kind: 'units', layers: [[{ w: [1, '1'], theta: Infinity, inhibitory: [2] }]] }, 2, 0)).toEqual([
      'snapshot().layers[0][0].w holds "1"',
      'snapshot().layers[0][0]: theta and bias must be finite numbers',
      'snapshot().layers[0][0].inhibitory must list input indices',
    ]);
    expect(snapshotProblems({ kind: 'blocks', blocks: [{ name: 'a', vector: [1] }, { name: 'a', rows: [[1], [2, 3]] }, { name: 'c' }] }, 2, 4)).toEqual([
      'snapshot().blocks[1].name must be a name of its own',
      'snapshot().blocks[1].rows[1] has 2 numbers, expected 1',
      'snapshot().blocks[2] must hold a vector or rows',
    ]);
  });
});

/** Data each built-in model takes, and parameters that keep it small. */
function dataFor(id: string): { data: Dataset; params: Record<string, unknown> } {
  if (id === 'lecun-1989') return { data: buildDataset({ kind: 'digits', size: 16, train: 10, test: 0, classes: [0, 1], pixels: 'bipolar', targets: 'onehot' }, createRng('weights/digits')), params: { hidden: 3 } };
  if (id === 'rbm-pretraining') return { data: gate('XOR', 'binary', 'binary'), params: { hidden: [3, 2], pretrainEpochs: 1 } };
  if (id.startsWith('mlp')) return { data: gate('XOR', 'binary', 'binary'), params: { hidden: [3, 2] } };
  if (id === 'mcculloch-pitts') return { data: gate('AND', 'binary', 'binary'), params: {} };
  if (id === 'elman-rnn' || id === 'lstm-1997') return { data: buildDataset({ kind: 'latch', n: 6, steps: 4 }, createRng('weights/latch')), params: {} };
  // XOR from random weights: a single unit never settles on it
  return { data: gate('XOR', 'binary', id === 'logistic' ? 'binary' : 'bipolar'), params: { init: 'random' } };
}

describe.each([...MODELS.values()])('snapshot of $meta.id', (plugin) => {
  it('holds every weight in the order of flatWeights(), is a copy, and reads back from its JSON', () => {
    const { data, params } = dataFor(plugin.meta.id);
    const model = plugin.create({ data, params: resolveParams(plugin.meta.params, params), rng: createRng(5) });
    for (let e = 0; e < 3; e++) model.epoch();
    const s = model.snapshot();
    expect(snapshotProblems(s, data.inputs[0]!.length, model.flatWeights().length)).toEqual([]);
    // what a `weights` claim compares is what it compared before: the numbers of the JSON form, in order
    expect(weightNumbers(s)).toEqual(flatNumbers(weightsJson(s)));
    if (s.kind !== 'units') expect(weightNumbers(s)).toEqual(Array.from(model.flatWeights()));
    expect(readWeightsJson(weightsJson(s))).toEqual(s);
    // train on until a step changes the weights: the snapshot taken before stays as it was
    const before = JSON.stringify(s);
    let changed = false;
    for (let i = 0; i < 100 && !changed; i++) changed = model.step?.()?.changed ?? false;
    expect(changed).toBe(plugin.meta.learns);
    if (changed) expect(JSON.stringify(model.snapshot())).not.toBe(before);
    expect(JSON.stringify(s)).toBe(before);
  });
});
