/**
 * The tour printed: every stop of the curriculum played to its telling moment, headless, through
 * the same session the interactive tour uses, then written out (what `neural-eras tour` and the
 * bare command print when not on a terminal).
 */
import { vector } from '../core/format.js';
import { CURRICULUM } from '../session/curriculum.js';
import { stopSession } from '../session/tour.js';
import { numbersLine } from '../session/views.js';
import type { Io } from './io.js';

const MARK = { holds: '✓', fails: '✗', pending: '…', elsewhere: '·' } as const;

let printed: string | null = null;

/** The report is the same on every call (every stop is deterministic): it is played once a process. */
export function tourReport(): string {
  printed ??= playTour();
  return printed;
}

function playTour(): string {
  const out: string[] = ['neural-eras — the history of neural networks, replayed: the classroom tour', ''];
  CURRICULUM.forEach((stop, i) => {
    const lab = stopSession(stop);
    lab.playToMoment();
    const view = lab.view(0);
    out.push(`■ Tour ${i + 1}/${CURRICULUM.length} · ${stop.title}  (scenario ${stop.scenario})`, ...stop.narrative.map((n) => `  ${n}`));
    for (const l of view.lanes) {
      out.push(`  ${l.label} — ${l.meta.name}, ${l.meta.year}`);
      out.push(`    ${l.verdict ? `${l.verdict.word}: ${l.verdict.reason}` : `not decided after ${l.epoch} epochs`}`);
      out.push(`    ${numbersLine(l)}`);
      const w = l.weights.length <= 3 ? l.weights : [];
      for (const line of w) out.push(`    ${line}`);
      const last = l.trace.at(-1);
      if (last) out.push(`    last update: pattern ${last.pattern + 1}, w ${vector(last.before)} → ${vector(last.after)}`);
    }
    for (const c of view.claims.filter((c) => c.state !== 'elsewhere')) out.push(`  ${MARK[c.state]} ${c.text}${c.note ? ` — ${c.note}` : ''}`);
    if (view.moral) out.push(`  → ${view.moral}`);
    out.push(`  (on screen: ${stop.moment})`, '');
  });
  out.push('On a terminal: neural-eras tour (or neural-eras, then t). More: neural-eras list · run <scenario> · verify · --help');
  return `${out.join('\n')}\n`;
}

export function tourCommand(io: Io): number {
  io.out(tourReport());
  return 0;
}
