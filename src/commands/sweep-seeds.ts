/** The per-seed work of a sweep, shared by the in-process path and the worker threads. */
import { Run } from '../core/runner.js';
import type { Params } from '../core/types.js';
import { prepareRuns } from '../scenarios/execute.js';
import { type Scenario, loadScenario } from '../scenarios/loader.js';
import { withTriedModels } from '../scenarios/tried.js';

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
  /** The run is a model tried on the scenario's data (scenarios/tried.ts): rebuilt the same way. */
  readonly tried?: boolean;
  /**
   * The run pins its own model seed in the scenario: each sweep seed is then that run's model seed
   * (initial weights, order, masks), and the data keeps the scenario's seed, as the pinned run does.
   */
  readonly modelSeed?: boolean;
  /** Keep every epoch's loss and accuracy of every seed (--histories). */
  readonly histories?: boolean;
}

/** One epoch of a seed's run, with --histories. */
export interface SeedEpoch {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly testAccuracy?: number;
  readonly testLoss?: number;
}

export interface SeedResult {
  readonly seed: number;
  readonly outcome: string;
  readonly epochs: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly testAccuracy?: number;
  /** Every epoch, from 0 (with --histories only). */
  readonly history?: readonly SeedEpoch[];
}

/** Runs the job's seeds; `scenario` is the job's scenario when the caller has it loaded already. */
export function runSeeds(job: SweepJob, loaded: Scenario = loadScenario(job.ref)): SeedResult[] {
  const scenario = job.tried ? withTriedModels(loaded, [job.run]) : loaded;
  return job.seeds.map((seed) => {
    const [spec] = prepareRuns(scenario, {
      // a pinned run keeps the scenario's data and takes the sweep seed as its model seed
      ...(job.modelSeed ? {} : { seed }),
      only: [job.run],
      params: new Map([[job.run, job.params]]),
      ...(job.epochs !== undefined ? { epochs: job.epochs } : {}),
    });
    const run = new Run({ ...spec!, ...(job.modelSeed ? { modelSeed: seed } : {}), lean: true, ...(job.histories ? {} : { historyLimit: 1 }) }).toEnd();
    const last = run.latest;
    return {
      seed,
      outcome: run.status.outcome!,
      epochs: run.epoch,
      loss: last.loss,
      accuracy: last.accuracy,
      ...(last.testAccuracy !== undefined ? { testAccuracy: last.testAccuracy } : {}),
      ...(job.histories
        ? {
            history: run.history.map((h) => ({
              epoch: h.epoch,
              loss: h.loss,
              accuracy: h.accuracy,
              ...(h.testAccuracy !== undefined ? { testAccuracy: h.testAccuracy } : {}),
              ...(h.testLoss !== undefined ? { testLoss: h.testLoss } : {}),
            })),
          }
        : {}),
    };
  });
}
