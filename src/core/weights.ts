/**
 * Weights snapshots (types.ts): their JSON form, their numbers in order, reading the JSON form of a
 * saved run back, and the shape checks of the plugin contract. A plugin implements snapshot() only;
 * everything that shows or compares weights starts from it, and `run --json` writes weightsJson().
 */
import type { ThresholdUnit, WeightBlock, WeightsSnapshot } from './types.js';

/** The JSON form of a snapshot (`run --json` → `weights`, documented in the README). */
export function weightsJson(s: WeightsSnapshot): unknown {
  switch (s.kind) {
    case 'vector':
      return Array.from(s.w);
    case 'layers':
      return s.layers.map((layer) => layer.map((row) => Array.from(row)));
    case 'units':
      // a spread keeps the unit's own key order (the scenario's), so the JSON echoes what was given
      return s.layers.map((layer) => layer.map((u) => ({ ...u })));
    case 'blocks':
      return Object.fromEntries(s.blocks.map((b) => [b.name, 'rows' in b ? b.rows.map((r) => Array.from(r)) : Array.from(b.vector)]));
  }
}

/** Every weight in order (what a `weights` claim compares): rows bias first, a threshold unit as bias, w…, θ. */
export function weightNumbers(s: WeightsSnapshot): number[] {
  switch (s.kind) {
    case 'vector':
      return Array.from(s.w);
    case 'layers':
      return s.layers.flatMap((layer) => layer.flatMap((row) => Array.from(row)));
    case 'units':
      return s.layers.flatMap((layer) => layer.flatMap((u) => [...(u.bias !== undefined ? [u.bias] : []), ...u.w, ...(u.theta !== undefined ? [u.theta] : [])]));
    case 'blocks':
      return s.blocks.flatMap((b) => ('rows' in b ? b.rows.flatMap((r) => Array.from(r)) : Array.from(b.vector)));
  }
}

/** A JSON number, or the names --json writes for NaN and ±∞; undefined for anything else. */
function jsonNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  return v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : undefined;
}

function numbers(v: unknown): number[] | null {
  if (!Array.isArray(v)) return null;
  const out: number[] = [];
  for (const x of v) {
    const n = jsonNumber(x);
    if (n === undefined) return null;
    out.push(n);
  }
  return out;
}

function rows(v: unknown): number[][] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const out: number[][] = [];
  for (const r of v) {
    const row = numbers(r);
    if (!row) return null;
    out.push(row);
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON form read back into a snapshot (a saved run's `weights`), or null when it is none of the documented forms. */
export function readWeightsJson(json: unknown): WeightsSnapshot | null {
  const w = numbers(json);
  if (w) return { kind: 'vector', w };
  if (Array.isArray(json) && json.length > 0) {
    const layers = json.map(rows);
    if (layers.every((l) => l !== null)) return { kind: 'layers', layers: layers as number[][][] };
    const units = json.every((l) => Array.isArray(l) && l.length > 0 && l.every((u) => isRecord(u) && numbers(u['w']) !== null));
    return units ? { kind: 'units', layers: json as ThresholdUnit[][] } : null;
  }
  if (!isRecord(json) || Object.keys(json).length === 0) return null;
  const blocks: WeightBlock[] = [];
  for (const [name, value] of Object.entries(json)) {
    const vector = numbers(value);
    const matrix = vector ? null : rows(value);
    if (vector) blocks.push({ name, vector });
    else if (matrix) blocks.push({ name, rows: matrix });
    else return null;
  }
  return { kind: 'blocks', blocks };
}

const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const finiteList = (v: unknown): v is number[] => isList(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
/** The first entry of a list that is not a finite number, as text ("NaN", "\"1\""). */
const firstBad = (v: readonly unknown[]): string => {
  const bad = v.find((x) => !(typeof x === 'number' && Number.isFinite(x)));
  return typeof bad === 'number' ? String(bad) : (JSON.stringify(bad) ?? String(bad));
};

function listProblem(where: string, value: unknown, length?: number, why = ''): string | null {
  if (!isList(value) || value.length === 0) return `${where} must be a non-empty list of numbers`;
  if (length !== undefined && value.length !== length) return `${where} has ${value.length} numbers, expected ${length}${why}`;
  return finiteList(value) ? null : `${where} holds ${firstBad(value)}`;
}

function rowsProblem(where: string, value: unknown, width?: number, why = ''): string | null {
  if (!isList(value) || value.length === 0) return `${where} must be a non-empty list of rows`;
  const w = width ?? (isList(value[0]) ? value[0].length : undefined);
  for (let j = 0; j < value.length; j++) {
    const p = listProblem(`${where}[${j}]`, value[j], w, why);
    if (p) return p;
  }
  return null;
}

/**
 * What is wrong with a snapshot, in words (the contract checker's shape check): its kind, every
 * number finite, rows of equal length, each layer's rows 1 + the units of the layer before (the
 * first: 1 + `inputs`), and as many numbers as flatWeights() holds (`flat`; not for threshold units).
 */
export function snapshotProblems(s: unknown, inputs: number, flat: number): string[] {
  if (!isRecord(s)) return ['snapshot() must return { kind: "vector" | "layers" | "units" | "blocks", … }'];
  const problems: string[] = [];
  switch (s['kind']) {
    case 'vector': {
      const p = listProblem('snapshot().w', s['w']);
      if (p) problems.push(p);
      break;
    }
    case 'layers': {
      const layers = s['layers'];
      if (!Array.isArray(layers) || layers.length === 0) return ['snapshot().layers must be a non-empty list of layers'];
      let width = inputs + 1;
      layers.forEach((layer: unknown, k) => {
        const p = rowsProblem(`snapshot().layers[${k}]`, layer, width, ' (the bias, then one weight per input of the layer)');
        if (p) problems.push(p);
        width = (Array.isArray(layer) ? layer.length : 0) + 1;
      });
      break;
    }
    case 'units': {
      const layers = s['layers'];
      if (!Array.isArray(layers) || layers.length === 0 || !layers.every((l) => Array.isArray(l) && l.length > 0)) return ['snapshot().layers must be non-empty layers of units'];
      (layers as unknown[][]).forEach((layer, k) =>
        layer.forEach((u, j) => {
          const where = `snapshot().layers[${k}][${j}]`;
          const w = isRecord(u) ? u['w'] : undefined;
          if (!isRecord(u) || !isList(w)) return void problems.push(`${where} must be a unit { w: [numbers], theta?, bias?, inhibitory? }`);
          const p = listProblem(`${where}.w`, w);
          if (p) problems.push(p);
          if (['theta', 'bias'].some((key) => u[key] !== undefined && !(typeof u[key] === 'number' && Number.isFinite(u[key])))) problems.push(`${where}: theta and bias must be finite numbers`);
          const inhibitory = u['inhibitory'];
          if (inhibitory !== undefined && !(Array.isArray(inhibitory) && inhibitory.every((i) => Number.isInteger(i) && i >= 0 && i < w.length))) problems.push(`${where}.inhibitory must list input indices`);
        }),
      );
      return problems;
    }
    case 'blocks': {
      const blocks = s['blocks'];
      if (!Array.isArray(blocks) || blocks.length === 0) return ['snapshot().blocks must be a non-empty list of { name, vector } or { name, rows }'];
      const names = new Set<string>();
      blocks.forEach((b: unknown, i) => {
        const where = `snapshot().blocks[${i}]`;
        if (!isRecord(b) || typeof b['name'] !== 'string' || b['name'] === '' || names.has(b['name'])) problems.push(`${where}.name must be a name of its own`);
        else names.add(b['name']);
        if (isRecord(b) && 'rows' in b) {
          const p = rowsProblem(`${where}.rows`, b['rows']);
          if (p) problems.push(p);
        } else {
          const p = isRecord(b) && 'vector' in b ? listProblem(`${where}.vector`, b['vector']) : `${where} must hold a vector or rows`;
          if (p) problems.push(p);
        }
      });
      break;
    }
    default:
      return [`snapshot().kind is ${JSON.stringify(s['kind']) ?? String(s['kind'])}, not "vector", "layers", "units" or "blocks"`];
  }
  if (problems.length === 0) {
    const count = weightNumbers(s as WeightsSnapshot).length;
    if (count !== flat) problems.push(`snapshot() holds ${count} numbers but flatWeights() ${flat}: the snapshot shows every weight`);
  }
  return problems;
}
