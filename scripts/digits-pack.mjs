// The MNIST digits of the `mnist` package (ten JSON files, 41 MB) in a compact binary form that
// src/data/digits.ts reads in ~20 ms: every pixel value of the package is one of 256 numbers (ink
// k/255 written with three decimals), so a pixel is stored as its index into that palette and the
// numbers read back are the package's own, bit for bit.
// Layout: "NEDIGIT1", uint32 LE class count C, C uint32 LE image counts, uint32 LE palette size P,
// P float64 LE palette values (ascending), then gzip of one palette index (byte) per pixel, the
// classes in order, each image row-major 28×28.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const MAGIC = 'NEDIGIT1';

/** Packs the JSON digit files of the mnist package folder `dir` (dir/src/digits/0…9.json). */
export function packDigits(dir) {
  const classes = Array.from({ length: 10 }, (_, d) => {
    const json = JSON.parse(readFileSync(join(dir, 'src', 'digits', `${d}.json`), 'utf8'));
    if (!Array.isArray(json.data) || json.data.length % 784 !== 0) throw new Error(`mnist digits ${d}.json is not a list of 28×28 images`);
    return json.data;
  });
  const values = new Set();
  for (const c of classes) for (const v of c) values.add(v);
  const palette = [...values].sort((a, b) => a - b);
  if (palette.length > 256 || palette.some((v) => typeof v !== 'number' || !(v >= 0 && v <= 1))) throw new Error('mnist digits: pixel values do not fit a 256-entry palette in [0, 1]');
  const index = new Map(palette.map((v, i) => [v, i]));
  const total = classes.reduce((s, c) => s + c.length, 0);
  const pixels = new Uint8Array(total);
  let o = 0;
  for (const c of classes) for (const v of c) pixels[o++] = index.get(v);
  const head = Buffer.alloc(8 + 4 + 4 * classes.length + 4 + 8 * palette.length);
  let p = head.write(MAGIC, 0, 'latin1');
  p = head.writeUInt32LE(classes.length, p);
  for (const c of classes) p = head.writeUInt32LE(c.length / 784, p);
  p = head.writeUInt32LE(palette.length, p);
  for (const v of palette) p = head.writeDoubleLE(v, p);
  return Buffer.concat([head, gzipSync(pixels, { level: 6 })]);
}
