import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Run } from '../../src/core/runner.js';
import { translator } from '../../src/i18n/index.js';
import { executeScenario } from '../../src/scenarios/execute.js';
import { decodeShare, resolveShare } from '../../src/scenarios/share.js';
import { AppSession } from '../../src/session/app.js';
import { ETA_LADDER, stepEta } from '../../src/session/eta.js';
import { exportRuns, shareOf } from '../../src/session/export.js';
import { actionOf, helpRows, LAB_KEYS } from '../../src/session/keymaps.js';
import { LabSession } from '../../src/session/lab.js';
import { ReplaySession, readRunFile } from '../../src/session/replay.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';

const dir = mkdtempSync(join(tmpdir(), 'neural-eras-eta-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = () => new LabSession({ scenario: 'xor-backprop', run: 'mlp-backprop' });
const epochs = (lab: LabSession, n: number) => {
  for (let k = 0; k < n; k++) lab.epoch();
};

describe('the η ladder', () => {
  it('steps up and down from any value', () => {
    expect(stepEta(0.03, 1)).toBe(0.1);
    expect(stepEta(0.1, 1)).toBe(0.3);
    expect(stepEta(0.5, 1)).toBe(1);
    expect(stepEta(0.5, -1)).toBe(0.3);
    expect(stepEta(ETA_LADDER.at(-1)!, 1)).toBe(ETA_LADDER.at(-1));
    expect(stepEta(ETA_LADDER[0]!, -1)).toBe(ETA_LADDER[0]);
  });
});

describe('changing η while the lab trains', () => {
  it('goes on from the same weights, with the new η from that epoch on', () => {
    const lab = open();
    epochs(lab, 5);
    const run = lab.lanes()[0]!.run!;
    const before = Array.from(run.model.flatWeights());
    lab.changeEta(1);
    expect(lab.note).toBe('mlp-backprop: η 0.5 → 1 from epoch 6, training on from the same weights');
    expect(Array.from(run.model.flatWeights())).toEqual(before);
    expect(run.changes).toEqual([{ epoch: 5, param: 'learningRate', value: 1 }]);
    expect(lab.liveSchedule.get('mlp-backprop')).toEqual([{ epoch: 5, param: 'learningRate', value: 1 }]);
    // the model says the η it trains with now
    expect(JSON.stringify(run.model.describe!())).toContain('"eta":"1"');
    epochs(lab, 5);
    // the same run made from the start with the change scheduled is the same bit for bit
    const again = new Run({ ...lab.choices[lab.index]!.spec, changes: [{ epoch: 5, param: 'learningRate', value: 1 }] });
    for (let k = 0; k < 10; k++) again.runEpoch();
    expect(again.history.map((h) => [h.loss, h.weights])).toEqual(run.history.map((h) => [h.loss, h.weights]));
    // and it differs from the run without the change after epoch 5, not before
    const plain = new Run(lab.choices[lab.index]!.spec);
    for (let k = 0; k < 10; k++) plain.runEpoch();
    expect(plain.history.slice(0, 6).map((h) => h.loss)).toEqual(run.history.slice(0, 6).map((h) => h.loss));
    expect(plain.history[6]!.loss).not.toBe(run.history[6]!.loss);
    // the view marks it for the loss chart
    expect(lab.view(0).lanes[0]!.liveMarks).toEqual([{ epoch: 5, param: 'learningRate', value: 1 }]);
  });

  it('mid-epoch, from the next epoch; a reset keeps the schedule', () => {
    const lab = new LabSession({ scenario: 'xor-backprop', run: 'mlp-backprop' });
    epochs(lab, 2);
    lab.pattern();
    lab.changeEta(-1);
    lab.changeEta(-1);
    const run = lab.lanes()[0]!.run!;
    expect(lab.note).toBe('mlp-backprop: η 0.3 → 0.1 from epoch 4 (the epoch under way finishes with η 0.3)');
    expect(run.changes).toEqual([]);
    epochs(lab, 3);
    expect(run.changes).toEqual([{ epoch: 3, param: 'learningRate', value: 0.3 }, { epoch: 3, param: 'learningRate', value: 0.1 }]);
    const losses = run.history.map((h) => h.loss);
    lab.reset();
    epochs(lab, 5);
    expect(lab.lanes()[0]!.run!.history.map((h) => h.loss)).toEqual(losses);
  });

  it('says so when no run on screen can change it', () => {
    const lab = new LabSession({ scenario: 'perceptron-xor' });
    lab.changeEta(1);
    expect(lab.note).toBe('no run on screen has a learning rate to change while it trains');
    expect(lab.liveSchedule.size).toBe(0);
  });

  it('the share string and the export carry the changes; run --share and replay make the same run bit for bit', () => {
    const lab = open();
    epochs(lab, 4);
    lab.changeEta(-1);
    epochs(lab, 6);
    lab.changeEta(1);
    lab.changeEta(1);
    lab.playToMoment();
    const run = lab.lanes()[0]!.run!;
    // 0.5 → 0.3 at epoch 4; then 0.3 → 1 → 3 at epoch 10 (two presses, applied in order)
    expect(run.changes).toEqual([{ epoch: 4, param: 'learningRate', value: 0.3 }, { epoch: 10, param: 'learningRate', value: 1 }, { epoch: 10, param: 'learningRate', value: 3 }]);
    const input = resolveShare(decodeShare(shareOf(lab)!));
    expect(input.liveSchedule?.get('mlp-backprop')).toEqual(run.changes);
    // run --share
    const cli = executeScenario(input.scenario, { params: input.params, liveSchedule: input.liveSchedule!, only: ['mlp-backprop'] }).runs[0]!;
    expect(cli.history.map((h) => h.loss)).toEqual(run.history.map((h) => h.loss));
    expect(cli.outcome).toBe(run.status.outcome);
    // replay of the export, scrubbed to its last epoch
    const file = exportRuns(lab, dir).json;
    const replay = new ReplaySession(file, readRunFile(file));
    replay.go(replay.last);
    expect(replay.view(0).matches).toBe(true);
    expect(replay.lab.lanes()[0]!.run!.changes).toEqual(run.changes);
    expect(Array.from(replay.lab.lanes()[0]!.run!.model.flatWeights())).toEqual(Array.from(run.model.flatWeights()));
    rmSync(file);
    rmSync(file.replace(/\.json$/, '.csv'));
  });

  it('refuses a schedule for a run without a learning rate, in the share string', () => {
    const lab = new LabSession({ scenario: 'perceptron-xor' });
    const share = shareOf(lab)!;
    const [v, body] = share.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    expect(() => resolveShare({ ...payload, lr: { nobody: [[1, 0.1]] } })).toThrow('share string: scenario perceptron-xor has no run "nobody" to change the learning rate of');
    expect(v).toBe('ne1');
  });
});

describe('the η keys', () => {
  it('are in the lab keymap, its help and its hints, in both languages', () => {
    expect(actionOf(LAB_KEYS, '>')).toBe('etaUp');
    expect(actionOf(LAB_KEYS, '<')).toBe('etaDown');
    expect(helpRows(LAB_KEYS).find(([k]) => k === '> <')?.[1]).toBe('η up / down as it trains (same weights)');
    expect(helpRows(LAB_KEYS, translator('ko')).find(([k]) => k === '> <')?.[1]).toBe('η 올리기 / 내리기, 같은 가중치에서 계속');
  });

  it('change η on screen and mark it on the loss curve', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'xor-backprop', run: 'mlp-backprop' });
    for (let k = 0; k < 20; k++) app.key('n');
    app.key('>');
    for (let k = 0; k < 20; k++) app.key('n');
    const text = flatten(frame(app, { columns: 160, rows: 45 }, 'none', 0)).map(stripAnsi).join('\n');
    expect(text).toContain('η→1');
    expect(text).toContain('η 0.5 → 1 from epoch 21');
    expect(app.lab!.lanes()[0]!.run!.changes).toEqual([{ epoch: 20, param: 'learningRate', value: 1 }]);
  });
});
