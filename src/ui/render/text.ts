/**
 * Display width of terminal text and fitting text to a width: ANSI colour codes take no cells,
 * East-Asian wide characters (Korean, CJK) and emoji take two. Every renderer in this folder
 * builds its rows to an exact width with these, and the layout measures with them.
 */
import stringWidth from 'string-width';
import { sgr, type ColorDepth, type Rgb } from '../color.js';

export const RESET = '\x1b[0m';
export const ELLIPSIS = '…';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
// eslint-disable-next-line no-control-regex
const ANSI_AT_START = /^\x1b\[[0-9;?]*[A-Za-z]/;

/**
 * Code points that are one cell wide for string-width and every terminal we target: printable
 * ASCII and Latin-1, general punctuation, super/subscripts, arrows, maths, box drawing, blocks,
 * geometric shapes (bar the two emoji squares) and braille. A test checks this against string-width.
 */
const NARROW_CLASS = '\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u2070-\\u209f\\u2190-\\u21ff\\u2200-\\u22ff\\u2500-\\u25fc\\u25ff\\u2800-\\u28ff';
const NARROW = new RegExp(`^[${NARROW_CLASS}]*$`);
/** Runs of other characters, with the character before them (it may start their cluster). */
const OTHER_RUNS = new RegExp(`[${NARROW_CLASS}]?[^${NARROW_CLASS}]+`, 'g');

/** True when every character of s (without colour codes) is one cell wide. */
export const isNarrow = (plain: string): boolean => NARROW.test(plain);

/** Cells that s takes on a terminal (colour codes excluded, wide characters counted twice). */
export function displayWidth(s: string): number {
  const plain = s.includes('\x1b') ? s.replace(ANSI, '') : s;
  if (NARROW.test(plain)) return plain.length;
  // Narrow characters count one each; only the other runs go through string-width (it is slow).
  let width = plain.length;
  for (const m of plain.matchAll(OTHER_RUNS)) width += stringWidth(m[0]) - m[0].length;
  return width;
}

const segmenter = new Intl.Segmenter();

/** Splits s into colour codes (width 0) and visible clusters with their widths. */
function tokens(s: string): { text: string; width: number }[] {
  const out: { text: string; width: number }[] = [];
  let i = 0;
  let plain = '';
  const flush = (): void => {
    if (!plain) return;
    let at = 0;
    for (const m of plain.matchAll(OTHER_RUNS)) {
      for (let i = at; i < m.index; i++) out.push({ text: plain[i]!, width: 1 });
      for (const { segment } of segmenter.segment(m[0])) out.push({ text: segment, width: stringWidth(segment) });
      at = m.index + m[0].length;
    }
    for (let i = at; i < plain.length; i++) out.push({ text: plain[i]!, width: 1 });
    plain = '';
  };
  while (i < s.length) {
    if (s.charCodeAt(i) === 0x1b) {
      const m = ANSI_AT_START.exec(s.slice(i));
      if (m) {
        flush();
        out.push({ text: m[0], width: 0 });
        i += m[0].length;
        continue;
      }
    }
    plain += s[i];
    i++;
  }
  flush();
  return out;
}

/**
 * s fitted to exactly `width` cells: cut with '…' when it is wider (by display width, a wide
 * character is never split), then padded with spaces. Colour codes are kept; when any was present a
 * reset follows the visible text so no colour runs into the padding.
 */
export function fit(s: string, width: number): string {
  if (width <= 0) return '';
  const hasAnsi = s.includes('\x1b');
  const w = displayWidth(s);
  if (w <= width) return (hasAnsi && !s.endsWith(RESET) ? s + RESET : s) + ' '.repeat(width - w);
  let out = '';
  let used = 0;
  for (const t of tokens(s)) {
    if (t.width === 0) {
      out += t.text;
      continue;
    }
    if (used + t.width > width - 1) break;
    out += t.text;
    used += t.width;
  }
  out += ELLIPSIS;
  used += 1;
  return (hasAnsi ? out + RESET : out) + ' '.repeat(Math.max(0, width - used));
}

/** s painted in a colour at a depth (plain s without colour); the colour is closed with a full reset. */
export function paint(depth: ColorDepth, rgb: Rgb, s: string, bold = false): string {
  if (depth === 'none' || s === '') return s;
  return `\x1b[${bold ? '1;' : ''}${sgr(depth, rgb)}m${s}${RESET}`;
}

/** A whole row for a depth: with colour it ends with a reset, without colour it has no codes. */
export const endRow = (depth: ColorDepth, row: string): string => (depth === 'none' || row.endsWith(RESET) ? row : row + RESET);

/** Rows of spaces, `height` of them, each `width` wide. */
export const blankRows = (width: number, height: number): string[] => Array.from({ length: Math.max(0, height) }, () => ' '.repeat(Math.max(0, width)));

/**
 * The first way `rows` break the renderers' contract, or null: exactly `height` rows of exactly
 * `width` cells; with colour every row ends with a reset, without colour no row has a code.
 */
export function rowsProblem(rows: readonly string[], width: number, height: number, depth: ColorDepth): string | null {
  if (rows.length !== height) return `${rows.length} rows instead of ${height}`;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const w = displayWidth(r);
    if (w !== width) return `row ${i} is ${w} cells wide instead of ${width}: ${JSON.stringify(r)}`;
    if (depth === 'none' && r.includes('\x1b')) return `row ${i} has an escape code without colour`;
    if (depth !== 'none' && !r.endsWith(RESET)) return `row ${i} does not end with a reset`;
  }
  return null;
}

/** Cut to at most `width` cells without padding. */
export const clip = (s: string, width: number): string => (displayWidth(s) <= width ? s : fit(s, width));

/** Words wrapped to `width` cells, at most `maxLines` lines (the last one cut with '…'). Plain text only. */
export function wrap(text: string, width: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (displayWidth(next) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = displayWidth(word) > width ? fit(word, width) : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fit(`${kept[maxLines - 1]} ${lines[maxLines]}`, width);
  return kept;
}

/**
 * At most `rows` of `lines`; when some are left out, the last one kept says so with '…' (text is
 * never cut mid-sentence without it).
 */
export function clipRows(lines: readonly string[], rows: number, width: number): string[] {
  if (lines.length <= rows) return [...lines];
  if (rows <= 0) return [];
  const kept = lines.slice(0, rows);
  const last = kept[rows - 1]!;
  // a last line too wide for " …" is cut to make room for it (fit alone keeps a line that fits whole)
  kept[rows - 1] = displayWidth(last) <= width - 2 ? `${last} ${ELLIPSIS}` : fit(`${last} ${ELLIPSIS}${ELLIPSIS}`, Math.max(1, width)).trimEnd();
  return kept;
}
