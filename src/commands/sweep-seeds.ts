/** The per-seed work of a sweep, shared by the in-process path and the worker threads. */
import { Run } from '../core/runner.js';
import type { Params } from '../core/types.js';
import { prepareRuns } from '../scenarios/execute.js';
import { type Scenario, loadScenario } from '../scenarios/loader.js';

export interface SweepJob {
  /** Scenario id or path. */
  readonly ref: string;
  /** Run id (or model id) inside the scenario. */
  readonly run: string;
  readonly params: Params;
  readonly epochs?: number;
  readonly seeds: readonly number[];
  /** Plugin files (absolute paths) the scenario's models need: a worker thread loads them itself. */
  readonly plugins?: readonly string[];
}

export interface SeedResult {
  readonly seed: number;
  readonly outcome: string;
  readonly epochs: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly testAccuracy?: number;
}

/** Runs the job's seeds; `scenario` is the job's scenario when the caller has it loaded already. */
export function runSeeds(job: SweepJob, scenario: Scenario = loadScenario(job.ref)): SeedResult[] {
  return job.seeds.map((seed) => {
    const [spec] = prepareRuns(scenario, {
      seed,
      only: [job.run],
      params: new Map([[job.run, job.params]]),
      ...(job.epochs !== undefined ? { epochs: job.epochs } : {}),
    });
    const run = new Run({ ...spec!, lean: true, historyLimit: 1 }).toEnd();
    const last = run.latest;
    return {
      seed,
      outcome: run.status.outcome!,
      epochs: run.epoch,
      loss: last.loss,
      accuracy: last.accuracy,
      ...(last.testAccuracy !== undefined ? { testAccuracy: last.testAccuracy } : {}),
    };
  });
}
