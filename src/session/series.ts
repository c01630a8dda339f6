/**
 * The curves kept for display: at most `cap` points; when full, every other point is dropped and
 * the stride doubles, so memory stays flat over long sessions while the whole run stays visible.
 */

export interface SeriesPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly testAccuracy?: number;
  readonly testLoss?: number;
}

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

  /** The kept points, ending with the latest one (a fresh array: snapshots may keep it). */
  all(): SeriesPoint[] {
    const tail = this.last && this.points.at(-1) !== this.last ? [this.last] : [];
    return [...this.points, ...tail];
  }

  get size(): number {
    return this.points.length;
  }
}
