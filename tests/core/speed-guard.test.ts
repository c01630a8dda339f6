/**
 * Issue 20's regression guard: ratios measured in this one process, never absolute times (the
 * machine may be loaded; both sides of a ratio are timed alike, alternately, by CPU time, and the
 * best of several rounds is kept).
 *   - the runner's overhead per epoch against the bare model loop on the same net;
 *   - a sweep's throughput (runSeeds, 200 seeds) against the bare loop on the same seeds;
 *   - bench W1's generated chunk with its tanh layers through the SIMD kernel against the same
 *     chunk calling Math.tanh (the networks must use the kernel, and it must pay).
 * A cycle check that joined the weights into strings again fails both (README, Performance).
 * The module-graph half of the guard (list, info and non-digits runs never touch the digits) is
 * tests/e2e/module-graph.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { deriveRng } from '../../src/core/rng.js';
import { Run, withinTarget } from '../../src/core/runner.js';
import type { Params } from '../../src/core/types.js';
import { runSeeds } from '../../src/commands/sweep-seeds.js';
import { prepareRuns } from '../../src/scenarios/execute.js';
import { loadScenario } from '../../src/scenarios/loader.js';
import { bestAlternated } from '../../bench/alternate.js';
import { ACTIVATIONS } from '../../src/engines/dense/activations.js';
import { type ChunkFn, compileChunk } from '../../src/engines/dense/compiled.js';
import { createNetwork } from '../../src/engines/dense/index.js';
import { LOSSES } from '../../src/engines/dense/losses.js';
import { batchTanh } from '../../src/core/tanh-simd.js';
import { createRng } from '../../src/core/rng.js';

/**
 * The bounds, from the measurements in README's Performance section with room for a loaded machine
 * (under load these ratios moved by ±25 %). Here, after the runner's per-epoch cuts (2026-12-03),
 * this file measured 1.38–1.42× and 0.70–0.74×; the bounds leave ~40 % of room. Issue 20 asks 1.3×
 * and 0.7× (npm run bench:app, longer runs). The old string-join cycle check measured 14.9× and 0.14×.
 */
export const RUNNER_OVERHEAD_MAX = 2.0;
export const SWEEP_THROUGHPUT_MIN = 0.4;
/**
 * W1's chunk with the kernel / with Math.tanh: this file measured 0.77× (three runs), bench --tanh
 * 0.72–0.76×. With the kernel's work doubled (a second call per layer) the test failed: 1.16× (1.03× with shorter runs).
 */
export const KERNEL_CHUNK_MAX = 1.0;

const scenario = loadScenario('xor-backprop');
const RUN = 'mlp-backprop';
/** bench W1's net: 2-8-8-1 tanh, η 0.1, on the scenario's XOR. */
const W1: Params = { hidden: [8, 8], activation: 'tanh', learningRate: 0.1, momentum: 0 };

const spec = (seed: number, params?: Params) => prepareRuns(scenario, { seed, only: [RUN], ...(params ? { params: new Map([[RUN, params]]) } : {}) })[0]!;

/** What any loop that trains this model to its target must do: an epoch, the score, the target check. */
function bareLoop(seed: number, epochs: number, params?: Params): void {
  const s = spec(seed, params);
  const model = s.plugin.create({ data: s.data, params: s.params, rng: deriveRng(seed, `model:${s.id}`), lean: true });
  const target = s.target ?? model.target ?? s.plugin.meta.defaultTarget;
  const keys = Object.keys(target);
  for (let e = 0; e < epochs; e++) {
    if (withinTarget(target, model.epoch().metrics, keys)) return;
  }
}

/** Best-of-rounds CPU time of a and of b, timed alternately; returns time(a) / time(b). */
function ratio(a: () => void, b: () => void, rounds = 5): { ratio: number; a: number; b: number } {
  const [ta, tb] = bestAlternated(a, b, rounds);
  return { ratio: ta / tb, a: ta, b: tb };
}

describe('speed guard (ratios in one process)', () => {
  it(`the runner costs at most ${RUNNER_OVERHEAD_MAX}× the bare model loop per epoch, on bench W1's net`, () => {
    const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
    // the runner's epochs per seed, so the bare loop trains exactly as long
    const epochs = seeds.map((seed) => new Run({ ...spec(seed, W1), lean: true, historyLimit: 1 }).toEnd().epoch);
    expect(epochs.reduce((a, b) => a + b, 0)).toBeGreaterThan(5_000);
    const m = ratio(
      () => seeds.forEach((seed) => new Run({ ...spec(seed, W1), lean: true, historyLimit: 1 }).toEnd()),
      () => seeds.forEach((seed, i) => bareLoop(seed, epochs[i]!, W1)),
    );
    expect(m.ratio, `runner ${m.a.toFixed(0)} ms, bare loop ${m.b.toFixed(0)} ms`).toBeLessThanOrEqual(RUNNER_OVERHEAD_MAX);
  });

  it(`a sweep of 200 seeds runs at ≥ ${SWEEP_THROUGHPUT_MIN}× the bare loop's throughput`, () => {
    const seeds = Array.from({ length: 200 }, (_, i) => i + 1);
    const job = { ref: scenario.path!, run: RUN, params: {}, seeds };
    const results = runSeeds(job, scenario);
    expect(results.filter((r) => r.outcome === 'solved').length).toBeGreaterThan(150);
    const m = ratio(
      () => runSeeds(job, scenario),
      () => results.forEach((r) => bareLoop(r.seed, r.epochs)),
      2,
    );
    // throughput is the inverse of time
    expect(1 / m.ratio, `sweep ${m.a.toFixed(0)} ms, bare loop ${m.b.toFixed(0)} ms`).toBeGreaterThanOrEqual(SWEEP_THROUGHPUT_MIN);
  });

  it(`bench W1's chunk with the SIMD tanh kernel takes at most ${KERNEL_CHUNK_MAX}× the time of the same chunk with Math.tanh`, () => {
    const kernel = batchTanh();
    expect(kernel).not.toBeNull();
    const sizes = [2, 8, 8, 1];
    const act = [0, ACTIVATIONS.tanh.code, ACTIVATIONS.tanh.code, ACTIVATIONS.sigmoid.code];
    const fast = compileChunk(sizes, act, LOSSES.mse, false, kernel)!;
    const plain = compileChunk(sizes, act, LOSSES.mse, false, null)!;
    // what a network of this shape runs is the kernel's chunk
    expect(createNetwork({ sizes, hidden: 'tanh', output: 'sigmoid', loss: 'mse' }, createRng('guard')).chunk).toBe(fast);
    const rng = createRng('guard-data');
    const n = 200;
    const X = Float64Array.from({ length: 2 * n }, () => rng.range(-1, 1));
    const T = Float64Array.from({ length: n }, (_, i) => (X[2 * i]! * X[2 * i + 1]! > 0 ? 1 : 0));
    const w0 = Float64Array.from({ length: 105 }, () => rng.range(-0.5, 0.5));
    const train = (chunk: ChunkFn): Float64Array => {
      const w = Float64Array.from(w0);
      const g = new Float64Array(105);
      for (let e = 0; e < 400; e++) {
        for (let b = 0; b < n; b += 10) {
          g.fill(0);
          chunk(w, g, X, T, null, b, 10, [], [], [], new Float64Array(0), 0.01, false, true);
        }
      }
      return w;
    };
    // the same weights, bit for bit
    expect(Array.from(train(fast))).toEqual(Array.from(train(plain)));
    const m = ratio(() => train(fast), () => train(plain), 5);
    expect(m.ratio, `kernel ${m.a.toFixed(0)} ms, Math.tanh ${m.b.toFixed(0)} ms`).toBeLessThanOrEqual(KERNEL_CHUNK_MAX);
  });
});
