import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { executeScenario } from '../../src/scenarios/execute.js';
import { decodeShare, resolveShare } from '../../src/scenarios/share.js';
import { AppSession } from '../../src/session/app.js';
import { exportRuns, shareOf } from '../../src/session/export.js';
import { actionOf, helpRows, LAB_KEYS } from '../../src/session/keymaps.js';
import { LabSession } from '../../src/session/lab.js';
import { ReplaySession, readRunFile } from '../../src/session/replay.js';

const dir = mkdtempSync(join(tmpdir(), 'neural-eras-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lab of the spirals scenario on its 2-32-32-1 net, driven by keys as on screen. */
const spirals = () => new AppSession({ kind: 'lab', scenario: 'spirals', run: 'mlp' });
const data = (app: AppSession) => app.lab!.lanes()[0]!.spec.data;

/** A share string around a hand-made payload (the check characters made as encodeShare makes them). */
const shareWith = (payload: unknown): string => {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `ne1.${body}.${createHash('sha256').update(body).digest('base64url').slice(0, 4)}`;
};
const payloadOf = (share: string) => JSON.parse(Buffer.from(share.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('the data keys on a generated 2-D set', () => {
  it('noise: new points, the same count; the runs restart on them', () => {
    const app = spirals();
    app.key('n');
    const before = data(app);
    app.key(']');
    const after = data(app);
    expect(app.lab!.note).toBe('noise 0.03 → 0.05: new points (240 training, 60 test); the runs restart on them');
    expect(after.inputs.length).toBe(before.inputs.length);
    expect(after.inputs).not.toEqual(before.inputs);
    // the labels are drawn in the same order: only the jitter differs
    expect(after.labels).toEqual(before.labels);
    expect(app.lab!.lanes()[0]!.run?.epoch ?? 0).toBe(0);
    app.key('[');
    expect(app.lab!.note).toBe('noise 0.05 → 0: new points (240 training, 60 test); the runs restart on them');
    app.key('[');
    expect(app.lab!.note).toBe('noise is already at its end (0)');
  });

  it('test share: the train/test counts follow, bounded at 0 % and 90 %', () => {
    const app = spirals();
    app.key('}');
    expect(app.lab!.note).toBe('test share 20 % → 30 %: 210 training and 90 test points; the runs restart on them');
    expect([data(app).inputs.length, data(app).test!.inputs.length]).toEqual([210, 90]);
    app.key('{');
    app.key('{');
    app.key('{');
    expect([data(app).inputs.length, data(app).test?.inputs.length ?? 0]).toEqual([300, 0]);
    app.key('{');
    expect(app.lab!.note).toBe('test share is already at its end (0 %)');
  });

  it('d draws new points from the next data seed; the weights keep their seed', () => {
    const app = spirals();
    const before = data(app);
    app.key('d');
    expect(app.lab!.note).toBe('new points: data seed 2 (was 1), 240 training and 60 test; the runs restart on them');
    expect(data(app).inputs).not.toEqual(before.inputs);
    expect(app.lab!.seed).toBe(1);
    // once the note is gone, the line under the title says what the data is now
    app.lab!.dispatch({ type: 'note', note: null });
    expect(app.lab!.view(0).message).toBe('data changed: noise 0.03, test 20 %, features x1, x2, data seed 2 (the claims were written for the scenario file\'s data)');
  });

  it('f cycles the feature inputs: the model sees the lifted columns, the map stays over (x1, x2)', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'features-not-depth', run: 'raw' });
    const points = data(app).inputs;
    app.key('f');
    expect(app.lab!.note).toBe('features x1, x2 → x1², x2²: the runs restart on the lifted data (the map stays over x1, x2)');
    const lifted = data(app);
    expect(lifted.featureNames).toEqual(['x1²', 'x2²']);
    expect(lifted.lifted!.points).toEqual(points);
    expect(lifted.inputs[0]).toEqual([points[0]![0]! ** 2, points[0]![1]! ** 2]);
    // the raw unit on the squares now solves the circle, as the scenario's "squares" run does
    app.lab!.playToMoment();
    expect(app.lab!.lanes()[0]!.run!.status.outcome).toBe('solved');
    const view = app.lab!.view(0, [{ cols: 20, rows: 10, unitCols: 0, unitRows: 0 }]);
    expect(view.lanes[0]!.field).not.toBeNull();
    for (const next of [['x1', 'x2', 'x1²', 'x2²'], ['x1', 'x2', 'x1·x2'], ['sin x1', 'sin x2'], ['x1', 'x2', 'x1²', 'x2²', 'x1·x2', 'sin x1', 'sin x2'], ['x1', 'x2']]) {
      app.key('f');
      expect(data(app).featureNames).toEqual(next);
    }
  });

  it('are refused in one line on data that is not a generated 2-D set', () => {
    for (const id of ['xor-backprop', 'iris-setosa-versicolor']) {
      const app = new AppSession({ kind: 'lab', scenario: id });
      const share = app.lab!.view(0).share;
      for (const k of [']', '}', 'd', 'f']) {
        app.key(k);
        expect(app.lab!.note).toMatch(/^the data keys change generated 2-D sets only; this scenario trains on (gate|iris) data$/);
      }
      expect(app.lab!.view(0).share).toBe(share);
    }
  });
});

describe('a share string made after the data keys', () => {
  it('reopens the same lab: the same data, the same numbers; run --share and replay agree', () => {
    const app = spirals();
    for (const k of [']', ']', '}', 'd', 'f', 'f']) app.key(k);
    for (let k = 0; k < 3; k++) app.key('n');
    const lab = app.lab!;
    const share = lab.view(0).share!;
    expect(payloadOf(share)['dx']).toEqual({ n: 0.1, t: 0.3, f: ['x1', 'x2', 'x1^2', 'x2^2'], s: 2 });
    const input = resolveShare(decodeShare(share));
    const again = new LabSession({ scenario: input.scenario, run: 'mlp', ...(input.seed !== undefined ? { seed: input.seed } : {}) });
    for (let k = 0; k < 3; k++) again.epoch();
    const a = lab.lanes()[0]!;
    const b = again.lanes()[0]!;
    expect(b.spec.data).toEqual(a.spec.data);
    expect(b.run!.history.map((h) => h.loss)).toEqual(a.run!.history.map((h) => h.loss));
    expect(again.view(0).share).toBe(share);
    // run --share
    const cli = executeScenario(input.scenario, { params: input.params, epochs: 3, only: ['mlp'], ...(input.seed !== undefined ? { seed: input.seed } : {}) }).runs[0]!;
    expect(cli.history.map((h) => h.loss)).toEqual(a.run!.history.map((h) => h.loss));
    expect(cli.data.rows).toEqual({ train: 210, test: 90 });
    // replay of the export
    const file = exportRuns(lab, dir).json;
    const replay = new ReplaySession(file, readRunFile(file));
    replay.go(replay.last);
    expect(replay.view(0).matches).toBe(true);
    expect(replay.lab.lanes()[0]!.spec.data).toEqual(a.spec.data);
  });

  it('refuses a bad data payload in one line', () => {
    const base = payloadOf(shareOf(new LabSession({ scenario: 'spirals' }))!);
    const refused = (payload: unknown): string => {
      try {
        resolveShare(decodeShare(shareWith(payload)));
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(refused({ ...base, dx: { n: 50 } })).toBe('share string: damaged (dx.n: Too big: expected number to be <=10)');
    expect(refused({ ...base, dx: { t: 0.95 } })).toBe('share string: damaged (dx.t: Too big: expected number to be <=0.9)');
    expect(refused({ ...base, dx: { f: ['x3'] } })).toMatch(/^share string: damaged \(dx\.f\.0: /);
    expect(refused({ ...base, dx: {} })).toBe('share string: damaged (dx: changes nothing)');
    expect(refused({ ...base, dx: { f: ['x1', 'x1'] } })).toBe('share string: dx: features: x1 is listed twice');
    expect(refused({ ...base, ds: 3, dx: { s: 4 } })).toBe('share string: damaged (payload: gives the data seed twice (ds and dx.s))');
    const xor = payloadOf(shareOf(new LabSession({ scenario: 'xor-backprop' }))!);
    expect(refused({ ...xor, dx: { n: 0.1 } })).toBe('share string: dx: scenario xor-backprop trains on gate data, not a generated 2-D set: its noise, test share and features cannot be changed');
    for (const m of [refused({ ...base, dx: { n: 50 } }), refused({ ...xor, dx: { n: 0.1 } })]) expect(m).not.toContain('\n');
  });
});

describe('the data keys in the keymap', () => {
  it('are in the lab keymap, its help and its hints, in both languages', () => {
    expect([']', '[', '}', '{', 'd', 'f'].map((k) => actionOf(LAB_KEYS, k))).toEqual(['noiseUp', 'noiseDown', 'testUp', 'testDown', 'newData', 'features']);
    expect(helpRows(LAB_KEYS).find(([k]) => k === '[ ]')?.[1]).toBe('noise up / down (generated 2-D data: new points, the runs restart)');
    expect(helpRows(LAB_KEYS, translator('ko')).find(([k]) => k === 'f')?.[1]).toBe('다음 특성 묶음 (o: 입력마다 켜기/끄기)');
  });
});
