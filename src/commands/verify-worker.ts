/** Worker thread of `neural-eras verify`: checks each scenario it is sent and posts its claims back. */
import { parentPort } from 'node:worker_threads';
import { loadScenario } from '../scenarios/loader.js';
import { isUserError } from './errors.js';
import { loadPlugins } from './plugins.js';
import { verifyScenario, type VerifyJob, type VerifyReply } from './verify.js';

parentPort!.on('message', async (job: VerifyJob) => {
  let reply: VerifyReply;
  try {
    // The same --plugin files as the main thread (a worker has its own module registry).
    await loadPlugins(job.plugins);
    reply = { ok: true, verified: verifyScenario(loadScenario(job.path)) };
  } catch (e) {
    reply = { ok: false, error: (e as Error).message, user: isUserError(e) };
  }
  parentPort!.postMessage(reply);
});
