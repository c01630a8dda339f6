/**
 * The maths that runs is the maths you read: on random configurations (shapes, every activation,
 * every output and loss, batch sizes, momentum, L2 and L1 penalties, dropout masks, shuffling, chunking)
 * the fast engine — generated chunks (compiled.ts) and generic kernels (kernels.ts) — gives the
 * reference engine's numbers bit for bit; and the reference's gradient matches central finite
 * differences of its own loss.
 */
import { describe, expect, it } from 'vitest';
import { type Rng, createRng } from '../../../src/core/rng.js';
import {
  ACTIVATION_LIST, ACTIVATIONS, type ActivationName, type LossName, type NetworkConfig, type OutputActivation, createNetwork, weightsToJson,
} from '../../../src/engines/dense/index.js';
import { type ReferenceNet, gradient, predict, trainEpoch } from '../../../src/engines/dense/reference.js';

/** Bits of every entry (−0 and 0 differ); NaN's sign and payload mean nothing in JavaScript: one NaN. */
const bits = (x: ArrayLike<number>): bigint[] => [...new BigUint64Array(Float64Array.from(x, (v) => (Number.isNaN(v) ? NaN : v)).buffer)];
const flat = (W: number[][][]): number[] => W.flat(2);

const TRAINABLE = ACTIVATION_LIST.filter((f) => f.trainable).map((f) => f.name as ActivationName);
const FORWARD_ONLY = ACTIVATION_LIST.filter((f) => !f.trainable).map((f) => f.name as ActivationName);
const OUTPUTS: readonly [OutputActivation, LossName][] = [
  ['softmax', 'ce'], ['sigmoid', 'bce'], ...TRAINABLE.map((name) => [name, 'mse'] as [OutputActivation, LossName]),
];

function randomData(rng: Rng, n: number, nin: number, nout: number, output: OutputActivation, loss: LossName) {
  const X = Array.from({ length: n }, () => Array.from({ length: nin }, () => (rng.uniform() < 0.15 ? 0 : rng.range(-2, 2))));
  const T = Array.from({ length: n }, () => {
    if (loss === 'ce') {
      const c = rng.int(nout);
      return Array.from({ length: nout }, (_, k) => (k === c ? 1 : 0));
    }
    return Array.from({ length: nout }, () => (output === 'tanh' ? (rng.uniform() < 0.5 ? -1 : 1) : rng.uniform() < 0.3 ? rng.uniform() : rng.int(2)));
  });
  return { X, T };
}

/** A random configuration: 1–4 weight layers of 1–20 units, activations per layer, an output and loss. */
function randomConfig(rng: Rng, hiddenPool: readonly ActivationName[]): NetworkConfig & { sizes: number[]; hidden: ActivationName[] } {
  const [output, loss] = OUTPUTS[rng.int(OUTPUTS.length)]!;
  const L = 1 + rng.int(4);
  const width = (): number => (rng.uniform() < 0.2 ? 17 + rng.int(4) : 1 + rng.int(9));
  const sizes = [1 + rng.int(5), ...Array.from({ length: L - 1 }, width), output === 'softmax' ? 2 + rng.int(3) : 1 + rng.int(3)];
  const hidden = Array.from({ length: L - 1 }, () => hiddenPool[rng.int(hiddenPool.length)]!);
  const init = (['uniform', 'standard', 'glorot-uniform', 'glorot-normal', 'he'] as const)[rng.int(5)]!;
  return { sizes, hidden, output, loss, init, initRange: 0.5 + rng.uniform() };
}

function referenceOf(config: ReturnType<typeof randomConfig>, w: Float64Array, keep: number[]): ReferenceNet {
  const W = weightsToJson(w, config.sizes);
  return {
    f: [...config.hidden.map((name) => ACTIVATIONS[name]), config.output === 'softmax' ? 'softmax' : ACTIVATIONS[config.output!]],
    loss: config.loss!,
    keep,
    W,
    v: W.map((layer) => layer.map((row) => row.map(() => 0))),
  };
}

describe('the fast engine against the reference engine', () => {
  it('trains bit for bit like the reference on 240 random configurations (compiled chunks and generic kernels)', () => {
    const rng = createRng('differential');
    let configs = 0;
    let compiled = 0;
    let dropout = 0;
    for (let c = 0; c < 240; c++) {
      const config = randomConfig(rng, TRAINABLE);
      const L = config.sizes.length - 1;
      const n = 1 + rng.int(24);
      const { X, T } = randomData(rng, n, config.sizes[0]!, config.sizes[L]!, config.output!, config.loss!);
      const batchSize = [0, 1, 1 + rng.int(n)][rng.int(3)]!;
      const rows = batchSize <= 0 ? n : Math.min(batchSize, n);
      const drops = rng.uniform() < 0.3;
      // masks are drawn chunk by chunk: with dropout a batch is one chunk (maxBatch ≥ rows)
      const maxBatch = drops ? rows + rng.int(4) : 1 + rng.int(n + 3);
      const keepInput = drops && rng.uniform() < 0.5 ? 0.5 + rng.uniform() / 2 : 1;
      const keepHidden = drops && L > 1 ? config.hidden.map(() => 0.3 + rng.uniform() * 0.7) : 1;
      const opts = {
        eta: rng.range(0.01, 0.5),
        momentum: rng.uniform() < 0.5 ? 0 : rng.range(0, 0.95),
        weightDecay: rng.uniform() < 0.6 ? 0 : rng.range(0, 0.01),
        l1: rng.uniform() < 0.7 ? 0 : rng.range(0, 0.01),
        batchSize,
        average: rng.uniform() < 0.7,
        shuffle: rng.uniform() < 0.4,
      };
      const seed = `engine/${c}`;
      // initial weights drawn once, then given explicitly: every engine's Rng starts fresh
      const initial = weightsToJson(createNetwork(config, createRng(`init/${c}`)).w, config.sizes);
      const full: NetworkConfig = { ...config, maxBatch, keepInput, keepHidden, weights: initial };
      const fast = createNetwork(full, createRng(seed));
      const generic = createNetwork(full, createRng(seed));
      generic.chunk = null;
      if (fast.chunk) compiled++;
      if (keepInput < 1 || keepHidden !== 1) dropout++;
      const keep = [keepInput, ...(Array.isArray(keepHidden) ? keepHidden : config.hidden.map(() => 1))];
      const ref = referenceOf(config, fast.w, keep);
      const refRng = createRng(seed);
      const Xf = Float64Array.from(X.flat());
      const Tf = Float64Array.from(T.flat());
      for (let e = 0; e < 3; e++) {
        const want = trainEpoch(ref, X, T, opts, refRng);
        const got = [fast.trainEpoch(Xf, Tf, n, opts), generic.trainEpoch(Xf, Tf, n, opts)];
        for (const net of [fast, generic]) expect(bits(net.w), `config ${c}, epoch ${e + 1}`).toEqual(bits(flat(ref.W)));
        // one chunk per batch sums the loss in the reference's order; several chunks sum per chunk first
        for (const loss of got) {
          if (maxBatch >= rows) expect(loss).toBe(want);
          else expect(Math.abs(loss - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        }
      }
      const out = new Float64Array(n * config.sizes[L]!);
      fast.predictInto(Xf, n, out);
      expect(bits(out)).toEqual(bits(predict(ref, X).flat()));
      configs++;
    }
    expect(configs).toBe(240);
    // every path was exercised: generated chunks, generic kernels, dropout
    expect(compiled).toBeGreaterThan(60);
    expect(dropout).toBeGreaterThan(40);
  }, 60_000);

  it.each(FORWARD_ONLY)('%s units run forward exactly as the reference (forward-only networks)', (name) => {
    const rng = createRng(`forward/${name}`);
    for (let c = 0; c < 20; c++) {
      const config = { ...randomConfig(rng, [name]), output: name, loss: 'mse' as const, trainable: false };
      const L = config.sizes.length - 1;
      const n = 1 + rng.int(10);
      const { X } = randomData(rng, n, config.sizes[0]!, config.sizes[L]!, 'sigmoid', 'mse');
      const net = createNetwork({ ...config, maxBatch: 1 + rng.int(n) }, createRng(c));
      const out = new Float64Array(n * config.sizes[L]!);
      net.predictInto(Float64Array.from(X.flat()), n, out);
      expect(bits(out)).toEqual(bits(predict(referenceOf(config, net.w, []), X).flat()));
    }
  });
});

describe('the reference gradient against central finite differences', () => {
  it('agrees within a relative 1e-6 on 200 random configurations, every activation and loss', () => {
    const rng = createRng('finite-differences');
    const h = 1e-6;
    let checked = 0;
    let kinks = 0;
    for (let c = 0; c < 200; c++) {
      // every activation, the steps included: their derivative 0 is checked too
      const config = randomConfig(rng, ACTIVATION_NAMES_ALL);
      config.sizes.forEach((s, k) => (config.sizes[k] = Math.min(s, 6)));
      const L = config.sizes.length - 1;
      if (config.output === 'softmax') config.sizes[L] = Math.max(2, config.sizes[L]!);
      const n = 1 + rng.int(6);
      const { X, T } = randomData(rng, n, config.sizes[0]!, config.sizes[L]!, config.output!, config.loss!);
      const net = createNetwork({ ...config, trainable: false }, createRng(`fd/${c}`));
      const ref = referenceOf(config, net.w, []);
      const { g } = gradient(ref, X, T);
      // which side of every kink (relu, leaky-relu, the steps) each unit is on
      const sides = (): string => ref.W.map((_, k) => (SMOOTH.has(ref.f[k]!) ? '' : predictSides(ref, X, k + 1))).join('|');
      const base = sides();
      ref.W.forEach((layer, k) => layer.forEach((w, j) => w.forEach((wi, i) => {
        w[i] = wi + h;
        const up = gradient(ref, X, T).loss;
        const upSides = sides();
        w[i] = wi - h;
        const down = gradient(ref, X, T).loss;
        const downSides = sides();
        w[i] = wi;
        if (upSides !== base || downSides !== base) return void kinks++;
        const fd = (up - down) / (2 * h);
        const an = g[k]![j]![i]!;
        expect(Math.abs(an - fd), `config ${c}, W${k + 1}[${j}][${i}]: ${an} vs ${fd}`).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(an), Math.abs(fd), 1e-2));
        checked++;
      })));
    }
    expect(checked).toBeGreaterThan(5000);
    // a weight whose ±h moves a unit across a kink (a dead unit's z = bias = 0 sits on it) is skipped
    expect(kinks).toBeLessThan(checked / 50);
  }, 60_000);
});

const ACTIVATION_NAMES_ALL = ACTIVATION_LIST.map((f) => f.name as ActivationName);
/** Activations without kinks: finite differences hold everywhere. */
const SMOOTH = new Set<unknown>(['softmax', ACTIVATIONS.linear, ACTIVATIONS.sigmoid, ACTIVATIONS.tanh]);

/** z^k < 0 for every row and unit of layer k, as a string. */
function predictSides(ref: ReferenceNet, X: readonly (readonly number[])[], k: number): string {
  let a: number[][] = X.map((x) => [...x]);
  let z: number[][] = [];
  for (let l = 1; l <= k; l++) {
    const W = ref.W[l - 1]!;
    z = a.map((x) => W.map((w) => x.reduce((s, xi, i) => s + w[i + 1]! * xi, w[0]!)));
    const f = ref.f[l - 1]!;
    a = z.map((zs) => (f === 'softmax' ? zs : zs.map(f.output)));
  }
  return z.map((zs) => zs.map((v) => (v < 0 ? '-' : '+')).join('')).join(',');
}
