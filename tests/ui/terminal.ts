/**
 * A fake terminal for the UI tests: a stream with a size and resize events that logs every write
 * and feeds it to a small screen of cells — absolute cursor moves, clear, save and restore,
 * cursor shown or hidden, colours ignored, a wide character (Korean) taking its cell and the next.
 * Reading the screen back as rows is reading what a user would see.
 */
import { EventEmitter } from 'node:events';
import stringWidth from 'string-width';

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
      if (s[i] === '\x1b') {
        const next = s[i + 1];
        if (next === '7') (this.saved = [this.row, this.col]), (i += 2);
        else if (next === '8') ([this.row, this.col] = this.saved), (i += 2);
        else if (next === ']') {
          // OSC … BEL: nothing on the screen
          const end = s.indexOf('\x07', i);
          i = end < 0 ? s.length : end + 1;
        } else {
          const m = /^\x1b\[([?\d;]*)([A-Za-z])/.exec(s.slice(i, i + 24));
          if (!m) throw new Error(`unknown escape sequence ${JSON.stringify(s.slice(i, i + 12))}`);
          const [, args = '', op] = m;
          if (op === 'H') {
            const [r = 1, c = 1] = args.split(';').map(Number);
            this.row = r - 1;
            this.col = c - 1;
          } else if (op === 'J' && args === '2') this.clear();
          else if (op === 'l' && args === '?25') this.cursorVisible = false;
          else if (op === 'h' && args === '?25') this.cursorVisible = true;
          else if (op !== 'm') throw new Error(`unexpected escape sequence ${JSON.stringify(m[0])}`);
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
      if (line && w > 0 && this.col + w <= this.columns) {
        line[this.col] = ch;
        if (w === 2) line[this.col + 1] = '';
      }
      this.col += w;
    }
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
