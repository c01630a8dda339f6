/** Every claim and every matches-receipt of every shipped scenario, one test each: the historical record as executable checks. */
import { describe, expect, it } from 'vitest';
import { executeScenario } from '../../src/scenarios/execute.js';
import { loadAllScenarios } from '../../src/scenarios/loader.js';

const scenarios = loadAllScenarios();
const REPLAY = 3;

describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  const result = executeScenario(scenario);
  const claims = result.runs.flatMap((r) => r.claims.map((c) => [c.claim, c] as const));
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
