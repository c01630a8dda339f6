/**
 * What a stop is about survives every size: each tour stop, played to its moment through the same
 * session and renderer the layout tests use, shows its must-show facts (curriculum `show`) on its
 * final screen at 80×24, 100×30, 160×45 and 200×60, in English and in Korean — the text facts
 * whole, the truth table with every hidden column, the loss on a log axis, the digits and kernels.
 * After the last stop the summary holds every era, its numbers taken from the runs just played.
 */
import { describe, expect, it } from 'vitest';
import { short } from '../../src/core/format.js';
import { translator, type Lang, type Tr } from '../../src/i18n/index.js';
import { AppSession } from '../../src/session/app.js';
import { CURRICULUM } from '../../src/session/curriculum.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';
import { truthTable } from '../../src/ui/render/lane.js';
import { displayWidth, wrap } from '../../src/ui/render/text.js';
import { screenProblems, touching } from './screen-check.js';

const SIZES = [
  [80, 24],
  [100, 30],
  [160, 45],
  [200, 60],
] as const;

/** Sizes where a stop at its moment is checked whole (the facts are checked at SIZES). */
const WHOLE_ONLY = [
  [120, 40],
  [250, 70],
] as const;

const screenOf = (app: AppSession, w: number, h: number): string[] => flatten(frame(app, { columns: w, rows: h }, 'none', 0)).map(stripAnsi);

/** Each stop played to its moment once per language (stops are deterministic). */
const played = new Map<string, AppSession>();
function stopApp(lang: Lang, i: number): AppSession {
  const key = `${lang} ${i}`;
  let app = played.get(key);
  if (!app) {
    app = new AppSession({ kind: 'tour', stop: i }, undefined, undefined, translator(lang));
    app.lab!.playToMoment();
    played.set(key, app);
  }
  return app;
}

/** What the screen of stop i must hold at w × h, and why, derived from its runs. */
function missing(app: AppSession, i: number, w: number, h: number, tr: Tr): string[] {
  const stop = CURRICULUM[i]!;
  const lines = screenOf(app, w, h);
  const text = lines.join('\n');
  const out = [...screenProblems(lines, w, h - 1), ...touching(lines)];
  const lanes = app.lab!.view(0).lanes;
  const lane = (id: string) => lanes.find((l) => l.id === id)!;
  // Text facts: every line whole (wrapped only where it is wider than the terminal).
  const facts = app.tour!.facts(w - 0);
  for (const f of facts) for (const piece of displayWidth(f) <= w ? [f] : wrap(f, w, 3)) if (!text.includes(piece)) out.push(`fact not on screen: ${piece}`);
  for (const f of stop.show) {
    switch (f.kind) {
      case 'updates':
        if (facts.filter((l) => l.includes('→')).length !== lane(f.run).patterns) out.push(`not every update written out: ${facts.length}`);
        break;
      case 'climb': {
        const l = lane(f.run);
        if (!(l.now.loss >= f.factor * l.lossStart)) out.push(`the loss climbed only ${l.now.loss / l.lossStart}×`);
        if (!text.includes(`${tr.t('chart.loss')} (${tr.t('chart.log')})`)) out.push('no loss chart on a log axis');
        break;
      }
      case 'collapsed':
        if (!facts.some((l) => /z³ = \S+ [+−] \S+·x1 [+−] \S+·x2/.test(l))) out.push('no collapsed map');
        break;
      case 'generalisation':
        if (facts.length !== lanes.length) out.push('not every run has its train/test/gap bars');
        break;
      case 'through-time': {
        const recurrent = lanes.filter((l) => l.sequence);
        if (recurrent.length < 2 || facts.length !== recurrent.length) out.push('not every recurrent run says its gradient through time');
        // the numbers said are the trace's own: first over last
        for (const [k, l] of recurrent.entries()) {
          const g = l.sequence!.trace.gradient;
          if (!(facts[k] ?? '').includes(`× ${short(g[0]! / g[g.length - 1]!)}`)) out.push(`${l.id}: the fade factor is not the trace's`);
        }
        break;
      }
      case 'weights':
        if (!facts.some((l) => l.includes('w = ('))) out.push('no weights');
        break;
      case 'hidden': {
        const table = truthTable(lane(f.run), 'none').map(stripAnsi);
        const hidden = lane(f.run).table?.[0]?.hidden?.length ?? 0;
        if (hidden < 2 || !table[0]!.includes(`h${hidden}`)) out.push(`run ${f.run} has no hidden columns to show`);
        for (const row of table) if (!text.includes(row.trimEnd())) out.push(`truth table row not on screen: ${row}`);
        break;
      }
      case 'digits':
        if (!/\d ✓/.test(text) || !/\d→\d/.test(text)) out.push('no digits with their predictions');
        if (facts.length < 2) out.push('no mistakes and confusion facts');
        break;
      case 'kernels':
        if (w >= f.from[0] && h >= f.from[1]) {
          const bank = app.lab!.lanes().find((l) => l.spec.id === f.run)!.run!.model.filters!();
          if (!bank || !text.includes(tr.say(bank.title))) out.push('no kernels');
        }
        break;
    }
  }
  return out.map((p) => `stop ${i + 1} (${stop.scenario}) [${tr.lang}] at ${w}×${h}: ${p}`);
}

describe('every tour stop shows what it is about, at every size', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`in ${lang === 'en' ? 'English' : 'Korean'}`, { timeout: 240_000 }, () => {
      const tr = translator(lang);
      const problems = CURRICULUM.flatMap((_, i) => SIZES.flatMap(([w, h]) => missing(stopApp(lang, i), i, w, h, tr)));
      expect(problems).toEqual([]);
      // and whole, with no numbers that touch, at the sizes between and beyond
      const whole = CURRICULUM.flatMap((stop, i) =>
        WHOLE_ONLY.flatMap(([w, h]) => {
          const lines = screenOf(stopApp(lang, i), w, h);
          return [...screenProblems(lines, w, h - 1), ...touching(lines)].map((p) => `stop ${i + 1} (${stop.scenario}) [${lang}] at ${w}×${h}: ${p}`);
        }),
      );
      expect(whole).toEqual([]);
    });
  }

  it('after the last stop, a summary of every era with the numbers the runs ended on, then the timeline', { timeout: 60_000 }, () => {
    const app = stopApp('en', CURRICULUM.length - 1);
    const before = app.lab!.view(0).lanes.map((l) => `${l.label} ${l.verdict!.label}`);
    app.key('enter');
    expect(app.kind).toBe('tour');
    expect(app.lab).toBeNull();
    const view = app.view(0).screen;
    expect(view.kind).toBe('summary');
    if (view.kind !== 'summary') return;
    expect(view.eras.map((e) => e.title)).toEqual(CURRICULUM.map((s) => s.title));
    // The stop played carries its runs' numbers; the others say they were not played out.
    expect(view.eras.filter((e) => e.runs).length).toBe(1);
    expect(before.length).toBe(2);
    for (const b of before) expect(view.eras.at(-1)!.runs!.join(' ')).toContain(b);
    for (const [w, h] of SIZES) {
      const lines = screenOf(app, w, h);
      expect(screenProblems(lines, w, h - 1)).toEqual([]);
      expect(lines.join('\n')).toContain(CURRICULUM[0]!.title);
    }
    app.key('left');
    expect(app.lab).not.toBeNull();
    app.key('enter');
    app.key('enter');
    expect(app.kind).toBe('timeline');
  });
});
