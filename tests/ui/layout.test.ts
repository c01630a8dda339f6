/**
 * Screens that fit every terminal: every screen, for every shipped scenario, in English and in
 * Korean (two cells a syllable), at a table of sizes from 80×24 to 250×70 and at a few hundred
 * random sizes, is whole — no line wider than the terminal, no frame taller, every box closed (the
 * random ones also written through the screen writer onto a fake terminal and read back) — and
 * at projector sizes leaves no more than a fifth of its rows blank. Frames are built headless,
 * exactly as the UI builds them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { translator, type Tr } from '../../src/i18n/index.js';
import { AppSession, type Start } from '../../src/session/app.js';
import { CURRICULUM } from '../../src/session/curriculum.js';
import { ERAS } from '../../src/session/eras.js';
import { exportRuns } from '../../src/session/export.js';
import { LabSession } from '../../src/session/lab.js';
import { readRunFile } from '../../src/session/replay.js';
import { scenarioIds } from '../../src/scenarios/loader.js';
import { stripAnsi, type ColorDepth } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';
import { displayWidth } from '../../src/ui/render/text.js';
import { ScreenWriter } from '../../src/ui/screen.js';
import { screenProblems, touching } from './screen-check.js';
import { FakeTerminal } from './terminal.js';

const SIZES = [
  [80, 24],
  [100, 30],
  [120, 40],
  [160, 45],
  [200, 60],
  [250, 70],
] as const;

/** A screen to draw: how to reach it, once, and what to call it in messages. */
interface Case {
  readonly name: string;
  readonly app: AppSession;
}

function played(tr: Tr, start: Start, keys: readonly string[] = [], epochs = 3): AppSession {
  const app = new AppSession(start, undefined, undefined, tr);
  for (const k of keys) app.key(k);
  // A few epochs: curves, verdicts and traces have something to show.
  for (const l of app.lab?.lanes() ?? []) for (let e = 0; e < epochs; e++) l.advance('epoch', false);
  return app;
}

/** An exported run to replay: the two XOR runs of stop 9 at their moment. */
const exported = mkdtempSync(join(tmpdir(), 'neural-eras-layout-'));
afterAll(() => rmSync(exported, { recursive: true, force: true }));
const runFile = ((): string => {
  const lab = new LabSession({ scenario: 'xor-backprop', compare: true });
  lab.playToMoment();
  return exportRuns(lab, exported).json;
})();

/** Every screen in one language; the Korean ones are named so. */
const casesIn = (tr: Tr): Case[] =>
  [
    { name: 'timeline', app: played(tr, { kind: 'timeline' }) },
    { name: 'timeline at a winter', app: Object.assign(played(tr, { kind: 'timeline' }), { era: ERAS.findIndex((e) => e.winter) }) },
    { name: 'timeline at the last era', app: Object.assign(played(tr, { kind: 'timeline' }), { era: ERAS.length - 1 }) },
    { name: 'help', app: played(tr, { kind: 'timeline' }, ['?']) },
    { name: 'picker', app: played(tr, { kind: 'picker' }) },
    { name: 'replay', app: played(tr, { kind: 'replay', file: runFile, doc: readRunFile(runFile) }, ['$']) },
    { name: 'parameter form', app: played(tr, { kind: 'lab', scenario: 'xor-backprop', run: 'mlp-backprop' }, ['p']) },
    ...scenarioIds().flatMap((id) => [
      { name: `lab ${id}`, app: played(tr, { kind: 'lab', scenario: id }, ['.']) },
      { name: `compare ${id}`, app: played(tr, { kind: 'lab', scenario: id }, ['c', 'g']) },
    ]),
    // Two single updates written out (the weight trace's table): its columns must not touch.
    ...['adaline-divergence', 'seed-adaline-step', 'seed-perceptron-epoch'].map((id) => ({ name: `lab ${id} after . .`, app: played(tr, { kind: 'lab', scenario: id }, ['.', '.'], 0) })),
    // The network view (issue 25) asked for with v at every size: the 2-4-4-1 net, a unit opened, and a net too wide to draw whole.
    { name: 'network view spiral-net', app: played(tr, { kind: 'lab', scenario: 'spiral-net', run: 'net' }, ['v']) },
    { name: 'network view spiral-net, a unit opened', app: ((a: AppSession) => (a.lab!.netOpen(), a))(played(tr, { kind: 'lab', scenario: 'spiral-net', run: 'net' }, ['v'])) },
    { name: 'network view spirals 2-32-32-1', app: played(tr, { kind: 'lab', scenario: 'spirals', run: 'mlp' }, ['v']) },
    ...CURRICULUM.map((stop, i) => ({ name: `tour stop ${i + 1} (${stop.scenario})`, app: played(tr, { kind: 'tour', stop: i }) })),
    // Each stop at its telling moment (verdicts, reasons and morals on screen) is drawn whole in
    // must-show.test.ts, in both languages, on the sessions it plays there.
  ].map((c) => (tr.lang === 'en' ? c : { ...c, name: `${c.name} [${tr.lang}]` }));

const cases: Case[] = [...casesIn(translator('en')), ...casesIn(translator('ko'))];

function check(c: Case, columns: number, rows: number, depth: ColorDepth = 'none', lines = flatten(frame(c.app, { columns, rows }, depth, 0))): string[] {
  return [...screenProblems(lines, columns, rows - 1), ...touching(lines)].map((p) => `${c.name} at ${columns}×${rows}: ${p}`);
}

describe('every screen fits every terminal', () => {
  it('knows two numbers that touch when it sees them', () => {
    expect(touching(['│ −1−0.0132 │', 'L3 0.10.000127', '−1 −0.0132 · 0.1 0.000127 · 2-4-4-1 · 1969–86 · 6.84e−5'])).toHaveLength(2);
  });

  it('at 80×24, 100×30, 120×40, 160×45, 200×60 and 250×70', { timeout: 240_000 }, () => {
    const problems = cases.flatMap((c) => SIZES.flatMap(([w, h]) => check(c, w, h)));
    expect(problems).toEqual([]);
  });

  it('at random sizes from 80×24 to 250×70, with colour, in both languages', { timeout: 240_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cases.length - 1 }), fc.integer({ min: 80, max: 250 }), fc.integer({ min: 24, max: 70 }), fc.constantFrom<ColorDepth>('none', '256', 'truecolor'), (i, w, h, depth) => {
        const lines = flatten(frame(cases[i]!.app, { columns: w, rows: h }, depth, 0));
        expect(check(cases[i]!, w, h, depth, lines)).toEqual([]);
        // and through the screen writer onto a terminal of that size: what it shows is the frame's text
        const term = new FakeTerminal(w, h);
        new ScreenWriter(term.asStream()).paint(lines, w);
        const shown = term.screen.text().slice(0, lines.length);
        expect(shown, `${cases[i]!.name} at ${w}×${h}`).toEqual(lines.map((l) => stripAnsi(l) + ' '.repeat(w - displayWidth(stripAnsi(l)))));
      }),
      { numRuns: 400, seed: 20261129 },
    );
  });

  it('below 80×24 says so in words that fit, in either language', () => {
    for (const [lang, word] of [['en', /enlarge/], ['ko', /넓혀/]] as const) {
      const app = new AppSession(undefined, undefined, undefined, translator(lang));
      for (const [w, h] of [[40, 10], [79, 23], [20, 5]] as const) {
        const lines = flatten(frame(app, { columns: w, rows: h }, 'none', 0));
        expect(screenProblems(lines, w, h)).toEqual([]);
        expect(lines.join(' ')).toMatch(word);
      }
    }
  });
});

describe('projector sizes use the room', () => {
  const blankShare = (c: Case, w: number, h: number): number => {
    const lines = flatten(frame(c.app, { columns: w, rows: h }, 'none', 0)).map(stripAnsi);
    return lines.filter((l) => l.trim() === '').length / h;
  };
  it('no screen leaves more than a fifth of its rows blank at 160×45 and 200×60', { timeout: 120_000 }, () => {
    const wasteful = cases.flatMap((c) => [[160, 45], [200, 60]].flatMap(([w, h]) => (blankShare(c, w!, h!) > 0.2 ? [`${c.name} at ${w}×${h}: ${(blankShare(c, w!, h!) * 100).toFixed(0)} % blank`] : [])));
    expect(wasteful).toEqual([]);
  });
});
