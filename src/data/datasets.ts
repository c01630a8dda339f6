/**
 * Data sets: logic gates, n-bit parity and seeded 2D generators, each a plain Dataset.
 * Input and target encodings are chosen separately (binary {0,1} or bipolar {-1,1}).
 * Generators draw only from the Rng they are given, so a seed fixes the data.
 */
import { DatasetError } from './dataset-error.js';
import { digits } from './digits.js';
import { liftDataset } from './features.js';
import { iris } from './iris.js';
import { regression } from './regression.js';
import type { Rng } from '../core/rng.js';
import { sequenceDataset } from './sequences.js';
import type { Dataset, Encoding } from '../core/types.js';
import type { z } from 'zod';
import { GATES, GENERATORS, type dataSchema } from './spec.js';

export { DatasetError } from './dataset-error.js';

export { GATES, GENERATORS };
export type Gate = (typeof GATES)[number];
export type Generator = (typeof GENERATORS)[number];

/**
 * A data spec as the engine builds it: what the scenario schema admits (data/spec.ts, its output
 * type: one source), less the CSV reference the loader reads into a table first, with the table
 * widened by what that read adds (name, column and class names, the split, standardisation).
 */
export type DataSpec = Exclude<z.output<typeof dataSchema>, { kind: 'csv' | 'table' }> | TableSpec;

/** A table of rows: the schema's `table` (rows written in the file), or a CSV file read into one. */
export type TableSpec = z.output<typeof dataSchema> & { kind: 'table' } & {
  /** Rows from a file (a CSV): its name, column names and class names. */
  name?: string;
  featureNames?: string[];
  classNames?: string[];
  /** Hold out this share of the rows as a test set, drawn from the data stream. */
  testFraction?: number;
  /** With testFraction: hold out that share of each class (a stratified split). */
  stratify?: boolean;
  /** The rows (indices) that are the test set, as given (a test file): no draw. */
  testRows?: number[];
  /** Standardise each feature to mean 0, sd 1 with the training rows' statistics. */
  standardize?: boolean;
};

const TRUTH: Record<Gate, (bits: number[]) => number> = {
  AND: (b) => Number(b.every((v) => v === 1)),
  OR: (b) => Number(b.some((v) => v === 1)),
  NAND: (b) => Number(!b.every((v) => v === 1)),
  NOR: (b) => Number(!b.some((v) => v === 1)),
  XOR: (b) => b.reduce((s, v) => s ^ v, 0),
  XNOR: (b) => 1 - b.reduce((s, v) => s ^ v, 0),
  NOT: (b) => 1 - (b[0] ?? 0),
};

const encode = (bit: number, enc: Encoding): number => (enc === 'bipolar' ? (bit === 1 ? 1 : -1) : bit);

/** All 2^n patterns in counting order: (0,0), (0,1), (1,0), (1,1) — the lecture's order. */
export function allPatterns(n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < 2 ** n; i++) {
    const row: number[] = [];
    for (let b = n - 1; b >= 0; b--) row.push((i >> b) & 1);
    rows.push(row);
  }
  return rows;
}

function boolean(name: string, bits: number, fn: (b: number[]) => number, inEnc: Encoding, tEnc: Encoding): Dataset {
  const patterns = allPatterns(bits);
  const labels = patterns.map(fn);
  return {
    name,
    inputs: patterns.map((p) => p.map((v) => encode(v, inEnc))),
    targets: labels.map((l) => [encode(l, tEnc)]),
    labels,
    classes: 2,
    inputEncoding: inEnc,
    targetEncoding: tEnc,
    featureNames: patterns[0]!.map((_, i) => `x${i + 1}`),
  };
}

export function gate(g: Gate, inputs: Encoding = 'binary', targets: Encoding = 'bipolar'): Dataset {
  return boolean(g, g === 'NOT' ? 1 : 2, TRUTH[g], inputs, targets);
}

export function parity(bits: number, inputs: Encoding = 'binary', targets: Encoding = 'binary'): Dataset {
  return boolean(`${bits}-bit parity`, bits, TRUTH.XOR, inputs, targets);
}

interface Point {
  x: number[];
  label: number;
}

function sample(kind: Generator, n: number, noise: number, classes: number, rng: Rng): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    const jitter = () => rng.normal(0, noise);
    switch (kind) {
      case 'blobs': {
        // Class centres on a circle of radius 1.5; with noise < 0.7 two blobs are linearly separable.
        const a = (2 * Math.PI * label) / classes + Math.PI / 4;
        points.push({ x: [1.5 * Math.cos(a) + rng.normal(0, 0.35 + noise), 1.5 * Math.sin(a) + rng.normal(0, 0.35 + noise)], label });
        break;
      }
      case 'xor': {
        const x1 = rng.range(-1, 1);
        const x2 = rng.range(-1, 1);
        points.push({ x: [x1 + jitter(), x2 + jitter()], label: x1 * x2 < 0 ? 1 : 0 });
        break;
      }
      case 'circles': {
        const r = label === 1 ? rng.range(0, 0.5) : rng.range(0.7, 1.0);
        const a = rng.range(0, 2 * Math.PI);
        points.push({ x: [r * Math.cos(a) + jitter(), r * Math.sin(a) + jitter()], label });
        break;
      }
      case 'spirals': {
        // Arms of 1.75 turns, offset by 2π/classes; radius grows linearly with the angle.
        const s = rng.uniform();
        const r = s;
        const a = 1.75 * 2 * Math.PI * s + (2 * Math.PI * label) / classes;
        points.push({ x: [r * Math.cos(a) + jitter(), r * Math.sin(a) + jitter()], label });
        break;
      }
      case 'moons': {
        const a = rng.range(0, Math.PI);
        const x = label === 0 ? [Math.cos(a), Math.sin(a)] : [1 - Math.cos(a), 0.5 - Math.sin(a)];
        // Centre and scale the pair of moons into roughly [-1, 1]^2.
        points.push({ x: [(x[0]! - 0.5) / 1.5 + jitter(), (x[1]! - 0.25) / 1.5 + jitter()], label });
        break;
      }
    }
  }
  return rng.shuffle(points);
}

function targetRow(label: number, classes: number, enc: Encoding | 'onehot'): number[] {
  if (enc === 'onehot') return Array.from({ length: classes }, (_, k) => (k === label ? 1 : 0));
  return [encode(label, enc)];
}

export function generate(
  kind: Generator,
  opts: { n: number; noise?: number; testFraction?: number; classes?: number; targets?: Encoding | 'onehot' },
  rng: Rng,
): Dataset {
  const classes = kind === 'blobs' || kind === 'spirals' ? (opts.classes ?? 2) : 2;
  if (classes < 2) throw new DatasetError(`${kind}: classes must be at least 2`);
  const enc = opts.targets ?? (classes > 2 ? 'onehot' : 'binary');
  if (classes > 2 && enc !== 'onehot') throw new DatasetError(`${kind}: ${classes} classes need onehot targets`);
  const points = sample(kind, opts.n, opts.noise ?? 0, classes, rng);
  const nTest = Math.round(opts.n * (opts.testFraction ?? 0));
  const split = (pts: Point[]) => ({
    inputs: pts.map((p) => p.x),
    targets: pts.map((p) => targetRow(p.label, classes, enc)),
    labels: pts.map((p) => p.label),
    classes,
    inputEncoding: 'real' as const,
    targetEncoding: enc,
    featureNames: ['x1', 'x2'],
  });
  const train = split(points.slice(nTest));
  return { name: kind, ...train, ...(nTest > 0 ? { test: split(points.slice(0, nTest)) } : {}) };
}

function cloud(n: number, angleDeg: number, spread: [number, number], rng: Rng): Dataset {
  const a = (angleDeg * Math.PI) / 180;
  const inputs: number[][] = [];
  for (let i = 0; i < n; i++) {
    const u = rng.normal(0, spread[0]);
    const v = rng.normal(0, spread[1]);
    inputs.push([u * Math.cos(a) - v * Math.sin(a), u * Math.sin(a) + v * Math.cos(a)]);
  }
  return {
    name: 'cloud',
    inputs,
    targets: inputs.map(() => []),
    labels: inputs.map(() => 0),
    classes: 1,
    inputEncoding: 'real',
    targetEncoding: 'none',
    featureNames: ['x1', 'x2'],
  };
}

/**
 * Mean 0, sd 1 per column, with the statistics of `fit` (a constant column is only centred).
 * Squares cannot overflow, even for values near 1e308: each column is first divided by a power of
 * two s ≥ its largest |x| (exact in floating point), the two-pass mean and variance are taken in
 * those units, μ' = Σ(x/s)/n, σ'² = Σ(x/s − μ')²/n, and (x/s − μ')/σ' is the standardised value —
 * bit for bit what the unscaled formulas give whenever they do not overflow. `mean` and `sd` are
 * said in the column's own units (μ = s·μ', σ = s·σ').
 */
export function standardizer(fit: readonly (readonly number[])[]): ((rows: readonly (readonly number[])[]) => number[][]) & { readonly mean: number[]; readonly sd: number[] } {
  const d = fit[0]?.length ?? 0;
  const scale = Array.from({ length: d }, (_, j) => {
    const big = fit.reduce((m, r) => Math.max(m, Math.abs(r[j]!)), 0);
    // at most 2^1023 (2^1024 is ∞): |x|/s stays below 2
    return big > 0 && Number.isFinite(big) ? 2 ** Math.min(1023, Math.ceil(Math.log2(big))) : 1;
  });
  const mean = scale.map((s, j) => fit.reduce((sum, r) => sum + r[j]! / s, 0) / fit.length);
  const sd = mean.map((m, j) => Math.sqrt(fit.reduce((sum, r) => sum + (r[j]! / scale[j]! - m) ** 2, 0) / fit.length) || 1);
  const apply = (rows: readonly (readonly number[])[]): number[][] => rows.map((r) => r.map((v, j) => (v / scale[j]! - mean[j]!) / sd[j]!));
  return Object.assign(apply, { mean: mean.map((m, j) => m * scale[j]!), sd: sd.map((v, j) => v * scale[j]!) });
}

function table(spec: Extract<DataSpec, { kind: 'table' }>, rng: Rng): Dataset {
  const targets = spec.targets ?? spec.inputs.map(() => []);
  const targetEncoding = spec.targetEncoding ?? (spec.targets ? (targets.flat().some((v) => v < 0) ? 'bipolar' : 'binary') : 'none');
  const labels = targets.map((t) => {
    if (t.length > 1) return t.indexOf(Math.max(...t));
    return (t[0] ?? 0) > (targetEncoding === 'bipolar' ? 0 : 0.5) ? 1 : 0;
  });
  const inputEncoding = spec.inputEncoding ?? (spec.inputs.flat().some((v) => v < 0) ? 'bipolar' : 'binary');
  const classes = spec.classNames?.length ?? Math.max(2, targets[0]?.length ?? 0);
  const given = spec.testRows ? new Set(spec.testRows) : null;
  // Rows in file order, or shuffled by the data stream when a test set is held out (as the generators do).
  const order = Array.from(spec.inputs.keys());
  let testRows: number[];
  let trainRows: number[];
  if (given) {
    // a test set given as such (a test file): every other row trains, in file order
    testRows = order.filter((i) => given.has(i));
    trainRows = order.filter((i) => !given.has(i));
  } else {
    const nTest = Math.round(spec.inputs.length * (spec.testFraction ?? 0));
    if (nTest > 0) rng.shuffle(order);
    if (nTest > 0 && spec.stratify) {
      // each class gives its share of the (shuffled) rows: round(fraction × its count)
      const taken = new Map<number, number>();
      const quota = new Map<number, number>();
      for (const l of labels) quota.set(l, (quota.get(l) ?? 0) + (spec.testFraction ?? 0));
      testRows = order.filter((i) => {
        const l = labels[i]!;
        const n = taken.get(l) ?? 0;
        if (n >= Math.round(quota.get(l)!)) return false;
        taken.set(l, n + 1);
        return true;
      });
      const test = new Set(testRows);
      trainRows = order.filter((i) => !test.has(i));
    } else {
      testRows = order.slice(0, nTest);
      trainRows = order.slice(nTest);
    }
  }
  const nTest = testRows.length;
  if (nTest > 0 && trainRows.length === 0) {
    throw new DatasetError(
      given ? `the test set holds every one of the ${spec.inputs.length} rows: no training row is left` : `testFraction ${spec.testFraction} of ${spec.inputs.length} row${spec.inputs.length > 1 ? 's' : ''} holds out every row: no training row is left`,
    );
  }
  const pick = <T>(items: readonly T[], rows: readonly number[]): T[] => rows.map((i) => items[i]!);
  const fitted = spec.standardize ? standardizer(pick(spec.inputs, trainRows)) : null;
  const scale = fitted ?? ((rows: readonly (readonly number[])[]) => rows as number[][]);
  const part = (rows: readonly number[]) => ({
    inputs: scale(pick(spec.inputs, rows)),
    targets: pick(targets, rows),
    labels: pick(labels, rows),
    classes,
    inputEncoding,
    targetEncoding,
    featureNames: spec.featureNames ?? (spec.inputs[0] ?? []).map((_, i) => `x${i + 1}`),
    ...(spec.classNames ? { classNames: spec.classNames } : {}),
  });
  return {
    name: spec.name ?? 'table',
    ...part(nTest > 0 || spec.standardize ? trainRows : order),
    ...(nTest > 0 ? { test: part(testRows) } : {}),
    ...(fitted ? { standardization: { mean: fitted.mean, sd: fitted.sd } } : {}),
  };
}

/** Builds the data a scenario describes; generators draw from `rng` only. Feature inputs, when asked for, replace the points' columns. */
export function buildDataset(spec: DataSpec, rng: Rng): Dataset {
  const data = buildPoints(spec, rng);
  return 'features' in spec && spec.features && spec.kind !== 'iris' ? liftDataset(data, spec.features) : data;
}

function buildPoints(spec: DataSpec, rng: Rng): Dataset {
  switch (spec.kind) {
    case 'gate':
      return gate(spec.gate, spec.inputs, spec.targets);
    case 'parity':
      return parity(spec.bits, spec.inputs, spec.targets);
    case 'table':
      return table(spec, rng);
    case 'cloud':
      return cloud(spec.n, spec.angle ?? 30, spec.spread ?? [1, 0.3], rng);
    case 'digits':
      return digits(spec, rng);
    case 'iris':
      return iris(spec, rng);
    case 'latch':
    case 'adding':
      return sequenceDataset(spec, rng);
    case 'reg-plane':
    case 'reg-gauss':
      return regression(spec, rng);
    default:
      return generate(spec.kind, spec, rng);
  }
}
