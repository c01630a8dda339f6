/**
 * The `.` write-out says what each model's rule did and why, in its own terms, derived from the
 * update's o and t and the kind of rule — never from whether the weights happened to change — and
 * `.` writes out one update for every model (a batch step as one step over every pattern, a deep
 * net's step layer by layer).
 */
import { describe, expect, it } from 'vitest';
import { exact, short, vector, vectorHead } from '../../src/core/format.js';
import type { UpdateRule, WeightsSnapshot } from '../../src/core/types.js';
import { translator } from '../../src/i18n/index.js';
import { MODELS } from '../../src/models/index.js';
import { LabSession } from '../../src/session/lab.js';
import type { TraceStep } from '../../src/session/lane.js';
import { stepLines } from '../../src/session/step-text.js';
import { AppSession } from '../../src/session/app.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';

/** Per built-in model: the scenario and run its updates are taken from, and the rule it must declare. */
const CASES: readonly { model: string; scenario: string; run: string; rule: UpdateRule | null; steps: number }[] = [
  { model: 'adaline', scenario: 'adaline-xor', run: 'adaline', rule: 'gradient', steps: 6 },
  { model: 'elman-rnn', scenario: 'adding-problem', run: 'elman', rule: 'gradient', steps: 2 },
  { model: 'hebbian', scenario: 'hebb-and', run: 'binary', rule: 'hebb', steps: 4 },
  { model: 'hebbian', scenario: 'hebb-and', run: 'bipolar', rule: 'hebb', steps: 4 },
  { model: 'hebbian', scenario: 'hebb-unbounded-vs-oja', run: 'oja', rule: 'hebb', steps: 3 },
  { model: 'lecun-1989', scenario: 'digits-challenge', run: 'convnet-1989', rule: 'gradient', steps: 2 },
  { model: 'logistic', scenario: 'logistic-and', run: 'logistic', rule: 'gradient', steps: 2 },
  { model: 'lstm-1997', scenario: 'adding-problem', run: 'lstm', rule: 'gradient', steps: 2 },
  { model: 'mcculloch-pitts', scenario: 'mp-gates', run: 'and', rule: null, steps: 2 },
  { model: 'mlp-backprop', scenario: 'xor-backprop', run: 'mlp-backprop', rule: 'gradient', steps: 5 },
  { model: 'mlp-dropout', scenario: 'overfitting-dropout', run: 'dropout', rule: 'gradient', steps: 2 },
  { model: 'mlp-relu', scenario: 'relu-sparsity', run: 'relu', rule: 'gradient', steps: 2 },
  { model: 'perceptron', scenario: 'perceptron-xor', run: 'perceptron', rule: 'error-correction', steps: 8 },
  { model: 'rbm-pretraining', scenario: 'pretraining-vs-random', run: 'random', rule: 'gradient', steps: 2 },
];

const en = translator('en');

/** Presses `.` n times on a lab showing one run; returns its write-outs. */
function stepped(scenario: string, run: string, n: number): { lab: LabSession; trace: readonly TraceStep[] } {
  const lab = new LabSession({ scenario, run });
  for (let i = 0; i < n; i++) lab.pattern();
  return { lab, trace: lab.lanes()[0]!.trace };
}

/** The label the rule implies, derived here independently from o, t and the rule. */
function expectedLabel(rule: UpdateRule, s: TraceStep): string {
  if (rule === 'hebb') return s.t.length ? 'Hebb has no error term: Δw = η·x·t, whatever o is' : 'no error term: Δw follows the output y alone';
  if (rule === 'error-correction') return s.o.every((o, i) => o === s.t[i]) ? 'o = t: no error, so w stays' : 'o ≠ t: an error, so w is corrected';
  const e = s.t.map((t, i) => t - s.o[i]!);
  const error = `error t − o = ${e.length === 1 ? exact(e[0]!) : e.length <= 4 ? vector(e) : `‖t − o‖ = ${short(Math.hypot(...e))}`}`;
  // a net's step is written per layer on its own line; a unit's is ‖Δw‖ on this one
  return s.layerSteps ? error : `${error}, step ‖Δw‖ = ${short(Math.hypot(...s.after.map((w, j) => w - s.before[j]!)))}`;
}

describe('every model\'s write-out label follows from o, t and its rule', () => {
  it('covers every built-in model', () => {
    expect(new Set(CASES.map((c) => c.model))).toEqual(new Set(MODELS.keys()));
  });

  for (const c of CASES) {
    it(`${c.model} on ${c.scenario} (${c.run})`, { timeout: 30_000 }, () => {
      const { lab, trace } = stepped(c.scenario, c.run, c.steps);
      if (c.rule === null) {
        // hand-wired units make no updates: nothing is written out, nothing is claimed
        expect(trace).toHaveLength(0);
        expect(lab.view(0).lanes[0]!.update).toBeNull();
        return;
      }
      expect(trace.length).toBeGreaterThan(0);
      for (const s of trace) {
        expect(s.rule).toBe(c.rule);
        const head = stepLines(s, lab.lanes()[0]!.spec.data.inputs.length, null, en)[0]!;
        expect(head.endsWith(` → ${expectedLabel(c.rule, s)}`), head).toBe(true);
        // no label of another rule's words
        if (c.rule === 'hebb') expect(head).not.toMatch(/o [≠=] t:|error t − o/);
        if (c.rule === 'error-correction') expect(head).not.toMatch(/no error term|error t − o/);
      }
    });
  }

  it('the issue\'s cases: Hebb says no error term whatever o and t are; the perceptron says error exactly when o ≠ t', () => {
    const hebb = stepped('hebb-and', 'binary', 4).trace;
    // 0/1 coding: o = 1 where t = 0 and o = 1 where t = 1 — the same words for both
    const heads = hebb.map((s) => stepLines(s, 4, null, en)[0]!);
    expect(hebb.some((s) => s.o[0] !== s.t[0])).toBe(true);
    expect(hebb.some((s) => s.o[0] === s.t[0])).toBe(true);
    for (const h of heads) expect(h).toContain('→ Hebb has no error term');
    const perceptron = stepped('perceptron-xor', 'perceptron', 8).trace;
    const kinds = new Set(perceptron.map((s) => expectedLabel('error-correction', s)));
    expect(kinds.size).toBe(2);
  });
});

describe('. writes out one update for every model', () => {
  it('Adaline\'s lecture batch step is one step over all four patterns, with its four errors', () => {
    const { lab, trace } = stepped('seed-adaline-step', 'adaline', 1);
    expect(trace).toHaveLength(1);
    const lines = stepLines(trace[0]!, 4, null, en);
    expect(lines[0]).toBe('one batch step over all 4 patterns (epoch 1): net = −0.4, 0.2, 0.2, 0.8, o = −0.4, 0.2, 0.2, 0.8, t = −1, −1, −1, 1 → error t − o = (−0.6, −1.2, −1.2, 0.2), step ‖Δw‖ = 0.157');
    expect(lines).toContain('w (−0.4, 0.6, 0.6) → (−0.54, 0.55, 0.55)');
    expect(lab.view(0).lanes[0]!.epoch).toBe(1);
  });

  it('on screen the batch step is never "pattern 1": the write-out and the weight trace name all four', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'seed-adaline-step' });
    app.key('.');
    const text = flatten(frame(app, { columns: 160, rows: 45 }, 'none', 0)).map(stripAnsi).join('\n');
    expect(text).toContain('one batch step over all 4 patterns (epoch 1)');
    expect(text).not.toMatch(/pattern 1 \(epoch/);
    // the weight trace's row for the step: epoch 1, patterns 1–4, then the weights after it
    expect(text).toMatch(/ 1 1–4 −0\.54 0\.55 0\.55 /);
  });

  it('adaline-divergence: each . is one batch step, and says so with its epoch', () => {
    const { lab, trace } = stepped('adaline-divergence', 'above', 3);
    expect(trace.map((s) => s.epoch)).toEqual([1, 2, 3]);
    expect(lab.view(0).lanes[0]!.epoch).toBe(3);
    for (const s of trace) expect(stepLines(s, 4, null, en)[0]).toMatch(new RegExp(`^one batch step over all 4 patterns \\(epoch ${s.epoch}\\)`));
  });

  it('a deep net shows its step per layer (‖ΔW‖ of all 11 layers) and the loss before → after', () => {
    const { trace } = stepped('vanishing-gradients', 'sigmoid', 1);
    const s = trace[0]!;
    expect(s.layerSteps!.map((l) => l.name)).toEqual(Array.from({ length: 11 }, (_, k) => `W${k + 1}`));
    // the vanishing gradient, in one update: the first layer moves far less than the last
    expect(s.layerSteps![0]!.norm).toBeLessThan(1e-3 * s.layerSteps![10]!.norm);
    expect(Number.isFinite(s.loss!.before) && Number.isFinite(s.loss!.after)).toBe(true);
    const lines = stepLines(s, 200, null, en);
    expect(lines[1]).toMatch(/^‖ΔW‖ per layer: W1 .*, W11 .*; loss .* → .*$/);
    // the last layer's weights are named as such, not as "w"
    expect(lines[2]).toMatch(/^W11 \(/);
  });

  /** A snapshot's named blocks as flat lists. */
  const blocksOf = (w: WeightsSnapshot): { name: string; w: number[] }[] =>
    w.kind === 'blocks' ? w.blocks.map((b) => ({ name: b.name, w: 'vector' in b ? [...b.vector] : b.rows.flat() })) : [];

  for (const [run, names] of [
    ['elman', ['Wxh', 'Whh', 'bh', 'Why', 'by']],
    ['lstm', ['Wg', 'Wi', 'Wo', 'bg', 'bi', 'bo', 'Why', 'by']],
  ] as const) {
    it(`a recurrent net (${run}) writes out one BPTT step over a sequence: o against t, ‖Δ‖ of each weight block, the loss before → after`, () => {
      const lab = new LabSession({ scenario: 'adding-problem', run });
      const lane = lab.lanes()[0]!;
      const model = lane.run!.model;
      const data = lane.spec.data;
      // everything the write-out cites, measured here before and after the one update
      const before = { blocks: blocksOf(model.snapshot()), theta: Array.from(model.flatWeights()), eval: model.evaluate(data) };
      lab.pattern();
      const after = { blocks: blocksOf(model.snapshot()), theta: Array.from(model.flatWeights()), loss: model.evaluate(data).loss };
      const s = lane.trace.at(-1)!;
      const i = s.pattern;
      const o = before.eval.outputs[i]![0]!;
      const t = data.targets[i]![0]!;
      expect(before.blocks.map((b) => b.name)).toEqual(names);
      const steps = before.blocks.map((b, k) => `${b.name} ${short(Math.hypot(...b.w.map((w, j) => after.blocks[k]!.w[j]! - w)))}`).join(', ');
      const lines = stepLines(s, data.inputs.length, null, en);
      expect(lines).toEqual([
        `sequence ${i + 1} of T = 20 steps (epoch 1): output o = ${exact(o)}, target t = ${exact(t)} → error t − o = ${exact(t - o)}`,
        `one BPTT step, ‖Δ‖ per weight block: ${steps}; loss ${short(before.eval.loss)} → ${short(after.loss)}`,
        `θ ${vectorHead(before.theta)} → ${vectorHead(after.theta)}`,
      ]);
      const ko = stepLines(s, data.inputs.length, null, translator('ko'));
      expect(ko[0]).toBe(`수열 ${i + 1}, T = 20단계 (에폭 1): 출력 o = ${exact(o)}, 목표 t = ${exact(t)} → 오차 t − o = ${exact(t - o)}`);
      expect(ko[1]).toBe(`BPTT 갱신 한 번, 가중치 묶음별 ‖Δ‖: ${steps}; 손실 ${short(before.eval.loss)} → ${short(after.loss)}`);
    });
  }

  it('RBM pretraining has no single update: . trains a whole CD-1 epoch and says so', { timeout: 30_000 }, () => {
    const { lab } = stepped('pretraining-vs-random', 'pretrained', 1);
    const lane = lab.view(0).lanes[0]!;
    expect(lane.epoch).toBe(1);
    expect(lane.wholeEpoch).toBe(1);
  });
});
