/** Every claim and every matches-receipt of every shipped scenario, one test each: the historical record as executable checks. */
import { describe, expect, it } from 'vitest';
import { executeScenario } from '../../src/scenarios/execute.js';
import { loadAllScenarios } from '../../src/scenarios/loader.js';
import { toJson } from '../../src/report/json.js';
import { runDocument } from '../../src/report/run-file.js';
import { receiptLine } from '../../src/session/receipts.js';
import { fingerprint, renamed, type ScenarioPrint } from './outputs.js';
import recorded from '../fixtures/outputs/run-json.json' with { type: 'json' };

const scenarios = loadAllScenarios();
const REPLAY = 3;

describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  const result = executeScenario(scenario);
  const claims = result.runs.flatMap((r) => r.claims.map((c) => [c.claim, c] as const));
  // The safety net of issue 26: `run --json` as recorded before the runner ↔ model protocol changed (outputs.ts).
  it('gives the run --json recorded before the protocol change (outcomes renamed only)', () => {
    const doc = JSON.parse(toJson(runDocument(result, scenario.title, '', (r) => receiptLine(r.receipt, r)))) as Parameters<typeof fingerprint>[0];
    const before = (recorded as Record<string, ScenarioPrint>)[scenario.id];
    expect(before, 'a scenario without a recorded output: record it (outputs.ts)').toBeDefined();
    const ownTarget = (id: string): boolean => scenario.runs.some((r) => r.id === id && r.target !== undefined);
    expect(fingerprint(doc)).toEqual(renamed(before!, ownTarget, scenario.id));
  });
  it('evaluates all of its claims', () => {
    expect(claims.length).toBe(scenario.claims.length);
  });
  it.each(claims)('%s', (_text, claim) => {
    expect(claim.holds).toBe(true);
  });
  // Its receipts, read from the same runs: each measured, and each that says it matches its paper holding.
  const receipts = (result.receipts ?? []).map((r) => [`receipt: ${r.receipt.published.quantity} (${r.receipt.source.authors} ${r.receipt.source.year})`, r] as const);
  it('measures all of its receipts', () => {
    expect(receipts.length).toBe(scenario.receipts?.length ?? 0);
    for (const [, r] of receipts) expect(Number.isFinite(r.ours), r.receipt.ours.what).toBe(true);
  });
  it.each(receipts.filter(([, r]) => r.receipt.comparison === 'matches'))('%s', (_text, r) => {
    expect(r.holds).toBe(true);
  });
  // Two runs over the first REPLAY epochs, compared whole (history, weights, patterns, report):
  // every random stream (data, initial weights, order, masks, Monte-Carlo samples) is drawn in
  // them, and the full budget (seconds of digits) is trained once, for the claims above.
  it(`replays identically with the same seed (${REPLAY} epochs, twice)`, { timeout: 120_000 }, () => {
    const once = JSON.stringify(executeScenario(scenario, { epochs: REPLAY }));
    expect(JSON.stringify(executeScenario(scenario, { epochs: REPLAY }))).toBe(once);
  });
});
