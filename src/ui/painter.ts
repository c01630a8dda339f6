/**
 * Paints pre-rendered rows (the heatmap, the curves) straight onto the terminal, over the empty
 * boxes Ink lays out for them. Ink re-parses every character of every frame and caches each
 * distinct string it measures for ever; a heatmap that changes every frame would make both the
 * frame time and the memory grow. Here Ink only sees a constant empty box, and the rows are
 * written with absolute cursor moves after each Ink frame (and whenever they change).
 */
import type { DOMElement } from 'ink';
import { profiler } from './profile.js';

interface Item {
  readonly node: DOMElement;
  readonly rows: readonly string[];
  /** What was last written at each row of the screen, for this item (rows unchanged are skipped). */
  written?: Map<number, string>;
}

type Node = DOMElement & { style?: { display?: string } };

/** Top-left cell of a laid-out element, or null when it (or an ancestor) is hidden. */
export function placeOf(node: DOMElement): { x: number; y: number; width: number; height: number } | null {
  let x = 0;
  let y = 0;
  let current: Node | undefined = node;
  let root: Node | undefined = node;
  while (current) {
    root = current;
    if (current.style?.display === 'none') return null;
    if (current.parentNode) {
      if (!current.yogaNode) return null;
      x += current.yogaNode.getComputedLeft();
      y += current.yogaNode.getComputedTop();
    }
    current = current.parentNode as Node | undefined;
  }
  // A node no longer attached to Ink's tree has no place on screen.
  if (!node.yogaNode || root?.nodeName !== 'ink-root') return null;
  return { x, y, width: node.yogaNode.getComputedWidth(), height: node.yogaNode.getComputedHeight() };
}

export class Painter {
  private readonly items = new Map<object, Item>();
  private pending = false;
  /** Rows changed since the overlay was last written. */
  private dirty = false;
  constructor(private readonly out: NodeJS.WriteStream) {}

  set(key: object, node: DOMElement, rows: readonly string[]): void {
    const written = this.items.get(key)?.written;
    this.items.set(key, { node, rows, ...(written ? { written } : {}) });
    this.dirty = true;
  }
  /** New rows for an item already placed (same size): painted without a React render. */
  update(key: object, rows: readonly string[]): boolean {
    const item = this.items.get(key);
    if (!item || item.rows.length !== rows.length) return false;
    this.items.set(key, { ...item, rows });
    this.dirty = true;
    this.schedule();
    return true;
  }

  /**
   * Everything written again at the next paint: after a resize the terminal (or Ink, clearing for a
   * narrower screen) may have wiped what was written, though the rows did not change.
   */
  repaint(): void {
    for (const item of this.items.values()) delete item.written;
    this.dirty = true;
    this.schedule();
  }

  remove(key: object): void {
    this.items.delete(key);
  }

  /**
   * Save the cursor, write the visible items' rows in place, restore the cursor. After an Ink frame
   * (`full`) every row is written again, since Ink may have drawn over them; otherwise only the rows
   * that changed since they were last written.
   */
  overlay(full = true): string {
    const t0 = performance.now();
    this.dirty = false;
    let s = '';
    const screenRows = this.out.rows || 24;
    for (const item of this.items.values()) {
      const at = placeOf(item.node);
      if (!at) continue;
      const written = full || !item.written ? new Map<number, string>() : item.written;
      const n = Math.min(item.rows.length, at.height, screenRows - at.y);
      for (let i = 0; i < n; i++) {
        const where = (at.y + i) * 10_000 + at.x;
        if (written.get(where) === item.rows[i]) continue;
        written.set(where, item.rows[i]!);
        s += `\x1b[${at.y + i + 1};${at.x + 1}H${item.rows[i]}\x1b[0m`;
      }
      item.written = written;
    }
    profiler?.painted(performance.now() - t0);
    return s ? `\x1b7${s}\x1b8` : '';
  }

  /**
   * Paint at once (after the current commit), in case Ink writes no frame: with the whole screen on
   * the canvas Ink's own output does not change, so the rows that did are written here.
   */
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      // An Ink frame written since then has carried the overlay already.
      if (!this.dirty) return;
      const s = this.overlay(false);
      if (s) this.out.write(s);
    });
  }

  /** The stream Ink writes to: each frame it writes is followed by the overlay. */
  stream(): NodeJS.WriteStream {
    return new Proxy(this.out, {
      get: (target, prop) => {
        if (prop === 'write') {
          return (chunk: unknown, ...rest: unknown[]) =>
            (target.write as (...a: unknown[]) => boolean)(typeof chunk === 'string' && chunk.length > 32 ? chunk + this.overlay() : chunk, ...rest);
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }
}
