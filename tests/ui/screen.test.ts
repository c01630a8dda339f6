/**
 * The screen writer, the one path every frame takes to the terminal (live and in the UI tests),
 * on a fake terminal: the exact bytes of the first frame, then only the rows that changed (one
 * cursor move each), nothing when nothing did, the whole screen again after a resize or a frame
 * of another size, wide characters where the terminal draws them, the cursor hidden while drawing
 * and shown again on close.
 */
import { describe, expect, it } from 'vitest';
import { inkStream, ScreenWriter } from '../../src/ui/screen.js';
import { FakeTerminal } from './terminal.js';

const HIDE = '\x1b[?25l';
const CLEAR = '\x1b[0m\x1b[2J';
const row = (r: number, text: string): string => `\x1b[${r};1H${text}\x1b[0m`;
/** The cursor moves (1-based row, column) in a chunk, in order. */
const moves = (s: string): [number, number][] => [...s.matchAll(/\x1b\[(\d+);(\d+)H/g)].map((m) => [Number(m[1]), Number(m[2])]);

function setup(columns = 8, rows = 4) {
  const term = new FakeTerminal(columns, rows);
  return { term, writer: new ScreenWriter(term.asStream()) };
}

describe('ScreenWriter on a fake terminal', () => {
  it('writes the first frame whole: cursor hidden, screen cleared, each row from column 1', () => {
    const { term, writer } = setup();
    writer.paint(['abcdefgh', 'ijklmnop', 'qrstuvwx'], 8);
    expect(term.take()).toBe(HIDE + CLEAR + row(1, 'abcdefgh') + row(2, 'ijklmnop') + row(3, 'qrstuvwx'));
    expect(term.screen.text()).toEqual(['abcdefgh', 'ijklmnop', 'qrstuvwx', '        ']);
    expect(term.screen.cursorVisible).toBe(false);
  });

  it('then writes only the rows that changed, and nothing at all when none did', () => {
    const { term, writer } = setup();
    writer.paint(['aaaaaaaa', 'bbbbbbbb', 'cccccccc'], 8);
    term.take();
    writer.paint(['aaaaaaaa', 'BBBBBBBB', 'cccccccc'], 8);
    expect(term.take()).toBe(row(2, 'BBBBBBBB'));
    writer.paint(['aaaaaaaa', 'BBBBBBBB', 'cccccccc'], 8);
    expect(term.log).toEqual([]);
    writer.paint(['\x1b[31maaaaaaaa\x1b[39m', 'BBBBBBBB', 'ccccccc1'], 8);
    expect(moves(term.take())).toEqual([
      [1, 1],
      [3, 1],
    ]);
    expect(term.screen.text().slice(0, 3)).toEqual(['aaaaaaaa', 'BBBBBBBB', 'ccccccc1']);
  });

  it('puts wide characters (Korean, two cells) and braille (one) where the terminal draws them, row by row', () => {
    const { term, writer } = setup(10, 3);
    writer.paint(['가나다ab⠁⠂', 'ab한글cd  ', '⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿'], 10);
    expect(term.screen.text()).toEqual(['가나다ab⠁⠂', 'ab한글cd  ', '⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿']);
    // a wide character is followed by the cell it covers (empty in the screen's text)
    expect(term.screen.cells[0]).toEqual(['가', '', '나', '', '다', '', 'a', 'b', '⠁', '⠂']);
    term.take();
    // the middle row changes under a wide character: that row alone, written whole from column 1
    writer.paint(['가나다ab⠁⠂', 'abc글자 d ', '⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿'], 10);
    expect(term.take()).toBe(row(2, 'abc글자 d '));
    expect(term.screen.cells[1]).toEqual(['a', 'b', 'c', '글', '', '자', '', ' ', 'd', ' ']);
  });

  it('repaints the whole screen after a resize, and for a frame of another size, clearing what was there', () => {
    const { term, writer } = setup(8, 4);
    writer.paint(['aaaaaaaa', 'bbbbbbbb', 'cccccccc'], 8);
    term.take();
    term.resize(6, 3);
    writer.paint(['xxxxxx', 'yyyyyy'], 6);
    expect(term.take()).toBe(CLEAR + row(1, 'xxxxxx') + row(2, 'yyyyyy'));
    expect(term.screen.text()).toEqual(['xxxxxx', 'yyyyyy', '      ']);
    // the same rows at the same size again: nothing
    writer.paint(['xxxxxx', 'yyyyyy'], 6);
    expect(term.log).toEqual([]);
    // a shorter frame on the same terminal: cleared, so no row of the taller one stays behind
    writer.paint(['xxxxxx'], 6);
    expect(term.take()).toBe(CLEAR + row(1, 'xxxxxx'));
    expect(term.screen.text()).toEqual(['xxxxxx', '      ', '      ']);
  });

  it('never writes below the last row of the terminal', () => {
    const { term, writer } = setup(4, 2);
    writer.paint(['1111', '2222', '3333'], 4);
    expect(moves(term.take())).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(term.screen.text()).toEqual(['1111', '2222']);
  });

  it('shows the cursor again on close (once), passes raw bytes on, and starts afresh after closing', () => {
    const { term, writer } = setup();
    writer.paint(['abcdefgh'], 8);
    writer.raw('\x1b]52;c;aGk=\x07');
    term.take();
    writer.close();
    writer.close();
    expect(term.take()).toBe('\x1b[?25h');
    expect(term.screen.cursorVisible).toBe(true);
    writer.paint(['abcdefgh'], 8);
    expect(term.take()).toBe(HIDE + CLEAR + row(1, 'abcdefgh'));
  });
});

describe('inkStream', () => {
  it('swallows what Ink writes and hands every other member of the terminal on, methods bound to it', () => {
    const term = new FakeTerminal(33, 11);
    const s = inkStream(term);
    expect(s.write('\x1b[2Jsomething Ink drew')).toBe(true);
    expect(term.log).toEqual([]);
    expect(s.columns).toBe(33);
    expect(s.rows).toBe(11);
    let resized = 0;
    s.on('resize', () => resized++);
    term.resize(40, 12);
    expect(resized).toBe(1);
    expect(s.columns).toBe(40);
  });
});
