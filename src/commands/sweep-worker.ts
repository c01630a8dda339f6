/** Worker thread of `neural-eras sweep`: runs each chunk of seeds it is sent and posts the results back. */
import { parentPort } from 'node:worker_threads';
import { loadPlugins } from './plugins.js';
import { runSeeds, type SweepJob } from './sweep-seeds.js';

parentPort!.on('message', async (job: SweepJob) => {
  try {
    // The same --plugin files as the main thread (a worker has its own module registry).
    await loadPlugins(job.plugins ?? []);
    parentPort!.postMessage({ ok: true, results: runSeeds(job) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: (e as Error).message });
  }
});
