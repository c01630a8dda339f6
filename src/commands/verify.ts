/**
 * `neural-eras verify [scenario…] [--json]`: checks every claim; exit 0 when all hold, 1 when any fails.
 * The scenarios run in parallel on worker threads (one per core) and the report
 * is written scenario by scenario, in list order, as each is checked: `verify --json | head` gets its
 * first bytes at once.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { executeScenario } from '../scenarios/execute.js';
import { type Scenario, ScenarioError, loadAllScenarios, loadScenario } from '../scenarios/loader.js';
import { toJson } from '../report/json.js';
import type { Io } from './io.js';

export interface VerifiedClaim {
  scenario: string;
  run: string;
  claim: string;
  holds: boolean;
  note?: string;
}

/** Trains one scenario and checks its claims. */
export function verifyScenario(s: Scenario): VerifiedClaim[] {
  return executeScenario(s).runs.flatMap((r) => r.claims.map((c) => ({ scenario: s.id, run: r.id, claim: c.claim, holds: c.holds, ...(c.note ? { note: c.note } : {}) })));
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
  return scenariosOf(refs).flatMap((s) => verifyScenario(loadScenario(s.path ?? s.file)));
}

/** A rough cost, to start the longest scenarios first: digits are heavy, then epochs × runs. */
function cost(s: Scenario): number {
  return s.runs.reduce((sum, r) => sum + (r.data.kind === 'digits' ? 1e9 : r.epochs), 0);
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

export type VerifyReply = { ok: true; claims: VerifiedClaim[] } | { ok: false; error: string; user: boolean };

/**
 * Checks every scenario, on up to `workers` threads, and hands each one's claims to `done` in list
 * order as soon as it and every scenario before it are checked.
 */
async function checkAll(scenarios: readonly Scenario[], workers: number, plugins: readonly string[], done: (claims: VerifiedClaim[]) => void): Promise<void> {
  const file = workerScript();
  const paths = scenarios.map((s) => s.path ?? resolve(s.file));
  if (workers <= 1 || scenarios.length < 2 || !file) {
    for (const path of paths) done(verifyScenario(loadScenario(path)));
    return;
  }
  const results: (VerifiedClaim[] | undefined)[] = new Array(scenarios.length);
  let next = 0;
  const flush = (): void => {
    while (next < results.length && results[next]) done(results[next++]!);
  };
  // The first worker takes the scenarios in list order, so the report starts (and streams) at
  // once; the others take the costliest left, so the long ones start early.
  const queue = scenarios.map((_, i) => i);
  const costliest = (): number | undefined => {
    if (queue.length === 0) return undefined;
    let best = 0;
    for (let q = 1; q < queue.length; q++) if (cost(scenarios[queue[q]!]!) > cost(scenarios[queue[best]!]!)) best = q;
    return queue.splice(best, 1)[0];
  };
  const pool = Array.from({ length: Math.min(workers, scenarios.length) }, () => new Worker(file));
  try {
    await Promise.all(
      pool.map(
        (worker, k) =>
          new Promise<void>((ok, fail) => {
            let at = -1;
            const take = (): void => {
              const i = k === 0 ? queue.shift() : costliest();
              if (i === undefined) return ok();
              at = i;
              worker.postMessage({ path: paths[i]!, plugins } satisfies VerifyJob);
            };
            worker.on('message', (m: VerifyReply) => {
              if (!m.ok) return fail(m.user ? new ScenarioError(m.error) : new Error(m.error));
              results[at] = m.claims;
              flush();
              take();
            });
            worker.once('error', fail);
            take();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

export async function verifyCommand(refs: readonly string[], opts: { json?: boolean; plugin?: string[] }, io: Io): Promise<number> {
  const scenarios = scenariosOf(refs);
  const plugins = (opts.plugin ?? []).map((p) => resolve(p));
  let passed = 0;
  let failed = 0;
  let first = true;
  const width = Math.max(8, ...scenarios.map((s) => [...s.id].length));
  // The document's opening is written before any training: a reader sees the report begin at once.
  if (opts.json) io.out('{\n  "claims": [');
  else io.out(`   ${'scenario'.padEnd(width)}  claim\n─  ${'─'.repeat(width)}  ${'─'.repeat(40)}\n`);
  await checkAll(scenarios, availableParallelism(), plugins, (claims) => {
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
