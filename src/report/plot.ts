/**
 * Figures of a run as SVG files (`run … --plot loss.svg|map.svg|gradients.svg`): the loss curves
 * (train and test, a log scale when they span more than two decades), the decision map with the
 * points, and the per-layer gradient norms as bars. Scales and ticks come from d3-scale, paths from
 * d3-shape. Each drawn series carries data-* attributes naming its run and series, and each panel
 * its scales (data-x-domain, data-y-domain, data-range, data-y-scale), so a reader can map the
 * geometry back to numbers. Imported lazily: only a run with --plot loads d3.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { line } from 'd3-shape';
import type { RunResult, ScenarioResult } from '../scenarios/execute.js';


/** Points per drawn series at most: a longer history is sampled evenly, its last epoch always kept. */
export const MAX_POINTS = 2000;

const W = 760;
const H = 400;
const M = { top: 36, right: 200, bottom: 44, left: 84 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const svg = (w: number, h: number, title: string, body: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="12">\n<title>${esc(title)}</title>\n<rect width="${w}" height="${h}" fill="white"/>\n${body.join('\n')}\n</svg>\n`;

/** A decision map as the lab computes it (session/field.ts builds it; the report layer only draws it). */
export interface MapField {
  readonly cols: number;
  readonly rows: number;
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly classes: number;
  /** Class and score of each pixel, row-major, top row first (cols × 2·rows). */
  readonly labels: ArrayLike<number>;
  readonly scores: ArrayLike<number>;
  readonly points: readonly { readonly x: number; readonly y: number; readonly label: number; readonly test: boolean }[];
  readonly line: readonly number[] | null;
}

/** Evenly spaced indices of n items, at most max of them, first and last included. */
export function sampleIndices(n: number, max = MAX_POINTS): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out = Array.from({ length: max - 1 }, (_, k) => Math.round((k * (n - 1)) / (max - 1)));
  out.push(n - 1);
  return [...new Set(out)];
}

function axes(x: ScaleContinuousNumeric<number, number>, y: ScaleContinuousNumeric<number, number>, xLabel: string, yLabel: string, log: boolean, xTicks = true): string[] {
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  const out = [`<g class="axes" stroke="#444"><line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}"/><line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}"/></g>`];
  if (xTicks) for (const t of x.ticks(6)) out.push(`<text class="tick" x="${x(t)}" y="${y0 + 16}" text-anchor="middle">${x.tickFormat(6)(t)}</text>`);
  const yt = log ? y.ticks(6).filter((t) => Number.isInteger(Math.log10(t))) : y.ticks(6);
  for (const t of yt) out.push(`<text class="tick" x="${x0 - 6}" y="${y(t) + 4}" text-anchor="end">${log ? t.toExponential(0) : y.tickFormat(6)(t)}</text>`);
  out.push(`<text x="${(x0 + x1) / 2}" y="${H - 8}" text-anchor="middle">${esc(xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}${log ? ' (log scale)' : ''}</text>`);
  return out;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The loss curves of every run: train solid, test dashed. */
export function lossSvg(result: ScenarioResult, title: string): string {
  const series = result.runs.flatMap((r, i) =>
    (['loss', 'testLoss'] as const)
      .map((key) => {
        const rows = r.history.filter((h) => finite(h[key]));
        const idx = sampleIndices(rows.length);
        return { run: r.id, key, color: COLORS[i % COLORS.length]!, points: idx.map((j) => [rows[j]!['epoch'] as number, rows[j]![key] as number] as const) };
      })
      .filter((s) => s.points.length > 0),
  );
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const positive = ys.filter((v) => v > 0);
  const lo = Math.min(...positive);
  const hi = Math.max(...ys, 1e-12);
  // a log scale when every loss is positive and they span more than two decades
  const log = ys.length > 0 && positive.length === ys.length && hi / lo > 100;
  const x = scaleLinear().domain([Math.min(0, ...xs), Math.max(1, ...xs)]).range([M.left, W - M.right]);
  const y = (log ? scaleLog().domain([lo, hi]) : scaleLinear().domain([Math.min(0, ...ys), hi === Math.min(0, ...ys) ? hi + 1 : hi])).range([H - M.bottom, M.top]);
  const path = line<readonly [number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const body = [`<text x="${M.left}" y="20" font-weight="bold">${esc(title)} — loss (seed ${esc(String(result.seed))})</text>`];
  body.push(`<g class="panel" data-x-domain="${x.domain().join(',')}" data-y-domain="${y.domain().join(',')}" data-x-range="${x.range().join(',')}" data-y-range="${y.range().join(',')}" data-y-scale="${log ? 'log' : 'linear'}">`);
  body.push(...axes(x, y, 'epoch', 'loss', log));
  series.forEach((s, k) => {
    body.push(`<path class="series" data-run="${esc(s.run)}" data-series="${s.key === 'loss' ? 'train' : 'test'}" fill="none" stroke="${s.color}" stroke-width="1.5"${s.key === 'testLoss' ? ' stroke-dasharray="5 3"' : ''} d="${path(s.points as [number, number][])}"/>`);
    body.push(`<text class="legend" x="${W - M.right + 10}" y="${M.top + 16 * k}" fill="${s.color}">${esc(s.run)} ${s.key === 'loss' ? 'train' : 'test'}</text>`);
  });
  body.push('</g>');
  return svg(W, H, `${title}: loss`, body);
}

/** The last epoch of a run that reported per-layer gradient norms. */
const lastNorms = (r: RunResult): { epoch: number; norms: number[] } | null => {
  for (let i = r.history.length - 1; i >= 0; i--) {
    const g = r.history[i]!['gradNorm'];
    if (Array.isArray(g) && g.length > 0) return { epoch: r.history[i]!['epoch'] as number, norms: g as number[] };
  }
  return null;
};

/** The per-layer gradient norms at each run's last epoch that has them: one group of bars per run, W¹ first. */
export function gradientsSvg(result: ScenarioResult, title: string): string | null {
  const runs = result.runs.map((r) => ({ r, g: lastNorms(r) })).filter((v): v is { r: RunResult; g: { epoch: number; norms: number[] } } => v.g !== null);
  if (runs.length === 0) return null;
  const max = Math.max(...runs.flatMap((v) => v.g.norms.filter(finite)), 1e-12);
  const y = scaleLinear().domain([0, max]).range([H - M.bottom, M.top]).nice();
  const slots = runs.reduce((n, v) => n + v.g.norms.length + 1, 0);
  const x = scaleLinear().domain([0, Math.max(slots, 1)]).range([M.left, W - M.right]);
  const body = [`<text x="${M.left}" y="20" font-weight="bold">${esc(title)} — gradient norm per layer (seed ${esc(String(result.seed))})</text>`];
  body.push(`<g class="panel" data-y-domain="${y.domain().join(',')}" data-y-range="${y.range().join(',')}" data-y-scale="linear">`);
  body.push(...axes(x, y, 'layer (W¹ first), by run', '‖∂J/∂W‖', false, false));
  let slot = 0;
  runs.forEach(({ r, g }, i) => {
    const color = COLORS[i % COLORS.length]!;
    g.norms.forEach((v, k) => {
      const h = finite(v) ? y(0) - y(v) : 0;
      body.push(`<rect class="bar" data-run="${esc(r.id)}" data-layer="${k + 1}" data-epoch="${g.epoch}" x="${x(slot + 0.1)}" y="${y(0) - h}" width="${x(slot + 0.9) - x(slot + 0.1)}" height="${h}" fill="${color}"/>`);
      body.push(`<text x="${x(slot + 0.5)}" y="${y(0) + 16}" text-anchor="middle">W${k + 1}</text>`);
      slot++;
    });
    body.push(`<text class="legend" x="${W - M.right + 10}" y="${M.top + 16 * i}" fill="${color}">${esc(r.id)} (epoch ${g.epoch})</text>`);
    slot++;
  });
  body.push('</g>');
  return svg(W, H, `${title}: gradient norms`, body);
}

/** The decision map of each run (class and confidence over the input plane) with the points: one panel per run. */
export function mapSvg(fields: readonly { run: string; field: MapField; features?: readonly string[] }[], title: string): string {
  const side = 320;
  const pad = 40;
  const width = fields.length * (side + pad) + pad;
  const height = side + 2 * pad + 36;
  const body = [`<text x="${pad}" y="22" font-weight="bold">${esc(title)} — decision map</text>`];
  fields.forEach(({ run, field: f, features = ['x1', 'x2'] }, i) => {
    const left = pad + i * (side + pad);
    const x = scaleLinear().domain(f.domain.x).range([left, left + side]);
    const y = scaleLinear().domain(f.domain.y).range([pad + 20 + side, pad + 20]);
    const pixelRows = 2 * f.rows;
    const cw = side / f.cols;
    const ch = side / pixelRows;
    body.push(`<g class="panel" data-run="${esc(run)}" data-x-domain="${f.domain.x.join(',')}" data-y-domain="${f.domain.y.join(',')}" data-x-range="${x.range().join(',')}" data-y-range="${y.range().join(',')}">`);
    body.push(`<text x="${left}" y="${pad + 14}">${esc(run)}</text>`);
    // the axes by the data's own column names, with the ends of each range
    body.push(`<text class="axis" x="${left + side / 2}" y="${pad + 20 + side + 30}" text-anchor="middle">${esc(features[0] ?? 'x1')}</text>`);
    body.push(`<text class="axis" transform="translate(${left - 8} ${pad + 20 + side / 2}) rotate(-90)" text-anchor="middle">${esc(features[1] ?? 'x2')}</text>`);
    for (const v of x.ticks(4)) body.push(`<text class="tick" x="${x(v)}" y="${pad + 20 + side + 14}" text-anchor="middle">${x.tickFormat(4)(v)}</text>`);
    // each row of pixels as runs of one class and one of 8 shades: one rect per run
    const shade = (k: number): number => {
      const score = f.scores[k]!;
      // two classes: the score is P(class 1), its distance from ½ the confidence; more: the winner's share
      const confidence = f.classes === 2 ? Math.abs(score - 0.5) * 2 : score;
      return Math.min(7, Math.floor(Math.max(0, confidence) * 8));
    };
    for (let r = 0; r < pixelRows; r++) {
      for (let c = 0; c < f.cols; ) {
        const k = r * f.cols + c;
        const label = f.labels[k]!;
        const level = shade(k);
        let end = c + 1;
        while (end < f.cols && f.labels[r * f.cols + end] === label && shade(r * f.cols + end) === level) end++;
        body.push(`<rect class="cell" data-class="${label}" x="${(left + c * cw).toFixed(2)}" y="${(pad + 20 + r * ch).toFixed(2)}" width="${((end - c) * cw).toFixed(2)}" height="${ch.toFixed(2)}" fill="${COLORS[label % COLORS.length]}" fill-opacity="${(0.12 + 0.05 * level).toFixed(2)}"/>`);
        c = end;
      }
    }
    if (f.line) {
      const [w0, w1, w2] = f.line as [number, number, number];
      const at = (v: number): number => -(w0 + w1 * v) / w2;
      if (w2 !== 0) body.push(`<line class="boundary" x1="${x(f.domain.x[0])}" y1="${y(at(f.domain.x[0]))}" x2="${x(f.domain.x[1])}" y2="${y(at(f.domain.x[1]))}" stroke="black" stroke-width="1.5"/>`);
    }
    for (const p of f.points) {
      body.push(`<circle class="point" data-label="${p.label}" data-split="${p.test ? 'test' : 'train'}" cx="${x(p.x)}" cy="${y(p.y)}" r="3.5" fill="${p.test ? 'white' : COLORS[p.label % COLORS.length]}" stroke="${COLORS[p.label % COLORS.length]}" stroke-width="1.5"/>`);
    }
    body.push('</g>');
  });
  return svg(width, height, `${title}: decision map`, body);
}
