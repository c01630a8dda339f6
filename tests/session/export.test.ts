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
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';

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
      // The status line says it too, at every size, and a second press says it wrote a second pair.
      const bar = (w: number, h: number): string => flatten(frame(app, { columns: w, rows: h }, 'none', 0)).map(stripAnsi).find((l) => l.startsWith(' ⏸'))!;
      for (const [w, h] of [[80, 24], [100, 30], [200, 60]] as const) expect(bar(w, h)).toContain('e wrote perceptron-xor-seed1-epoch3.json and .csv');
      app.key('e');
      expect(app.lab!.note).toMatch(/^wrote pair 2: perceptron-xor-seed1-epoch3-2\.json/);
      expect(bar(80, 24)).toContain('e wrote pair 2: perceptron-xor-seed1-epoch3-2.json and .csv');
      // In Korean the note says the same, with the same file names (the second export gets a new name).
      const ko = new AppSession({ kind: 'lab', scenario: 'perceptron-xor' }, undefined, undefined, translator('ko'));
      ko.lab!.playToMoment();
      ko.key('e');
      expect(ko.lab!.note).toMatch(/^perceptron-xor-seed1-epoch3-\d+\.json\(실행 전체\)와 perceptron-xor-seed1-epoch3-\d+\.csv\(에폭별 기록\)에 썼습니다\. 공유 문자열 ne1\./);
    } finally {
      process.chdir(cwd);
    }
  });

  it('y takes the share string whole: a file of its own, the clipboard, and on screen whole at any width', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const app = new AppSession({ kind: 'lab', scenario: 'xor-backprop' });
      const share = app.lab!.view(0).share!;
      app.key('y');
      expect(readFileSync(join(dir, 'xor-backprop-seed1.share.txt'), 'utf8')).toBe(`${share}\n`);
      expect(app.clipboard).toBe(share);
      app.key('y');
      expect(readFileSync(join(dir, 'xor-backprop-seed1-2.share.txt'), 'utf8')).toBe(`${share}\n`);
      const status = flatten(frame(app, { columns: 80, rows: 24 }, 'none', 0)).map(stripAnsi).find((l) => l.includes('y wrote the share string to xor-backprop-seed1-2.share.txt'));
      expect(status).toBeDefined();
      // Without a note, the string is on screen whole: with its explanation, alone, or broken at the width.
      const lab = new AppSession({ kind: 'lab', scenario: 'xor-backprop' });
      for (const [w, h] of [[80, 24], [100, 30], [200, 60]] as const) {
        const text = flatten(frame(lab, { columns: w, rows: h }, 'none', 0)).map(stripAnsi).map((l) => l.trimEnd());
        const s = lab.lab!.view(0).share!;
        expect(text.join('').replaceAll(' ', '').includes(s) || text.some((l) => l.includes(s)), `${w}×${h}`).toBe(true);
      }
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

  it('a model tried on the data (m) is in the share string and the export replays it; run --share trains it too (issue 19)', async () => {
    const lab = new LabSession({ scenario: 'perceptron-xor', run: 'logistic', epochs: 30 });
    expect(lab.lanes().map((l) => l.spec.id)).toEqual(['logistic']);
    lab.playToMoment();
    const x = exportRuns(lab, dir);
    const { decodeShare } = await import('../../src/scenarios/share.js');
    expect(decodeShare(x.share).t).toEqual(['logistic']);
    const io = bufferIo();
    expect(await main(['replay', x.json], io)).toBe(0);
    expect(io.stdout()).toContain('the same numbers, everything printed');
    const again = bufferIo();
    expect(await main(['run', '--share', x.share, '--json'], again)).toBe(0);
    const runs = JSON.parse(again.stdout()).runs as { id: string }[];
    expect(runs.map((r) => r.id)).toContain('logistic');
    expect(JSON.parse(again.stdout()).share).toBe(x.share);
  });

  it('an untampered export with NaN in it replays as the same numbers (NaN is "NaN" on both sides)', async () => {
    const lab = new LabSession({ scenario: 'adaline-divergence', compare: true });
    lab.playToMoment();
    const x = exportRuns(lab, dir);
    expect(readFileSync(x.json, 'utf8')).toMatch(/"(NaN|Infinity|-Infinity)"/);
    const io = bufferIo();
    expect(await main(['replay', x.json], io)).toBe(0);
    expect(io.stdout()).toContain('the same numbers, everything printed');
  });

  it('replay off a terminal prints the run and checks it against its share string; a file that is not a run exits 2', async () => {
    const lab = new LabSession({ scenario: 'perceptron-xor' });
    lab.playToMoment();
    const x = exportRuns(lab, dir);
    const io = bufferIo();
    expect(await main(['replay', x.json], io)).toBe(0);
    expect(io.stdout()).toContain('replayed from its share string: the same numbers, everything printed');
    // issue 18: a tampered file is not certified — whatever it prints is compared, not only the history
    const doc = JSON.parse(readFileSync(x.json, 'utf8'));
    const tampered: [string, (d: any) => void, string][] = [
      ['outcome', (d) => (d.runs[0].outcome = d.runs[0].outcome === 'solved' ? 'truncated' : 'solved'), 'runs[0].outcome'],
      ['metric', (d) => (d.runs[0].metrics.accuracy = 0.123), 'runs[0].metrics.accuracy'],
      ['claim', (d) => (d.runs[0].claims = [{ claim: 'it flies', holds: true }]), 'runs[0].claims[0].claim'],
      ['weights', (d) => (d.runs[0].weights = [9, 9, 9]), 'runs[0].weights[0]'],
      ['epochs', (d) => (d.runs[0].epochs += 1), 'runs[0].epochs'],
    ];
    for (const [name, change, where] of tampered) {
      const copy = structuredClone(doc);
      change(copy);
      const file = join(dir, `tampered-${name}.json`);
      writeFileSync(file, JSON.stringify(copy));
      const t = bufferIo();
      expect(await main(['replay', file], t), name).toBe(1);
      expect(t.stdout()).toContain(`the file differs from the run at ${where}`);
    }
    // run files are validated like scenarios: a run without its history or metrics is named, exit 2
    for (const [field, message] of [['history', /runs\[0\]\.history: /], ['metrics', /runs\[0\]\.metrics: /], ['claims', /runs\[0\]\.claims: /]] as const) {
      const copy = structuredClone(doc);
      delete copy.runs[0][field];
      const file = join(dir, `missing-${field}.json`);
      writeFileSync(file, JSON.stringify(copy));
      const t = bufferIo();
      expect(await main(['replay', file], t)).toBe(2);
      expect(t.stderr().trim().split('\n')).toHaveLength(1);
      expect(t.stderr()).toMatch(new RegExp(`missing-${field}\\.json: `));
      expect(t.stderr()).toMatch(message);
    }
    // a share string it cannot use is refused naming the file
    const wrongShare = join(dir, 'wrong-share.json');
    writeFileSync(wrongShare, JSON.stringify({ ...doc, share: 'ne1.xxxx.yyyy' }));
    const w = bufferIo();
    expect(await main(['replay', wrongShare], w)).toBe(2);
    expect(w.stderr()).toMatch(/wrong-share\.json: its share string: damaged/);
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
