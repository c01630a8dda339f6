/**
 * The one path from a frame to the terminal, live and in the tests alike. Ink and React own the
 * input and the component tree; the frame itself (src/ui/frame.ts, rows each exactly `width`
 * cells) is written here: on the first frame, a resize or a frame of another size the screen is
 * cleared and every row written; after that only the rows that differ from what is on the screen,
 * each with one absolute cursor move, and nothing at all when no row changed. The cursor is hidden
 * while the UI draws and shown again on close.
 *
 * Rows are written whole from column 1, so the terminal itself places wide characters (Korean, two
 * cells): a row never starts inside one. Ink's own output goes to `inkStream(terminal)`, which forwards
 * the size and resize events of the terminal but writes nothing.
 */
import { profiler } from './profile.js';

/** What the writer needs of a terminal: its size (when known) and a write. */
export interface Terminal {
  readonly columns?: number;
  readonly rows?: number;
  write(chunk: string): boolean;
}

export const HIDE_CURSOR = '\x1b[?25l';
export const SHOW_CURSOR = '\x1b[?25h';
/** Reset the colours, clear the screen. */
export const CLEAR = '\x1b[0m\x1b[2J';
/** Cursor to row r, column 1 (both 1-based). */
export const rowAt = (r: number): string => `\x1b[${r};1H`;
/** Written after every row, so a colour never leaks into the next move. */
export const RESET = '\x1b[0m';

export class ScreenWriter {
  /** The rows on the screen now (index = screen row). */
  private shown: readonly string[] = [];
  /** Terminal size and frame size of what is on the screen; another one repaints it whole. */
  private shape = '';
  private cursorHidden = false;
  constructor(private readonly out: Terminal) {}

  /** Writes the frame's rows (each `width` cells): all of them after a change of size, else the changed ones. */
  paint(rows: readonly string[], width: number): void {
    const t0 = performance.now();
    const limit = this.out.rows && this.out.rows > 0 ? Math.min(rows.length, this.out.rows) : rows.length;
    const shape = `${this.out.columns ?? 0}×${this.out.rows ?? 0}:${width}×${limit}`;
    let s = '';
    if (!this.cursorHidden) {
      s += HIDE_CURSOR;
      this.cursorHidden = true;
    }
    const whole = shape !== this.shape;
    if (whole) {
      s += CLEAR;
      this.shape = shape;
    }
    const shown = this.shown;
    for (let r = 0; r < limit; r++) {
      const row = rows[r]!;
      if (whole || row !== shown[r]) s += rowAt(r + 1) + row + RESET;
    }
    this.shown = rows.length === limit ? rows : rows.slice(0, limit);
    // timed: the diff and the bytes to write (the write itself is the terminal's time)
    profiler?.painted(performance.now() - t0, performance.now());
    if (s) this.out.write(s);
  }

  /** Written as is (an OSC 52 clipboard request): nothing on the screen moves. */
  raw(s: string): void {
    this.out.write(s);
  }

  /** The cursor shown again (once), and the screen forgotten: a later paint starts afresh. */
  close(): void {
    if (this.cursorHidden) this.out.write(SHOW_CURSOR);
    this.cursorHidden = false;
    this.shown = [];
    this.shape = '';
  }
}

/**
 * The stream Ink renders to: the terminal's size, events and other members, but writes that go
 * nowhere (the React tree draws nothing itself; every frame comes through a ScreenWriter).
 */
export function inkStream<T extends object>(terminal: T): T {
  return new Proxy(terminal, {
    get: (target, prop) => {
      if (prop === 'write') return () => true;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
