/**
 * A tour stop's text facts (curriculum.ts, `show`), written out from its runs as they stand: the
 * epoch's updates before → after, how far a loss climbed, the weights a run settled on, the
 * collapsed map of linear layers, and train/test/gap of every run as bars on one shared scale.
 * The layout gives these lines a band that is never dropped; panel facts (the truth table's hidden
 * columns, the digits) are kept by the pane layout instead.
 */
import { MINUS, percent, short, vector } from '../core/format.js';
import type { Tr } from '../i18n/index.js';
import { cellsOf } from '../i18n/index.js';
import type { Fact, Stop } from './curriculum.js';
import type { Lane } from './lane.js';
import type { LaneView } from './views.js';
import { confusionMatrix, misclassified } from '../data/confusion.js';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number): string => [...String(n)].map((d) => SUPERSCRIPT[Number(d)] ?? d).join('');

/** a + b·x1 + c·x2 with its signs written as the lecture does (− for negative terms). */
export function affine(w: readonly number[], names: readonly string[]): string {
  const terms = w.slice(1).map((v, i) => `${v < 0 ? MINUS : '+'} ${short(Math.abs(v))}·${names[i] ?? `x${i + 1}`}`);
  return [short(w[0]!), ...terms].join(' ');
}

/** The least-squares weights (XᵀX)⁻¹Xᵀt of a single linear unit with a bias, or null when XᵀX is singular. */
export function leastSquares(inputs: readonly (readonly number[])[], targets: readonly number[]): number[] | null {
  const rows = inputs.map((x) => [1, ...x]);
  const n = rows[0]?.length ?? 0;
  // Normal equations, solved by Gaussian elimination with partial pivoting.
  const A = Array.from({ length: n }, (_, i) => [...Array.from({ length: n }, (_, j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0)), rows.reduce((s, r, k) => s + r[i]! * targets[k]!, 0)]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    if (Math.abs(A[p]![c]!) < 1e-12) return null;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k <= n; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return A.map((row, i) => row[n]! / row[i]!);
}

/** A bar of `cells` on the scale 0…1 (the same scale for every bar drawn with it). */
const bar = (v: number, cells: number): string => {
  const k = Math.max(0, Math.min(cells, Math.round((Number.isFinite(v) ? v : 0) * cells)));
  return '█'.repeat(k) + '░'.repeat(cells - k);
};

function lines(fact: Fact, lanes: readonly LaneView[], raw: readonly Lane[], width: number, tr: Tr): string[] {
  const view = (run: string): LaneView | undefined => lanes.find((l) => l.id === run);
  const lane = (run: string): Lane | undefined => raw.find((l) => l.spec.id === run);
  switch (fact.kind) {
    case 'updates': {
      const l = view(fact.run);
      const last = l?.trace.at(-1)?.epoch;
      if (!l || last === undefined) return [];
      return l.trace
        .filter((s) => s.epoch === last)
        .map((s) => {
          const t = s.t.map((v) => short(v)).join(', ');
          const o = s.o.map((v) => short(v)).join(', ');
          const right = s.o.every((v, i) => v === s.t[i]);
          return tr.t('fact.update', { n: s.pattern + 1, x: vector(s.x, 3), t, o, what: tr.t(right ? 'fact.right' : 'fact.wrong'), before: vector(s.before, 3), after: vector(s.after, 3) });
        });
    }
    case 'climb': {
      const l = view(fact.run);
      if (!l?.latest) return [];
      const factor = l.now.loss / l.lossStart;
      return [tr.t('fact.climb', { label: l.label, start: short(l.lossStart), now: short(l.now.loss), factor: short(factor) })];
    }
    case 'weights': {
      const l = view(fact.run);
      const w = lane(fact.run)?.run?.model.snapshot();
      if (!l || !w || w.kind !== 'vector') return [];
      const data = lane(fact.run)!.spec.data;
      const ls = leastSquares(data.inputs, data.targets.map((t) => t[0]!));
      const same = ls !== null && ls.length === w.w.length && ls.every((v, i) => Math.abs(v - w.w[i]!) < 1e-3);
      return [tr.t(same ? 'fact.weightsLs' : 'fact.weights', { label: l.label, w: vector(w.w, 3) })];
    }
    case 'collapsed': {
      const l = view(fact.run);
      const r = lane(fact.run)?.run;
      const map = r?.model.finalReport?.().sections?.['collapsed'] as number[][] | undefined;
      if (!l || !r || !map?.[0]) return [];
      const depth = (r.model.snapshot() as { layers?: unknown[] }).layers?.length ?? 0;
      return [tr.t('fact.collapsed', { label: l.label, z: `z${sup(depth)}`, map: affine(map[0], l.features) })];
    }
    case 'generalisation': {
      const shown = lanes.filter((l) => l.latest);
      const name = Math.max(0, ...shown.map((l) => cellsOf(l.label)));
      const fixed = cellsOf(tr.t('fact.generalisation', { label: '', train: '', trainBar: '', test: '', testBar: '', gap: '' })) + 20;
      const cells = Math.max(4, Math.min(30, Math.floor((width - name - fixed) / 2)));
      return shown.map((l) => {
        const test = l.latest!.testAccuracy;
        // Figure spaces line the bars up under each other (a space would be taken for a word break).
        const pad = '\u2007'.repeat(name - cellsOf(l.label));
        return tr.t('fact.generalisation', {
          label: l.label + pad,
          trainBar: bar(l.now.accuracy, cells),
          train: percent(l.now.accuracy).padStart(5, '\u2007'),
          testBar: bar(test ?? NaN, cells),
          test: (test === undefined ? '—' : percent(test)).padStart(5, '\u2007'),
          gap: test === undefined ? '—' : short(Math.round((l.now.accuracy - test) * 1000) / 10),
        });
      });
    }
    case 'digits': {
      const l = lane(fact.run);
      return l ? digitLines(l, tr) : [];
    }
    case 'through-time':
      // the error enters at the last step; what reaches the first is what the net can learn from
      return lanes.flatMap((l) => {
        const g = l.sequence?.trace.gradient;
        if (!g || g.length < 2) return [];
        const last = g[g.length - 1]!;
        const first = g[0]!;
        return [tr.t('fact.throughTime', { label: l.label, state: l.sequence!.trace.state, steps: g.length, last: short(last), first: short(first), ratio: short(first / last) })];
      });
    case 'hidden':
    case 'kernels':
      return [];
  }
}

const digitCache = new WeakMap<Lane, { version: number; lines: string[] }>();

/** Its mistakes (true→predicted) and what the confusion matrix says most, on the test split (else training). */
function digitLines(lane: Lane, tr: Tr): string[] {
  const hit = digitCache.get(lane);
  if (hit && hit.version === lane.version) return hit.lines;
  const run = lane.run;
  const data = lane.spec.data;
  if (!run || !data.image) return [];
  const rows = data.test ?? data;
  const predictions = run.model.evaluate(rows).predictions;
  const counts = confusionMatrix(rows.labels, predictions, data.classes);
  const name = (k: number): string => data.classNames?.[k] ?? String(k);
  const wrong = rows.labels.filter((y, i) => predictions[i] !== y).length;
  const list = misclassified(rows.labels, predictions, 5).map((i) => `${name(rows.labels[i]!)}→${name(predictions[i]!)}`).join(', ');
  const pairs = counts
    .flatMap((row, t) => row.map((c, p) => ({ t, p, c })).filter((x) => x.t !== x.p && x.c > 0))
    .sort((a, b) => b.c - a.c || a.t - b.t || a.p - b.p)
    .slice(0, 3)
    .map((x) => `${name(x.t)}→${name(x.p)} ×${x.c}`)
    .join(', ');
  const recall = counts.map((row, k) => ({ k, r: row[k]! / Math.max(1, row.reduce((s, c) => s + c, 0)) })).sort((a, b) => a.r - b.r || a.k - b.k)[0]!;
  const split = tr.t(data.test ? 'split.test' : 'split.training');
  const lines = [
    tr.t('fact.mistakes', { split, wrong, total: rows.labels.length, list: list || '—' }),
    tr.t('fact.confusion', { pairs: pairs || '—', worst: name(recall.k), recall: percent(recall.r) }),
  ];
  digitCache.set(lane, { version: lane.version, lines });
  return lines;
}

/** The stop's text facts from its runs now, each line meant to be shown whole at `width` cells. */
export function factLines(stop: Stop, lanes: readonly LaneView[], raw: readonly Lane[], width: number, tr: Tr): string[] {
  return stop.show.flatMap((f) => lines(f, lanes, raw, width, tr));
}
