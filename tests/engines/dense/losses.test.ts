/**
 * The losses as objects, like the activations: each loss's ∂J/∂a against central finite
 * differences of its J(a, t); its stable batch sum against the textbook J of the same outputs; and
 * delta^L = ∂J/∂z^L (outputDelta, what back-propagation starts from) against finite differences of
 * the batch sum through each output activation the engine pairs it with.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import {
  ACTIVATIONS, LOSSES, LOSS_LIST, type LossName, type OutputActivation, SOFTMAX, activate, outputDelta, softmaxRows,
} from '../../../src/engines/dense/index.js';

const h = 1e-6;
const close = (x: number, y: number, rel: number): void => expect(Math.abs(x - y)).toBeLessThanOrEqual(rel * Math.max(Math.abs(x), Math.abs(y), 1e-3));

/** The output layer's a = f(z) over rows × cols. */
function outputs(act: OutputActivation, z: Float64Array, rows: number, cols: number): Float64Array {
  const a = new Float64Array(z.length);
  if (act === 'softmax') softmaxRows(z, a, rows, cols);
  else activate(ACTIVATIONS[act].code, z, a, z.length);
  return a;
}

/** Targets: one-hot rows for the softmax, values in [0, 1] (0 and 1 among them) otherwise. */
function targets(act: OutputActivation, rng: ReturnType<typeof createRng>, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    if (act === 'softmax') t[r * cols + rng.int(cols)] = 1;
    else for (let c = 0; c < cols; c++) t[r * cols + c] = c === 0 ? r % 2 : rng.uniform();
  }
  return t;
}

/** Every pairing the engine accepts (checkOutput), with a size of row. */
const PAIRS: [OutputActivation, LossName, number][] = [
  ['sigmoid', 'mse', 3],
  ['tanh', 'mse', 2],
  ['linear', 'mse', 2],
  ['relu', 'mse', 2],
  ['sigmoid', 'bce', 3],
  ['softmax', 'ce', 4],
];

describe('losses', () => {
  it('are listed by code, and by name', () => {
    expect(LOSS_LIST.map((l) => [l.code, l.name])).toEqual([
      [0, 'mse'],
      [1, 'bce'],
      [2, 'ce'],
    ]);
    for (const l of LOSS_LIST) expect(LOSSES[l.name]).toBe(l);
    // the pairings whose derivatives cancel: sigmoid + BCE and softmax + CE
    expect(LOSSES.mse.cancels).toBeUndefined();
    expect(LOSSES.bce.cancels).toBe(ACTIVATIONS.sigmoid.code);
    expect(LOSSES.ce.cancels).toBe(SOFTMAX);
  });

  it.each(LOSS_LIST.map((l) => l.name))('%s: grad matches central finite differences of value', (name) => {
    const loss = LOSSES[name];
    const rng = createRng(`loss/${name}`);
    for (let n = 0; n < 40; n++) {
      const a = rng.range(0.02, 0.98);
      const t = n % 4 === 0 ? 0 : n % 4 === 1 ? 1 : rng.uniform();
      const fd = (loss.value(a + h, t) - loss.value(a - h, t)) / (2 * h);
      close(loss.grad(a, t), fd, 1e-6);
    }
  });

  it('value is the textbook J of one unit', () => {
    expect(LOSSES.mse.value(0.75, 0.25)).toBe(0.125);
    expect(LOSSES.bce.value(0.5, 1)).toBe(Math.LN2);
    expect(LOSSES.bce.value(0.5, 0)).toBe(Math.LN2);
    expect(LOSSES.ce.value(0.25, 1)).toBe(Math.log(4));
    // 0 · log a = 0, even for a = 0; a confident wrong output costs a large but finite J
    expect(LOSSES.ce.value(0, 0)).toBe(0);
    expect(LOSSES.ce.value(0, 1)).toBeCloseTo(690.7755, 4);
    expect(LOSSES.bce.value(1, 0)).toBeCloseTo(690.7755, 4);
  });

  it.each(PAIRS)('%s + %s: the stable batch sum is the sum of value over the outputs', (act, name, cols) => {
    const loss = LOSSES[name];
    const rng = createRng(`sum/${act}/${name}`);
    const rows = 5;
    const z = Float64Array.from({ length: rows * cols }, () => rng.range(-3, 3));
    const a = outputs(act, z, rows, cols);
    const t = targets(act, rng, rows, cols);
    const J = Array.from(a).reduce((s, ak, k) => s + loss.value(ak, t[k]!), 0);
    close(loss.sum(z, a, t, rows, cols), J, 1e-12);
  });

  it.each(PAIRS)('%s + %s: outputDelta is ∂J/∂z^L by finite differences, and returns J', (act, name, cols) => {
    const loss = LOSSES[name];
    const rng = createRng(`delta/${act}/${name}`);
    const rows = 3;
    const code = act === 'softmax' ? SOFTMAX : ACTIVATIONS[act].code;
    const z = Float64Array.from({ length: rows * cols }, () => {
      const v = rng.range(-3, 3);
      // relu's kink at 0
      return Math.abs(v) < 1e-3 ? 0.5 : v;
    });
    const a = outputs(act, z, rows, cols);
    const t = targets(act, rng, rows, cols);
    const delta = new Float64Array(rows * cols);
    const J = outputDelta(code, loss, z, a, t, delta, rows, cols);
    expect(J).toBe(loss.sum(z, a, t, rows, cols));
    const Jat = (zs: Float64Array): number => loss.sum(zs, outputs(act, zs, rows, cols), t, rows, cols);
    for (let k = 0; k < z.length; k++) {
      const up = Float64Array.from(z);
      const down = Float64Array.from(z);
      up[k]! += h;
      down[k]! -= h;
      close(delta[k]!, (Jat(up) - Jat(down)) / (2 * h), 1e-5);
    }
  });

  it('where the derivatives cancel, delta^L is exactly a − t; elsewhere f\'(z) ∘ ∂J/∂a', () => {
    const z = Float64Array.from([0.3, -1.2]);
    const t = Float64Array.from([1, 0]);
    const a = outputs('sigmoid', z, 1, 2);
    const delta = new Float64Array(2);
    outputDelta(ACTIVATIONS.sigmoid.code, LOSSES.bce, z, a, t, delta, 1, 2);
    expect(Array.from(delta)).toEqual([a[0]! - 1, a[1]!]);
    outputDelta(ACTIVATIONS.sigmoid.code, LOSSES.mse, z, a, t, delta, 1, 2);
    expect(Array.from(delta)).toEqual([(a[0]! - 1) * (a[0]! * (1 - a[0]!)), a[1]! * (a[1]! * (1 - a[1]!))]);
    // and the cancelling pair agrees with the chain rule it short-cuts
    close(LOSSES.bce.grad(a[0]!, 1) * ACTIVATIONS.sigmoid.der(0.3), a[0]! - 1, 1e-12);
  });
});
