import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import {
  ACTIVATIONS, ACTIVATION_LIST, ACTIVATION_NAMES, SOFTMAX, activate, createNetwork, timesDerivative,
} from '../../../src/engines/dense/index.js';

const h = 1e-5;

describe('activations', () => {
  it.each(ACTIVATION_NAMES)('%s: der matches central finite differences', (name) => {
    const f = ACTIVATIONS[name];
    const rng = createRng(`act/${name}`);
    for (let n = 0; n < 25; n++) {
      const z = rng.range(-6, 6);
      // the kinks of relu / leaky-relu / the steps sit at 0
      if (Math.abs(z) < 10 * h) continue;
      const fd = (f.output(z + h) - f.output(z - h)) / (2 * h);
      const der = f.der(z);
      expect(Math.abs(der - fd)).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(der), Math.abs(fd), 1e-3));
    }
  });

  it('relu follows the lecture: f(0) = 0 and f\'(0) = 1', () => {
    expect(ACTIVATIONS.relu.output(0)).toBe(0);
    expect(ACTIVATIONS.relu.der(0)).toBe(1);
    expect(ACTIVATIONS['leaky-relu'].output(-2)).toBeCloseTo(-0.02, 15);
  });

  it('sigmoid\' is at most 1/4, with equality at 0', () => {
    expect(ACTIVATIONS.sigmoid.der(0)).toBe(0.25);
    const rng = createRng('sigmoid-bound');
    for (let n = 0; n < 200; n++) expect(ACTIVATIONS.sigmoid.der(rng.range(-10, 10))).toBeLessThanOrEqual(0.25);
  });

  it.each(ACTIVATION_NAMES)('%s: the tight loops and the generated snippets compute output and der exactly', (name) => {
    const f = ACTIVATIONS[name];
    const rng = createRng(`loops/${name}`);
    const z = Float64Array.from({ length: 64 }, (_, k) => (k < 4 ? [0, -0, 1e-300, -1e-300][k]! : rng.range(-8, 8)));
    const a = new Float64Array(64);
    activate(f.code, z, a, 64);
    a.forEach((v, k) => expect(v).toBe(f.output(z[k]!)));
    const d = Float64Array.from({ length: 64 }, () => rng.range(-3, 3));
    const delta = Float64Array.from(d);
    timesDerivative(f.code, z, a, delta, 64);
    // == rather than toBe: a zeroed delta may be +0 where d · 0 is −0 (the same to every later sum)
    delta.forEach((v, k) => expect(v === d[k]! * f.der(z[k]!)).toBe(true));
    if (!f.source) return;
    const out = new Function('v', `return ${f.source.f('v')};`) as (v: number) => number;
    const times = new Function('d', 'z', 'a', `return ${f.source.times('d', 'z', 'a')};`) as (d: number, z: number, a: number) => number;
    z.forEach((zk, k) => {
      expect(out(zk)).toBe(a[k]);
      expect(times(d[k]!, zk, a[k]!) === delta[k]).toBe(true);
    });
  });

  it('every activation is one object: name, code, function, derivative and both loops', () => {
    ACTIVATION_LIST.forEach((f, code) => {
      expect(f.code).toBe(code);
      expect(ACTIVATIONS[f.name as keyof typeof ACTIVATIONS]).toBe(f);
      expect([typeof f.output, typeof f.der, typeof f.forward, typeof f.backward]).toEqual(['function', 'function', 'function', 'function']);
    });
    expect(SOFTMAX).toBe(ACTIVATION_LIST.length);
  });

  it.each(['step-bipolar', 'step-binary'] as const)('%s as a hidden layer passes a gradient of exactly 0; as the output it is refused', (step) => {
    const rng = createRng(1);
    const net = createNetwork({ sizes: [2, 3, 1], hidden: step, init: 'uniform', initRange: 1 }, rng);
    const X = Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]);
    const T = Float64Array.from([0, 1, 1, 0]);
    const w1 = Array.from(net.w.subarray(0, net.offsets[1]));
    for (let e = 0; e < 20; e++) net.trainEpoch(X, T, 4, { eta: 0.5 });
    expect(Array.from(net.w.subarray(0, net.offsets[1]))).toEqual(w1);
    expect(Array.from(net.g.subarray(0, net.offsets[1])).every((g) => g === 0)).toBe(true);
    expect(Array.from(net.g.subarray(net.offsets[1])).some((g) => g !== 0)).toBe(true);
    expect(() => createNetwork({ sizes: [2, 1], output: step }, rng)).toThrow(
      /the output\) uses step-b\w+: the step function has derivative 0 almost everywhere, so gradient descent cannot train it/,
    );
  });

  it('step units run forward-only: the lecture\'s XOR of OR and NAND (v = (-0.4, 0.6, 0.6))', () => {
    const net = createNetwork(
      {
        sizes: [2, 2, 1], hidden: 'step-bipolar', output: 'step-bipolar', trainable: false,
        weights: [[[-0.4, 0.6, 0.6], [0.6, -0.5, -0.5]], [[-0.4, 0.6, 0.6]]],
      },
      createRng(1),
    );
    const out = new Float64Array(4);
    net.predictInto(Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]), 4, out);
    expect([...out]).toEqual([-1, 1, 1, -1]);
    const X = new Float64Array(2);
    expect(() => net.trainEpoch(X, new Float64Array(1), 1, { eta: 0.1 })).toThrow(/forward-only/);
  });
});
