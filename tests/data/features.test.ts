import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';
import { buildDataset } from '../../src/data/datasets.js';
import { FEATURES, liftDataset, liftPacked, liftPoint } from '../../src/data/features.js';
import { resolveParams } from '../../src/core/params.js';
import { createRng } from '../../src/core/rng.js';
import { logistic } from '../../src/models/logistic.js';
import { parseScenario, ScenarioError } from '../../src/scenarios/loader.js';
import { computeField, domainOf, lineOf, overPlane } from '../../src/session/field.js';

const circles = (features?: string[]) => buildDataset({ kind: 'circles', n: 40, testFraction: 0.25, ...(features ? { features: features as never } : {}) }, createRng(7));

describe('feature inputs', () => {
  it('computes each feature from (x1, x2)', () => {
    expect(liftPoint([...FEATURES], 0.5, -2)).toEqual([0.5, -2, 0.25, 4, -1, Math.sin(0.5), Math.sin(-2)]);
    const X = new Float64Array([0.5, -2, 3, 0.1]);
    expect(Array.from(liftPacked(['x1*x2', 'x2^2'], X, 2))).toEqual([-1, 4, 3 * 0.1, 0.1 * 0.1]);
  });

  it('replaces the inputs of train and test rows, names the columns and keeps the points', () => {
    const raw = circles();
    const sq = circles(['x1^2', 'x2^2', 'x1*x2']);
    expect(sq.featureNames).toEqual(['x1²', 'x2²', 'x1·x2']);
    expect(sq.labels).toEqual(raw.labels);
    expect(sq.targets).toEqual(raw.targets);
    expect(sq.lifted!.points).toEqual(raw.inputs);
    sq.inputs.forEach((x, i) => {
      const [a, b] = raw.inputs[i]!;
      expect(x).toEqual([a! * a!, b! * b!, a! * b!]);
    });
    expect(sq.test!.inputs).toHaveLength(10);
    expect(sq.test!.lifted!.points).toEqual(raw.test!.inputs);
    expect(sq.test!.inputs[0]).toEqual([raw.test!.inputs[0]![0]! ** 2, raw.test!.inputs[0]![1]! ** 2, raw.test!.inputs[0]![0]! * raw.test!.inputs[0]![1]!]);
    // the same draw from the data stream: asking for features changes no point
    expect(circles(['x1', 'x2']).inputs).toEqual(raw.inputs);
  });

  it('refuses data that is not a plane, and a feature listed twice', () => {
    expect(() => liftDataset(buildDataset({ kind: 'gate', gate: 'AND' }, createRng(1)), ['x1^2'])).toThrow(/feature inputs are computed from a point \(x1, x2\)/);
    expect(() => liftDataset(circles(), ['x1', 'x1'])).toThrow('features: x1 is listed twice');
  });

  const scenario = (data: Record<string, unknown>, runData?: Record<string, unknown>) => ({
    id: 'f',
    title: 't',
    era: '2016',
    year: 2016,
    story: ['s'],
    seed: 1,
    epochs: 5,
    data,
    models: [{ model: 'logistic', ...(runData ? { data: runData } : {}) }],
    claims: [],
  });
  const message = (json: unknown): string => {
    try {
      parseScenario(json, 'f.json');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as Error).message;
    }
    return 'accepted';
  };

  it('is validated in scenario files with readable errors', () => {
    expect(message(scenario({ kind: 'circles', n: 20, features: ['x1^2', 'x2^2'] }))).toBe('accepted');
    expect(message(scenario({ kind: 'circles', n: 20, features: ['x1^2', 'x3'] }))).toMatch(/data\.features\[1\].*"x3" is not a feature input; use x1, x2, x1\^2, x2\^2, x1\*x2, sin\(x1\), sin\(x2\)/);
    expect(message(scenario({ kind: 'circles', n: 20, features: ['x2', 'x2'] }))).toMatch(/data\.features\[1\].*x2 is listed twice/);
    expect(message(scenario({ kind: 'circles', n: 20, features: [] }))).toMatch(/data\.features/);
    expect(message(scenario({ kind: 'circles', n: 20 }, { features: ['cos(x1)'] }))).toMatch(/"cos\(x1\)" is not a feature input/);
  });

  it('the map asks the model about each pixel through the same features', () => {
    const data = circles(['x1^2', 'x2^2']);
    const model = logistic.create({ data, params: resolveParams(logistic.meta.params, { learningRate: 0.02 }), rng: createRng(3) });
    for (let e = 0; e < 20; e++) model.epoch();
    const domain = domainOf(data);
    // the domain is the points' box, not the features'
    expect(domain.x[0]).toBeLessThan(0);
    const field = computeField(model, data, 6, 3, domain, lineOf(model.snapshot(), 2, data));
    expect(field.line).toBeNull();
    expect(field.points.filter((p) => !p.test).map((p) => [p.x, p.y])).toEqual(data.lifted!.points);
    // the unit's boundary is said in its own columns: x1², x2² (not x1, x2)
    const [w0, w1, w2] = (model.snapshot() as unknown as { w: number[] }).w;
    expect(JSON.stringify(model.describe!())).toContain(`·x1²`);
    expect(JSON.stringify(model.describe!())).toContain(`·x2² = 0`);
    expect([w0, w1, w2].every(Number.isFinite)).toBe(true);
    const lifted = overPlane(model, data);
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        const x = domain.x[0] + ((c + 0.5) / 6) * (domain.x[1] - domain.x[0]);
        const y = domain.y[1] - ((r + 0.5) / 6) * (domain.y[1] - domain.y[0]);
        expect(field.labels[r * 6 + c]).toBe(model.predict([x * x, y * y]).label);
        expect(lifted.predict([x, y]).label).toBe(model.predict([x * x, y * y]).label);
      }
    }
  });

  it('run --plot map draws the plane x1, x2 with the points where they are, for a run on x1², x2²', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neural-eras-features-'));
    try {
      const file = join(dir, 'map.svg');
      expect(await main(['run', 'features-not-depth', '-m', 'squares', '--json', '--plot', `map=${file}`], bufferIo())).toBe(0);
      const svg = readFileSync(file, 'utf8');
      expect(svg.match(/class="axis"[^>]*>([^<]*)</g)!.map((m) => m.replace(/.*>/, '').replace('<', ''))).toEqual(['x1', 'x2']);
      // 200 training points (the scenario's), on the plane of (x1, x2): a domain around [−1, 1], not the squares' [0, 1]
      expect([...svg.matchAll(/class="point"/g)]).toHaveLength(200);
      const [lo, hi] = svg.match(/class="panel"[^>]*data-x-domain="([^"]+)"/)![1]!.split(',').map(Number);
      expect(lo).toBeLessThan(-0.9);
      expect(hi).toBeGreaterThan(0.9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the raw unit on the circle', () => {
  it('ends at a fixed point, said as one (its one batch step per epoch changes nothing; no "epoch brings the weights back")', async () => {
    const { executeScenario } = await import('../../src/scenarios/execute.js');
    const { loadScenario } = await import('../../src/scenarios/loader.js');
    const raw = executeScenario(loadScenario('features-not-depth'), { only: ['raw'] }).runs[0]!;
    expect(raw.outcome).toBe('cycling');
    expect(raw.reason).toBe(`the weights stopped changing at epoch ${raw.epochs - 1} without reaching the target: a fixed point, so training can get no further`);
  });
});
