/**
 * The other screens, each fitted to the terminal: the timeline of eras (the list grows to two or
 * three lines an era on tall terminals), the scenario picker, the parameter form, the help (from
 * the keymaps) and the request for a larger terminal.
 */
import type { TimelineView } from '../../session/app.js';
import type { FormView } from '../../session/form.js';
import type { PickerView } from '../../session/picker.js';
import { ERAS } from '../../session/eras.js';
import { FORM_KEYS, PICKER_KEYS, SUMMARY_KEYS, TIMELINE_KEYS, helpSections } from '../../session/keymaps.js';
import type { SummaryView } from '../../session/tour.js';
import { EN_TR, type Tr } from '../../i18n/index.js';
import { stripAnsi, type ColorDepth } from '../color.js';
import { hints } from '../render/parts.js';
import { paint } from '../render/style.js';
import { clipRows, displayWidth, fit, wrap } from '../render/text.js';
import { box, hstack, leaf, vstack, blank, type Block } from './blocks.js';

/** A selected line: inverse and a ▶ marker, so it shows without colour too. */
const selected = (depth: ColorDepth, s: string, on: boolean, width: number): string =>
  on ? paint(depth, fit(`▶ ${s}`, width), { inverse: true, bold: true }) : fit(`  ${s}`, width);

export function timelineFrame(view: TimelineView, width: number, height: number, depth: ColorDepth, tr: Tr = EN_TR): Block {
  const at = view.at;
  const era = ERAS[at]!;
  const said = tr.era(era);
  const n = ERAS.length;
  const wide = width >= 150;
  // One, two or three lines an era, as the rows allow (tall projectors get the most words).
  const room = height - 3 - 6;
  const per = Math.max(1, Math.min(wide ? 2 : 3, Math.floor(room / n)));
  const listRows = Math.min(per * n, Math.max(3, room));
  const cardRows = height - 3 - listRows;
  const visible = Math.max(1, Math.floor(listRows / per));
  const start = Math.max(0, Math.min(at - Math.floor(visible / 2), n - visible));
  // Projectors get the names whole; narrower screens cut them to a column.
  const longest = Math.max(...ERAS.map((e) => displayWidth(e.people)));
  const people = wide && per >= 2 ? Math.min(longest, Math.floor(width * 0.3)) : Math.min(30, Math.floor(width * 0.28));
  const list: string[] = [];
  for (let i = start; i < Math.min(n, start + visible); i++) {
    const e = ERAS[i]!;
    const words = tr.era(e);
    const mark = `${e.year.padEnd(7)} ${e.winter ? '❄ ' : '  '}${fit(e.people, people)}  `;
    // Each era's "could not" once: beside what it brought on one line, or on a line of its own.
    const first = per === 1 || wide ? `${mark}${words.brought}${wide && per === 1 ? `  ✗ ${words.couldNot}` : ''}` : mark.trimEnd();
    const line = selected(depth, first, i === at, width);
    list.push(e.winter && i !== at ? paint(depth, line, { tone: 'winter' }) : line);
    if (per >= 2 && !wide) list.push(paint(depth, fit(`            + ${words.brought}`, width), { tone: i === at ? 'plain' : 'dim' }));
    if (per >= 3 || (per === 2 && wide)) list.push(paint(depth, fit(`            − ${words.couldNot}`, width), { tone: 'dim' }));
  }
  const title = [
    paint(depth, 'neural-eras', { tone: 'title', bold: true }) + paint(depth, tr.t('timeline.title'), { tone: 'dim' }),
    paint(depth, tr.t('timeline.call'), { tone: 'warn', bold: true }),
  ];
  const inner = width - 4;
  const card = [
    paint(depth, tr.t('timeline.brought', { text: said.brought }), { tone: 'good' }),
    paint(depth, tr.t('timeline.couldNot', { text: said.couldNot }), { tone: 'bad' }),
    era.scenario ? tr.t(era.run ? 'timeline.opensRun' : 'timeline.opens', { scenario: era.scenario, run: era.run ?? '' }) : tr.t('timeline.noLab'),
    ...(said.standIn ? [said.standIn] : []),
    ...view.story.flatMap((l) => wrap(l, inner, 4)).map((l) => paint(depth, l, { tone: 'dim' })),
  ];
  const parts: Block[] = [leaf(title, width, 2), leaf(list, width, listRows)];
  if (cardRows >= 3) parts.push(box(hstack([blank(1, cardRows - 2), leaf(card, width - 4, cardRows - 2), blank(1, cardRows - 2)], cardRows - 2), { title: `${era.year} · ${era.people}${era.winter ? tr.t('timeline.winter') : ''}`, tone: era.winter ? 'winter' : 'accent', depth }));
  else parts.push(blank(width, cardRows));
  parts.push(leaf([paint(depth, hints([TIMELINE_KEYS], width, tr), { tone: 'dim' })], width, 1));
  return vstack(parts, width);
}

export function pickerFrame(p: PickerView, width: number, height: number, depth: ColorDepth, tr: Tr = EN_TR): Block {
  const inner = Math.max(1, height - 3);
  const n = p.items.length;
  // From the top, scrolled only as far as the selection needs; a row says what is above or below.
  let start = 0;
  const fits = (s: number): number => inner - (s > 0 ? 1 : 0) - (s + inner < n ? 1 : 0);
  while (start < n - 1 && p.at >= start + fits(start)) start++;
  const room = Math.max(1, fits(start));
  const lines = p.items.slice(start, start + room).map((s, k) => selected(depth, `${String(s.year)} ${s.id.padEnd(24)} ${s.title}`, start + k === p.at, width - 2));
  const above = start > 0 ? [paint(depth, fit(`  ${tr.t('picker.above', { count: start })}`, width - 2), { tone: 'dim' })] : [];
  const below = start + room < n ? [paint(depth, fit(`  ${tr.t('picker.below', { count: n - start - room })}`, width - 2), { tone: 'dim' })] : [];
  return vstack([box(leaf([...above, ...lines, ...below], width - 2, height - 3), { title: tr.t('picker.title'), tone: 'accent', depth }), leaf([paint(depth, hints([PICKER_KEYS], width, tr), { tone: 'dim' })], width, 1)], width);
}

export function formFrame(f: FormView, width: number, height: number, depth: ColorDepth, tr: Tr = EN_TR): Block {
  const inner = width - 2;
  const keyW = Math.max(...f.fields.map((x) => x.key.length));
  const lines: string[] = [];
  f.fields.forEach((x, i) => {
    const value = paint(depth, ` ${x.text}${i === f.at ? '▏' : ''} `, { inverse: i === f.at });
    lines.push(`${i === f.at ? '▶ ' : '  '}${x.key.padEnd(keyW)} ${value}${paint(depth, `  ${x.help}`, { tone: 'dim' })}`);
    if (x.error) lines.push(paint(depth, `    ✗ ${x.error}`, { tone: 'bad' }));
  });
  // the selected field's words whole under the list (its row cuts them to the width), and what it takes
  const field = f.fields[f.at];
  const about = field ? wrap(`${field.key}: ${f.expects}${field.help ? ` — ${field.help}` : ''}`, inner, Math.max(1, Math.min(3, height - 5))) : [''];
  const sel = lines.findIndex((l) => l.startsWith('▶'));
  const room = Math.max(1, height - 3 - about.length);
  const start = Math.max(0, Math.min(sel - Math.floor(room / 2), lines.length - room));
  return vstack([
    box(vstack([leaf(lines.slice(start, start + room), inner, room), leaf(about.map((l) => paint(depth, l, { tone: 'dim' })), inner, about.length)], inner), { title: f.title, tone: 'accent', depth }),
    leaf([paint(depth, hints([FORM_KEYS], width, tr), { tone: 'dim' })], width, 1),
  ], width);
}

/** The help: every screen's keys, scrolled past `scroll` entries (section titles and keys: helpSteps). */
export function helpFrame(width: number, height: number, depth: ColorDepth, tr: Tr = EN_TR, scroll = 0): Block {
  const inner = width - 2;
  const two = inner >= 70;
  const half = Math.floor((inner - 2) / 2);
  const column = two ? inner - half - 2 : inner;
  const rows = Math.max(1, height - 3);
  const titles = new Set<string>();
  // One entry per section title and per key (each key's words wrapped to the column, under the
  // key's words, not cut); a section's last entry carries the blank line after it.
  const entries: string[][] = helpSections(tr).flatMap(({ title, rows: keys }) => {
    const head = paint(depth, title, { tone: 'title', bold: true });
    titles.add(head);
    const keyed = keys.map(([k, what]) => wrap(what, Math.max(10, column - 8)).map((w, i) => `${paint(depth, (i === 0 ? k : '').padEnd(8), { bold: true })}${w}`));
    keyed.at(-1)?.push('');
    return [[head], ...keyed];
  });
  const from = Math.max(0, Math.min(scroll, entries.length - 1));
  const all = [
    ...(from > 0 ? [paint(depth, tr.t('summary.above', { count: from }), { tone: 'dim' })] : []),
    ...entries.slice(from).flat(),
    tr.t('help.vim'),
    ...wrap(tr.t('help.stops'), column),
  ];
  let body: Block;
  if (!two) body = leaf(clipRows(all, rows, inner), inner, rows);
  else {
    // The lines flow down the first column and on into the second, never breaking a key's words
    // apart; what still does not fit is said with … (nothing is dropped silently).
    let cut = Math.min(rows, all.length);
    while (cut > 1 && cut < all.length && stripAnsi(all[cut]!).startsWith(' '.repeat(8))) cut--;
    // nor leaves a section's title (or a blank) alone at the foot of the first column
    while (cut > 1 && cut < all.length && (all[cut - 1] === '' || titles.has(all[cut - 1]!))) cut--;
    const rest = all.slice(cut);
    while (rest.length && rest[0] === '') rest.shift();
    const second = inner - half - 2;
    body = hstack([leaf(all.slice(0, cut), half, rows), blank(2, rows), leaf(clipRows(rest, rows, second), second, rows)], rows);
  }
  return vstack([box(body, { title: tr.t('help.title'), tone: 'accent', depth }), blank(width, 1)], width);
}

export function tooSmallFrame(columns: number, rows: number, min: { columns: number; rows: number }, tr: Tr = EN_TR): string[] {
  const lines = [tr.t('small.enlarge', { columns: min.columns, rows: min.rows, width: columns, height: rows }), tr.t('small.resume')];
  return lines.flatMap((l) => wrap(l, Math.max(10, columns), 3)).slice(0, Math.max(1, rows - 1)).map((l) => (displayWidth(l) > columns ? fit(l, columns) : l));
}

/**
 * The tour's closing summary: each era's stop, what failed → what fixed it, and the numbers its
 * runs ended on in this tour. Whole eras only; the list scrolls, marked above and below.
 */
export function summaryFrame(view: SummaryView, width: number, height: number, depth: ColorDepth, tr: Tr = EN_TR): Block {
  const inner = width - 4;
  const rows = Math.max(1, height - 3);
  const blocks = view.eras.map((e) => [
    paint(depth, e.title, { tone: 'title', bold: true }),
    ...wrap(tr.t('summary.words', { failure: e.failure, fix: e.fix }), inner - 2, 3).map((l) => `  ${l}`),
    ...wrap(e.runs ? e.runs.join(' · ') : tr.t('summary.notPlayed'), inner - 2, 3).map((l) => paint(depth, `  ${l}`, { tone: e.runs ? 'good' : 'dim' })),
  ]);
  const start = Math.min(view.scroll, view.eras.length - 1);
  const lines: string[] = [paint(depth, tr.t('summary.head'), { tone: 'dim' })];
  if (start > 0) lines.push(paint(depth, tr.t('summary.above', { count: start }), { tone: 'dim' }));
  let shown = start;
  // Whole eras while they fit, one row kept for the "more below" mark when some are left.
  while (shown < blocks.length) {
    const b = blocks[shown]!;
    const left = blocks.length - shown - 1;
    if (lines.length + b.length + (left > 0 ? 1 : 0) > rows && shown > start) break;
    lines.push(...b);
    shown++;
  }
  if (shown < blocks.length) lines.push(paint(depth, tr.t('summary.more', { count: blocks.length - shown }), { tone: 'dim' }));
  return vstack([
    box(hstack([blank(1, rows), leaf(lines, inner, rows), blank(1, rows)], rows), { title: tr.t('summary.title'), tone: 'accent', depth }),
    leaf([paint(depth, hints([SUMMARY_KEYS], width, tr), { tone: 'dim' })], width, 1),
  ], width);
}
