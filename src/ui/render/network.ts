/**
 * The network view (issue 25) drawn from its snapshot (src/session/network-view.ts): layers left
 * to right, each unit its small map (the same painter as the hidden-unit maps: the high end in
 * class 1's colour, the low end in class 0's), its name and bias above it; between two layers each
 * drawn weight a braille line from unit to unit, in class 1's colour when positive and class 0's
 * when negative (without colour: negative weights dotted), brighter and two dots thick the larger
 * |w| is against the largest weight of the net. An opened unit: its map large, beside its incoming
 * weights as bars. Nothing here calls a model.
 */
import { short } from '../../core/format.js';
import type { NetDetail, NetMap, NetworkView } from '../../session/network-view.js';
import { classRgb, mix, type ColorDepth, type Rgb } from '../color.js';
import { EN_TR, type Tr } from '../../i18n/index.js';
import { paint as style } from './style.js';
import { displayWidth, endRow, fit, paint, wrap } from './text.js';
import { paintUnit } from './units.js';

const DIM: Rgb = [70, 70, 80];
const BITS = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
] as const;

/** A weight's colour: its sign's class colour, brighter the larger |w| is against the largest. */
export const weightRgb = (w: number, maxAbs: number): Rgb => mix(DIM, classRgb(w >= 0 ? 1 : 0), 0.3 + 0.7 * Math.min(1, maxAbs > 0 ? Math.abs(w) / maxAbs : 0));

/** A number with its sign: +0.31, −1.2. */
export const signed = (v: number): string => (v > 0 ? `+${short(v)}` : short(v));

/** The widest a unit's column is drawn: its map, or its label. */
const LABEL = 12;

/** Geometry of the grid: each layer's column width, the gaps between them, each unit's slot height. */
export function netGeometry(net: NetworkView, width: number): { unit: number; gap: number; slot: number; tile: number } | null {
  const L = net.layers.length;
  const tileCols = net.layers[0]?.units[0]?.map?.cols ?? 0;
  const tile = net.layers[0]?.units[0]?.map?.rows ?? 0;
  const unit = Math.max(tileCols, LABEL);
  const gap = L > 1 ? Math.floor((width - L * unit) / (L - 1)) : 0;
  if (L > 1 && gap < 2) return null;
  return { unit, gap, slot: tile + 1, tile };
}

interface Cell {
  bits: number;
  /** |w| of the strongest line through the cell, and its colour. */
  strength: number;
  rgb: Rgb;
}

/** The braille lines of one gap: `rows` strings of `gap` cells. */
function gapRows(edges: NetworkView['gaps'][number]['edges'], fromY: readonly number[], toY: readonly number[], gap: number, rows: number, maxAbs: number, depth: ColorDepth): string[] {
  const cells: Cell[] = Array.from({ length: gap * rows }, () => ({ bits: 0, strength: -1, rgb: DIM }));
  const W = 2 * gap;
  const H = 4 * rows;
  const set = (x: number, y: number, strength: number, rgb: Rgb): void => {
    if (x < 0 || x >= W || y < 0 || y >= H) return;
    const c = cells[Math.floor(y / 4) * gap + Math.floor(x / 2)]!;
    c.bits |= BITS[y % 4]![x % 2]!;
    if (strength >= c.strength) ((c.strength = strength), (c.rgb = rgb));
  };
  // weakest first, so the strongest line sets the colour of a cell it shares
  for (const e of [...edges].reverse()) {
    const y0 = fromY[e.from];
    const y1 = toY[e.to];
    if (y0 === undefined || y1 === undefined) continue;
    const strength = Number.isFinite(e.w) ? Math.abs(e.w) : Infinity;
    const rgb = weightRgb(Number.isFinite(e.w) ? e.w : 1, maxAbs);
    const thick = maxAbs > 0 && strength / maxAbs >= 0.5;
    const dotted = depth === 'none' && e.w < 0;
    let prev = y0;
    for (let x = 0; x < W; x++) {
      const y = Math.round(y0 + ((y1 - y0) * x) / Math.max(1, W - 1));
      if (dotted && x % 2 === 1) {
        prev = y;
        continue;
      }
      // steep lines: fill the rows between this column's dot and the last
      const [a, b] = y >= prev ? [prev, y] : [y, prev];
      for (let yy = x === 0 ? y : a; yy <= (x === 0 ? y : b); yy++) {
        set(x, yy, strength, rgb);
        if (thick) set(x, yy + 1, strength, rgb);
      }
      prev = y;
    }
  }
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let s = '';
    for (let c = 0; c < gap; c++) {
      const cell = cells[r * gap + c]!;
      s += cell.bits === 0 ? ' ' : paint(depth, cell.rgb, String.fromCharCode(0x2800 + cell.bits));
    }
    out.push(s);
  }
  return out;
}

const mapRows = (m: NetMap, depth: ColorDepth): string[] => paintUnit(m.values, m.cols, m.rows, depth, m.range ?? undefined);

/** A unit's label: its name and bias, the selected one marked (inverse with colour, ▸ without). */
function label(name: string, bias: number | null, selected: boolean, width: number, depth: ColorDepth): string {
  const text = fit(`${selected && depth === 'none' ? '▸' : ''}${name}${bias === null ? '' : ` ${signed(bias)}`}`, width);
  return selected && depth !== 'none' ? style(depth, text, { inverse: true, bold: true }) : text;
}

/** The header: what the maps and lines mean (what the lines mean alone when the whole does not fit). */
function head(net: NetworkView, width: number, depth: ColorDepth, tr: Tr): string {
  const pos = paint(depth, weightRgb(1, 1), depth === 'none' ? '⣿' : '━');
  const neg = paint(depth, weightRgb(-1, 1), depth === 'none' ? '⡡' : '━');
  const values = { sizes: net.sizes.join('-'), pos, neg, max: short(net.maxAbs) };
  const whole = tr.t('net.head', values);
  return displayWidth(whole) <= width ? whole : tr.t('net.headShort', values);
}

/** The foot: what is left out, else the selection and how to open it. */
function foot(net: NetworkView, tr: Tr): string {
  const { units, weights } = net.leftOut;
  const per = Math.max(...net.layers.map((l) => l.units.length));
  const edges = Math.max(0, ...net.gaps.map((g) => g.edges.length));
  if (units > 0 || weights > 0) return tr.t('net.leftOut', { units, per, weights, edges });
  const sel = net.layers[net.selected.layer]?.units[net.selected.unit];
  return sel ? tr.t('net.selected', { name: sel.name }) : '';
}

/** The opened unit: its map large beside its incoming weights as bars. */
function detailRows(d: NetDetail, net: NetworkView, width: number, rows: number, depth: ColorDepth, tr: Tr): string[] {
  const what = tr.t(d.quantity === 'input' ? 'net.qInput' : d.quantity === 'net' ? 'net.qNet' : 'net.qActivation');
  const title = fit(tr.t('net.detail', { name: d.name, what, bias: d.bias === null ? '—' : signed(d.bias) }), width);
  const map = d.map && d.map.rows <= rows - 1 && d.map.cols < width - 10 ? mapRows(d.map, depth) : [];
  const left = map.length ? d.map!.cols + 2 : 0;
  const right = width - left;
  const barRoom = Math.max(0, Math.min(40, right - 18));
  const list =
    d.incoming.length === 0
      ? wrap(tr.t('net.noIncoming', { name: d.name }), right)
      : [
          tr.t('net.incoming', { n: d.incoming.length }),
          ...d.incoming.map((x) => {
            const n = net.maxAbs > 0 && Number.isFinite(x.w) ? Math.round((Math.abs(x.w) / net.maxAbs) * barRoom) : 0;
            return `${fit(x.from, 7)}${fit(signed(x.w), 9)} ${paint(depth, weightRgb(x.w, net.maxAbs), (depth === 'none' && x.w < 0 ? '░' : '█').repeat(n))}`;
          }),
        ];
  const body = rows - 1;
  const shown = list.length > body ? [...list.slice(0, Math.max(0, body - 1)), tr.t('net.more', { n: list.length - (body - 1) })] : list;
  const out = [title];
  for (let r = 0; r < body; r++) out.push((left ? (map[r] ?? ' '.repeat(d.map!.cols)) + '  ' : '') + fit(shown[r] ?? '', right));
  return out;
}

/** Each drawn unit's cells in the view (its label and map; none while a unit is opened): where a click opens it. */
export function netUnitCells(net: NetworkView, width: number, height: number): { layer: number; unit: number; col: number; row: number; width: number; height: number }[] {
  const geo = netGeometry(net, width);
  if (!geo || net.detail || height <= 2) return [];
  const body = height - 2;
  return net.layers.flatMap((l, k) => {
    const off = Math.max(0, Math.floor((body - l.units.length * geo.slot) / 2));
    return l.units.map((_, i) => ({ layer: k, unit: i, col: k * (geo.unit + geo.gap), row: 1 + off + i * geo.slot, width: geo.unit, height: geo.slot }));
  });
}

/** The view in exactly `height` rows of exactly `width` cells. */
export function networkLines(net: NetworkView, width: number, height: number, depth: ColorDepth, tr: Tr = EN_TR): string[] {
  const rows: string[] = [];
  if (height <= 0 || width <= 0) return [];
  rows.push(fit(head(net, width, depth, tr), width));
  const geo = netGeometry(net, width);
  if (net.detail && height > 2) rows.push(...detailRows(net.detail, net, width, height - 1, depth, tr));
  else if (height > 2 && geo) {
    const body = height - 2;
    const L = net.layers.length;
    // each unit's top row in its layer's column, the layer centred in the rows
    const tops = net.layers.map((l) => {
      const used = l.units.length * geo.slot;
      const off = Math.max(0, Math.floor((body - used) / 2));
      return l.units.map((_, i) => off + i * geo.slot);
    });
    // a line leaves a unit at its map's middle (its label's row when it has no map), in braille dots
    const mid = geo.tile > 0 ? 1 + Math.floor(geo.tile / 2) : 0;
    const anchor = (k: number): number[] => tops[k]!.map((t) => 4 * (t + mid) + 2);
    const gaps = net.gaps.map((g, k) => gapRows(g.edges, anchor(k), anchor(k + 1), geo.gap, body, net.maxAbs, depth));
    const maps = net.layers.map((l) => l.units.map((u) => (u.map ? mapRows(u.map, depth) : null)));
    for (let r = 0; r < body; r++) {
      let s = '';
      for (let k = 0; k < L; k++) {
        const layer = net.layers[k]!;
        let cell = ' '.repeat(geo.unit);
        layer.units.forEach((u, i) => {
          const t = tops[k]![i]!;
          if (r === t) cell = label(u.name, u.bias, net.selected.layer === k && net.selected.unit === i, geo.unit, depth);
          else if (r > t && r <= t + geo.tile && maps[k]![i]) cell = maps[k]![i]![r - t - 1]! + ' '.repeat(geo.unit - u.map!.cols);
        });
        s += cell;
        if (k < L - 1) s += gaps[k]![r]!;
      }
      rows.push(fit(s, width));
    }
    rows.push(fit(foot(net, tr), width));
  } else if (height > 1) {
    // too narrow for the picture: the layers in words
    const words = net.layers.map((l) => `${l.units.map((u) => u.name).join(' ')}${l.size > l.units.length ? ' …' : ''}`).join(' → ');
    rows.push(...[tr.t('net.narrow'), words, foot(net, tr)].flatMap((t) => wrap(t, width)).slice(0, height - 1).map((t) => fit(t, width)));
  }
  while (rows.length < height) rows.push(' '.repeat(width));
  return rows.slice(0, height).map((r) => endRow(depth, displayWidth(r) === width ? r : fit(r, width)));
}
