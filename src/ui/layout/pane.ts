/**
 * How one run's pane shares its room: the data view (truth table, decision field, hidden units) in
 * a column of its own when the pane is wide, the panels beside or below it, each given rows by
 * priority (the verdict, the numbers and the field are never dropped; the history card goes first).
 */
import type { LaneShape } from '../../session/lab.js';
import type { FieldRequest } from '../../session/lane-view.js';
import { allocate, type Claim } from './allocate.js';

export type PanelId =
  | 'verdict' | 'numbers' | 'claims' | 'board' | 'table' | 'heat' | 'legend' | 'units' | 'samples' | 'mistakes' | 'confusion' | 'filters' | 'sequence' | 'grads' | 'curves' | 'model' | 'step' | 'trace' | 'card' | 'network';

export interface PanePlan {
  readonly width: number;
  readonly height: number;
  /** Width of the data column when it stands beside the panels (0 when stacked). */
  readonly left: number;
  readonly rows: ReadonlyMap<PanelId, number>;
  readonly field: FieldRequest | null;
  /** Hidden-unit fields per row of small maps. */
  readonly unitsPerRow: number;
  /** The panels a tour stop's facts keep (drawn in their fact form: the loss on a log axis…). */
  readonly must: readonly PanelId[];
  /** Panels drawn in the side column though they belong to the data (kernels beside the digits). */
  readonly aside: readonly PanelId[];
  /** Rows of the network view across the top of the pane (issue 25; 0 when it is not shown). */
  readonly top?: number;
}

/** Never dropped and served first when a stop's facts need them; the others give way. */
function promote(claims: readonly Claim[], must: ReadonlySet<string>): Claim[] {
  if (must.size === 0) return [...claims];
  return claims.map((c) =>
    must.has(c.id)
      ? { ...c, required: true, priority: c.priority + 200, min: c.id === 'curves' ? Math.min(c.min, 2) : Math.max(1, c.min) }
      : c.id === 'verdict' || c.id === 'numbers' ? c : { ...c, required: false },
  );
}

export interface PaneOptions {
  /** Claims listed inside the pane (single run); 0 when they have a band of their own. */
  readonly claims: number;
  /** The verdict is written inside the pane (side by side); else below the body. */
  readonly verdict: boolean;
  readonly gradients: boolean;
  /** Lines of a challenge's leaderboard listed inside the pane (a single run; 0 otherwise). */
  readonly board?: number;
  /** Panels a tour stop's facts need: never dropped, served first; the others give way to them. */
  readonly must?: readonly PanelId[];
  /** The network view: 'on' (asked for with v: served before the rest), 'auto' (a projector has room), or none. */
  readonly network?: 'on' | 'auto' | null;
  /** A unit of the network view is opened (its large map is asked for). */
  readonly networkOpen?: boolean;
}

const UNIT_COLS = 12;
const UNIT_ROWS = 5;

/** Columns of the truth table: marker, inputs, target, net, each hidden unit, output, ✓. */
const tableWidth = (s: LaneShape): number => 2 + 4 * s.features + 5 + 7 + 8 * s.hiddenUnits + 8 + 3;

/** Columns of the confusion matrix text: label, a cell per class, recall. */
const confusionWidth = (classes: number): number => 7 + 4 * classes + 8;

/** The image panels (digits): a row of samples, a row of mistakes, the confusion matrix, the filters. */
function imagePanels(s: LaneShape, width: number, filterWidth = 0): Claim[] {
  const im = s.image!;
  const fw = filterWidth || width;
  const digit = Math.ceil(im.height / 2) + 1;
  return [
    { id: 'samples', min: digit, want: digit, priority: 97, required: true },
    { id: 'mistakes', min: 0, want: digit + 1, priority: 60 },
    ...(width >= confusionWidth(im.classes) ? [{ id: 'confusion', min: 0, want: im.classes + 2, priority: 78 }] : []),
    ...(im.filters > 0 ? [{ id: 'filters', min: 0, want: 2 + 6 * Math.ceil(im.filters / Math.max(1, Math.floor((fw + 1) / 11))), priority: 55 }] : []),
  ];
}

/** Most units of a layer the network view draws, and most weights between two layers. */
const NET_UNITS = 8;
const NET_EDGES = 48;

/**
 * The network view across the top of a pane, and the pane below it: asked for (v), it takes what
 * it wants but leaves the rest of the pane six rows; shown by itself on a projector, at most half
 * the pane. Its tiles are as large as the rows allow (up to six rows), square, narrowed to the width.
 */
function withNetwork(s: LaneShape, width: number, height: number, o: PaneOptions): PanePlan | null {
  const sizes = s.network;
  if (!o.network || !sizes) return null;
  const most = Math.min(NET_UNITS, Math.max(...sizes));
  const want = 2 + most * 7;
  const rows = o.network === 'on' ? Math.min(want, Math.max(3, height - 6)) : Math.min(want, Math.floor(height / 2));
  if (rows < 3 || (o.network === 'auto' && rows < 2 + most * 3)) return null;
  const body = rows - 2;
  const perLayer = Math.max(1, Math.min(most, body));
  let tileRows = Math.max(0, Math.min(6, Math.floor(body / perLayer) - 1));
  const L = sizes.length;
  // each column as wide as its map (12 cells at least, for the label), three cells at least between columns
  const widest = Math.floor((width - 3 * (L - 1)) / L);
  // a short tile may be up to half as wide again (as the decision field is), room for its label
  let tileCols = tileRows > 0 ? Math.min(Math.max(2 * tileRows, Math.min(Math.max(3 * tileRows, 6), 12)), widest) : 0;
  if (tileCols < 4) tileRows = tileCols = 0;
  const rest = planPane(s, width, height - rows, { ...o, network: null });
  const network = { tileCols, tileRows, perLayer, edges: NET_EDGES, detailCols: o.networkOpen ? Math.min(2 * body, Math.floor(width / 2)) : 0, detailRows: o.networkOpen ? body : 0 };
  return {
    ...rest,
    height,
    top: rows,
    rows: new Map([...rest.rows, ['network', rows]]) as Map<PanelId, number>,
    field: { ...(rest.field ?? { cols: 0, rows: 0, unitCols: 0, unitRows: 0 }), network },
  };
}

export function planPane(s: LaneShape, width: number, height: number, o: PaneOptions): PanePlan {
  const net = withNetwork(s, width, height, o);
  if (net) return net;
  const mustSet = new Set<string>(o.must ?? []);
  const must = [...mustSet] as PanelId[];
  const boolean = s.dataKind === 'boolean';
  const plane = (s.features === 2 || s.dataKind === 'plane') && s.dataKind !== 'other';
  const table = boolean ? s.patterns + 1 : 0;
  const grads = o.gradients && s.layers > 0 ? s.layers : 0;
  // Wide panes put the data view in a column of its own; narrow ones stack everything.
  const image = s.image !== null;
  const split = (plane || boolean || image) && width >= 64;
  const panels: Claim[] = [
    ...(o.verdict ? [{ id: 'verdict', min: 1, want: Math.min(2, Math.max(1, Math.ceil(s.verdictChars / width))), max: 3, grow: 1, priority: 100, required: true }] : []),
    { id: 'numbers', min: 1, want: 1, priority: 95, required: true },
    ...(o.claims >= 0 && !o.verdict ? [{ id: 'claims', min: 1, want: Math.min(o.claims + 1, 10), priority: 90, required: true }] : []),
    ...(o.board ? [{ id: 'board', min: 2, want: Math.min(o.board + 1, 8), priority: 88 }] : []),
    // Asked for, the gradient panel is never dropped: short of rows it packs two layers a row.
    ...(grads ? [{ id: 'grads', min: Math.ceil(grads / 2) + 1, want: grads + 1, max: 2 * grads + 1, grow: 1, priority: 96, required: true }] : []),
    ...(o.gradients && !grads ? [{ id: 'grads', min: 1, want: 1, priority: 50 }] : []),
    // The write-out: what was seen and what the rule made of it, w before → after, a net's step per layer, the equation.
    { id: 'step', min: 0, want: s.trace ? (s.sequence ? 8 : s.layers >= 2 ? 5 : 4) : 0, priority: 75 },
    { id: 'model', min: 1, want: Math.max(1, s.describeLines + s.weightLines), priority: 70 },
    // Curves need three rows a chart to show a shape (the Adaline explosion, the dropout gap).
    // Short of rows, one braille row a chart (four dots) still shows the loss rise or fall.
    ...(s.learns ? [s.epochs > 0 ? { id: 'curves', min: 4, want: 10, max: 30, grow: 3, priority: 80 } : { id: 'curves', min: 1, want: 1, priority: 80 }] : []),
    ...(s.trace ? [{ id: 'trace', min: 3, want: 9, priority: 68 }] : []),
    { id: 'card', min: 0, want: 4, priority: 10 },
  ];
  const data: Claim[] = [
    ...(boolean ? [{ id: 'table', min: table, want: table, priority: 98, required: true }] : []),
    // Beside a truth table the field is a second view of the same four points: it may be small.
    ...(plane ? [{ id: 'heat', min: boolean ? 3 : 4, want: 12, max: 80, grow: 6, priority: 97, required: true }, { id: 'legend', min: 1, want: 2, priority: 97.5, required: true }] : []),
    ...(plane && s.hiddenUnits > 0 ? [{ id: 'units', min: 0, want: UNIT_ROWS + 1, priority: 55 }] : []),
    // a recurrent run: the strips over time (head, inputs, states) and the gradient-through-time bars
    ...(s.sequence ? [{ id: 'sequence', min: 3, want: s.sequence.rows + 5, max: s.sequence.rows + 24, grow: 2, priority: 85 }] : []),
  ];
  let left = 0;
  let rows: Map<string, number>;
  if (image) {
    // Digits: the image panels in a column as wide as the confusion matrix (or a row of digits).
    left = split ? Math.max(24, Math.min(Math.max(confusionWidth(s.image!.classes), 8 * (s.image!.width + 1)), Math.floor(width * 0.55))) : 0;
    // Kernels a stop must show go beside the digits, where the curves give way to them.
    const aside: PanelId[] = split && mustSet.has('filters') ? ['filters'] : [];
    const imgs = imagePanels(s, split ? left : width, aside.length ? width - left - 1 : 0);
    const own = imgs.filter((c) => !aside.includes(c.id as PanelId));
    const side = [...panels, ...imgs.filter((c) => aside.includes(c.id as PanelId))];
    const panes = split ? [allocate(height, promote(own, mustSet)), allocate(height, promote(side, mustSet))] : [allocate(height, promote([...imgs, ...panels], mustSet))];
    const perRow = Math.max(1, Math.floor(((split ? left : width) + 1) / (s.image!.width + 1)));
    return { width, height, left, rows: new Map(panes.flatMap((m) => [...m])) as Map<PanelId, number>, field: { cols: 0, rows: 0, unitCols: 0, unitRows: 0, samples: perRow }, unitsPerRow: 0, must, aside };
  }
  if (split) {
    const dataRows = allocate(height, promote(data, mustSet));
    const heatRows = dataRows.get('heat') ?? 0;
    // The field is about as wide as it is tall (a cell holds two pixels, one above the other).
    const want = Math.max(boolean ? tableWidth(s) : 0, plane ? 2 * heatRows : 0, s.hiddenUnits > 0 ? 2 * (UNIT_COLS + 1) : 0);
    left = Math.max(24, Math.min(want, Math.floor(width * 0.55)));
    rows = new Map([...dataRows, ...allocate(height, promote(panels, mustSet))]);
  } else {
    rows = allocate(height, promote([...data, ...panels], mustSet));
  }
  const heatRows = rows.get('heat') ?? 0;
  const fieldCols = split ? left : width;
  // About square (two pixels a cell); a short field may be up to half as wide again.
  const heatCols = Math.min(fieldCols, Math.max(24, 3 * heatRows));
  const unitsRows = rows.get('units') ?? 0;
  const unitsPerRow = Math.max(1, Math.floor((fieldCols + 1) / (UNIT_COLS + 1)));
  const field: FieldRequest | null = plane
    ? { cols: heatRows > 0 ? heatCols : 0, rows: heatRows, unitCols: unitsRows > 0 ? UNIT_COLS : 0, unitRows: unitsRows > 0 ? Math.min(UNIT_ROWS, unitsRows - 1) : 0 }
    : null;
  return { width, height, left: split ? left : 0, rows: rows as Map<PanelId, number>, field, unitsPerRow, must, aside: [] };
}
