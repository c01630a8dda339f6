/**
 * The y scale of a chart: linear or log10, fixed or chosen from the data. An automatic range is
 * zoomed, when it has to be, so that series whose latest values differ by a visible quantum (one
 * percentage point for accuracy) end on different dot rows; the early epochs then leave the chart
 * at its edge instead of squashing the end of the run.
 */

export interface ScaleOptions {
  /** 'auto' (default) from the data, or a fixed [lo, hi] in data units. */
  readonly range?: 'auto' | readonly [number, number];
  /** Hard limits of an automatic range in data units (accuracy: [0, 1]). */
  readonly limits?: readonly [number, number];
  /** 'auto' (default): log10 when the finite positive values span more than two decades. */
  readonly log?: boolean | 'auto';
  /** Values are shares (accuracy): never log, quantum one percentage point. */
  readonly percent?: boolean;
  /**
   * Smallest difference between two series' latest values that must show as different dot rows.
   * @default 0.01 for percent, else 2 % of the largest latest magnitude
   */
  readonly resolve?: number;
}

export interface Scale {
  /** Bounds in scale units (log10 of the value on a log scale). */
  readonly lo: number;
  readonly hi: number;
  readonly log: boolean;
  /** Dot rows of the plot (four per text row). */
  readonly dots: number;
  /** True when the range was narrowed to tell the latest values apart. */
  readonly zoomed: boolean;
}

/** Decades spanned by the finite positive values above which a scale turns logarithmic. */
export const LOG_DECADES = 2;

/** A value in scale units: log10 on a log scale (−∞ for values ≤ 0), itself otherwise. */
export const toScale = (log: boolean, v: number): number => (log ? (v > 0 ? Math.log10(v) : -Infinity) : v);
export const fromScale = (log: boolean, u: number): number => (log ? 10 ** u : u);

/**
 * The dot row of a value, 0 at the top, dots − 1 at the bottom, as a real number (round it to
 * draw); outside [0, dots − 1] when the value is outside the range. NaN for NaN and ±∞.
 */
export function dotY(s: Scale, v: number): number {
  if (Number.isNaN(v) || v === Infinity || v === -Infinity) return Number.NaN;
  let u = toScale(s.log, v);
  // A value ≤ 0 on a log scale sits below the chart (the line leaves at the bottom edge).
  if (u === -Infinity) u = s.lo - (s.hi - s.lo);
  return ((s.hi - u) / (s.hi - s.lo)) * (s.dots - 1);
}

/** The dot row a value is drawn on (rounded), or null when it is not drawn. */
export function dotRow(s: Scale, v: number): number | null {
  const y = dotY(s, v);
  if (Number.isNaN(y)) return null;
  const r = Math.round(y);
  return r >= 0 && r < s.dots ? r : null;
}

const round12 = (v: number): number => Number(v.toPrecision(12));

/** 1, 2 or 5 × a power of ten, the nearest at or above x. */
export function niceStep(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** The last value of a series that is not NaN (∞ shows a divergence), or NaN. */
export function latest(values: readonly number[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (!Number.isNaN(values[i]!)) return values[i]!;
  return Number.NaN;
}

function lastFinite(values: readonly number[], log: boolean): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i]!;
    if (Number.isFinite(v) && (!log || v > 0)) return v;
  }
  return undefined;
}

/** True when the scale of these values is logarithmic under the options. */
export function wantsLog(values: readonly (readonly number[])[], o: ScaleOptions): boolean {
  if (o.percent || o.log === false) return false;
  if (o.log === true) return true;
  let lo = Infinity;
  let hi = 0;
  for (const vs of values) for (const v of vs) if (v > 0 && Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  return hi > 0 && hi / lo > 10 ** LOG_DECADES;
}

/** The scale of some series drawn on `dots` dot rows. */
export function chooseScale(values: readonly (readonly number[])[], dots: number, o: ScaleOptions = {}): Scale {
  const log = wantsLog(values, o);
  const lim = o.limits ? ([toScale(log, o.limits[0]), toScale(log, o.limits[1])] as const) : null;
  const clampToLimits = (lo: number, hi: number): [number, number] => {
    if (!lim) return [lo, hi];
    const span = Math.min(hi - lo, lim[1] - lim[0]);
    if (lo < lim[0]) ((lo = lim[0]), (hi = lo + span));
    if (hi > lim[1]) ((hi = lim[1]), (lo = hi - span));
    return [Math.max(lim[0], lo), Math.min(lim[1], hi)];
  };
  if (o.range && o.range !== 'auto') {
    const hi = toScale(log, o.range[1]);
    // A log scale cannot start at 0: it then shows the two decades below the top.
    const lo = Number.isFinite(toScale(log, o.range[0])) ? toScale(log, o.range[0]) : hi - 2;
    return Number.isFinite(hi) && hi > lo ? { lo, hi, log, dots, zoomed: false } : { lo: 0, hi: 1, log, dots, zoomed: false };
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const vs of values) {
    for (const v of vs) {
      if (!Number.isFinite(v) || (log && !(v > 0))) continue;
      const u = toScale(log, v);
      if (u < lo) lo = u;
      if (u > hi) hi = u;
    }
  }
  if (lo > hi) {
    const [a, b] = lim ?? [0, 1];
    return { lo: a, hi: b, log, dots, zoomed: false };
  }
  // A flat run gets a span around it: a tenth of the share for percent, else 10 % of its size.
  const minSpan = log ? 0.5 : o.percent ? 0.1 : Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
  if (hi - lo < minSpan) {
    const mid = (lo + hi) / 2;
    ((lo = mid - minSpan / 2), (hi = mid + minSpan / 2));
  }
  const pad = 0.05 * (hi - lo);
  [lo, hi] = clampToLimits(lo - pad, hi + pad);

  // The widest span at which the closest pair of latest values (at least a quantum apart) still
  // lands more than one dot row apart.
  let maxSpan = Infinity;
  const ends = values.map((vs) => lastFinite(vs, log)).filter((v): v is number => v !== undefined).map((v) => toScale(log, v)).sort((a, b) => a - b);
  if (!log && ends.length >= 2) {
    const quantum = o.resolve ?? (o.percent ? 0.01 : 0.02 * Math.max(...ends.map(Math.abs)));
    let gap = Infinity;
    for (let i = 1; i < ends.length; i++) {
      const d = ends[i]! - ends[i - 1]!;
      // ends that are equal need no separating (with a quantum of 0 they would ask for a window 0 wide)
      if (d > 0 && d >= quantum * (1 - 1e-9) && d < gap) gap = d;
    }
    if (Number.isFinite(gap)) maxSpan = (gap * (dots - 1)) / 1.25;
  }
  if (hi - lo <= maxSpan) {
    // Nice bounds: a round step (whole decades on a log scale).
    const step = log ? (hi - lo > 20 ? niceStep((hi - lo) / 10) : hi - lo > 3 ? 1 : niceStep((hi - lo) / 4)) : niceStep((hi - lo) / 8);
    [lo, hi] = clampToLimits(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step);
    return { lo: round12(lo), hi: round12(hi), log, dots, zoomed: false };
  }
  // Zoomed: a window maxSpan wide around the latest values, slid towards the side the run came
  // from (where most of its values lie) but not past the data.
  const endLo = ends[0]!;
  const endHi = ends.at(-1)!;
  const margin = Math.min((maxSpan - (endHi - endLo)) / 2, 0.08 * maxSpan);
  let below = 0;
  let above = 0;
  for (const vs of values) for (const v of vs) if (v < endLo) below++; else if (v > endHi) above++;
  if (below >= above) {
    hi = Math.max(endHi + margin, Math.min(hi, endLo - margin + maxSpan));
    lo = hi - maxSpan;
  } else {
    lo = Math.min(endLo - margin, Math.max(lo, endHi + margin - maxSpan));
    hi = lo + maxSpan;
  }
  [lo, hi] = clampToLimits(lo, hi);
  // Nice bounds: of the round steps whose multiples still hold the latest values, the window that
  // covers most of the one chosen above (the coarser step on a tie).
  let best: [number, number] | null = null;
  let bestOverlap = -Infinity;
  for (const parts of [4, 10, 25, 100]) {
    const step = niceStep(maxSpan / parts);
    const span = Math.floor(maxSpan / step + 1e-9) * step;
    if (span < 0.6 * maxSpan) continue;
    for (const a of [Math.ceil(hi / step - 1e-9) * step - span, Math.floor(lo / step + 1e-9) * step]) {
      const [p, q] = clampToLimits(a, a + span);
      if (p > endLo || q < endHi || q - p > maxSpan) continue;
      const overlap = Math.min(q, hi) - Math.max(p, lo);
      if (overlap > bestOverlap + 1e-9 * maxSpan) ((best = [p, q]), (bestOverlap = overlap));
    }
  }
  if (best) return { lo: round12(best[0]), hi: round12(best[1]), log, dots, zoomed: true };
  return { lo, hi, log, dots, zoomed: true };
}
