/**
 * The frame's shared lines: the status bar (a segment per run), the footer's key hints condensed
 * by priority, and the claims panel (✓/✗ filling in as runs end).
 */
import { percent, short } from '../../core/format.js';
import { localized, type Binding } from '../../session/keymaps.js';
import { EN_TR, type Tr } from '../../i18n/index.js';
import type { ClaimView, ReceiptView } from '../../session/claims.js';
import type { LaneView } from '../../session/views.js';
import type { ColorDepth } from '../color.js';
import { VERDICT_TONE } from './lane.js';
import { paint } from './style.js';
import { displayWidth, fit } from './text.js';

/**
 * The key hints that fit in `width`, most important first, shown in keymap order; `?` always.
 * `off`: actions whose keys can do nothing on this screen (their hints are left out).
 */
export function hints<A extends string>(maps: readonly (readonly Binding<A>[])[], width: number, tr: Tr = EN_TR, off?: ReadonlySet<string>): string {
  // localized by the keymap tables themselves (their identity names them), then filtered
  const all = maps.flatMap((m) => localized(m, tr)).filter((b) => b.hint && !off?.has(b.action));
  const chosen = new Set<Binding<A>>();
  const text = (set: Set<Binding<A>>): string => all.filter((b) => set.has(b)).map((b) => b.hint).join(' · ');
  for (const b of [...all].sort((a, b) => b.priority - a.priority)) {
    chosen.add(b);
    if (displayWidth(text(chosen)) > width) chosen.delete(b);
  }
  return text(chosen);
}

/** One run's segment of the status bar, shortened step by step until it fits `room`. */
function segment(l: LaneView, room: number, depth: ColorDepth, named: boolean, tr: Tr): string {
  const word = l.verdict ? paint(depth, l.verdict.label, { tone: VERDICT_TONE[l.verdict.word], bold: true }) : l.error ? paint(depth, tr.t('status.error'), { tone: 'bad' }) : tr.t('status.training');
  const acc = l.labelled ? percent(l.now.accuracy) : '—';
  const test = l.labelled && l.latest?.testAccuracy !== undefined ? tr.t('status.test', { test: percent(l.latest.testAccuracy) }) : '';
  const epoch = `${l.epoch}${l.midSteps > 0 ? `+${l.midSteps}` : ''}`;
  // The run id and the epoch go last: before them the loss, the words and the test accuracy.
  const id = named ? `${l.id} ` : '';
  const tries = [
    `${id}${tr.t('status.long', { epoch, loss: short(l.now.loss), acc })}${test} ${word}`,
    `${id}${tr.t('status.medium', { epoch, acc })}${test} ${word}`,
    `${id}${tr.t('status.medium', { epoch, acc })} ${word}`,
    `${id}${tr.t('status.short', { epoch, acc })} ${word}`,
    `${id}${tr.t('status.short', { epoch, acc })}`,
    `${id}${acc} ${word}`,
    `${id}${word}`,
    word,
  ];
  return tries.find((t) => displayWidth(t) <= room) ?? fit(tries.at(-1)!, room);
}

/** Playing state, a segment per run, seed and pace, in inverse video across the whole width. */
export function statusBar(o: { lanes: readonly LaneView[]; playing: boolean; pace: string; seed: number | string; width: number; depth: ColorDepth; tr?: Tr; flash?: string | null }): string {
  const tr = o.tr ?? EN_TR;
  const play = o.playing ? '▶' : '⏸';
  // What `e` just wrote comes first, whole: it must be readable at every size.
  if (o.flash) return paint(o.depth, fit(` ${play} ${o.flash} │ ${o.lanes.map((l) => `${o.lanes.length > 1 ? `${l.id} ` : ''}${l.verdict?.label ?? ''}`).join(' │ ')}`, o.width), { inverse: true });
  const tail = ` │ ${tr.t('status.seed', { seed: o.seed })} │ ${o.pace} `;
  const shortTail = ` │ ${tr.t('status.seed', { seed: o.seed })} `;
  const named = o.lanes.length > 1;
  const fixed = displayWidth(play) + 2 + displayWidth(tail) + 3 * (o.lanes.length - 1);
  // The pace gives way first, so that each run keeps its id, epoch and verdict.
  const end = o.width - fixed >= 34 * o.lanes.length ? tail : shortTail;
  const room = Math.max(4, Math.floor((o.width - displayWidth(play) - 2 - displayWidth(end) - 3 * (o.lanes.length - 1)) / Math.max(1, o.lanes.length)));
  const body = ` ${play} ${o.lanes.map((l) => segment(l, room, o.depth, named, tr)).join(' │ ')}${end}`;
  return paint(o.depth, fit(body, o.width), { inverse: true });
}

const MARK: Readonly<Record<ClaimView['state'], string>> = { holds: '✓', fails: '✗', pending: '…', elsewhere: '·' };

/**
 * The claims, one a line: ✓ and ✗ as they are decided, … while their runs train. Claims about runs
 * not on screen are folded into one line. When rows are short: a summary line first, then the rest.
 */
export function claimLines(claims: readonly ClaimView[], rows: number, depth: ColorDepth, tr: Tr = EN_TR, receipts: readonly ReceiptView[] = []): string[] {
  if (receipts.length > 0 && rows > 0) {
    // Receipts under the claims: the first always (an era shows at least one), the rest as rows allow.
    const claimRows = claims.length === 0 ? 0 : rows === 1 ? 1 : Math.min(claims.length + 1, rows - 1);
    const shown = claimLines(claims, claimRows, depth, tr);
    return [...shown, ...receipts.slice(0, rows - shown.length).map((r) => receiptLineOf(r, depth))];
  }
  if (claims.length === 0 || rows <= 0) return [];
  const here = claims.filter((c) => c.state !== 'elsewhere');
  const away = claims.length - here.length;
  const held = here.filter((c) => c.state === 'holds').length;
  const failed = here.filter((c) => c.state === 'fails').length;
  const pending = here.length - held - failed;
  const summary = `${tr.t('claims.summary', { held })}${failed ? tr.t('claims.failed', { n: failed }) : ''}${pending ? tr.t('claims.pending', { n: pending }) : ''}${away ? tr.t('claims.away', { n: away }) : ''}`;
  const line = (c: ClaimView): string => {
    const tone = c.state === 'holds' ? 'good' : c.state === 'fails' ? 'bad' : 'dim';
    return `${paint(depth, MARK[c.state], { tone, bold: c.state === 'fails' })} ${c.text}${c.note ? paint(depth, ` — ${c.note}`, { tone: 'dim' }) : ''}`;
  };
  const listed = here.map(line);
  if (listed.length + 1 <= rows) return [paint(depth, summary, { bold: true }), ...listed];
  if (rows === 1) return [paint(depth, summary, { bold: true })];
  // Failed claims first: they are what a reader must not miss.
  const order = [...here].sort((a, b) => Number(b.state === 'fails') - Number(a.state === 'fails'));
  return [paint(depth, summary, { bold: true }), ...order.slice(0, rows - 1).map(line)];
}

const RECEIPT_MARK: Readonly<Record<ReceiptView['state'], string>> = { holds: '✓', fails: '✗', pending: '=', 'same-kind': '≈', differs: '≠' };

/** One receipt: ✓/✗ when it matches its paper and was measured, = before, ≈ same kind, ≠ differs. */
const receiptLineOf = (r: ReceiptView, depth: ColorDepth): string =>
  `${paint(depth, RECEIPT_MARK[r.state], { tone: r.state === 'holds' ? 'good' : r.state === 'fails' ? 'bad' : 'dim', bold: r.state === 'fails' })} ${r.text}`;

/** A challenge's leaderboard under its title: the best result per model on this machine. */
export const boardLines = (lines: readonly string[], depth: ColorDepth, tr: Tr = EN_TR): string[] => [
  paint(depth, tr.t('board.title'), { bold: true }),
  ...lines,
];
