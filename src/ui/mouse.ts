/**
 * Mouse input (issue 25): SGR mouse reporting (CSI ?1000h: button presses; CSI ?1006h: the SGR
 * encoding, ESC [ < b ; x ; y M|m) switched on where stdin and stdout are terminals, off again on
 * every way out. The reports are taken out of the input before Ink's key handler reads it (they
 * must not be taken as key presses), and a click is resolved against the frame on screen: the map
 * (a point there) or a unit of the network view (open it). Every click has a keyboard path.
 */
import { PassThrough } from 'node:stream';
import type { AppSession } from '../session/app.js';
import { leafAt, type Block } from './layout/blocks.js';

export const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
export const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';

export interface MouseEvent {
  /** 0 left, 1 middle, 2 right; 64/65 the wheel. */
  readonly button: number;
  /** The cell, from 1 (as the terminal reports it). */
  readonly x: number;
  readonly y: number;
  readonly press: boolean;
  readonly shift: boolean;
}

// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[<(\d+);(\d+);(\d+)([Mm])/g;
// eslint-disable-next-line no-control-regex
const PARTIAL = /\x1b(\[(<[\d;]*)?)?$/;

/** The mouse reports in a chunk of input, the rest of it, and an unfinished report held for the next chunk. */
export function parseMouse(chunk: string): { events: MouseEvent[]; rest: string; held: string } {
  const events: MouseEvent[] = [];
  let rest = chunk.replace(SGR, (_, b: string, x: string, y: string, m: string) => {
    const code = Number(b);
    events.push({ button: (code & 3) | (code & 64), x: Number(x), y: Number(y), press: m === 'M' && (code & 32) === 0, shift: (code & 4) !== 0 });
    return '';
  });
  // a report cut by the chunk's end: keep its start (a lone Esc is a key, not held)
  const m = PARTIAL.exec(rest);
  let held = '';
  if (m && m[0].startsWith('\x1b[<')) {
    held = m[0];
    rest = rest.slice(0, m.index);
  }
  return { events, rest, held };
}

/**
 * A stand-in stdin for Ink: the terminal's input minus the mouse reports, which go to `onMouse`.
 * Raw mode, ref and unref reach the real stdin.
 */
export function filteredStdin(stdin: NodeJS.ReadStream, onMouse: (e: MouseEvent) => void): { stream: NodeJS.ReadStream; dispose: () => void } {
  const out = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
  let held = '';
  stdin.setEncoding('utf8');
  const onData = (data: string): void => {
    const r = parseMouse(held + data);
    held = r.held;
    for (const e of r.events) onMouse(e);
    if (r.rest) out.write(r.rest);
  };
  stdin.on('data', onData);
  Object.assign(out, {
    isTTY: stdin.isTTY,
    setRawMode: (on: boolean) => (stdin.setRawMode(on), out),
    ref: () => (stdin.ref(), out),
    unref: () => (stdin.unref(), out),
  });
  return {
    stream: out,
    dispose: () => {
      stdin.off('data', onData);
      stdin.pause();
    },
  };
}

/** Listeners of the clicks, for the App (one set per UI). */
export type MouseSource = (listener: (e: MouseEvent) => void) => () => void;

/** A left click (a press) on the frame: a point on the map, or a unit of the network view opened. True when it did something. */
export function click(app: AppSession, frame: Block, e: MouseEvent): boolean {
  if (!e.press || e.button !== 0) return false;
  const at = leafAt(frame, e.x - 1, e.y - 1);
  const hit = at?.leaf.hit;
  if (!at || !hit) return false;
  if (hit.kind === 'map') {
    const { domain: d, cols, rows } = hit;
    if (at.x >= cols || at.y >= rows) return false;
    app.clickMap(d.x[0] + ((at.x + 0.5) / cols) * (d.x[1] - d.x[0]), d.y[1] - ((at.y + 0.5) / rows) * (d.y[1] - d.y[0]), e.shift);
    return true;
  }
  const u = hit.units.find((c) => at.x >= c.col && at.x < c.col + c.width && at.y >= c.row && at.y < c.row + c.height);
  if (!u) return false;
  app.clickUnit(u.layer, u.unit);
  return true;
}
