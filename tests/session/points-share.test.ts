/**
 * Points added by hand are part of the setting (issue 25): the share string carries them (`dx.p`),
 * the export's string with it, and every path appends them to the data in one place
 * (prepareRuns): the lab, `run --share` and `replay` train on the same rows in the same order.
 * A bad entry is refused in one line naming it; a string without points reads as before.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';
import { MAX_ADDED_POINTS, type AddedPoint } from '../../src/data/added-points.js';
import { withDataEdit } from '../../src/scenarios/data-edit.js';
import { executeScenario, resultOf } from '../../src/scenarios/execute.js';
import { loadScenario } from '../../src/scenarios/loader.js';
import { decodeShare, encodeShare, MAX_SHARE_LENGTH, resolveShare } from '../../src/scenarios/share.js';
import { AppSession } from '../../src/session/app.js';
import { exportRuns, shareOf } from '../../src/session/export.js';
import { LabSession } from '../../src/session/lab.js';
import { ReplaySession, readRunFile } from '../../src/session/replay.js';

const dir = mkdtempSync(join(tmpdir(), 'neural-eras-points-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A share string around a hand-made payload (the check characters made as encodeShare makes them). */
const shareWith = (payload: unknown): string => {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `ne1.${body}.${createHash('sha256').update(body).digest('base64url').slice(0, 4)}`;
};
const payloadOf = (share: string) => JSON.parse(Buffer.from(share.split('.')[1]!, 'base64url').toString()) as Record<string, any>;
const refused = (share: string): string => {
  try {
    resolveShare(decodeShare(share));
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('points by hand in the share string', () => {
  // the 2-4-4-1 spiral net with three points by hand (two of class 1, one of the other), played to its verdict
  const lab = new LabSession({ scenario: 'spiral-net', run: 'net' });
  const plain = lab.view(0).share!;
  lab.edits.addPoint(-0.6913, -0.2532);
  lab.edits.addPoint(0.1234567, 0.98765, true);
  lab.edits.addPoint(1.5, -1.25);
  lab.playToMoment();
  const share = lab.view(0).share!;
  const run = lab.lanes()[0]!.run!;

  it('are written as dx.p, [x1, x2, class] in the order added, kept to 4 significant digits', () => {
    expect(payloadOf(share)['dx']).toEqual({ p: [[-0.6913, -0.2532, 1], [0.1235, 0.9877, 0], [1.5, -1.25, 1]] });
    const data = lab.lanes()[0]!.spec.data;
    expect(data.inputs.slice(-3)).toEqual([[-0.6913, -0.2532], [0.1235, 0.9877], [1.5, -1.25]]);
    expect(data.targets.slice(-3)).toEqual([[1], [-1], [1]]);
    // the screen says they are kept, not that they are lost
    lab.dispatch({ type: 'note', note: null });
    expect(lab.view(0).message).toBe('3 points added by hand, part of the data: the share string and the export carry them (u removes the last)');
  });

  it('reopen the same lab: the same rows, the same weights bit for bit', () => {
    const input = resolveShare(decodeShare(share));
    const again = new LabSession({ scenario: input.scenario, run: 'net', ...(input.seed !== undefined ? { seed: input.seed } : {}) });
    expect(again.added).toEqual(lab.added);
    again.playToMoment();
    const b = again.lanes()[0]!;
    expect(b.spec.data).toEqual(lab.lanes()[0]!.spec.data);
    expect(resultOf(b.run!, 'net').weights).toEqual(resultOf(run, 'net').weights);
    expect(again.view(0).share).toBe(share);
  });

  it('run --share trains on the same rows: the same weights and accuracy, and prints the same string', async () => {
    const cli = bufferIo();
    expect(await main(['run', '--share', share, '--json'], cli)).toBe(0);
    const out = JSON.parse(cli.stdout());
    const net = out.runs.find((r: { id: string }) => r.id === 'net');
    const mine = resultOf(run, 'net');
    expect(net.data.rows).toEqual({ train: 163, test: 40 });
    expect(net.epochs).toBe(run.epoch);
    expect(net.weights).toEqual(JSON.parse(JSON.stringify(mine.weights)));
    expect(net.metrics.accuracy).toBe(run.latest.accuracy);
    expect(out.share).toBe(share);
    // the same through the API run --share calls
    const input = resolveShare(decodeShare(share));
    const api = executeScenario(input.scenario, { params: input.params, only: ['net'] }).runs[0]!;
    expect(api.weights).toEqual(mine.weights);
  });

  it('the export carries them: replay trains the same run, everything printed the same', async () => {
    const x = exportRuns(lab, dir);
    expect(x.share).toBe(share);
    const io = bufferIo();
    expect(await main(['replay', x.json], io)).toBe(0);
    expect(io.stdout()).toContain('replayed from its share string: the same numbers, everything printed');
    const replay = new ReplaySession(x.json, readRunFile(x.json));
    replay.go(replay.last);
    expect(replay.view(0).matches).toBe(true);
    expect(replay.lab.lanes()[0]!.spec.data).toEqual(lab.lanes()[0]!.spec.data);
  });

  it('u removes them again: the string is the one without points', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'spiral-net', run: 'net' });
    app.lab!.edits.addPoint(1, 1);
    expect(payloadOf(app.lab!.view(0).share!)['dx']).toEqual({ p: [[1, 1, 1]] });
    app.key('u');
    expect(app.lab!.view(0).share).toBe(plain);
    expect(app.lab!.scenario!.dataEdit).toBeUndefined();
  });

  it('stay with the data keys, and the data keys with them', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'spiral-net', run: 'net' });
    app.lab!.edits.addPoint(0.5, 0.5);
    app.key(']');
    app.key('f');
    const s = app.lab!.view(0).share!;
    expect(payloadOf(s)['dx']).toEqual({ n: 0.05, f: ['x1^2', 'x2^2'], p: [[0.5, 0.5, 1]] });
    const data = app.lab!.lanes()[0]!.spec.data;
    expect(data.inputs.at(-1)).toEqual([0.25, 0.25]);
    expect(data.lifted!.points.at(-1)).toEqual([0.5, 0.5]);
    const again = new LabSession({ scenario: resolveShare(decodeShare(s)).scenario, run: 'net' });
    expect(again.lanes()[0]!.spec.data).toEqual(data);
  });

  it('on 2-D data that is not generated (the XOR gate) too', () => {
    const gate = new LabSession({ scenario: 'xor-backprop' });
    gate.edits.addPoint(0.5, 0.5);
    const s = gate.view(0).share!;
    expect(payloadOf(s)['dx']).toEqual({ p: [[0.5, 0.5, 1]] });
    const again = new LabSession({ scenario: resolveShare(decodeShare(s)).scenario });
    expect(again.lanes()[0]!.spec.data.inputs).toEqual([...gate.lanes()[0]!.spec.data.inputs]);
    expect(again.lanes()[0]!.spec.data.inputs).toHaveLength(5);
    // its noise still cannot be changed: the data keys say so, the points stay
    gate.edits.changeNoise(1);
    expect(gate.note).toMatch(/^the data keys change generated 2-D sets only/);
    expect(gate.view(0).share).toBe(s);
  });
});

describe('a share string with points that do not fit', () => {
  const base = payloadOf(shareOf(new LabSession({ scenario: 'spiral-net' }))!);
  const at = (p: unknown[], extra: Record<string, unknown> = {}) => refused(shareWith({ ...base, dx: { ...extra, p } }));

  it('is refused in one line naming the point', () => {
    expect(at([[0, 0, 1], [0, 0, 0], [1, 1, 1], [5000, 0, 1]])).toBe('share string: dx.p[3]: x1: 5000 is not between -1000 and 1000');
    expect(at([[0, -1e300, 1]])).toBe('share string: dx.p[0]: x2: -1e+300 is not between -1000 and 1000');
    expect(at([[0, 0, 1.5]])).toBe('share string: dx.p[0]: class 1.5 is not a class number (0, 1, …)');
    expect(at([[0, 0, -1]])).toBe('share string: dx.p[0]: class -1 is not a class number (0, 1, …)');
    expect(at([[0, 0, 1], [0, 0, 2]])).toBe("share string: dx.p[1]: class 2 is not one of the data's classes (0 to 1)");
    expect(at(Array.from({ length: MAX_ADDED_POINTS + 1 }, () => [0, 0, 1]))).toBe(`share string: dx.p: ${MAX_ADDED_POINTS + 1} points, more than the ${MAX_ADDED_POINTS} a run takes by hand`);
    expect(at([[0, 0]])).toMatch(/^share string: damaged \(dx\.p\.0: /);
    expect(at([[0, 0, '1']])).toMatch(/^share string: damaged \(dx\.p\.0\.2: /);
    expect(at([])).toMatch(/^share string: damaged \(dx\.p: /);
    // with a data edit too: the points are checked all the same
    expect(at([[0, 0, 3]], { n: 0.1 })).toBe("share string: dx.p[0]: class 3 is not one of the data's classes (0 to 1)");
  });

  it('is refused on data that takes no points by hand, naming the data', () => {
    const reg = payloadOf(shareOf(new LabSession({ scenario: 'playground-regression' }))!);
    expect(refused(shareWith({ ...reg, dx: { p: [[0, 0, 1]] } }))).toMatch(/^share string: dx\.p: .+ is a regression set \(its targets are numbers\): it takes no points by hand$/);
    const parity = payloadOf(shareOf(new LabSession({ scenario: 'parity-4' }))!);
    expect(refused(shareWith({ ...parity, dx: { p: [[0, 0, 1]] } }))).toMatch(/^share string: dx\.p: .+ is not labelled 2-D data shown as a map: it takes no points by hand$/);
  });

  it('run --share exits 2 with that one line, never a stack trace', async () => {
    const io = bufferIo();
    expect(await main(['run', '--share', shareWith({ ...base, dx: { p: [[0, 0, 1], [0, 0, 0], [1, 1, 1], [5000, 0, 1]] } })], io)).toBe(2);
    expect(io.stderr().trim()).toMatch(/share string: dx\.p\[3\]: x1: 5000 is not between -1000 and 1000$/);
    expect(io.stderr().trim().split('\n')).toHaveLength(1);
  });
});

describe('share strings without points', () => {
  it('read exactly as before: the old dx fields, the same scenario, the same string written back', () => {
    const spirals = loadScenario('spirals');
    // a string as the version before points wrote it: dx with noise, test share, features and the data seed only
    const old = shareWith({ s: 'spirals', h: spirals.fingerprint, dx: { n: 0.1, t: 0.3, f: ['x1', 'x2', 'x1^2', 'x2^2'], s: 2 } });
    const input = resolveShare(decodeShare(old));
    expect(input.scenario.dataEdit).toEqual({ noise: 0.1, testFraction: 0.3, features: ['x1', 'x2', 'x1^2', 'x2^2'], seed: 2 });
    expect(input.scenario.runs.map((r) => r.data)).toEqual(withDataEdit(spirals, { noise: 0.1, testFraction: 0.3, features: ['x1', 'x2', 'x1^2', 'x2^2'], seed: 2 }).runs.map((r) => r.data));
    expect(encodeShare(input)).toBe(old);
    const none = shareWith({ s: 'spirals', h: spirals.fingerprint, seed: 4 });
    const back = resolveShare(decodeShare(none));
    expect(back.scenario.dataEdit).toBeUndefined();
    expect(encodeShare(back)).toBe(none);
  });
});

describe('the most points a run takes', () => {
  it('fit in a share string at their longest, and the lab adds no more', () => {
    // the longest a point is written: 4 significant digits, a sign, an exponent
    const points: AddedPoint[] = Array.from({ length: MAX_ADDED_POINTS }, (_, i) => ({ x1: -1.234e-7, x2: i % 2 ? -123.4 : -0.0001234, label: 1 }));
    const full = withDataEdit(loadScenario('spiral-net'), { points });
    const text = encodeShare({ scenario: full });
    expect(text.length).toBeLessThan(MAX_SHARE_LENGTH);
    expect(resolveShare(decodeShare(text)).scenario.dataEdit!.points).toEqual(points);
    const lab = new LabSession({ scenario: full, run: 'net' });
    expect(lab.lanes()[0]!.spec.data.inputs).toHaveLength(160 + MAX_ADDED_POINTS);
    lab.edits.addPoint(0, 0);
    expect(lab.note).toBe(`points by hand: at most ${MAX_ADDED_POINTS} (u removes the last)`);
    expect(lab.added).toHaveLength(MAX_ADDED_POINTS);
  });
});
