/** Worker thread of `neural-eras sweep`: runs each chunk of seeds it is sent and posts the results back. */
import { parentPort } from 'node:worker_threads';
import { isUserError } from './errors.js';
import { loadPlugins } from './plugins.js';
import { type Scenario, loadScenario } from '../scenarios/loader.js';
import { runSeeds, type SweepJob } from './sweep-seeds.js';

/** Every chunk of one sweep names the same file: it is read and checked once per worker. */
let loaded: { ref: string; scenario: Scenario } | null = null;

parentPort!.on('message', async (job: SweepJob) => {
  try {
    // The same --plugin files as the main thread (a worker has its own module registry).
    await loadPlugins(job.plugins ?? []);
    if (loaded?.ref !== job.ref) loaded = { ref: job.ref, scenario: loadScenario(job.ref) };
    parentPort!.postMessage({ ok: true, results: runSeeds(job, loaded.scenario) });
  } catch (e) {
    // a plugin's or an input's error stays a user error (exit 2, as in run), not an internal one
    parentPort!.postMessage({ ok: false, error: (e as Error).message, user: isUserError(e) });
  }
});
