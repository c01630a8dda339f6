/**
 * Display width of terminal text: ANSI codes count 0, East-Asian wide characters (Korean) 2. Every
 * line the UI draws goes through fit(), so no line is ever wider than the room it was given.
 */
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

export const displayWidth = (s: string): number => stringWidth(s);

const RESET = '\x1b[0m';
// eslint-disable-next-line no-control-regex
const hasAnsi = (s: string): boolean => s.includes('\x1b');

/** Exactly `width` cells: cut with '…' when too long (ANSI-aware), padded with spaces when short. */
export function fit(s: string, width: number): string {
  if (width <= 0) return '';
  const w = displayWidth(s);
  if (w === width) return s;
  if (w < width) return s + ' '.repeat(width - w);
  let cut = sliceAnsi(s, 0, width - 1);
  // A wide character cut in half leaves the slice one cell short.
  const cw = displayWidth(cut);
  const tail = hasAnsi(s) ? `${RESET}…` : '…';
  cut += ' '.repeat(Math.max(0, width - 1 - cw));
  return cut + tail;
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
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = fit(`${kept[maxLines - 1]} ${lines[maxLines]}`, width).trimEnd();
    if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] = fit(kept[maxLines - 1]! + ' …'.repeat(width), width);
    return kept;
  }
  return lines;
}
