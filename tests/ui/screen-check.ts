/**
 * What makes a screen whole: no line wider than the terminal (display width), no more lines than
 * it has rows, and every box closed — corners pair up, edges run unbroken between them (columns
 * counted in cells, so a box beside Korean text is checked where the terminal draws it).
 */
import { stripAnsi } from '../../src/ui/color.js';
import { displayWidth } from '../../src/ui/render/text.js';

/** A line as terminal cells: a wide character (Korean) takes its cell and the next (left empty). */
function cells(line: string): string[] {
  const out: string[] = [];
  for (const ch of line) {
    const w = displayWidth(ch);
    if (w === 0) continue;
    out.push(ch);
    if (w === 2) out.push('');
  }
  return out;
}

export function screenProblems(text: readonly string[], width: number, height: number): string[] {
  const problems: string[] = [];
  const lines = text.map(stripAnsi);
  if (lines.length > height) problems.push(`${lines.length} lines on a terminal of ${height} rows`);
  lines.forEach((l, r) => {
    if (displayWidth(l) > width) problems.push(`line ${r + 1} is ${displayWidth(l)} cells wide, more than ${width}: ${l.slice(0, 60)}`);
  });
  const grid = lines.map(cells);
  const at = (r: number, c: number): string => grid[r]?.[c] ?? '';
  grid.forEach((row, r) =>
    row.forEach((ch, c) => {
      if (ch !== '┌') return;
      const right = row.indexOf('┐', c + 1);
      if (right < 0) return void problems.push(`line ${r + 1}: a box opens at column ${c + 1} and its top edge never closes`);
      let bottom = -1;
      for (let rr = r + 1; rr < grid.length; rr++) {
        if (at(rr, c) === '└') {
          bottom = rr;
          break;
        }
        if (at(rr, c) !== '│' || at(rr, right) !== '│') return void problems.push(`line ${rr + 1}: the box opened on line ${r + 1} has a broken side`);
      }
      if (bottom < 0) return void problems.push(`line ${r + 1}: the box at column ${c + 1} is never closed`);
      if (at(bottom, right) !== '┘') problems.push(`line ${bottom + 1}: the box's bottom-right corner is missing`);
      for (let cc = c + 1; cc < right; cc++) if (at(bottom, cc) !== '─') return void problems.push(`line ${bottom + 1}: text in the bottom edge of a box`);
    }),
  );
  const count = (ch: string): number => lines.join('').split(ch).length - 1;
  if (count('┌') !== count('┘') || count('┐') !== count('└')) problems.push('box corners do not pair up');
  return problems;
}

/**
 * Two numbers that touch: a digit (or %) right before a minus and a digit (`−1−0.0132`), or two
 * decimal points in one number (`0.10.000127`). Table columns keep a space between cells.
 */
const TOUCHING = /[\d%]−\d|\d\.\d+\.\d/;

export function touching(lines: readonly string[]): string[] {
  return lines.map(stripAnsi).flatMap((l, r) => {
    const m = TOUCHING.exec(l);
    return m ? [`line ${r + 1}: numbers touch at "${l.slice(Math.max(0, m.index - 12), m.index + 14)}"`] : [];
  });
}
