/**
 * A screen as a tree of fixed-size blocks: leaves hold rows of text already fitted to their width,
 * stacks put blocks above or beside each other, boxes draw a closed border around one. Sizes are
 * decided before anything is drawn, so a frame fits its terminal by construction; flatten() gives
 * the frame as text (tests), the Frame component draws the same tree with Ink.
 */
import type { ColorDepth } from '../color.js';
import { paint, type Tone } from '../render/style.js';
import { clip, displayWidth, fit } from '../render/text.js';

export interface Leaf {
  readonly kind: 'leaf';
  readonly width: number;
  readonly height: number;
  readonly rows: readonly string[];
  /** Rows dense with colour codes (heatmap, charts), built exactly `width` wide: kept as they are, not fitted again. */
  readonly heavy: boolean;
  /** What a click on this leaf means (issue 25: the map's plane, the network view's units). */
  readonly hit?: Hit;
}

/** A clickable leaf: the map (its plane's box, its cells) or the network view (each unit's cells). */
export type Hit =
  | { readonly kind: 'map'; readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] }; readonly cols: number; readonly rows: number }
  | { readonly kind: 'net'; readonly units: readonly { readonly layer: number; readonly unit: number; readonly col: number; readonly row: number; readonly width: number; readonly height: number }[] };

/** The leaf under a cell (x across, y down, from 0) of a block, with the cell inside it. */
export function leafAt(b: Block, x: number, y: number): { leaf: Leaf; x: number; y: number } | null {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return null;
  if (b.kind === 'leaf') return { leaf: b, x, y };
  let at = 0;
  for (const c of b.children) {
    const size = b.kind === 'v' ? c.height : c.width;
    if ((b.kind === 'v' ? y : x) < at + size) return b.kind === 'v' ? leafAt(c, x, y - at) : leafAt(c, x - at, y);
    at += size;
  }
  return null;
}

export interface Stack {
  readonly kind: 'v' | 'h';
  readonly width: number;
  readonly height: number;
  readonly children: readonly Block[];
}

export type Block = Leaf | Stack;

const blankRow = (w: number): string => ' '.repeat(Math.max(0, w));

/**
 * A leaf of exactly width × height: rows are fitted (cut with '…' or padded), missing rows blank.
 * Heavy rows must already be exactly `width` cells wide (their builders guarantee it).
 */
export function leaf(rows: readonly string[], width: number, height: number, heavy = false): Leaf {
  const out: string[] = [];
  for (let i = 0; i < height; i++) {
    const r = rows[i];
    // Heavy rows come exactly `width` wide from their builders; one that does not is fitted anyway.
    out.push(r === undefined ? blankRow(width) : heavy && displayWidth(r) === width ? r : fit(r, width));
  }
  return { kind: 'leaf', width, height, rows: out, heavy };
}

export const blank = (width: number, height: number): Leaf => leaf([], width, height);

/** Blocks one above the other, each made as wide as the widest. */
export function vstack(children: readonly Block[], width?: number): Block {
  const w = width ?? Math.max(0, ...children.map((c) => c.width));
  const kids = children.filter((c) => c.height > 0).map((c) => (c.width === w ? c : widen(c, w)));
  return { kind: 'v', width: w, height: kids.reduce((s, c) => s + c.height, 0), children: kids };
}

/** Blocks side by side, each made as tall as the tallest. */
export function hstack(children: readonly Block[], height?: number): Block {
  const h = height ?? Math.max(0, ...children.map((c) => c.height));
  const kids = children.filter((c) => c.width > 0).map((c) => (c.height === h ? c : deepen(c, h)));
  return { kind: 'h', width: kids.reduce((s, c) => s + c.width, 0), height: h, children: kids };
}

function widen(b: Block, w: number): Block {
  if (b.width > w) throw new Error(`layout: a block of width ${b.width} does not fit in ${w}`);
  return hstack([b, blank(w - b.width, b.height)], b.height);
}

function deepen(b: Block, h: number): Block {
  if (b.height > h) throw new Error(`layout: a block of height ${b.height} does not fit in ${h}`);
  return vstack([b, blank(b.width, h - b.height)], b.width);
}

export interface BoxOptions {
  readonly title?: string;
  readonly tone?: Tone;
  readonly depth: ColorDepth;
}

/** A closed single-line border around `inner` (2 cells wider and 2 rows taller), title in the top edge. */
export function box(inner: Block, o: BoxOptions): Block {
  const w = inner.width;
  const edge = (s: string): string => paint(o.depth, s, { tone: o.tone ?? 'dim' });
  const room = Math.max(0, w - 2);
  const title = o.title && room > 2 ? clip(` ${o.title} `, room) : '';
  const tw = displayWidth(title);
  const top = edge('┌') + (title ? edge('─') + paint(o.depth, title, { bold: true }) + edge('─'.repeat(w - 1 - tw)) : edge('─'.repeat(w))) + edge('┐');
  const side = leaf(Array.from({ length: inner.height }, () => edge('│')), 1, inner.height);
  return vstack([
    leaf([top], w + 2, 1),
    hstack([side, inner, side], inner.height),
    leaf([edge('└') + edge('─'.repeat(w)) + edge('┘')], w + 2, 1),
  ]);
}

/** The frame as text rows (every row exactly `width` cells), for tests and the static report. */
export function flatten(b: Block): string[] {
  if (b.kind === 'leaf') return [...b.rows];
  const parts = b.children.map(flatten);
  if (b.kind === 'v') return parts.flat();
  return Array.from({ length: b.height }, (_, i) => parts.map((p) => p[i] ?? '').join(''));
}
