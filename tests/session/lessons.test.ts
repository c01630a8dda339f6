/**
 * The classroom lessons, tested on the headless session with a fake clock: each tour stop plays by
 * itself to its telling moment, and the screen (drawn without Ink) shows its numbers.
 */
import { describe, expect, it } from 'vitest';
import { executeScenario } from '../../src/scenarios/execute.js';
import { loadScenario } from '../../src/scenarios/loader.js';
import { AppSession } from '../../src/session/app.js';
import { CURRICULUM } from '../../src/session/curriculum.js';
import { ERAS } from '../../src/session/eras.js';
import { LabSession } from '../../src/session/lab.js';
import { TourSession } from '../../src/session/tour.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';

const stopOf = (scenario: string): number => CURRICULUM.findIndex((s) => s.scenario === scenario);

/** Plays a lab on a fake clock, 30 ticks a simulated second, until it stops by itself. */
function playOut(lab: LabSession, limitMs = 600_000): number {
  let t = 0;
  while (lab.playing && t < limitMs) lab.tick((t += 33));
  return t;
}

const played = new Map<number, AppSession>();

/** The tour at a stop, played out once (stops are deterministic) and kept for the other tests. */
function playedStop(stop: number): AppSession {
  let app = played.get(stop);
  if (!app) {
    app = new AppSession({ kind: 'tour', stop });
    playOut(app.lab!);
    played.set(stop, app);
  }
  return app;
}

/** The screen of the tour at a stop, once it has played out, as plain text. */
function tourScreen(stop: number, columns = 100, rows = 30): { app: AppSession; text: string } {
  const app = playedStop(stop);
  return { app, text: flatten(frame(app, { columns, rows }, 'none', 1e9)).map(stripAnsi).join('\n') };
}

describe('the tour stops on its telling moments, with no key pressed', () => {
  it('every stop plays by itself and stops once every run on screen is decided', () => {
    for (let i = 0; i < CURRICULUM.length; i++) {
      expect(new TourSession(i).lab.playing).toBe(true);
      const lab = playedStop(i).lab!;
      expect(lab.playing, CURRICULUM[i]!.scenario).toBe(false);
      expect(lab.lanes().every((l) => l.decided), CURRICULUM[i]!.scenario).toBe(true);
    }
  }, 60_000);

  it('the back-propagation stop ends with the MLP solved at 100 % beside the cycling perceptron', () => {
    const { app, text } = tourScreen(stopOf('xor-backprop'));
    const [perceptron, mlp] = app.lab!.view(0).lanes;
    expect(perceptron!.verdict?.word).toBe('CYCLING');
    expect(mlp!.verdict?.word).toBe('SOLVED');
    expect(mlp!.now.accuracy).toBe(1);
    expect(text).toMatch(/CYCLING[\s\S]*SOLVED/);
    expect(text).toContain('accuracy 100%');
    expect(text).toMatch(/⏸ perceptron .*CYCLING │ .*SOLVED/);
  });

  it('the perceptron on XOR is named cycling at the first repeated epoch, as --trace shows it', () => {
    const { app, text } = tourScreen(stopOf('perceptron-xor'));
    const lane = app.lab!.lanes()[0]!;
    // The headless run's end-of-epoch weights: the first epoch whose weights were seen before.
    const history = executeScenario(loadScenario('perceptron-xor')).runs[0]!.history.map((h) => String(h['weights']));
    const repeat = history.findIndex((w, e) => history.indexOf(w) < e);
    expect(lane.run!.epoch).toBe(repeat);
    expect(lane.run!.status.reason).toContain(`epoch ${repeat} equal those at epoch ${history.indexOf(history[repeat]!)}`);
    // It played pattern by pattern: the trace shows the same four updates bringing w back.
    expect(lane.trace.length).toBeGreaterThanOrEqual(8);
    const last4 = lane.trace.slice(-4).map((s) => s.after.join());
    const before4 = lane.trace.slice(-8, -4).map((s) => s.after.join());
    expect(last4).toEqual(before4);
    expect(text).toContain('weight trace: a letter per weight vector');
    expect(text).toContain('CYCLING');
  });

  it('the Adaline stop plays on until the loss is 100 × its start, beside the converging run', () => {
    const { app, text } = tourScreen(stopOf('adaline-divergence'));
    const [above, below] = app.lab!.lanes();
    expect(above!.run!.status.outcome).toBe('diverged');
    expect(above!.run!.latest.loss).toBeGreaterThanOrEqual(100 * above!.run!.history[0]!.loss);
    expect(above!.run!.status.reason).toMatch(/stability bound 2\/λmax/);
    expect(below!.run!.status.outcome).toBe('solved');
    expect(text).toContain('DIVERGED');
    expect(text).toContain('SOLVED');
    // After the verdict the keys still step.
    const epoch = above!.run!.epoch;
    app.key('n');
    expect(above!.run!.epoch).toBe(epoch + 1);
  });

  it('the gradient panel lists all 11 layers of both nets, even at 80×24, with the headline in words', () => {
    for (const [columns, rows] of [[80, 24], [100, 30], [200, 60]] as const) {
      const { text } = tourScreen(stopOf('vanishing-gradients'), columns, rows);
      // Each layer is labelled in both panes: alone (L7) or packed two a row (L7,8) when rows are short.
      const labelled = [...text.matchAll(/\bL(\d+)(?:,(\d+))?\s/g)].flatMap((m) => [m[1], m[2]].filter(Boolean).map(Number));
      for (let k = 1; k <= 11; k++) expect(labelled.filter((x) => x === k).length, `L${k} at ${columns}×${rows}`).toBe(2);
      expect(text.replace(/\s+/g, ' ')).toMatch(/At initialisation \(epoch 0\), with sigmoid the first layer receives 1.65 × 10⁻⁷ of the last layer's gradient; with relu 0.514\./);
    }
  });

  it('vanishing gradients compares two runs that differ only in the activation and its initialisation', () => {
    const lab = new LabSession({ scenario: 'vanishing-gradients', compare: ['sigmoid', 'relu'] });
    const [a, b] = lab.lanes().map((l) => l.spec);
    const rest = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'activation' && k !== 'init'));
    expect(rest(a!.params as Record<string, unknown>)).toEqual(rest(b!.params as Record<string, unknown>));
    expect([a!.params['activation'], b!.params['activation']]).toEqual(['sigmoid', 'relu']);
    expect(a!.data).toEqual(b!.data);
    expect(a!.seed).toBe(b!.seed);
  });

  it('the dropout stop prints both runs\' train and test accuracy and their gap, and says FINISHED', { timeout: 60_000 }, () => {
    const { app, text } = tourScreen(stopOf('overfitting-dropout'));
    const lanes = app.lab!.view(0).lanes;
    expect(lanes.map((l) => l.verdict?.word)).toEqual(['FINISHED', 'FINISHED']);
    for (const l of lanes) {
      const train = Math.round(l.now.accuracy * 1000) / 10;
      const test = Math.round(l.latest!.testAccuracy! * 1000) / 10;
      expect(text).toContain(`train ${train}%`);
      expect(text).toContain(`test ${test}%`);
    }
    expect(lanes[1]!.latest!.testAccuracy).toBeGreaterThan(lanes[0]!.latest!.testAccuracy!);
    expect(text).not.toContain('TRUNCATED');
    expect(lanes[0]!.series.some((p) => p.testLoss !== undefined)).toBe(true);
  });

  it('why not the step: the hidden layers get a gradient of exactly 0 and never move', () => {
    const { app, text } = tourScreen(stopOf('why-not-step'));
    const step = app.lab!.lanes()[0]!.run!;
    const g = step.latest.extra?.['gradNorm'] as number[];
    expect(g.slice(0, 2)).toEqual([0, 0]);
    expect(g[2]).toBeGreaterThan(0);
    expect(step.status.outcome).toBe('truncated');
    expect(app.lab!.lanes()[1]!.run!.status.outcome).toBe('solved');
    expect(text).toMatch(/L1,2\s+0 0|L1\s.* 0\b/);
  });

  it('why nonlinearity: the linear net ends no better than one linear unit, the sigmoid net solves XOR', () => {
    const { app } = tourScreen(stopOf('why-nonlinearity'));
    const [linear, sigmoid] = app.lab!.lanes();
    expect(linear!.run!.bestAccuracy).toBeLessThanOrEqual(0.75);
    expect(sigmoid!.run!.status.outcome).toBe('solved');
  });

  it('the claims fill in as the runs end', () => {
    const tour = new TourSession(stopOf('xor-backprop'));
    const before = tour.view(0).claims.filter((c) => c.state !== 'elsewhere');
    expect(before.every((c) => c.state === 'pending')).toBe(true);
    playOut(tour.lab);
    const after = tour.view(0).claims.filter((c) => c.state !== 'elsewhere');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((c) => c.state === 'holds')).toBe(true);
  });
});

describe('the lab', () => {
  it('each era opens its own model', () => {
    const open = (year: string) => {
      const app = new AppSession();
      app.era = ERAS.findIndex((e) => e.year === year);
      app.key('enter');
      return app.lab!.choices[app.lab!.index]!;
    };
    expect(open('1986').spec.plugin.meta.id).toBe('mlp-backprop');
    expect(open('2010–11').spec.plugin.meta.id).toBe('mlp-relu');
    expect(open('1969').spec.plugin.meta.id).toBe('perceptron');
  });

  it('stepping shows the pattern, net, o and t before the update and w before → after; accuracy follows each step', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'seed-perceptron-epoch' });
    const lab = app.lab!;
    app.key('.');
    app.key('.');
    let lane = lab.view(0).lanes[0]!;
    const step = lane.trace.at(-1)!;
    expect(step.pattern).toBe(1);
    expect(step.net[0]).toBeCloseTo(0.2, 12);
    expect(step.o).toEqual([1]);
    expect(step.t).toEqual([-1]);
    expect(step.before).toEqual([-0.4, 0.6, 0.6]);
    expect(step.after).toEqual([-0.5, 0.6, 0.5]);
    // The status follows every step: after the third (the correction at (1,0)) all four are right,
    // though the epoch is not over.
    app.key('.');
    lane = lab.view(0).lanes[0]!;
    expect(lane.midSteps).toBe(3);
    expect(lane.latest!.accuracy).toBe(0.5);
    expect(lane.now.accuracy).toBe(1);
    const text = flatten(frame(app, { columns: 200, rows: 50 }, 'none', 0)).join('\n');
    expect(text).toContain('pattern 3 (epoch 1): x = (1, 1, 0), net = 0.1, o = 1, t = −1 → o ≠ t: an error, so w is corrected');
    expect(text).toContain('w (−0.5, 0.6, 0.5) → (−0.6, 0.5, 0.5)');
    expect(text).toContain('epoch 0 +3');
  });

  it('side by side, each run plays to its own verdict, and closing compare keeps the runs', () => {
    const lab = new LabSession({ scenario: 'xor-backprop', compare: true, autoplay: true, pace: { unit: 'epoch', perSecond: 100 } });
    playOut(lab);
    const [p, m] = lab.lanes();
    expect(p!.run!.status.outcome).toBe('cycling');
    expect(p!.run!.epoch).toBe(p!.run!.decidedAt);
    expect(m!.run!.status.outcome).toBe('solved');
    lab.toggleCompare(false);
    expect(lab.lanes()[0]).toBe(p);
    lab.toggleCompare(true);
    expect(lab.lanes()[1]).toBe(m);
  });

  it('space after every verdict plays on; the verdict stays pinned', () => {
    const lab = new LabSession({ scenario: 'perceptron-xor', autoplay: true });
    playOut(lab);
    const lane = lab.lanes()[0]!;
    const epoch = lane.run!.epoch;
    lab.toggle();
    expect(lab.playing).toBe(true);
    let t = 0;
    for (let i = 0; i < 30; i++) lab.tick((t += 100));
    expect(lane.run!.epoch).toBeGreaterThan(epoch);
    expect(lane.run!.status.outcome).toBe('cycling');
    expect(lab.view(0).lanes[0]!.playingOn).toBe(true);
  });
});
