/**
 * The text panels of one run, drawn from its LaneView: the numbers, the verdict, the model and its
 * last update (before → after), the truth table with each hidden unit, the weight trace and the
 * history card. Each returns plain lines; the layout fits them to their box.
 */
import { exact, short, vector } from '../../core/format.js';
import type { LaneView, Verdict, VerdictWord } from '../../session/views.js';
export { numbersLine } from '../../session/views.js';
import type { ColorDepth } from '../color.js';
import { EN_TR, type Tr } from '../../i18n/index.js';
import { stepLines as writeOut } from '../../session/step-text.js';
import { paint, type Tone } from './style.js';
import { wrap } from './text.js';

export const VERDICT_TONE: Readonly<Record<VerdictWord, Tone>> = { SOLVED: 'good', CYCLING: 'warn', DIVERGED: 'bad', TRUNCATED: 'accent2', FINISHED: 'info', UNSTABLE: 'warn', WRONG: 'bad' };

/** SOLVED / CYCLING / … in the language on screen (inverse, so it stands out without colour too). */
export const verdictWord = (depth: ColorDepth, v: Verdict): string => paint(depth, ` ${v.label} `, { tone: VERDICT_TONE[v.word], inverse: true, bold: true });

/** The verdict with its reason, wrapped to `width` (at most `maxLines`). */
export function verdictLines(l: LaneView, width: number, maxLines: number, depth: ColorDepth, tr: Tr = EN_TR): string[] {
  if (l.error) return wrap(l.error, width, maxLines).map((s) => paint(depth, s, { tone: 'bad' }));
  if (!l.verdict) return [paint(depth, tr.t('verdict.training', { epoch: l.epoch, budget: l.budget }), { tone: 'dim' })];
  // The word is drawn padded (" SOLVED "), one cell wider than "SOLVED ": wrap with that room.
  const head = `${l.verdict.label} ${l.playingOn ? `${tr.t('verdict.playingOn')} ` : ''}${l.verdict.reason}`;
  const lines = wrap(head, Math.max(1, width - 1), maxLines);
  // The first line starts with the word unless it was too long for the line (cut with '…').
  if (lines[0]!.startsWith(`${l.verdict.label} `)) lines[0] = verdictWord(depth, l.verdict) + lines[0]!.slice(l.verdict.label.length + 1);
  return lines;
}

/** The last single update as the lecture writes it: what the unit saw, what its rule made of it, then w before → after (session/step-text.ts). */
export function stepLines(l: LaneView, tr: Tr = EN_TR): string[] {
  if (l.wholeEpoch !== null) return [tr.t('step.wholeEpoch', { epoch: l.wholeEpoch })];
  const s = l.trace.at(-1);
  return s ? writeOut(s, l.patterns, l.update, tr) : [];
}

/** What the model says about itself (line, bound, architecture), then its weights. */
export function modelLines(l: LaneView): string[] {
  return [...l.describe, ...l.weights.filter((w) => !l.describe.some((d) => d.includes(w)))];
}

const cell = (s: string, n: number): string => s.padStart(n);

/**
 * Inputs, target, net input, output, each hidden unit and ✓/✗ per pattern; ▶ marks the pattern just
 * stepped. When the width is short, hidden units go first: the output and its ✓/✗ always show.
 */
export function truthTable(l: LaneView, depth: ColorDepth, width = Infinity): string[] {
  if (!l.table) return [];
  const hasNet = l.table.some((r) => r.net !== null);
  const base = 2 + 4 * l.features.length + 5 + (hasNet ? 7 : 0) + 8 + 2;
  const all = l.table[0]?.hidden?.length ?? 0;
  const hidden = Math.max(0, Math.min(all, Math.floor((width - base) / 8)));
  const header = `  ${l.features.map((n) => cell(n, 3)).join(' ')} │${cell('t', 4)}${hasNet ? cell('net', 7) : ''}${Array.from({ length: hidden }, (_, k) => cell(`h${k + 1}`, 8)).join('')}${cell('o', 8)}`;
  const rows = l.table.map((r) => {
    const mark = r.current ? '▶' : ' ';
    const t = r.t.map((v) => short(v)).join(',');
    const o = r.o.map((v) => short(v)).join(',');
    const h = (r.hidden ?? []).slice(0, hidden).map((v) => cell(short(v), 8)).join('');
    const ok = paint(depth, r.ok ? ' ✓' : ' ✗', { tone: r.ok ? 'good' : 'bad', bold: !r.ok });
    return `${mark} ${r.x.map((v) => cell(short(v), 3)).join(' ')} │${cell(t, 4)}${hasNet ? cell(r.net === null ? '—' : short(r.net), 7) : ''}${h}${cell(o, 8)}${ok}`;
  });
  return [paint(depth, header, { bold: true }), ...rows];
}

/** Year, authors, citation, what the model brought and what it cannot do. */
export function cardLines(l: LaneView, width: number, rows: number, tr: Tr = EN_TR): string[] {
  const m = l.meta;
  const card = tr.card(m);
  const lines = [`${m.year} · ${card.name} · ${m.authors.join(', ')}`, ...wrap(`+ ${card.summary}`, width, 2), ...wrap(`− ${card.cannot}`, width, 2), m.citation];
  return lines.slice(0, rows);
}
