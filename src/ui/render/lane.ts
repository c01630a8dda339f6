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
  if (!s) return [];
  const lines = writeOut(s, l.patterns, l.sequence ? null : l.update, tr);
  // a recurrent step's write-out (forward, the error, the gradient back through time) before its long weight list
  return l.sequence && l.update ? [...lines.slice(0, -1), l.update, lines.at(-1)!] : lines;
}

/** What the model says about itself (line, bound, architecture), then its weights. */
export function modelLines(l: LaneView): string[] {
  return [...l.describe, ...l.weights.filter((w) => !l.describe.some((d) => d.includes(w)))];
}

const cell = (s: string, n: number): string => s.padStart(n);

/**
 * Inputs, target, net input, output, each hidden unit and ✓/✗ per pattern; ▶ marks the pattern just
 * stepped. Each column is as wide as its widest entry plus one space, so no two numbers ever touch;
 * when the width is short, hidden units go first: the output and its ✓/✗ always show.
 */
export function truthTable(l: LaneView, depth: ColorDepth, width = Infinity): string[] {
  if (!l.table) return [];
  const hasNet = l.table.some((r) => r.net !== null);
  const col = (head: string, cells: readonly string[], least = 0): number => Math.max(least, head.length, ...cells.map((c) => c.length)) + 1;
  const xs = l.features.map((n, j) => col(n, l.table!.map((r) => short(r.x[j])), 2));
  const tText = l.table.map((r) => r.t.map((v) => short(v)).join(','));
  const oText = l.table.map((r) => r.o.map((v) => short(v)).join(','));
  const netText = l.table.map((r) => (r.net === null ? '—' : short(r.net)));
  const all = l.table[0]?.hidden?.length ?? 0;
  const hText = Array.from({ length: all }, (_, k) => l.table!.map((r) => short(r.hidden?.[k])));
  const tw = col('t', tText, 2);
  const nw = hasNet ? col('net', netText, 4) : 0;
  const ow = col('o', oText, 4);
  const hw = hText.map((c, k) => col(`h${k + 1}`, c, 3));
  const base = 1 + xs.reduce((s, w) => s + w, 0) + 2 + tw + nw + ow + 2;
  let hidden = 0;
  for (let used = base; hidden < all && used + hw[hidden]! <= width; hidden++) used += hw[hidden]!;
  const header = ` ${l.features.map((n, j) => cell(n, xs[j]!)).join('')} │${cell('t', tw)}${hasNet ? cell('net', nw) : ''}${hw.slice(0, hidden).map((w, k) => cell(`h${k + 1}`, w)).join('')}${cell('o', ow)}`;
  const rows = l.table.map((r, i) => {
    const mark = r.current ? '▶' : ' ';
    const h = hText.slice(0, hidden).map((c, k) => cell(c[i]!, hw[k]!)).join('');
    const ok = paint(depth, r.ok ? ' ✓' : ' ✗', { tone: r.ok ? 'good' : 'bad', bold: !r.ok });
    return `${mark}${r.x.map((v, j) => cell(short(v), xs[j]!)).join('')} │${cell(tText[i]!, tw)}${hasNet ? cell(netText[i]!, nw) : ''}${h}${cell(oText[i]!, ow)}${ok}`;
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
