/**
 * The network view (issue 25), headless: a layered net on 2-D plane data drawn as TensorFlow
 * Playground draws it. Every unit gets a small map of its value over the input plane (the inputs
 * themselves, each hidden unit's activation a, each output unit's net input z), every weight an
 * edge with its sign and size, every unit its bias. The maps are computed here, once per weights
 * version (the lab throttles them like its decision fields); the screen only draws this snapshot.
 *
 * Nets too wide to draw show the first units of each layer and, between them, the strongest
 * weights; `leftOut` counts what is not drawn so the screen can say so.
 */
import type { Dataset, ModelInstance, WeightsSnapshot } from '../core/types.js';
import { FEATURES, type Feature, liftPoint } from '../data/features.js';
import { domainOf, onPlane, type Domain } from './field.js';

/** What the layout asks for: tile sizes in text cells (two pixels a cell), how many units and weights. */
export interface NetRequest {
  /** Cells of each unit's small map (0: no maps, the labels only). */
  readonly tileCols: number;
  readonly tileRows: number;
  /** Most units drawn per layer (the first ones). */
  readonly perLayer: number;
  /** Most weights drawn between two layers (the strongest). */
  readonly edges: number;
  /** Cells of the opened unit's large map. */
  readonly detailCols: number;
  readonly detailRows: number;
}

/** A unit's values over the plane: cols × 2·rows pixels, row-major, top pixel row first. */
export interface NetMap {
  readonly cols: number;
  readonly rows: number;
  readonly values: Float32Array;
  /** The values mapped to the two ends of the colour scale; null: the painter's default for activations. */
  readonly range: readonly [number, number] | null;
}

/** What a unit's map shows: an input's value, a hidden unit's activation a = f(z), an output's net input z. */
export type NetQuantity = 'input' | 'activation' | 'net';

export interface NetUnit {
  readonly name: string;
  /** Its bias (null for an input). */
  readonly bias: number | null;
  readonly quantity: NetQuantity;
  readonly map: NetMap | null;
}

export interface NetLayer {
  /** Units in the layer (the first `units.length` are drawn). */
  readonly size: number;
  readonly units: readonly NetUnit[];
}

/** A weight from unit `from` of one layer to unit `to` of the next (indices among the drawn units). */
export interface NetEdge {
  readonly from: number;
  readonly to: number;
  readonly w: number;
}

export interface NetGap {
  /** The drawn weights, strongest first. */
  readonly edges: readonly NetEdge[];
  /** Weights between the two layers in all. */
  readonly total: number;
}

export interface NetSelection {
  readonly layer: number;
  readonly unit: number;
}

/** The opened unit: its incoming weights (every one, strongest first) and its map, large. */
export interface NetDetail {
  readonly layer: number;
  readonly unit: number;
  readonly name: string;
  readonly bias: number | null;
  readonly quantity: NetQuantity;
  readonly incoming: readonly { readonly from: string; readonly w: number }[];
  readonly map: NetMap | null;
}

export interface NetworkView {
  /** Units per layer, inputs first. */
  readonly sizes: readonly number[];
  readonly layers: readonly NetLayer[];
  /** gaps[k]: the weights from layer k to layer k + 1. */
  readonly gaps: readonly NetGap[];
  /** Largest |w| of every weight of the net (drawn or not): the lines' scale. */
  readonly maxAbs: number;
  readonly selected: NetSelection;
  readonly detail: NetDetail | null;
  /** Units and weights not drawn (0 and 0 when the whole net is on screen). */
  readonly leftOut: { readonly units: number; readonly weights: number };
  readonly domain: Domain;
}

/** Whether the view is on: 'auto' shows it where the layout has room for it (projector sizes). */
export type NetMode = 'auto' | 'on' | 'off';

/** The view's state in a lab: on or off, the selected unit, whether it is opened. */
export class NetworkState {
  mode: NetMode = 'auto';
  layer = 1;
  unit = 0;
  open = false;
  /** Whether the last frame drew the view (the layout decides for 'auto'). */
  shown = false;
  /** Units drawn per layer in the last frame (the selection stays among them). */
  perLayer: readonly number[] = [];

  /** `v`: off when it is on screen, else on. */
  toggle(): void {
    this.mode = this.shown ? 'off' : 'on';
    if (this.mode === 'off') this.open = false;
  }

  /** The arrow keys: another layer (←→) or another unit of the layer (↑↓), among the drawn units. */
  move(layers: number, units: number): void {
    const count = this.perLayer.length;
    if (count === 0) return;
    this.layer = Math.max(0, Math.min(count - 1, this.layer + layers));
    const n = this.perLayer[this.layer] ?? 1;
    this.unit = Math.max(0, Math.min(n - 1, this.unit + units));
  }

  /** Enter: opens the selected unit, or closes it. */
  toggleOpen(): void {
    this.open = !this.open;
  }

  /** A click on a unit: selects it and opens it. */
  pick(layer: number, unit: number): void {
    this.layer = layer;
    this.unit = unit;
    this.open = true;
  }

  /** What the last frame drew (the lab calls this with the view it made). */
  seen(view: NetworkView | null): void {
    this.shown = view !== null;
    if (view) {
      this.perLayer = view.layers.map((l) => l.units.length);
      ({ layer: this.layer, unit: this.unit } = view.selected);
      if (!view.detail) this.open = false;
    }
  }

  /** The part of the fields' cache key that changes the view: the request, the selection, opened or not. */
  key(request: NetRequest | undefined): string {
    return request ? `/net${request.tileCols}x${request.tileRows}/${request.perLayer}/${request.edges}/${request.detailCols}x${request.detailRows}/${this.layer}.${this.unit}${this.open ? '+' : ''}` : '';
  }

  /** The selection, kept inside a net of these drawn units per layer. */
  selection(drawn: readonly number[]): NetSelection {
    const layer = Math.max(0, Math.min(drawn.length - 1, this.layer));
    return { layer, unit: Math.max(0, Math.min((drawn[layer] ?? 1) - 1, this.unit)) };
  }
}

/** The layer sizes of a net the view can draw (a layered net with hidden units on plane data), else null. */
export function netSizes(model: Pick<ModelInstance, 'hidden' | 'snapshot'>, data: Pick<Dataset, 'featureNames' | 'lifted'>): number[] | null {
  if (!model.hidden || !onPlane(data)) return null;
  const s = model.snapshot();
  if (s.kind !== 'layers' || s.layers.length < 2) return null;
  const inputs = (s.layers[0]![0]?.length ?? 1) - 1;
  return [inputs, ...s.layers.map((l) => l.length)];
}

/** Each unit's name: the inputs' own (x1, x2, x1², …), h<layer>.<unit> for hidden units, o (o1, o2, … for several). */
export function unitName(sizes: readonly number[], inputs: readonly string[], layer: number, unit: number): string {
  if (layer === 0) return inputs[unit] ?? `x${unit + 1}`;
  if (layer === sizes.length - 1) return sizes[layer] === 1 ? 'o' : `o${unit + 1}`;
  return `h${layer}.${unit + 1}`;
}

const at = (d: Domain, cols: number, pixelRows: number, c: number, r: number): [number, number] => [
  d.x[0] + ((c + 0.5) / cols) * (d.x[1] - d.x[0]),
  d.y[1] - ((r + 0.5) / pixelRows) * (d.y[1] - d.y[0]),
];

/**
 * Every unit's value at every pixel of a cols × 2·rows grid over the plane: the input row u (the
 * point, or its feature inputs), the hidden activations hidden(u), and each output's net input
 * z = b + Σ w·a from the last layer's weights. `keep(layer, unit)` says which units to record.
 */
function sampleUnits(
  hidden: (x: readonly number[]) => readonly (readonly number[])[],
  lift: (x1: number, x2: number) => readonly number[],
  out: readonly (readonly number[])[],
  domain: Domain,
  cols: number,
  rows: number,
  keep: readonly (readonly boolean[])[],
): (Float32Array | null)[][] {
  const px = 2 * rows;
  const maps = keep.map((layer) => layer.map((k) => (k ? new Float32Array(cols * px) : null)));
  for (let r = 0; r < px; r++) {
    for (let c = 0; c < cols; c++) {
      const [x1, x2] = at(domain, cols, px, c, r);
      const u = lift(x1, x2);
      const hs = hidden(u);
      const values: (readonly number[])[] = [u, ...hs];
      const last = hs.at(-1) ?? u;
      const i = r * cols + c;
      values.forEach((layer, k) => layer.forEach((v, j) => maps[k]?.[j] && (maps[k]![j]![i] = v)));
      const top = maps[maps.length - 1]!;
      out.forEach((row, j) => {
        if (!top[j]) return;
        let z = row[0]!;
        for (let m = 0; m < last.length; m++) z += row[m + 1]! * last[m]!;
        top[j]![i] = z;
      });
    }
  }
  return maps;
}

/** The net input's colour scale: symmetric about 0, so the colour is the sign of z. */
function symmetric(values: Float32Array): [number, number] {
  let m = 0;
  for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m > 0 ? [-m, m] : [-1, 1];
}

const mapOf = (values: Float32Array | null, cols: number, rows: number, quantity: NetQuantity): NetMap | null =>
  values ? { cols, rows, values, range: quantity === 'net' ? symmetric(values) : null } : null;

/**
 * The network view of a model on its data at the layout's request, with the selection (or null
 * when the model is not a layered net on plane data).
 */
export function networkView(
  model: Pick<ModelInstance, 'hidden' | 'snapshot'>,
  data: Pick<Dataset, 'featureNames' | 'lifted' | 'inputs' | 'test'>,
  request: NetRequest,
  state: { readonly layer: number; readonly unit: number; readonly open: boolean },
): NetworkView | null {
  const sizes = netSizes(model, data);
  if (!sizes || !model.hidden) return null;
  const snap = model.snapshot() as Extract<WeightsSnapshot, { kind: 'layers' }>;
  const W = snap.layers;
  const perLayer = Math.max(1, Math.floor(request.perLayer));
  const drawn = sizes.map((n) => Math.min(n, perLayer));
  const selected = new NetworkState();
  Object.assign(selected, { layer: state.layer, unit: state.unit });
  const sel = selected.selection(drawn);
  const features = data.lifted ? data.lifted.features.filter((f): f is Feature => (FEATURES as readonly string[]).includes(f)) : null;
  const lift = features ? (x1: number, x2: number) => liftPoint(features, x1, x2) : (x1: number, x2: number) => [x1, x2];
  const inputs = data.lifted ? data.lifted.features : data.featureNames;
  const hidden = model.hidden.bind(model);
  const domain = domainOf(data);
  const quantity = (k: number): NetQuantity => (k === 0 ? 'input' : k === sizes.length - 1 ? 'net' : 'activation');
  const { tileCols: tc, tileRows: tr } = request;
  const maps = tc > 0 && tr > 0 ? sampleUnits(hidden, lift, W.at(-1)!, domain, tc, tr, drawn.map((n) => Array.from({ length: n }, () => true))) : null;
  const layers: NetLayer[] = sizes.map((size, k) => ({
    size,
    units: Array.from({ length: drawn[k]! }, (_, j) => ({
      name: unitName(sizes, inputs, k, j),
      bias: k === 0 ? null : W[k - 1]![j]![0]!,
      quantity: quantity(k),
      map: maps ? mapOf(maps[k]![j]!, tc, tr, quantity(k)) : null,
    })),
  }));
  let maxAbs = 0;
  for (const layer of W) for (const row of layer) for (let i = 1; i < row.length; i++) if (Number.isFinite(row[i]!)) maxAbs = Math.max(maxAbs, Math.abs(row[i]!));
  const edgesPer = Math.max(0, Math.floor(request.edges));
  const gaps: NetGap[] = W.map((layer, k) => {
    const all: NetEdge[] = [];
    for (let to = 0; to < drawn[k + 1]!; to++) for (let from = 0; from < drawn[k]!; from++) all.push({ from, to, w: layer[to]![from + 1]! });
    // strongest first; a non-finite weight (a diverged run) counts as the strongest
    const size = (e: NetEdge): number => (Number.isFinite(e.w) ? Math.abs(e.w) : Infinity);
    all.sort((a, b) => size(b) - size(a) || a.to - b.to || a.from - b.from);
    return { edges: all.slice(0, edgesPer), total: sizes[k]! * sizes[k + 1]! };
  });
  const leftOut = {
    units: sizes.reduce((s, n, k) => s + n - drawn[k]!, 0),
    weights: gaps.reduce((s, g) => s + g.total - g.edges.length, 0),
  };
  let detail: NetDetail | null = null;
  if (state.open) {
    const { layer: k, unit: j } = sel;
    const { detailCols: dc, detailRows: dr } = request;
    let map: NetMap | null = null;
    if (dc > 0 && dr > 0) {
      const keep = sizes.map((n, kk) => Array.from({ length: kk === k ? j + 1 : 0 }, (_, jj) => jj === j));
      map = mapOf(sampleUnits(hidden, lift, W.at(-1)!, domain, dc, dr, keep)[k]![j]!, dc, dr, quantity(k));
    }
    const incoming = k === 0 ? [] : W[k - 1]![j]!.slice(1).map((w, i) => ({ from: unitName(sizes, inputs, k - 1, i), w }));
    incoming.sort((a, b) => Math.abs(b.w) - Math.abs(a.w));
    detail = { layer: k, unit: j, name: unitName(sizes, inputs, k, j), bias: k === 0 ? null : W[k - 1]![j]![0]!, quantity: quantity(k), incoming, map };
  }
  return { sizes, layers, gaps, maxAbs, selected: sel, detail, leftOut, domain };
}
