/**
 * A fake terminal for the UI tests: a stream with a size and resize events that logs every write
 * and feeds it to a small screen of cells — absolute cursor moves, clear, save and restore,
 * cursor shown or hidden, colours ignored, a wide character (Korean) taking its cell and the next.
 * Reading the screen back as rows is reading what a user would see.
 */
import { EventEmitter } from 'node:events';
import stringWidth from 'string-width';

const widths = new Map<string, number>();
const widthOf = (ch: string): number => widths.get(ch) ?? (widths.set(ch, stringWidth(ch)), widths.get(ch)!);

export class Cells {
  cells: string[][] = [];
  row = 0;
  col = 0;
  cursorVisible = true;
  private saved: [number, number] = [0, 0];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    this.clear();
  }
  private clear(): void {
    this.cells = Array.from({ length: this.rows }, () => Array<string>(this.columns).fill(' '));
  }
  /** A resized terminal keeps what fits (the writer repaints it whole anyway). */
  resize(columns: number, rows: number): void {
    const old = this.cells;
    this.columns = columns;
    this.rows = rows;
    this.clear();
    old.forEach((line, r) => line.forEach((ch, c) => r < rows && c < columns && (this.cells[r]![c] = ch)));
  }
  feed(s: string): void {
    for (let i = 0; i < s.length; ) {
      const code = s.charCodeAt(i);
      if (code === 0x1b) {
        i = this.escape(s, i);
        continue;
      }
      if (code === 0x0a) {
        this.row++;
        this.col = 0;
        i++;
        continue;
      }
      // plain text up to the next escape or newline, one character (code point) at a time
      let w: number;
      let ch: string;
      if (code < 0x7f) {
        ch = s[i]!;
        w = 1;
        i++;
      } else {
        ch = String.fromCodePoint(s.codePointAt(i)!);
        w = widthOf(ch);
        i += ch.length;
      }
      const line = this.cells[this.row];
      // off the screen: dropped, as a terminal that does not scroll here would
      if (line && w > 0 && this.col + w <= this.columns) {
        line[this.col] = ch;
        if (w === 2) line[this.col + 1] = '';
      }
      this.col += w;
    }
  }
  /** One escape sequence from s[i]; returns the index after it. */
  private escape(s: string, i: number): number {
    const next = s[i + 1];
    if (next === '7') {
      this.saved = [this.row, this.col];
      return i + 2;
    }
    if (next === '8') {
      [this.row, this.col] = this.saved;
      return i + 2;
    }
    if (next === ']') {
      // OSC … BEL: nothing on the screen
      const end = s.indexOf('\x07', i);
      return end < 0 ? s.length : end + 1;
    }
    // CSI: parameters (0x30–0x3f: digits, ';', '?') up to the final letter
    let e = i + 2;
    while (e < s.length && s.charCodeAt(e) >= 0x30 && s.charCodeAt(e) <= 0x3f) e++;
    const op = s[e];
    if (next === '[' && op === 'm') return e + 1;
    if (next !== '[' || op === undefined || !/[A-Za-z]/.test(op)) throw new Error(`unknown escape sequence ${JSON.stringify(s.slice(i, i + 12))}`);
    const args = s.slice(i + 2, e);
    if (op === 'H') {
      const [r = 1, c = 1] = args.split(';').map(Number);
      this.row = r - 1;
      this.col = c - 1;
    } else if (op === 'J' && args === '2') this.clear();
    else if (op === 'l' && args === '?25') this.cursorVisible = false;
    else if (op === 'h' && args === '?25') this.cursorVisible = true;
    else throw new Error(`unexpected escape sequence ${JSON.stringify(s.slice(i, e + 1))}`);
    return e + 1;
  }
  /** The screen as text rows: a wide character followed by the empty cell it covers. */
  text(): string[] {
    return this.cells.map((r) => r.join(''));
  }
}

/** A terminal stand-in for Ink and the screen writer: size, resize events, and every write. */
export class FakeTerminal extends EventEmitter {
  readonly log: string[] = [];
  readonly screen: Cells;
  readonly isTTY = true;
  constructor(
    public columns = 100,
    public rows = 30,
  ) {
    super();
    this.screen = new Cells(columns, rows);
  }
  write(chunk: unknown): boolean {
    const s = String(chunk);
    this.log.push(s);
    this.screen.feed(s);
    return true;
  }
  /** Everything written since the last call. */
  take(): string {
    return this.log.splice(0).join('');
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.screen.resize(columns, rows);
    this.emit('resize');
  }
  asStream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}

/** Keys for Ink's input: a readable that tells Ink when data arrived. */
export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read(): string | null {
    const d = this.data;
    this.data = null;
    return d;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  asStream(): NodeJS.ReadStream {
    return this as unknown as NodeJS.ReadStream;
  }
}
