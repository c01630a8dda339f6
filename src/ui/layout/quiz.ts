/**
 * The quiz over the lab (k): the update's givens, one answer field per quantity, and after Enter
 * each quantity ✓ or ✗ with every entry, the right value and its line of arithmetic, and the score.
 * Presentational: it draws the session's QuizView.
 */
import { num } from '../../core/format.js';
import type { QuizRow, QuizView } from '../../session/quiz.js';
import { QUIZ_KEYS } from '../../session/keymaps.js';
import { EN_TR, type Tr } from '../../i18n/index.js';
import type { ColorDepth } from '../color.js';
import { hints } from '../render/parts.js';
import { paint } from '../render/style.js';
import { displayWidth, wrap } from '../render/text.js';
import { box, leaf, vstack, type Block } from './blocks.js';

const V = 6;
/** A number, a vector, or a matrix with its rows separated by ";" (the form the answers take). */
function values(xs: readonly string[], rows: number): string {
  if (xs.length === 1) return xs[0]!;
  const cols = xs.length / rows;
  return `(${Array.from({ length: rows }, (_, r) => xs.slice(r * cols, (r + 1) * cols).join(', ')).join('; ')})`;
}

function rowLines(r: QuizRow, selected: boolean, labelW: number, inner: number, depth: ColorDepth, tr: Tr): string[] {
  const label = r.label.padEnd(labelW);
  if (!r.marks) {
    const field = paint(depth, ` ${r.text}${selected ? '▏' : ''} `, { inverse: selected });
    const lines = [`${selected ? '▶ ' : '  '}${label} ${field}${paint(depth, `  ${r.shape}`, { tone: 'dim' })}`];
    if (r.error) lines.push(paint(depth, `    ✗ ${r.error}`, { tone: 'bad' }));
    return lines;
  }
  const mark = r.ok ? paint(depth, '✓', { tone: 'good', bold: true }) : paint(depth, '✗', { tone: 'bad', bold: true });
  const yours = values(r.marks.map((m) => `${num(m.given, V)} ${m.ok ? '✓' : '✗'}`), r.rows);
  const right = values(r.marks.map((m) => num(m.expected, V)), r.rows);
  const head = `${mark} ${label} ${tr.t('quiz.expected')} ${paint(depth, right, { bold: true })}`;
  const mine = `${tr.t('quiz.yours')} ${paint(depth, yours, { tone: r.ok ? 'good' : 'bad' })}`;
  const indent = ' '.repeat(labelW + 3);
  // Your answer beside the right value when both fit on the line, else below it; long values wrap, never cut.
  const lines =
    displayWidth(head) + displayWidth(mine) + 3 <= inner
      ? [`${head}   ${mine}`]
      : [
          ...(displayWidth(head) <= inner ? [head] : [`${mark} ${label}`, ...wrap(`${tr.t('quiz.expected')} ${right}`, inner - indent.length).map((l) => indent + l)]),
          ...(displayWidth(mine) + indent.length <= inner ? [indent + mine] : wrap(`${tr.t('quiz.yours')} ${yours}`, inner - indent.length).map((l) => indent + l)),
        ];
  return [...lines, ...wrap(r.work ?? '', inner - 4).map((l) => paint(depth, `    ${l}`, { tone: 'dim' }))];
}

export function quizFrame(q: QuizView, width: number, height: number, depth: ColorDepth, tr: Tr = EN_TR): Block {
  const inner = width - 2;
  const lines: string[] = [];
  /** The first line of the selected quantity: ↑↓ move it, the lines scroll to keep it in view. */
  let selected = -1;
  if (q.phase === 'none') lines.push(...wrap(q.message ?? '', inner));
  else {
    lines.push(paint(depth, q.head, { tone: 'title', bold: true }));
    for (const g of q.givens) lines.push(...wrap(g, inner));
    lines.push('');
    const labelW = Math.max(...q.rows.map((r) => r.label.length));
    q.rows.forEach((r, i) => {
      if (i === q.at) selected = lines.length;
      lines.push(...rowLines(r, q.phase === 'ask' && i === q.at, labelW, inner, depth, tr));
    });
  }
  const foot = [paint(depth, `${q.score} · ${q.tolerance}`, { tone: q.phase === 'reveal' ? 'accent' : 'dim' })];
  const room = Math.max(1, height - 4);
  // Keep the selected quantity in view when the lines outgrow the screen (asked or revealed).
  const start = selected < 0 || lines.length <= room ? 0 : Math.max(0, Math.min(selected - Math.floor(room / 3), lines.length - room));
  return vstack([
    box(vstack([leaf(lines.slice(start, start + room), inner, room), leaf(foot, inner, 1)], inner), { title: q.title, tone: 'accent', depth }),
    leaf([paint(depth, hints([QUIZ_KEYS], width, tr), { tone: 'dim' })], width, 1),
  ], width);
}
