/**
 * The tour printed: every stop of the curriculum played to its telling moment, headless, through
 * the same session the interactive tour uses, then written out (what `neural-eras tour` and the
 * bare command print when not on a terminal), in the UI's language. Claims stay English (data).
 */
import { vector } from '../core/format.js';
import { EN_TR, type Lang, type Tr } from '../i18n/index.js';
import { CURRICULUM } from '../session/curriculum.js';
import { factLines } from '../session/facts.js';
import { stopSession, summaryEras, summaryRun } from '../session/tour.js';
import { numbersLine } from '../session/views.js';
import type { Io } from './io.js';

const MARK = { holds: '✓', fails: '✗', pending: '…', elsewhere: '·' } as const;

const printed = new Map<Lang, string>();

/** The report is the same on every call (every stop is deterministic): it is played once a process and language. */
export function tourReport(tr: Tr = EN_TR): string {
  let text = printed.get(tr.lang);
  if (text === undefined) printed.set(tr.lang, (text = playTour(tr)));
  return text;
}

function playTour(tr: Tr): string {
  const out: string[] = [tr.t('report.head'), ''];
  const played = new Map<number, readonly string[]>();
  CURRICULUM.forEach((stop, i) => {
    const lab = stopSession(stop, undefined, tr);
    lab.playToMoment();
    const view = lab.view(0);
    played.set(i, view.lanes.map((l) => summaryRun(l, tr)));
    const said = tr.stop(stop);
    out.push(tr.t('report.stop', { stop: i + 1, stops: CURRICULUM.length, title: said.title, scenario: stop.scenario }), ...said.narrative.map((n) => `  ${n}`));
    for (const l of view.lanes) {
      out.push(`  ${tr.t('report.run', { label: l.label, name: tr.card(l.meta).name, year: l.meta.year })}`);
      out.push(`    ${l.verdict ? `${l.verdict.label}: ${l.verdict.reason}` : tr.t('report.undecided', { epochs: l.epoch })}`);
      out.push(`    ${numbersLine(l, Infinity, tr)}`);
      const w = l.weights.length <= 3 ? l.weights : [];
      for (const line of w) out.push(`    ${line}`);
      const last = l.trace.at(-1);
      if (last) out.push(`    ${tr.t('report.lastUpdate', { pattern: last.pattern + 1, before: vector(last.before), after: vector(last.after) })}`);
    }
    // The stop's must-show facts, as its screen writes them.
    for (const f of factLines(stop, view.lanes, lab.lanes(), 100, tr)) out.push(`  ${f}`);
    for (const c of view.claims.filter((c) => c.state !== 'elsewhere')) out.push(`  ${MARK[c.state]} ${c.text}${c.note ? ` — ${c.note}` : ''}`);
    if (view.moral) out.push(`  → ${view.moral}`);
    out.push(`  ${tr.t('report.onScreen', { moment: said.moment })}`, '');
  });
  // The closing summary: each era, what failed → what fixed it, with the numbers its runs ended on.
  out.push(`■ ${tr.t('summary.title')}`);
  for (const e of summaryEras(CURRICULUM, played, tr)) out.push(`  ${e.title}`, `    ${tr.t('summary.words', { failure: e.failure, fix: e.fix })}`, `    ${e.runs ? e.runs.join(' · ') : tr.t('summary.notPlayed')}`);
  out.push('', tr.t('report.foot'));
  return `${out.join('\n')}\n`;
}

export function tourCommand(io: Io, tr: Tr = EN_TR): number {
  io.out(tourReport(tr));
  return 0;
}
