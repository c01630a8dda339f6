/**
 * What the lab shows of a model's weights, read from its typed snapshot (never guessed from JSON):
 * the lecture's w = (…) or W1 = […], the separating line of a single unit on two inputs, the
 * one-line text of `run`, and the last update written out once per view.
 */
import { describe, expect, it } from 'vitest';
import type { WeightsSnapshot } from '../../src/core/types.js';
import { weightsText } from '../../src/report/table.js';
import { lineOf } from '../../src/session/field.js';
import { LabSession } from '../../src/session/lab.js';
import { weightLines } from '../../src/session/views.js';

const unit: WeightsSnapshot = { kind: 'vector', w: [-0.6, 0.5, 0.5] };
const net: WeightsSnapshot = { kind: 'layers', layers: [[[-0.5, 1, 1], [1.5, -1, -1]], [[-1.5, 1, 1]]] };
const gates: WeightsSnapshot = { kind: 'units', layers: [[{ w: [1, 1], theta: 2 }]] };
const conv: WeightsSnapshot = { kind: 'blocks', blocks: [{ name: 'H1biases', vector: [0, -0.25] }] };

describe('weights on screen', () => {
  it('writes a unit as w = (…) and a net as one matrix per layer, bias first', () => {
    expect(weightLines(unit)).toEqual(['w = (−0.6, 0.5, 0.5)']);
    expect(weightLines(net)).toEqual(['W1 = [−0.5 1 1; 1.5 −1 −1]', 'W2 = [−1.5 1 1]']);
    const big: WeightsSnapshot = { kind: 'layers', layers: [Array.from({ length: 8 }, () => Array.from({ length: 9 }, () => 0.5))] };
    expect(weightLines(big)).toEqual(['W1: 8 × 9 (bias first), ‖W1‖ = 4.24']);
    // threshold units and named blocks are listed by describe() instead
    expect(weightLines(gates)).toEqual([]);
    expect(weightLines(conv)).toEqual([]);
  });

  it('draws a separating line only for a single unit with its bias on two inputs', () => {
    expect(lineOf(unit, 2)).toEqual([-0.6, 0.5, 0.5]);
    expect(lineOf(unit, 3)).toBeNull();
    expect(lineOf({ kind: 'vector', w: [NaN, 1, 1] }, 2)).toBeNull();
    expect(lineOf(net, 2)).toBeNull();
  });

  it('gives `run` its one line of weights', () => {
    expect(weightsText(unit)).toBe('(−0.6, 0.5, 0.5)');
    expect(weightsText(net)).toBe('W1 = [−0.5 1 1; 1.5 −1 −1]  W2 = [−1.5 1 1]');
    expect(weightsText(gates)).toBe('[[{w:[1,1],theta:2}]]');
    expect(weightsText(conv)).toBe('{H1biases:[0,−0.25]}');
  });

  it('writes the last update out when the view is built', () => {
    const lab = new LabSession({ scenario: 'seed-perceptron-epoch', seed: 1 });
    expect(lab.view(0).lanes[0]!.update).toBeNull();
    lab.pattern();
    const lane = lab.view(0).lanes[0]!;
    expect(lane.update).toBe(lane.trace.at(-1)!.explain());
    expect(lane.update).toBe('t = o = −1: no error, w unchanged (−0.4, 0.6, 0.6)');
    lab.pattern();
    expect(lab.view(0).lanes[0]!.update).toBe('w ← w + η(t − o)x = (−0.4, 0.6, 0.6) + 0.05·(−1 − 1)·(1, 0, 1) = (−0.5, 0.6, 0.5)');
  });
});
