/**
 * Receipts in words, in either language: the line the lab, run, verify and the tour's summary show
 * ("published 1,425 sweeps (…) · here 2,043.5 sweeps (…) · verdict") and the details info adds.
 * What is measured and checked is in src/scenarios/receipts.ts.
 */
import { EN_TR, type Tr } from '../i18n/index.js';
import type { RunResult } from '../scenarios/execute.js';
import { evaluateReceipts, figure, type ReceiptResult } from '../scenarios/receipts.js';
import type { Receipt } from '../scenarios/schema.js';

const unitOf = (u: string | undefined): string => (u === undefined ? '' : u === '%' || u === '×' ? u : ` ${u}`);

/** The source as cited on a line: "Rumelhart, Hinton & Williams 1986". */
export const citeOf = (r: Receipt): string => `${r.source.authors} ${r.source.year}`;

/** The verdict in words: matches ✓/✗, same kind with the direction expected (and whether it holds), or differs. */
export function verdictOf(res: ReceiptResult | undefined, r: Receipt, tr: Tr = EN_TR): string {
  if (r.comparison === 'matches') {
    const within = (r.relation ?? '=') === '=' ? tr.t('receipts.within', { tolerance: figure(r.tolerance) }) : tr.t(r.relation === '<=' ? 'receipts.atMost' : 'receipts.atLeast');
    if (!res || res.ours === undefined) return tr.t('receipts.matchesPending', { within });
    return tr.t(res.holds ? 'receipts.matches' : 'receipts.drifted', { within });
  }
  if (r.comparison === 'same-kind') {
    const expect = tr.t(r.expect === 'higher' ? 'receipts.expectHigher' : r.expect === 'lower' ? 'receipts.expectLower' : 'receipts.expectSimilar');
    const mark = !res || res.direction === null ? '' : res.direction ? ' ✓' : ' ✗';
    return tr.t('receipts.sameKind', { expect, mark });
  }
  return tr.t('receipts.differs');
}

/** Which language's words a receipt is shown in: its Korean prose when asked and given. */
const words = (r: Receipt, tr: Tr) =>
  tr.lang === 'ko' && r.ko ? { text: r.ko.text, quantity: r.ko.quantity, what: r.ko.what } : { text: r.published.text, quantity: r.published.quantity, what: r.ours.what };

/** One line: "published 1,425 sweeps (RHW 1986: mirror symmetry) · here 2,151 sweeps (median over 50 seeds) · verdict". */
export function receiptLine(r: Receipt, res: ReceiptResult | undefined, tr: Tr = EN_TR): string {
  const w = words(r, tr);
  return tr.t('receipts.line', { published: publishedText(r, res, tr), cite: citeOf(r), quantity: w.quantity, ours: oursText(r, res, tr), what: w.what, verdict: verdictOf(res, r, tr) });
}

/** The published figure as shown: its text, and for a published formula its value on this data. */
export function publishedText(r: Receipt, res: ReceiptResult | undefined, tr: Tr = EN_TR): string {
  const text = words(r, tr).text;
  return r.published.metric && res?.published !== undefined ? `${text} = ${figure(res.published)}${unitOf(r.ours.unit)}` : text;
}

/** Ours as shown: the value with its unit, or pending. */
export const oursText = (r: Receipt, res: ReceiptResult | undefined, tr: Tr = EN_TR): string =>
  res?.ours === undefined ? tr.t('receipts.pending') : `${figure(res.ours)}${unitOf(r.ours.unit)}`;

/** How the figure was checked, in words (for info and the verify table). */
export function checkedText(r: Receipt, tr: Tr = EN_TR): string {
  const how = tr.t(r.source.checked === 'paper' ? 'receipts.checkedPaper' : r.source.checked === 'secondary' ? 'receipts.checkedSecondary' : 'receipts.notVerified');
  return r.source.via ? `${how}: ${r.source.via}` : how;
}

/** A receipt in full, for `info`: the line, the source, the paper's conditions and the comparison's terms. */
export function receiptDetail(r: Receipt, tr: Tr = EN_TR): string[] {
  const ko = tr.lang === 'ko' ? r.ko : undefined;
  const c = r.conditions;
  return [
    `${citeOf(r)}, ${r.source.where} — ${checkedText(r, tr)}`,
    tr.t('receipts.conditions', { data: c.data, net: c.net, rule: c.rule, budget: c.budget }),
    ...(r.differences ? [tr.t('receipts.differences', { text: ko?.differences ?? r.differences })] : []),
    ...(r.reason ? [tr.t('receipts.reason', { text: ko?.reason ?? r.reason })] : []),
  ];
}

/**
 * A scenario's receipt lines, for any screen that lists them (the tour's summary): with results
 * when its runs were trained, else each with "here …" pending.
 */
export function receiptLines(scenario: { readonly receipts?: readonly Receipt[] }, results?: readonly RunResult[], tr: Tr = EN_TR): string[] {
  const checked = results ? evaluateReceipts(scenario.receipts, results) : undefined;
  return (scenario.receipts ?? []).map((r, i) => receiptLine(r, checked?.[i], tr));
}
