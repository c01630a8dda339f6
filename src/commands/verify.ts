/** `neural-eras verify [scenario…] [--json]`: checks every claim; exit 0 when all hold, 1 when any fails. */
import type { ClaimResult } from '../scenarios/claims.js';
import { executeScenario } from '../scenarios/execute.js';
import { loadAllScenarios, loadScenario } from '../scenarios/loader.js';
import { toJson } from '../report/json.js';
import { table } from '../report/table.js';
import type { Io } from './io.js';

/** A claim of a scenario's run, checked: the data of ClaimResult (metric, relation, bound, actual, holds). */
export interface VerifiedClaim extends ClaimResult {
  readonly scenario: string;
  readonly run: string;
}

export function verifyClaims(refs: readonly string[]): VerifiedClaim[] {
  const scenarios = refs.length > 0 ? refs.map(loadScenario) : loadAllScenarios();
  return scenarios.flatMap((s) =>
    executeScenario(s).runs.flatMap((r) => r.claims.map((c) => ({ scenario: s.id, run: r.id, ...c }))),
  );
}

export function verifyCommand(refs: readonly string[], opts: { json?: boolean }, io: Io): number {
  const claims = verifyClaims(refs);
  const failed = claims.filter((c) => !c.holds).length;
  if (opts.json) {
    io.out(`${toJson({ ok: failed === 0, passed: claims.length - failed, failed, claims }, 2)}\n`);
  } else {
    io.out(`${table(['', 'scenario', 'claim'], claims.map((c) => [c.holds ? '✓' : '✗', c.scenario, c.claim]))}\n\n`);
    io.out(`${claims.length} claims: ${claims.length - failed} hold, ${failed} fail\n`);
  }
  return failed === 0 ? 0 : 1;
}
