/**
 * `neural-eras verify [scenario…] [--receipts] [--json]`: checks every claim, and every receipt that
 * says it matches its paper; exit 0 when all hold, 1 when any fails. --receipts prints the receipts
 * as a table (published, ours, verdict) instead of the claims.
 */
import { executeScenario } from '../scenarios/execute.js';
import { loadAllScenarios, loadScenario } from '../scenarios/loader.js';
import type { ReceiptResult } from '../scenarios/receipts.js';
import { citeOf, oursText, publishedText, receiptLine, verdictOf } from '../session/receipts.js';
import { toJson } from '../report/json.js';
import { table } from '../report/table.js';
import type { Io } from './io.js';

export interface VerifiedClaim {
  scenario: string;
  run: string;
  claim: string;
  holds: boolean;
  note?: string;
}

export interface VerifiedReceipt {
  scenario: string;
  result: ReceiptResult;
}

export interface Verified {
  claims: VerifiedClaim[];
  receipts: VerifiedReceipt[];
}

/** A matches receipt holds only when measured and within its tolerance (or bound). */
const receiptFails = (r: ReceiptResult): boolean => r.receipt.comparison === 'matches' && r.holds !== true;

export function verifyAll(refs: readonly string[]): Verified {
  const scenarios = refs.length > 0 ? refs.map(loadScenario) : loadAllScenarios();
  const claims: VerifiedClaim[] = [];
  const receipts: VerifiedReceipt[] = [];
  for (const s of scenarios) {
    const result = executeScenario(s);
    for (const r of result.runs) for (const c of r.claims) claims.push({ scenario: s.id, run: r.id, claim: c.claim, holds: c.holds, ...(c.note ? { note: c.note } : {}) });
    for (const res of result.receipts ?? []) {
      receipts.push({ scenario: s.id, result: res });
      // a receipt that says it matches its paper is checked like a claim
      if (res.receipt.comparison === 'matches') claims.push({ scenario: s.id, run: res.receipt.ours.run ?? '', claim: `receipt: ${receiptLine(res.receipt, res)}`, holds: !receiptFails(res) });
    }
  }
  return { claims, receipts };
}

export const verifyClaims = (refs: readonly string[]): VerifiedClaim[] => verifyAll(refs).claims;

/** The receipts table: one row per receipt, published beside ours, with the verdict. */
export function receiptsTable(receipts: readonly VerifiedReceipt[]): string {
  return table(
    ['scenario', 'source', 'quantity', 'published', 'ours', 'verdict'],
    receipts.map(({ scenario, result: r }) => [
      scenario,
      `${citeOf(r.receipt)}, ${r.receipt.source.where}${r.receipt.source.checked === 'paper' ? '' : r.receipt.source.checked === 'secondary' ? ' (secondary)' : ' (figure not verified here)'}`,
      r.receipt.published.quantity,
      publishedText(r.receipt, r),
      `${oursText(r.receipt, r)} (${r.receipt.ours.what})`,
      verdictOf(r, r.receipt),
    ]),
  );
}

export function verifyCommand(refs: readonly string[], opts: { json?: boolean; receipts?: boolean }, io: Io): number {
  const { claims, receipts } = verifyAll(refs);
  const failed = claims.filter((c) => !c.holds).length;
  if (opts.receipts) {
    const drifted = receipts.filter((r) => receiptFails(r.result)).length;
    const matches = receipts.filter((r) => r.result.receipt.comparison === 'matches').length;
    if (opts.json) {
      const rows = receipts.map(({ scenario, result }) => ({ scenario, ...result, line: receiptLine(result.receipt, result) }));
      io.out(`${toJson({ ok: drifted === 0, receipts: rows.length, matches, drifted, rows }, 2)}\n`);
    } else {
      io.out(`${receiptsTable(receipts)}\n\n`);
      io.out(`${receipts.length} receipts: ${matches} checked as matches (${matches - drifted} hold, ${drifted} drifted), ${receipts.length - matches} same-kind or differs (shown, not checked)\n`);
    }
    return drifted === 0 ? 0 : 1;
  }
  if (opts.json) {
    io.out(`${toJson({ ok: failed === 0, passed: claims.length - failed, failed, claims }, 2)}\n`);
  } else {
    io.out(`${table(['', 'scenario', 'claim'], claims.map((c) => [c.holds ? '✓' : '✗', c.scenario, c.claim]))}\n\n`);
    io.out(`${claims.length} claims: ${claims.length - failed} hold, ${failed} fail\n`);
  }
  return failed === 0 ? 0 : 1;
}
