/**
 * `neural-eras verify [scenario…] [--receipts] [--json]`: checks every claim, and every receipt that
 * says it matches its paper; exit 0 when all hold, 1 when any fails. --receipts prints the receipts
 * as a table (published, ours, verdict) instead of the claims.
 * The scenarios run in parallel on worker threads (one per core) and the report
 * is written scenario by scenario, in list order, as each is checked: `verify --json | head` gets its
 * first bytes at once.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ClaimResult } from '../scenarios/claims.js';
import { executeScenario } from '../scenarios/execute.js';
import { leanRuns } from '../scenarios/lean-runs.js';
import { type Scenario, ScenarioError, loadAllScenarios, loadScenario } from '../scenarios/loader.js';
import type { ReceiptResult } from '../scenarios/receipts.js';
import { citeOf, oursText, publishedText, receiptLine, verdictOf } from '../session/receipts.js';
import { toJson } from '../report/json.js';
import { receiptEntry } from '../report/run-file.js';
import { table } from '../report/table.js';
import type { Io } from './io.js';
import { VERIFY_COSTS } from './verify-costs.js';

/** A claim of a scenario's run, checked: the data of ClaimResult (metric, relation, bound, actual, holds). */
export interface VerifiedClaim extends ClaimResult {
  readonly scenario: string;
  readonly run: string;
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

/**
 * Trains one scenario and checks its claims, and its receipts (a "matches" receipt is checked like a
 * claim). The runs whose claims read only what the runner measures train lean (leanRuns): the same
 * updates and numbers, without the per-epoch instruments no claim reads.
 */
export function verifyScenario(s: Scenario): Verified {
  const result = executeScenario(s, { lean: leanRuns(s) });
  const claims: VerifiedClaim[] = result.runs.flatMap((r) => r.claims.map((c) => ({ scenario: s.id, run: r.id, ...c })));
  const receipts: VerifiedReceipt[] = [];
  for (const res of result.receipts ?? []) {
    receipts.push({ scenario: s.id, result: res });
    if (res.receipt.comparison === 'matches') {
      // a receipt that says it matches its paper is checked like a claim: ours against the published figure
      const rel = res.receipt.relation ?? '=';
      claims.push({
        scenario: s.id,
        run: res.receipt.ours.run ?? '',
        claim: `receipt: ${receiptLine(res.receipt, res)}`,
        metric: res.receipt.ours.metric ?? 'receipt',
        relation: rel,
        ...(res.published !== undefined ? { bound: res.published } : {}),
        ...(res.ours !== undefined ? { actual: res.ours } : {}),
        ...(rel === '=' && res.receipt.tolerance !== undefined ? { tolerance: res.receipt.tolerance } : {}),
        holds: !receiptFails(res),
      });
    }
  }
  return { claims, receipts };
}

/**
 * The scenarios named (or every shipped one), read and checked before anything is written (every
 * run's data and model built, except the digits: their specs are checked against the known counts
 * here and their models built by the worker that trains them).
 */
function scenariosOf(refs: readonly string[]): Scenario[] {
  return refs.length > 0 ? refs.map((r) => loadScenario(r, { digits: false })) : loadAllScenarios({ digits: false });
}

export function verifyClaims(refs: readonly string[]): VerifiedClaim[] {
  return scenariosOf(refs).flatMap((s) => verifyScenario(loadScenario(s.path ?? s.file)).claims);
}

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

/**
 * What checking a scenario costs, in CPU milliseconds: as measured (verify-costs.ts), else an
 * estimate from its runs (epochs × rows; a digits run ~0.05 ms per image and epoch).
 */
export function verifyCost(s: Scenario): number {
  const measured = VERIFY_COSTS[s.id];
  if (measured !== undefined && s.path !== undefined && s.path.endsWith(`${s.id}.json`)) return measured;
  return s.runs.reduce((sum, r) => {
    const rows = r.data.kind === 'digits' ? (r.data.train ?? 1000) + (r.data.test ?? 0) : 50;
    return sum + 1 + Math.max(1, r.epochs) * rows * (r.data.kind === 'digits' ? 0.05 : 0.001);
  }, 0);
}

/**
 * Which thread checks which scenario: the costliest first, each to the thread with the least work
 * so far (so the threads finish together), then each thread's share in list order (so the report,
 * written in list order, streams as the threads go). Returns each thread's scenario indices.
 */
export function planVerify(costs: readonly number[], workers: number): number[][] {
  const plans: number[][] = Array.from({ length: Math.max(1, workers) }, () => []);
  const load = plans.map(() => 0);
  const byCost = costs.map((_, i) => i).sort((a, b) => costs[b]! - costs[a]! || a - b);
  for (const i of byCost) {
    let k = 0;
    for (let j = 1; j < load.length; j++) if (load[j]! < load[k]!) k = j;
    plans[k]!.push(i);
    load[k]! += costs[i]!;
  }
  return plans.map((p) => p.sort((a, b) => a - b));
}

/** The bundled worker (dist/verify-worker.js); null when running from the TypeScript sources. */
function workerScript(): string | null {
  const js = fileURLToPath(new URL('./verify-worker.js', import.meta.url));
  return existsSync(js) ? js : null;
}

export interface VerifyJob {
  /** The scenario's file (absolute). */
  readonly path: string;
  /** Plugin files (absolute) the scenarios' models need: a worker loads them itself. */
  readonly plugins: readonly string[];
}

export type VerifyReply = { ok: true; verified: Verified } | { ok: false; error: string; user: boolean };

/**
 * Checks every scenario, on the worker threads given (in this thread when fewer than two), and hands each one's claims to `done` in list
 * order as soon as it and every scenario before it are checked.
 */
async function checkAll(scenarios: readonly Scenario[], threads: readonly Worker[], plugins: readonly string[], done: (verified: Verified) => void): Promise<void> {
  const paths = scenarios.map((s) => s.path ?? resolve(s.file));
  if (threads.length <= 1 || scenarios.length < 2) {
    for (const path of paths) done(verifyScenario(loadScenario(path)));
    return;
  }
  const results: (Verified | undefined)[] = new Array(scenarios.length);
  let next = 0;
  const flush = (): void => {
    while (next < results.length && results[next]) done(results[next++]!);
  };
  // Each thread works through its planned share in list order; one done early takes the last
  // scenario not yet started from the share with the most work left (the estimates are not exact).
  const costs = scenarios.map(verifyCost);
  const pool = threads.slice(0, scenarios.length);
  const shares = planVerify(costs, pool.length);
  const left = (share: number[]): number => share.reduce((sum, i) => sum + costs[i]!, 0);
  const nextFor = (k: number): number | undefined => {
    if (shares[k]!.length > 0) return shares[k]!.shift();
    let from = -1;
    for (let j = 0; j < shares.length; j++) if (shares[j]!.length > 0 && (from < 0 || left(shares[j]!) > left(shares[from]!))) from = j;
    return from < 0 ? undefined : shares[from]!.pop();
  };
  await Promise.all(
    pool.map(
      (worker, k) =>
        new Promise<void>((ok, fail) => {
          let at = -1;
          const take = (): void => {
            const i = nextFor(k);
            if (i === undefined) return ok();
            at = i;
            worker.postMessage({ path: paths[i]!, plugins } satisfies VerifyJob);
          };
          worker.on('message', (m: VerifyReply) => {
            if (!m.ok) return fail(m.user ? new ScenarioError(m.error) : new Error(m.error));
            results[at] = m.verified;
            flush();
            take();
          });
          worker.once('error', fail);
          take();
        }),
    ),
  );
}

/**
 * The worker threads (one per core, no more than the scenarios named), started before the
 * scenarios are read so that their start-up overlaps the reading; none when one scenario is named
 * or when running from the TypeScript sources.
 */
function startThreads(refs: readonly string[]): Worker[] {
  const file = workerScript();
  const count = Math.min(availableParallelism(), refs.length === 0 ? Infinity : refs.length);
  return file && count > 1 ? Array.from({ length: count }, () => new Worker(file)) : [];
}

/** Runs `check` on worker threads started at once, and ends them after it (whatever happens). */
async function withThreads<T>(refs: readonly string[], check: (threads: Worker[]) => Promise<T>): Promise<T> {
  const threads = startThreads(refs);
  try {
    return await check(threads);
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
}

export function verifyCommand(refs: readonly string[], opts: { json?: boolean; plugin?: string[]; receipts?: boolean }, io: Io): Promise<number> {
  return withThreads(refs, (threads) => verifyOn(threads, refs, opts, io));
}

async function verifyOn(threads: readonly Worker[], refs: readonly string[], opts: { json?: boolean; plugin?: string[]; receipts?: boolean }, io: Io): Promise<number> {
  const scenarios = scenariosOf(refs);
  const plugins = (opts.plugin ?? []).map((p) => resolve(p));
  if (opts.receipts) {
    const receipts: VerifiedReceipt[] = [];
    await checkAll(scenarios, threads, plugins, (v) => void receipts.push(...v.receipts));
    const drifted = receipts.filter((r) => receiptFails(r.result)).length;
    const matches = receipts.filter((r) => r.result.receipt.comparison === 'matches').length;
    if (opts.json) {
      // a check that does not apply is left out, never a bare null
      const rows = receipts.map(({ scenario, result }) => ({ scenario, ...receiptEntry(result, (r) => receiptLine(r.receipt, r)) }));
      io.out(`${toJson({ ok: drifted === 0, receipts: rows.length, matches, drifted, rows }, 2)}\n`);
    } else {
      io.out(`${receiptsTable(receipts)}\n\n`);
      io.out(`${receipts.length} receipts: ${matches} checked as matches (${matches - drifted} hold, ${drifted} drifted), ${receipts.length - matches} same-kind or differs (shown, not checked)\n`);
    }
    return drifted === 0 ? 0 : 1;
  }
  let passed = 0;
  let failed = 0;
  let first = true;
  const width = Math.max(8, ...scenarios.map((s) => [...s.id].length));
  // The document's opening is written before any training: a reader sees the report begin at once.
  if (opts.json) io.out('{\n  "claims": [');
  else io.out(`   ${'scenario'.padEnd(width)}  claim\n─  ${'─'.repeat(width)}  ${'─'.repeat(40)}\n`);
  await checkAll(scenarios, threads, plugins, ({ claims }) => {
    for (const c of claims) {
      if (c.holds) passed++;
      else failed++;
      if (opts.json) {
        io.out(`${first ? '' : ','}\n    ${toJson(c, 2).replace(/\n/g, '\n    ')}`);
        first = false;
      } else io.out(`${c.holds ? '✓' : '✗'}  ${c.scenario.padEnd(width)}  ${c.claim}\n`);
    }
  });
  if (opts.json) io.out(`${first ? '' : '\n  '}],\n  "ok": ${failed === 0},\n  "passed": ${passed},\n  "failed": ${failed}\n}\n`);
  else io.out(`\n${passed + failed} claims: ${passed} hold, ${failed} fail\n`);
  return failed === 0 ? 0 : 1;
}
