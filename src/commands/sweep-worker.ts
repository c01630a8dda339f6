/** Worker thread of `neural-eras sweep`: runs the seeds it is sent and posts the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runSeeds, type SweepJob } from './sweep-seeds.js';

try {
  parentPort!.postMessage({ ok: true, results: runSeeds(workerData as SweepJob) });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
}
