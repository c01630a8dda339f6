/**
 * Initial weights. Layout of every layer: row-major [out][1 + in], the bias FIRST in each row
 * (the lecture's w0 on the constant input x0 = 1). All random draws come from the injected Rng,
 * layer by layer, row by row, bias first, so a seed fixes every weight.
 */
import type { Rng } from '../../core/rng.js';
import { ModelConfigError } from '../../core/types.js';

export type InitName = 'uniform' | 'standard' | 'glorot-uniform' | 'glorot-normal' | 'he';

export const INIT_NAMES: readonly InitName[] = ['uniform', 'standard', 'glorot-uniform', 'glorot-normal', 'he'];

/** Explicit weights: per layer, [out][1 + in] rows with the bias first. */
export type LayerWeights = readonly (readonly number[])[];

/** Offset of each layer's block in the flat weight vector; the last entry is the total. */
export function layerOffsets(sizes: readonly number[]): Int32Array {
  const off = new Int32Array(sizes.length);
  for (let k = 1; k < sizes.length; k++) off[k] = off[k - 1]! + sizes[k]! * (sizes[k - 1]! + 1);
  return off;
}

/**
 * Fills w (the flat vector, layers in order) by the named scheme:
 *   uniform        U[−r, r] for weights and biases (the 1980s default; r = range)
 *   standard       U[±1/√fan_in] for weights and biases
 *   glorot-uniform U[±√(6/(fan_in + fan_out))], biases 0
 *   glorot-normal  N(0, sd √(2/(fan_in + fan_out))), biases 0
 *   he             N(0, sd √(2/fan_in)), biases 0
 */
export function initWeights(
  w: Float64Array,
  sizes: readonly number[],
  init: InitName,
  range: number,
  rng: Rng,
): void {
  let p = 0;
  for (let k = 1; k < sizes.length; k++) {
    const fanIn = sizes[k - 1]!;
    const fanOut = sizes[k]!;
    for (let j = 0; j < fanOut; j++) {
      for (let i = 0; i <= fanIn; i++) w[p++] = draw(init, i === 0, fanIn, fanOut, range, rng);
    }
  }
}

function draw(init: InitName, bias: boolean, fanIn: number, fanOut: number, range: number, rng: Rng): number {
  switch (init) {
    case 'uniform':
      return rng.range(-range, range);
    case 'standard': {
      const r = 1 / Math.sqrt(fanIn);
      return rng.range(-r, r);
    }
    case 'glorot-uniform': {
      if (bias) return 0;
      const r = Math.sqrt(6 / (fanIn + fanOut));
      return rng.range(-r, r);
    }
    case 'glorot-normal':
      return bias ? 0 : rng.normal(0, Math.sqrt(2 / (fanIn + fanOut)));
    case 'he':
      return bias ? 0 : rng.normal(0, Math.sqrt(2 / fanIn));
    default:
      throw new ModelConfigError(`unknown init "${String(init)}" (${INIT_NAMES.join(', ')})`);
  }
}

/** Layer sizes implied by explicit weights: [in, out1, out2, …]; throws on ragged shapes. */
export function sizesOfWeights(weights: unknown): number[] {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new ModelConfigError('expected a non-empty list of layers, each [out][1 + in]', 'weights');
  }
  const sizes: number[] = [];
  weights.forEach((layer: unknown, k) => {
    if (!Array.isArray(layer) || layer.length === 0 || !Array.isArray(layer[0])) {
      throw new ModelConfigError('expected a non-empty list of rows [bias, w1, …]', `weights[${k}]`);
    }
    const width = (layer[0] as unknown[]).length;
    if (width < 2) throw new ModelConfigError('a row needs the bias and at least one weight', `weights[${k}][0]`);
    if (k === 0) sizes.push(width - 1);
    else if (width - 1 !== sizes[k]) {
      throw new ModelConfigError(`has ${width} entries, expected 1 + ${sizes[k]} (the previous layer's units)`, `weights[${k}][0]`);
    }
    sizes.push(layer.length);
  });
  return sizes;
}

/** Copies explicit weights into w after checking every row against sizes. */
export function loadWeights(w: Float64Array, sizes: readonly number[], weights: unknown): void {
  const implied = sizesOfWeights(weights);
  if (implied.length !== sizes.length || implied.some((s, k) => s !== sizes[k])) {
    throw new ModelConfigError(`describe layers ${implied.join('-')}, the network is ${sizes.join('-')}`, 'weights');
  }
  let p = 0;
  (weights as unknown[][][]).forEach((layer, k) => {
    layer.forEach((row, j) => {
      if (!Array.isArray(row) || row.length !== sizes[k]! + 1) {
        throw new ModelConfigError(`expected ${sizes[k]! + 1} numbers (bias first)`, `weights[${k}][${j}]`);
      }
      row.forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new ModelConfigError('expected a finite number', `weights[${k}][${j}][${i}]`);
        }
        w[p++] = v;
      });
    });
  });
}

/** The weights as JSON: per layer [out][1 + in], bias first. */
export function weightsToJson(w: Float64Array, sizes: readonly number[]): number[][][] {
  const layers: number[][][] = [];
  let p = 0;
  for (let k = 1; k < sizes.length; k++) {
    const rows: number[][] = [];
    for (let j = 0; j < sizes[k]!; j++) {
      rows.push(Array.from(w.subarray(p, p + sizes[k - 1]! + 1)));
      p += sizes[k - 1]! + 1;
    }
    layers.push(rows);
  }
  return layers;
}
