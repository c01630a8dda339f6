/** LeCun's 1989 convnet engine: its counts against the paper, its gradients against finite differences. */
import { describe, expect, it } from 'vitest';
import { ConvNet, scaledTanh } from '../../../src/engines/conv/convnet.js';
import { createRng } from '../../../src/core/rng.js';

function randomImage(side: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: side * side }, () => rng.range(-1, 1));
}

describe('scaled tanh', () => {
  it('is 1.7159 tanh(2a/3): f(±1) ≈ ±1, and its derivative matches finite differences', () => {
    expect(scaledTanh.output(1)).toBeCloseTo(1, 3);
    expect(scaledTanh.output(-1)).toBeCloseTo(-1, 3);
    for (const a of [-3, -1, -0.2, 0, 0.5, 2.5]) {
      const h = 1e-6;
      expect(scaledTanh.der(a)).toBeCloseTo((scaledTanh.output(a + h) - scaledTanh.output(a - h)) / (2 * h), 8);
    }
  });
});

describe('ConvNet counts', () => {
  it('matches LeCun et al. (1989): 1,256 units, 64,660 connections, 9,760 free parameters', () => {
    const net = new ConvNet({ side: 16, classes: 10 }, createRng(1));
    const c = net.counts();
    expect(c.map((l) => [l.name, l.shape, l.units, l.connections, l.parameters])).toEqual([
      ['input', '16×16', 256, 0, 0],
      ['H1', '12×8×8', 768, 19968, 1068],
      ['H2', '12×4×4', 192, 38592, 2592],
      ['H3', '30', 30, 5790, 5790],
      ['output', '10', 10, 310, 310],
    ]);
    expect(c.reduce((s, l) => s + l.units, 0)).toBe(1256);
    expect(c.reduce((s, l) => s + l.connections, 0)).toBe(64660);
    expect(c.reduce((s, l) => s + l.parameters, 0)).toBe(9760);
    expect(net.w.length).toBe(9760);
  });

  it('full H2 connectivity has 12 kernels per H2 map; a 28×28 input gives 14×14 and 7×7 maps', () => {
    const full = new ConvNet({ side: 16, classes: 10, connections: 'full' }, createRng(1));
    expect(full.counts()[2]!.parameters).toBe(12 * 12 * 25 + 192);
    const shared = new ConvNet({ side: 16, classes: 10, connections: 'full', biases: 'map' }, createRng(1));
    expect(shared.counts().map((l) => l.parameters)).toEqual([0, 12 * 25 + 12, 12 * 12 * 25 + 12, 5790, 310]);
    expect(shared.counts().map((l) => l.connections)).toEqual([0, 19968, 192 * 301, 5790, 310]);
    const big = new ConvNet({ side: 28, classes: 10 }, createRng(1));
    expect(big.counts().map((l) => l.shape)).toEqual(['28×28', '12×14×14', '12×7×7', '30', '10']);
    expect(big.w.length).toBe(big.counts().reduce((s, l) => s + l.parameters, 0));
  });
});

describe('ConvNet gradients', () => {
  it.each([
    ['cyclic-8', 16, 1, {}],
    ['full', 16, 2, {}],
    ['cyclic-8', 12, 3, { padInput: 0, padHidden: 0.5 }],
    ['full', 16, 4, { units: 'tanh', biases: 'map' }],
  ] as const)('back-propagation equals central differences (%s, side %i, seed %i, %o)', (connections, side, seed, extra) => {
    const net = new ConvNet({ side, classes: 4, connections, init: 'sqrt-fan-in', ...extra }, createRng(seed));
    // biases are 0 at init: give them values so their gradients are tested at a generic point
    const rng = createRng(seed + 100);
    for (let p = 0; p < net.w.length; p++) if (net.w[p] === 0) net.w[p] = rng.range(-0.3, 0.3);
    const X = randomImage(side, seed);
    net.load(X, 0, 2);
    net.forward();
    net.g.fill(0);
    net.backward();
    const analytic = Float64Array.from(net.g);
    const J = (): number => {
      net.forward();
      return net.loss();
    };
    // every layer: sample weights across the whole vector, including kernels and per-unit biases
    const picks = Array.from({ length: 300 }, () => rng.int(net.w.length));
    for (const p of [0, net.h1.bOff, net.h2.kOff, net.h2.bOff, net.h3Off, net.outOff, net.w.length - 1, ...picks]) {
      const h = 1e-5;
      const keep = net.w[p]!;
      net.w[p] = keep + h;
      const up = J();
      net.w[p] = keep - h;
      const down = J();
      net.w[p] = keep;
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(analytic[p]! - numeric), `weight ${p}: ${analytic[p]} vs ${numeric}`).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('trainPattern takes one step w ← w − η ∂J/∂w and lowers that pattern\'s loss', () => {
    const net = new ConvNet({ side: 16, classes: 10 }, createRng(4));
    const X = randomImage(16, 4);
    net.load(X, 0, 7);
    net.forward();
    net.g.fill(0);
    net.backward();
    const expected = Float64Array.from(net.w, (w, p) => w - 0.01 * net.g[p]!);
    const before = net.trainPattern(X, 0, 7, 0.01);
    expect(Array.from(net.w)).toEqual(Array.from(expected));
    net.load(X, 0, 7);
    net.forward();
    expect(net.loss()).toBeLessThan(before);
  });
});

describe('generated convolution loops', () => {
  it.each([
    [16, 'cyclic-8', 10, 1],
    [16, 'full', 3, 2],
    [12, 'cyclic-8', 4, 3],
    [28, 'cyclic-8', 10, 4],
    [9, 'full', 2, 5],
    [16, 'full', 10, 6],
  ] as const)('train bit-identically to the plain loops (side %i, %s, %i classes, seed %i)', (side, connections, classes, seed) => {
    const extra = seed === 6 ? ({ units: 'tanh', biases: 'map' } as const) : {};
    const fast = new ConvNet({ side, classes, connections, ...extra }, createRng(seed));
    const plain = new ConvNet({ side, classes, connections, ...extra }, createRng(seed));
    plain.h1.fast = null;
    plain.h2.fast = null;
    const rng = createRng(seed + 50);
    const X = Float64Array.from({ length: 6 * side * side }, () => rng.range(-1, 1));
    for (let i = 0; i < 12; i++) {
      const label = rng.int(classes);
      expect(fast.trainPattern(X, i % 6, label, 0.05)).toBe(plain.trainPattern(X, i % 6, label, 0.05));
    }
    expect(Array.from(fast.w)).toEqual(Array.from(plain.w));
    expect(Array.from(fast.a4)).toEqual(Array.from(plain.a4));
  });
});
