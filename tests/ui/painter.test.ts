/**
 * The painter, the path every live frame takes to the terminal, driven on a fake stream: a
 * writable with columns and rows that logs each write, read back through a small terminal (cursor
 * moves, save and restore, two cells for a wide character). Ink's layout nodes are stood in for by
 * plain objects with the same computed places, so what is checked is exactly what reaches the
 * screen: the first frame whole, then only the rows that changed, nothing when nothing did, the
 * whole again after a resize.
 */
import type { DOMElement } from 'ink';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { Painter, placeOf } from '../../src/ui/painter.js';

/** A writable terminal stand-in: its size, and every chunk written to it. */
class FakeStream {
  readonly log: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {}
  write(chunk: unknown): boolean {
    this.log.push(String(chunk));
    return true;
  }
  /** A method the proxy must hand on bound to the stream itself. */
  size(): [number, number] {
    return [this.columns, this.rows];
  }
  asStream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}

/** A screen of cells fed the escape sequences the painter and Ink write. */
class Screen {
  readonly cells: string[][];
  private row = 0;
  private col = 0;
  private saved: [number, number] = [0, 0];
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    this.cells = Array.from({ length: rows }, () => Array<string>(columns).fill(' '));
  }
  feed(s: string): void {
    for (let i = 0; i < s.length; ) {
      if (s[i] === '\x1b') {
        if (s[i + 1] === '7') (this.saved = [this.row, this.col]), (i += 2);
        else if (s[i + 1] === '8') ([this.row, this.col] = this.saved), (i += 2);
        else {
          const m = /^\x1b\[([?\d;]*)([A-Za-z])/.exec(s.slice(i))!;
          if (m[2] === 'H') {
            const [r = 1, c = 1] = m[1]!.split(';').map(Number);
            this.row = r - 1;
            this.col = c - 1;
          }
          i += m[0].length;
        }
        continue;
      }
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      i += ch.length;
      if (ch === '\n') {
        this.row++;
        this.col = 0;
        continue;
      }
      const w = stringWidth(ch);
      const line = this.cells[this.row];
      // off the screen: dropped, as a terminal that does not scroll here would
      if (line && this.col + w <= this.columns) {
        line[this.col] = ch;
        if (w === 2) line[this.col + 1] = '';
      }
      this.col += w;
    }
  }
  /** The screen as text: a wide character followed by the empty cell it covers. */
  text(): string[] {
    return this.cells.map((r) => r.join(''));
  }
}

/** A laid-out node as placeOf reads it: computed left/top/size relative to its parent. */
function node(parent: object | undefined, left: number, top: number, width: number, height: number, display?: string): DOMElement {
  return {
    nodeName: parent ? 'ink-box' : 'ink-root',
    parentNode: parent,
    style: display ? { display } : {},
    yogaNode: { getComputedLeft: () => left, getComputedTop: () => top, getComputedWidth: () => width, getComputedHeight: () => height },
  } as unknown as DOMElement;
}

/** The cursor moves (1-based row, column) in a chunk, in order. */
const moves = (s: string): [number, number][] => [...s.matchAll(/\x1b\[(\d+);(\d+)H/g)].map((m) => [Number(m[1]), Number(m[2])]);

/** The painter's keys are objects (one per canvas): one per name here. */
const keys = new Map<string, object>();
const key = (name: string): object => keys.get(name) ?? (keys.set(name, { name }), keys.get(name)!);

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** An Ink frame (long enough to be a frame: the painter follows writes over 32 characters). */
const inkFrame = (columns: number, rows: number, fill = '.'): string => '\x1b[1;1H' + Array.from({ length: rows }, () => fill.repeat(columns)).join('\n');

function setup(columns = 20, rows = 8) {
  const out = new FakeStream(columns, rows);
  const painter = new Painter(out.asStream());
  const root = node(undefined, 0, 0, columns, rows);
  const box = node(root, 1, 2, columns - 2, rows - 3);
  const screen = new Screen(columns, rows);
  /** Everything written since the last call, fed to the screen. */
  const take = (): string[] => {
    const chunks = out.log.splice(0);
    for (const c of chunks) screen.feed(c);
    return chunks;
  };
  return { out, painter, root, box, screen, take };
}

describe('placeOf', () => {
  it('adds the offsets of every ancestor and gives the node its own size', () => {
    const { box } = setup();
    const inner = node(box, 3, 1, 5, 2);
    expect(placeOf(inner)).toEqual({ x: 4, y: 3, width: 5, height: 2 });
  });
  it('has no place for a hidden node, a node under a hidden one, or one detached from the root', () => {
    const { root } = setup();
    const hidden = node(root, 0, 0, 4, 4, 'none');
    expect(placeOf(hidden)).toBeNull();
    expect(placeOf(node(hidden, 1, 1, 2, 2))).toBeNull();
    const detached = node(node(node(undefined, 0, 0, 9, 9), 0, 0, 9, 9), 0, 0, 1, 1);
    (detached.parentNode as unknown as { nodeName: string }).nodeName = 'ink-box';
    (detached.parentNode!.parentNode as unknown as { nodeName: string }).nodeName = 'ink-box';
    expect(placeOf(detached)).toBeNull();
  });
});

describe('Painter on a fake stream', () => {
  it('writes the first frame whole after the Ink frame, between a cursor save and restore', () => {
    const { painter, box, take, screen } = setup();
    const canvas = node(box, 2, 1, 4, 3);
    painter.set(key('heat'), canvas, ['abcd', 'efgh', 'ijkl']);
    painter.stream().write(inkFrame(20, 8));
    const [chunk, ...rest] = take();
    expect(rest).toEqual([]);
    // the Ink frame first, untouched, then the overlay
    expect(chunk!.startsWith(inkFrame(20, 8))).toBe(true);
    const overlay = chunk!.slice(inkFrame(20, 8).length);
    expect(overlay.startsWith('\x1b7') && overlay.endsWith('\x1b8')).toBe(true);
    // canvas at x = 1 + 2, y = 2 + 1 (0-based): rows 4..6, column 4 (1-based)
    expect(moves(overlay)).toEqual([
      [4, 4],
      [5, 4],
      [6, 4],
    ]);
    expect(screen.text().slice(2, 7)).toEqual(['.'.repeat(20), '...abcd.............', '...efgh.............', '...ijkl.............', '.'.repeat(20)]);
  });

  it('writes only the changed rows of a second frame, and nothing when it is unchanged', async () => {
    const { painter, box, take, screen } = setup();
    const canvas = node(box, 0, 0, 4, 3);
    painter.set(key('heat'), canvas, ['aaaa', 'bbbb', 'cccc']);
    painter.stream().write(inkFrame(20, 8));
    take();
    // a new frame of the same size, without React: painted on the next turn
    expect(painter.update(key('heat'), ['aaaa', 'BBBB', 'cccc'])).toBe(true);
    expect(take()).toEqual([]);
    await tick();
    const chunks = take();
    expect(chunks).toHaveLength(1);
    expect(moves(chunks[0]!)).toEqual([[4, 2]]);
    expect(chunks[0]).toBe('\x1b7\x1b[4;2HBBBB\x1b[0m\x1b8');
    expect(screen.text().slice(2, 6)).toEqual(['.aaaa...............', '.BBBB...............', '.cccc...............', '....................']);
    // the same rows again: nothing written
    expect(painter.update(key('heat'), ['aaaa', 'BBBB', 'cccc'])).toBe(true);
    await tick();
    expect(take()).toEqual([]);
    // a frame of another size is not an update: it goes back through React
    expect(painter.update(key('heat'), ['aaaa'])).toBe(false);
    expect(painter.update(key('unknown'), ['aaaa'])).toBe(false);
    await tick();
    expect(take()).toEqual([]);
  });

  it('coalesces several updates in one turn into one write of the last rows', async () => {
    const { painter, box, take } = setup();
    painter.set(key('heat'), node(box, 0, 0, 2, 2), ['xx', 'yy']);
    painter.stream().write(inkFrame(20, 8));
    take();
    painter.update(key('heat'), ['1x', 'yy']);
    painter.update(key('heat'), ['2x', 'yy']);
    painter.update(key('heat'), ['3x', 'y3']);
    await tick();
    const chunks = take();
    expect(chunks).toEqual(['\x1b7\x1b[3;2H3x\x1b[0m\x1b[4;2Hy3\x1b[0m\x1b8']);
  });

  it('writes every row again after an Ink frame, since Ink may have drawn over them', () => {
    const { painter, box, take } = setup();
    painter.set(key('heat'), node(box, 0, 0, 2, 2), ['xx', 'yy']);
    painter.stream().write(inkFrame(20, 8));
    take();
    painter.stream().write(inkFrame(20, 8, ','));
    const [chunk] = take();
    expect(chunk!.startsWith(inkFrame(20, 8, ','))).toBe(true);
    expect(moves(chunk!.slice(inkFrame(20, 8, ',').length))).toEqual([
      [3, 2],
      [4, 2],
    ]);
    // short writes (cursor and mode sequences) pass through alone
    painter.stream().write('\x1b[?25l');
    expect(take()).toEqual(['\x1b[?25l']);
  });

  it('keeps columns right around wide characters (a Korean syllable takes two cells)', async () => {
    const { painter, box, take, screen } = setup(24, 8);
    // two canvases side by side: the one on the right must start where its place says
    const left = node(box, 0, 0, 6, 2);
    const right = node(box, 7, 0, 4, 2);
    painter.set(key('left'), left, ['가나다', 'ab한글']);
    painter.set(key('right'), right, ['RRRR', 'SSSS']);
    painter.stream().write(inkFrame(24, 8));
    take();
    expect(screen.text().slice(2, 4)).toEqual(['.가나다.RRRR' + '.'.repeat(12), '.ab한글.SSSS' + '.'.repeat(12)]);
    // the cells themselves: 가 at column 1, its second cell empty, R exactly at column 8
    expect(screen.cells[2]!.slice(0, 13)).toEqual(['.', '가', '', '나', '', '다', '', '.', 'R', 'R', 'R', 'R', '.']);
    painter.update(key('left'), ['가나다', 'cd글자']);
    painter.update(key('right'), ['RRRR', 'TTTT']);
    await tick();
    const [chunk] = take();
    expect(moves(chunk!)).toEqual([
      [4, 2],
      [4, 9],
    ]);
    expect(screen.text().slice(2, 4)).toEqual(['.가나다.RRRR' + '.'.repeat(12), '.cd글자.TTTT' + '.'.repeat(12)]);
    expect(screen.cells[3]![8]).toBe('T');
  });

  it('repaints whole after a resize, though the rows did not change', async () => {
    const { out, painter, box, take, screen } = setup();
    painter.set(key('heat'), node(box, 0, 0, 3, 2), ['abc', 'def']);
    painter.stream().write(inkFrame(20, 8));
    take();
    // the terminal wiped the screen on resize
    out.columns = 30;
    screen.feed(inkFrame(20, 8, ' '));
    painter.repaint();
    await tick();
    const [chunk, ...rest] = take();
    expect(rest).toEqual([]);
    expect(moves(chunk!)).toEqual([
      [3, 2],
      [4, 2],
    ]);
    expect(screen.text().slice(2, 4)).toEqual([' abc                ', ' def                ']);
    // and nothing more once it is written
    painter.repaint();
    painter.update(key('heat'), ['abc', 'def']);
    await tick();
    expect(take()).toHaveLength(1);
    await tick();
    expect(take()).toEqual([]);
  });

  it('writes nothing below the screen, nothing for a hidden or removed item', async () => {
    const { out, painter, box, root, take } = setup(20, 8);
    // the box starts on row 2 of 8: a canvas at its row 4 has rows 6 and 7 on screen, not 8 and 9
    painter.set(key('low'), node(box, 0, 4, 2, 4), ['a1', 'a2', 'a3', 'a4']);
    painter.set(key('hidden'), node(node(root, 0, 0, 5, 5, 'none'), 0, 0, 2, 2), ['zz', 'zz']);
    painter.set(key('gone'), node(box, 5, 0, 2, 1), ['gg']);
    painter.remove(key('gone'));
    painter.stream().write(inkFrame(20, 8));
    const [chunk] = take();
    expect(moves(chunk!.slice(inkFrame(20, 8).length))).toEqual([
      [7, 2],
      [8, 2],
    ]);
    // rows beyond the node's laid-out height are not written either
    painter.set(key('short'), node(box, 10, 0, 2, 1), ['s1', 's2']);
    painter.stream().write(inkFrame(20, 8));
    expect(moves(take()[0]!).filter(([, c]) => c === 12)).toEqual([[3, 12]]);
    // a stream that does not know its height is taken as 24 rows
    out.rows = 0;
    painter.set(key('low'), node(box, 0, 4, 2, 4), ['b1', 'b2', 'b3', 'b4']);
    painter.stream().write(inkFrame(20, 8));
    expect(moves(take()[0]!).filter(([, c]) => c === 2)).toEqual([
      [7, 2],
      [8, 2],
      [9, 2],
      [10, 2],
    ]);
  });

  it('hands every other property of the stream on, methods bound to the stream', () => {
    const { out, painter } = setup(33, 11);
    const s = painter.stream() as unknown as FakeStream;
    expect(s.columns).toBe(33);
    expect(s.rows).toBe(11);
    const size = s.size;
    expect(size()).toEqual([33, 11]);
    out.columns = 40;
    expect(s.columns).toBe(40);
  });
});
