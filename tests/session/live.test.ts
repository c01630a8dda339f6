/**
 * Live changes (issue 25): every live parameter of the MLPs changes while the run trains on from
 * the same weights, at an epoch's start; the share string and the export carry the schedule, and a
 * replay is the same run bit for bit. The live row (`o`) drives it from the keyboard, and the
 * feature inputs are toggles there (they restart the runs: the input width changes).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Run } from '../../src/core/runner.js';
import { ModelConfigError } from '../../src/core/types.js';
import { translator } from '../../src/i18n/index.js';
import { executeScenario } from '../../src/scenarios/execute.js';
import { decodeShare, encodeShare, resolveShare } from '../../src/scenarios/share.js';
import { AppSession } from '../../src/session/app.js';
import { exportRuns, shareOf } from '../../src/session/export.js';
import { actionOf, helpRows, LAB_KEYS, LIVE_KEYS } from '../../src/session/keymaps.js';
import { LabSession } from '../../src/session/lab.js';
import { liveRowText, stepLive } from '../../src/session/live.js';
import { EN_TR } from '../../src/i18n/index.js';
import { ReplaySession, readRunFile } from '../../src/session/replay.js';
import { findModel } from '../../src/models/index.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';

const dir = mkdtempSync(join(tmpdir(), 'neural-eras-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bits = (x: ArrayLike<number>): bigint[] => [...new BigUint64Array(Float64Array.from(x).buffer)];
const epochs = (lab: LabSession, n: number) => {
  for (let k = 0; k < n; k++) lab.epoch();
};
/** The XOR net at η 0.03 (slow enough to train on for a while). */
const slowXor = () => new LabSession({ scenario: 'xor-backprop', run: 'mlp-backprop', overrides: new Map([['mlp-backprop', { learningRate: 0.03 }]]) });
const shareWith = (payload: unknown): string => {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `ne1.${body}.${createHash('sha256').update(body).digest('base64url').slice(0, 4)}`;
};
const payloadOf = (share: string) => JSON.parse(Buffer.from(share.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('live changes in the lab', () => {
  it('η 0.03 → 0.3 and a momentum change mid-run: same weights on, marked, and replayed bit for bit', () => {
    const lab = slowXor();
    epochs(lab, 10);
    const run = lab.lanes()[0]!.run!;
    const before = bits(run.model.flatWeights());
    lab.toggleLive();
    // the first knob is η: two steps right, 0.03 → 0.1 → 0.3
    lab.liveStep(1);
    lab.liveStep(1);
    expect(lab.note).toBe('mlp-backprop: η 0.1 → 0.3 from epoch 11, training on from the same weights');
    expect(bits(run.model.flatWeights())).toEqual(before);
    epochs(lab, 10);
    // the next knob is μ: one step left, 0.9 → 0.8
    lab.liveMove(1);
    lab.liveStep(-1);
    expect(lab.note).toBe('mlp-backprop: μ 0.9 → 0.8 from epoch 21, training on from the same weights');
    epochs(lab, 10);
    expect(run.changes).toEqual([
      { epoch: 10, param: 'learningRate', value: 0.1 },
      { epoch: 10, param: 'learningRate', value: 0.3 },
      { epoch: 20, param: 'momentum', value: 0.8 },
    ]);
    // the curve is continuous: the first ten epochs are the unchanged run's, the next differ
    const plain = new Run(lab.choices[lab.index]!.spec.changes ? { ...lab.choices[lab.index]!.spec, changes: [] } : lab.choices[lab.index]!.spec);
    for (let k = 0; k < 11; k++) plain.runEpoch();
    expect(plain.history.slice(0, 11).map((h) => h.loss)).toEqual(run.history.slice(0, 11).map((h) => h.loss));
    expect(plain.history[11]!.loss).not.toBe(run.history[11]!.loss);
    // marked on the loss chart's data
    expect(lab.view(0).lanes[0]!.liveMarks.map((m) => `${m.param}@${m.epoch}`)).toEqual(['learningRate@10', 'learningRate@10', 'momentum@20']);
    // the share string carries the schedule as lv triples; run --share makes the same run
    const share = shareOf(lab)!;
    expect(payloadOf(share)['lv']).toEqual({ 'mlp-backprop': [[10, 'learningRate', 0.1], [10, 'learningRate', 0.3], [20, 'momentum', 0.8]] });
    expect(payloadOf(share)['lr']).toBeUndefined();
    const input = resolveShare(decodeShare(share));
    const cli = executeScenario(input.scenario, { params: input.params, liveSchedule: input.liveSchedule!, only: ['mlp-backprop'], epochs: 30 }).runs[0]!;
    expect(cli.history.map((h) => h.loss)).toEqual(run.history.map((h) => h.loss));
    // the export, replayed to its last epoch: the same weights bit for bit
    const file = exportRuns(lab, dir).json;
    const replay = new ReplaySession(file, readRunFile(file));
    replay.go(replay.last);
    expect(replay.view(0).matches).toBe(true);
    const again = replay.lab.lanes()[0]!.run!;
    expect(again.changes).toEqual(run.changes);
    expect(again.epoch).toBe(30);
    expect(bits(again.model.flatWeights())).toEqual(bits(run.model.flatWeights()));
  });

  it('every live parameter of the MLP changes from the same weights and is replayed exactly', () => {
    const lab = slowXor();
    epochs(lab, 3);
    const run = lab.lanes()[0]!.run!;
    const w = bits(run.model.flatWeights());
    const made: string[] = [];
    for (const [param, way] of [['weightDecay', 1], ['l1', 1], ['batchSize', 1], ['activation', 1], ['keepHidden', -1], ['keepInput', -1]] as const) {
      lab.changeLive(param, way);
      made.push(lab.note!);
    }
    expect(made).toEqual([
      'mlp-backprop: L2 λ 0 → 0.0001 from epoch 4, training on from the same weights',
      'mlp-backprop: L1 λ₁ 0 → 0.0001 from epoch 4, training on from the same weights',
      'mlp-backprop: batch 1 → 2 from epoch 4, training on from the same weights',
      'mlp-backprop: activation sigmoid → tanh from epoch 4, training on from the same weights',
      'mlp-backprop: keep p hidden 1 → 0.9 from epoch 4, training on from the same weights',
      'mlp-backprop: keep p input 1 → 0.9 from epoch 4, training on from the same weights',
    ]);
    expect(bits(run.model.flatWeights())).toEqual(w);
    // the model trains with them: two updates an epoch of four patterns, tanh units, dropout (no cycle check)
    epochs(lab, 2);
    expect(run.latest.updates).toBe(2);
    expect(run.model.deterministicEpochs).toBe(false);
    // on four patterns a batch of 4 or more is the full batch, and the row says so
    lab.changeLive('batchSize', 1);
    lab.toggleLive();
    expect(lab.view(0).live!.knobs.find((k) => k.label === 'batch')?.value).toBe('4 = full');
    expect(JSON.stringify(run.model.describe!())).toContain('tanh');
    const file = exportRuns(lab, dir).json;
    const replay = new ReplaySession(file, readRunFile(file));
    replay.go(replay.last);
    expect(bits(replay.lab.lanes()[0]!.run!.model.flatWeights())).toEqual(bits(run.model.flatWeights()));
  });

  it('mid-epoch, a change waits for the next epoch and says so', () => {
    const lab = slowXor();
    epochs(lab, 2);
    lab.pattern();
    lab.changeLive('momentum', -1);
    expect(lab.note).toBe('mlp-backprop: μ 0.9 → 0.8 from epoch 4 (the epoch under way finishes with μ 0.9)');
    expect(lab.lanes()[0]!.run!.changes).toEqual([]);
    lab.epoch();
    // the epoch under way closed (3); the change comes at the next one's start
    expect(lab.lanes()[0]!.run!.changes).toEqual([]);
    lab.epoch();
    expect(lab.lanes()[0]!.run!.changes).toEqual([{ epoch: 3, param: 'momentum', value: 0.8 }]);
  });

  it('at a ladder\'s end, or on a run that cannot change, says so and records nothing', () => {
    const lab = slowXor();
    lab.changeLive('momentum', 1);
    lab.changeLive('momentum', 1);
    lab.changeLive('momentum', 1);
    lab.changeLive('momentum', 1);
    expect(lab.note).toBe('mlp-backprop: μ is already at its end (0.99)');
    expect(lab.liveSchedule.get('mlp-backprop')?.map((c) => c.value)).toEqual([0.95, 0.99]);
    const perceptron = new LabSession({ scenario: 'perceptron-xor' });
    perceptron.changeLive('momentum', 1);
    expect(perceptron.note).toBe('no run on screen can change μ while it trains');
    expect(perceptron.liveSchedule.size).toBe(0);
  });
});

describe('the ladders', () => {
  const params = findModel('mlp-backprop')!.meta.params;
  it('step each live parameter within its schema', () => {
    expect(stepLive('momentum', params['momentum']!, 0.9, 1)).toBe(0.95);
    expect(stepLive('batchSize', params['batchSize']!, 256, 1)).toBe(0);
    expect(stepLive('batchSize', params['batchSize']!, 0, 1)).toBeUndefined();
    expect(stepLive('batchSize', params['batchSize']!, 0, -1)).toBe(256);
    expect(stepLive('batchSize', params['batchSize']!, 5, -1)).toBe(4);
    expect(stepLive('keepHidden', params['keepHidden']!, 1, 1)).toBeUndefined();
    const words = (params['activation'] as { values: readonly string[] }).values;
    const at = words.indexOf('sigmoid');
    expect(stepLive('activation', params['activation']!, 'sigmoid', -1)).toBe(words[(at - 1 + words.length) % words.length]);
    expect(stepLive('activation', params['activation']!, words.at(-1)!, 1)).toBe(words[0]);
  });
});

describe('the runner and the share string check a schedule', () => {
  it('refuses a change of a parameter that is not live, or out of its range', () => {
    const lab = slowXor();
    const spec = lab.choices[lab.index]!.spec;
    expect(() => new Run({ ...spec, changes: [{ epoch: 1, param: 'hidden', value: 3 }] })).toThrow(ModelConfigError);
    expect(() => new Run({ ...spec, changes: [{ epoch: 1, param: 'hidden', value: 3 }] })).toThrow('mlp-backprop: hidden: cannot change while the model trains');
    expect(() => new Run({ ...spec, changes: [{ epoch: 1, param: 'momentum', value: 2 }] })).toThrow('mlp-backprop: momentum: expected a number in [0, 0.9999], got 2');
    expect(() => new Run({ ...spec, changes: [{ epoch: 1, param: 'activation', value: 'nope' }] })).toThrow('activation: expected one of');
    const perceptron = new LabSession({ scenario: 'perceptron-xor' }).choices[0]!.spec;
    expect(() => new Run({ ...perceptron, changes: [{ epoch: 1, param: 'learningRate', value: 1 }] })).toThrow('perceptron cannot change its parameters while it trains');
  });

  it('an η-only schedule is written as the old lr pairs, and an old lr string decodes as before', () => {
    const lab = slowXor();
    epochs(lab, 2);
    lab.changeEta(1);
    const payload = payloadOf(shareOf(lab)!);
    expect(payload['lr']).toEqual({ 'mlp-backprop': [[2, 0.1]] });
    expect(payload['lv']).toBeUndefined();
    // a string as the version before live changes wrote it
    const old = shareWith({ s: 'xor-backprop', h: payload['h'], lr: { 'mlp-backprop': [[5, 1], [7, 0.3]] } });
    expect(resolveShare(decodeShare(old)).liveSchedule?.get('mlp-backprop')).toEqual([
      { epoch: 5, param: 'learningRate', value: 1 },
      { epoch: 7, param: 'learningRate', value: 0.3 },
    ]);
  });

  it('refuses a bad lv with a message naming the field', () => {
    const h = payloadOf(shareOf(slowXor())!)['h'];
    const resolve = (lv: unknown, extra: object = {}) => () => resolveShare(decodeShare(shareWith({ s: 'xor-backprop', h, lv, ...extra })));
    expect(resolve({ 'mlp-backprop': [[1, 'hidden', 3]] })).toThrow('share string: lv.mlp-backprop: hidden: cannot change while the model trains');
    expect(resolve({ 'mlp-backprop': [[1, 'momentum', 5]] })).toThrow('share string: lv.mlp-backprop: momentum: expected a number in [0, 0.9999], got 5');
    // an η schedule for a model whose η is not live (the perceptron's) is refused when read, as lv's are
    const perceptronH = payloadOf(shareOf(new LabSession({ scenario: 'perceptron-xor' }))!)['h'];
    expect(() => resolveShare(decodeShare(shareWith({ s: 'perceptron-xor', h: perceptronH, lr: { perceptron: [[1, 0.5]] } })))).toThrow('share string: lr.perceptron: learningRate: cannot change while the model trains');
    expect(resolve({ nobody: [[1, 'momentum', 0.5]] })).toThrow('share string: scenario xor-backprop has no run "nobody" to change parameters of');
    expect(resolve({ 'mlp-backprop': [[-1, 'momentum', 0.5]] })).toThrow('share string: damaged (lv.mlp-backprop.0.0:');
    expect(resolve({ 'mlp-backprop': [[1, 'momentum', 0.5]] }, { lr: { 'mlp-backprop': [[1, 0.1]] } })).toThrow("share string: damaged (payload: gives a run's changes twice (lr and lv))");
    // encodeShare writes a mixed schedule as lv and it comes back the same
    const lab = slowXor();
    lab.changeLive('activation', 1);
    lab.changeEta(1);
    const schedule = lab.liveSchedule;
    const input = resolveShare(decodeShare(encodeShare({ scenario: lab.scenario!, liveSchedule: schedule })));
    expect(input.liveSchedule).toEqual(schedule);
  });
});

describe('the live row on screen', () => {
  it('o opens it; arrows choose and change; Esc closes; other lab keys still work', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'xor-backprop', run: 'mlp-backprop' });
    for (let k = 0; k < 5; k++) app.key('n');
    app.key('o');
    expect(app.lab!.liveOpen).toBe(true);
    app.key('down');
    app.key('left');
    expect(app.lab!.note).toBe('mlp-backprop: μ 0.9 → 0.8 from epoch 6, training on from the same weights');
    // n still trains an epoch while the row is open (→ belongs to the row)
    app.key('n');
    app.key('right');
    expect(app.lab!.lanes()[0]!.run!.epoch).toBe(6);
    for (let k = 0; k < 5; k++) app.key('n');
    const text = flatten(frame(app, { columns: 160, rows: 45 }, 'none', 0)).map(stripAnsi).join('\n');
    expect(text).toContain('live: η 0.5 · [μ 0.9] · L2 λ 0 · L1 λ₁ 0 · keep p hidden 1 · keep p input 1 · batch 1 · activation sigmoid');
    expect(text).toContain('mlp-backprop: μ 0.8 → 0.9 from epoch 7, training on from the same weights');
    expect(text).toContain('μ→0.8');
    expect(text).toContain('↑↓ knob');
    app.key('escape');
    expect(app.lab!.liveOpen).toBe(false);
    // Esc again leaves the lab as before
    app.key('escape');
    expect(app.kind).toBe('timeline');
  });

  it('keeps to one line: the knobs around the selected one give way', () => {
    const lab = slowXor();
    lab.toggleLive();
    for (let k = 0; k < 4; k++) lab.liveMove(1);
    const view = lab.view(0).live!;
    expect(liveRowText(view, lab.tr, 60)).toBe('live: … · L1 λ₁ 0 · [keep p hidden 1] · keep p input 1 · …');
    expect(liveRowText(view, lab.tr, 60).length).toBeLessThanOrEqual(60);
  });

  it('with no knob on screen says so in one clause (no empty list before it)', () => {
    expect(liveRowText({ knobs: [], at: 0, hint: 'no run on screen has a parameter that can change while it trains' }, EN_TR, 100)).toBe('live: no run on screen has a parameter that can change while it trains');
  });

  it('the keys are in the keymaps, their help and hints, in both languages', () => {
    expect(actionOf(LAB_KEYS, 'o')).toBe('live');
    expect(actionOf(LIVE_KEYS, 'escape')).toBe('close');
    expect(helpRows(LIVE_KEYS).map(([k]) => k)).toEqual(['↑ ↓', '← →', 'Esc o']);
    expect(helpRows(LAB_KEYS, translator('ko')).find(([k]) => k === 'o')?.[1]).toContain('실시간 줄');
    expect(helpRows(LIVE_KEYS, translator('ko')).find(([k]) => k === 'Esc o')?.[1]).toBe('실시간 줄 닫기');
  });

  it('speaks Korean too', () => {
    const lab = new LabSession({ scenario: 'xor-backprop', run: 'mlp-backprop', tr: translator('ko') });
    lab.changeLive('momentum', -1);
    expect(lab.note).toBe('mlp-backprop: μ 0.9 → 0.8, 에폭 1부터, 같은 가중치에서 계속 학습');
  });
});

describe('feature inputs as toggles', () => {
  const spirals = () => new AppSession({ kind: 'lab', scenario: 'spirals', run: 'mlp' });
  it('each feature on or off in the live row; the runs restart (the input width changes) and the share string carries it', () => {
    const app = spirals();
    app.key('n');
    app.key('o');
    const knobs = app.lab!.view(0).live!.knobs;
    const first = knobs.findIndex((k) => !k.live);
    expect(knobs.slice(first).map((k) => `${k.label} ${k.value}`)).toEqual(['x1 on', 'x2 on', 'x1² off', 'x2² off', 'x1·x2 off', 'sin x1 off', 'sin x2 off']);
    for (let k = 0; k < first + 2; k++) app.key('down');
    app.key('right');
    expect(app.lab!.note).toBe('features x1, x2 → x1, x2, x1²: the runs restart on the lifted data (the map stays over x1, x2)');
    expect(app.lab!.lanes()[0]!.spec.data.inputs[0]!.length).toBe(3);
    expect(app.lab!.lanes()[0]!.run!.epoch).toBe(0);
    expect(payloadOf(shareOf(app.lab!)!)['dx']).toEqual({ f: ['x1', 'x2', 'x1^2'] });
    // x1 and x2 off: x1² alone stays, and cannot go
    app.lab!.edits.toggleFeature('x1');
    app.lab!.edits.toggleFeature('x2');
    app.lab!.edits.toggleFeature('x1^2');
    expect(app.lab!.note).toBe('x1² is the last feature input on: at least one stays on');
    expect(app.lab!.features()).toEqual(['x1^2']);
    const text = flatten(frame(app, { columns: 160, rows: 45 }, 'none', 0)).map(stripAnsi).join('\n');
    expect(text).toContain('* a feature input: on/off changes the input width, the runs restart');
  });

  it('a scenario on other data has no feature knobs', () => {
    const lab = slowXor();
    lab.toggleLive();
    expect(lab.view(0).live!.knobs.every((k) => k.live)).toBe(true);
  });
});
