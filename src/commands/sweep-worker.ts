/** Worker thread of `neural-eras sweep`: runs each chunk of seeds it is sent and posts the results back. */
import { parentPort } from 'node:worker_threads';
import { runSeeds, type SweepJob } from './sweep-seeds.js';

parentPort!.on('message', (job: SweepJob) => {
  try {
    parentPort!.postMessage({ ok: true, results: runSeeds(job) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: (e as Error).message });
  }
});
