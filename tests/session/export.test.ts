import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/commands/io.js';
import { main } from '../../src/cli-main.js';
import { translator } from '../../src/i18n/index.js';
import { AppSession } from '../../src/session/app.js';
import { exportRuns } from '../../src/session/export.js';
import { LabSession } from '../../src/session/lab.js';
import { ReplaySession, readRunFile } from '../../src/session/replay.js';

const dir = mkdtempSync(join(tmpdir(), 'neural-eras-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('taking a run away', () => {
  it('e writes the runs on screen as JSON and CSV, never over an earlier export, and the lab shows its share string', () => {
    const lab = new LabSession({ scenario: 'xor-backprop', compare: ['perceptron', 'mlp-backprop'], seed: 3 });
    lab.playToMoment();
    const a = exportRuns(lab, dir);
    const b = exportRuns(lab, dir);
    expect(a.json).not.toBe(b.json);
    const doc = JSON.parse(readFileSync(a.json, 'utf8'));
    expect(doc.format).toBe('neural-eras/run@1');
    expect(doc.seed).toBe(3);
    expect(doc.runs.map((r: { id: string }) => r.id)).toEqual(['perceptron', 'mlp-backprop']);
    // the whole run: every epoch from 0 to the verdict
    const mlp = doc.runs[1];
    expect(mlp.history.map((h: { epoch: number }) => h.epoch)).toEqual(Array.from({ length: mlp.epochs + 1 }, (_, e) => e));
    const csv = readFileSync(a.csv, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('run,model,seed,epoch,loss,accuracy,testLoss,testAccuracy,updates,gradNorm1,gradNorm2');
    expect(csv).toHaveLength(1 + doc.runs.reduce((n: number, r: { history: unknown[] }) => n + r.history.length, 0));
    expect(lab.view(0).share).toBe(doc.share);
  });

  it('the e key says where it wrote', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const app = new AppSession({ kind: 'lab', scenario: 'perceptron-xor' });
      app.lab!.playToMoment();
      app.key('e');
      expect(app.lab!.note).toMatch(/^wrote perceptron-xor-seed1-epoch3\.json \(the whole run\) and perceptron-xor-seed1-epoch3\.csv .*; share ne1\./);
      // In Korean the note says the same, with the same file names (the second export gets a new name).
      const ko = new AppSession({ kind: 'lab', scenario: 'perceptron-xor' }, undefined, undefined, translator('ko'));
      ko.lab!.playToMoment();
      ko.key('e');
      expect(ko.lab!.note).toMatch(/^perceptron-xor-seed1-epoch3-\d+\.json\(실행 전체\)와 perceptron-xor-seed1-epoch3-\d+\.csv\(에폭별 기록\)에 썼습니다\. 공유 문자열 ne1\./);
    } finally {
      process.chdir(cwd);
    }
  });

  it('a replay rebuilds the runs from the share string: every recorded epoch shows the file\'s numbers', () => {
    const lab = new LabSession({ scenario: 'adaline-divergence', compare: true });
    lab.playToMoment();
    const x = exportRuns(lab, dir);
    const replay = new ReplaySession(x.json, readRunFile(x.json));
    expect(replay.last).toBe(95);
    for (const k of [1, 2, 9, 50, 95, 40, 0]) {
      replay.go(k);
      expect(replay.view(0).matches, `epoch ${k}`).toBe(true);
      expect(replay.lab.lanes()[1]!.run!.epoch).toBe(k);
    }
  });

  it('replay off a terminal prints the run and checks it against its share string; a file that is not a run exits 2', async () => {
    const lab = new LabSession({ scenario: 'perceptron-xor' });
    lab.playToMoment();
    const x = exportRuns(lab, dir);
    const io = bufferIo();
    expect(await main(['replay', x.json], io)).toBe(0);
    expect(io.stdout()).toContain('replayed from its share string: the same numbers, epoch for epoch');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"x"}');
    const io2 = bufferIo();
    expect(await main(['replay', bad], io2)).toBe(2);
    expect(io2.stderr()).toMatch(/not an exported run/);
  });
});

describe('the challenge in the lab', () => {
  it('every run decided in a challenge lab is kept in the leaderboard, best per model, and the lab lists it', () => {
    const data = mkdtempSync(join(tmpdir(), 'neural-eras-board-'));
    const was = process.env['NEURAL_ERAS_DATA'];
    process.env['NEURAL_ERAS_DATA'] = data;
    try {
      const lab = new LabSession({ scenario: 'digits-challenge', epochs: 1 });
      expect(lab.view(0).leaderboard).toEqual(['no results yet: every run decided here is kept, best per model']);
      lab.playToMoment();
      const file = JSON.parse(readFileSync(join(data, 'leaderboard.json'), 'utf8'));
      expect(Object.keys(file.best)).toEqual(['digits-challenge/lecun-1989']);
      expect(lab.note).toMatch(/^new best for lecun-1989: kept in the leaderboard/);
      const board = lab.view(0).leaderboard!;
      expect(board).toHaveLength(1);
      expect(board[0]).toMatch(/^1\. .*\[lecun-1989\] test \d+(\.\d)?% · /);
    } finally {
      if (was === undefined) delete process.env['NEURAL_ERAS_DATA'];
      else process.env['NEURAL_ERAS_DATA'] = was;
      rmSync(data, { recursive: true, force: true });
    }
  }, 60_000);
});
