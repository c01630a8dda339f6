import { describe, expect, it } from 'vitest';
import { weightsJson } from '../../src/core/weights.js';
import { executeScenario } from '../../src/scenarios/execute.js';
import { loadScenario } from '../../src/scenarios/loader.js';
import { TRIED_BUDGET, modelChoices, nextSeed, tryLoadScenario } from '../../src/session/choices.js';
import { LabSession } from '../../src/session/lab.js';
import { KEEP_HISTORY } from '../../src/session/lane.js';

describe('what the lab trains', () => {
  it('builds runs exactly as `neural-eras run` does: same seed, same weights, bit for bit', () => {
    const headless = executeScenario(loadScenario('perceptron-xor'), { seed: 7 });
    const lab = new LabSession({ scenario: 'perceptron-xor', seed: 7 });
    lab.playToMoment();
    const run = lab.lanes()[0]!.run!;
    expect(weightsJson(run.model.snapshot())).toEqual(headless.runs[0]!.weights);
    expect(run.status.outcome).toBe(headless.runs[0]!.outcome);
    expect(run.epoch).toBe(headless.runs[0]!.epochs);
  });

  it('offers the registry models on the same data after the scenario runs, with a budget that suits them', () => {
    const s = loadScenario('perceptron-xor');
    const choices = modelChoices(s, 1);
    expect(choices[0]).toMatchObject({ id: 'perceptron', own: true });
    const tried = choices.slice(1);
    expect(tried.every((c) => !c.own && c.spec.data === choices[0]!.spec.data)).toBe(true);
    expect(tried.every((c) => c.spec.epochs === Math.max(s.epochs, TRIED_BUDGET))).toBe(true);
  });

  it('an MLP tried on the perceptron\'s XOR data gets its own neutral text, and learns XOR', () => {
    const lab = new LabSession({ scenario: 'perceptron-xor', run: 'mlp-backprop' });
    expect(lab.choices[lab.index]!.own).toBe(false);
    lab.playToMoment();
    const v = lab.view(0);
    expect(v.message).toMatch(/tried on the data of "The perceptron cannot learn XOR": not part of this scenario's story/);
    expect(v.moral).toBeNull();
    expect(v.lanes[0]!.verdict?.word).toBe('SOLVED');
    expect(v.lanes[0]!.now.accuracy).toBe(1);
  });

  it('derives the next seed deterministically and names a missing scenario', () => {
    expect(nextSeed(1)).toBe(2);
    expect(nextSeed('a')).toBe('a+1');
    expect(tryLoadScenario('no-such-scenario')).toBe('scenario "no-such-scenario" is not available yet');
  });

  it('keeps memory flat in long sessions and still steps one pattern at a time', () => {
    const lab = new LabSession({ scenario: 'perceptron-xor', overrides: new Map([['perceptron', { shuffle: true }]]) });
    const lane = lab.lanes()[0]!;
    for (let i = 0; i < 100 && !lane.settled; i++) lane.advance('epoch', false);
    for (let i = 0; i < 2000; i++) lane.advance('epoch', true);
    // The runner bounds the history (tested in runner.test.ts); the lab asks it to keep KEEP_HISTORY.
    expect(lane.run!.spec.historyLimit).toBe(KEEP_HISTORY);
    expect(lane.run!.history).toHaveLength(lane.run!.epoch + 1);
    expect(lane.series.size).toBeLessThanOrEqual(512);
    lab.pattern();
    expect(lane.trace.at(-1)?.explain()).toMatch(/w|t = o/);
  });
});

describe('a model that throws', () => {
  it('stops its own run with its id and the error; the lab and the other run go on', async () => {
    const { registerPlugin, clearUserPlugins } = await import('../../src/models/user-plugins.js');
    const { perceptron } = await import('../../src/models/perceptron.js');
    const faulty = {
      meta: { ...perceptron.meta, id: 'faulty', name: 'A faulty plugin' },
      create: (ctx: Parameters<typeof perceptron.create>[0]) => {
        const inner = perceptron.create(ctx);
        let epochs = 0;
        return { ...inner, step: () => null, epoch: () => (++epochs > 2 ? (() => { throw new Error('out of cheese'); })() : inner.epoch()) };
      },
    };
    registerPlugin(faulty, 'faulty.js');
    try {
      const lab = new LabSession({ scenario: 'perceptron-xor', run: 'faulty', compare: true, autoplay: true });
      let t = 0;
      while (lab.playing && t < 60_000) lab.tick((t += 33));
      const [bad, other] = lab.lanes();
      expect(bad!.error).toMatch(/^faulty failed at epoch 2: .*out of cheese/);
      expect(other!.run!.done).toBe(true);
      expect(lab.view(0).lanes[0]!.error).toBe(bad!.error);
    } finally {
      clearUserPlugins();
    }
  });
});
