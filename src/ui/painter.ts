/**
 * Paints pre-rendered rows (the heatmap, the curves) straight onto the terminal, over the empty
 * boxes Ink lays out for them. Ink re-parses every character of every frame and caches each
 * distinct string it measures for ever; a heatmap that changes every frame would make both the
 * frame time and the memory grow. Here Ink only sees a constant empty box, and the rows are
 * written with absolute cursor moves after each Ink frame (and whenever they change).
 */
import type { DOMElement } from 'ink';

interface Item {
  readonly node: DOMElement;
  readonly rows: readonly string[];
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
    this.items.set(key, { node, rows });
    this.dirty = true;
  }
  remove(key: object): void {
    this.items.delete(key);
  }

  /** Save the cursor, write every visible item's rows in place, restore the cursor. */
  overlay(): string {
    this.dirty = false;
    let s = '';
    const screenRows = this.out.rows || 24;
    for (const { node, rows } of this.items.values()) {
      const at = placeOf(node);
      if (!at) continue;
      const n = Math.min(rows.length, at.height, screenRows - at.y);
      for (let i = 0; i < n; i++) s += `\x1b[${at.y + i + 1};${at.x + 1}H${rows[i]}\x1b[0m`;
    }
    return s ? `\x1b7${s}\x1b8` : '';
  }

  /**
   * Paint soon, in case Ink writes no frame (rows changed but its own output did not). Later
   * than Ink's frame throttle, so that usually the frame has carried the overlay already.
   */
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      // An Ink frame written since then has carried the overlay already.
      if (!this.dirty) return;
      const s = this.overlay();
      if (s) this.out.write(s);
    }, 50);
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
