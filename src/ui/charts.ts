/**
 * Text charts: curves over epochs (one string per row, a mark per series so nothing depends on
 * colour) and gradient norms as bars on a log scale.
 */

export interface Curve {
  readonly values: readonly number[];
  /** One character drawn for this series. */
  readonly mark: string;
}

/** Samples `values` to `width` points (the whole run always fits the chart). */
export function resample(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  return Array.from({ length: width }, (_, c) => values[Math.round((c * (values.length - 1)) / (width - 1))]!);
}

/** The [lo, hi] range of finite values of some curves (a flat curve gets a unit range). */
export function rangeOf(curves: readonly Curve[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of curves) for (const v of c.values) if (Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  if (!Number.isFinite(lo)) return [0, 1];
  return hi - lo < 1e-12 ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/** Rows of a scatter-line chart, top row first; later curves are drawn over earlier ones. */
export function plot(curves: readonly Curve[], width: number, height: number, range: [number, number] = rangeOf(curves)): string[] {
  const grid = Array.from({ length: height }, () => Array<string>(width).fill(' '));
  const [lo, hi] = range;
  for (const curve of curves) {
    resample(curve.values, width).forEach((v, c) => {
      if (!Number.isFinite(v)) return;
      const t = (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo || 1);
      const r = height - 1 - Math.round(t * (height - 1));
      grid[r]![c] = curve.mark;
    });
  }
  return grid.map((row) => row.join(''));
}

export { short } from '../core/format.js';

export const LOG_MIN = -8;
export const LOG_MAX = 2;

/** A bar whose length is log10(v) on [10^LOG_MIN, 10^LOG_MAX], in eighths of a cell. */
export function logBar(v: number, width: number): string {
  if (!(v > 0) || !Number.isFinite(v)) return ' '.repeat(width);
  const t = Math.max(0, Math.min(1, (Math.log10(v) - LOG_MIN) / (LOG_MAX - LOG_MIN)));
  const eighths = Math.round(t * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  const partial = part > 0 ? '▏▎▍▌▋▊▉'[part - 1]! : '';
  return ('█'.repeat(full) + partial).padEnd(width, ' ');
}

export interface SeriesPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly testAccuracy?: number;
}

/**
 * The curves kept for display: at most `cap` points; when full, every other point is dropped and
 * the stride doubles, so memory stays flat over long sessions while the whole run stays visible.
 */
export class DisplaySeries {
  private points: SeriesPoint[] = [];
  private stride = 1;
  private pending = 0;
  private last: SeriesPoint | undefined;
  constructor(private readonly cap = 512) {}

  push(p: SeriesPoint): void {
    this.last = p;
    if (this.pending++ % this.stride !== 0) return;
    this.points.push(p);
    if (this.points.length >= this.cap) {
      this.points = this.points.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  /** The kept points, ending with the latest one. */
  all(): SeriesPoint[] {
    const tail = this.last && this.points.at(-1) !== this.last ? [this.last] : [];
    return [...this.points, ...tail];
  }

  get size(): number {
    return this.points.length;
  }
}
