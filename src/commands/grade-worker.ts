/**
 * Worker thread of `neural-eras grade`: loads one submission and grades it, posting each step as it
 * starts (so the parent can name the blank a hang or a crash happened in) and each result as soon
 * as it is known. The parent limits its time and memory; this file trusts nothing it loads.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { gradeModule } from '../assignments/grader.js';

const post = (m: unknown): void => parentPort!.postMessage(m);
const { file, digits } = workerData as { file: string; digits: boolean };

try {
  post({ type: 'phase', phase: 'loading' });
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  post({ type: 'exercise', name: mod['exercise'] });
  const report = gradeModule(file, mod, {
    onBlank: (n, fn) => post({ type: 'phase', phase: 'blank', n, fn }),
    onResult: (result) => post({ type: 'result', result }),
    onTraining: () => post({ type: 'phase', phase: 'training' }),
  }, { digits });
  post({ type: 'report', report });
} catch (e) {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  post({ type: 'failed', message: message.split('\n')[0]!.slice(0, 300) });
}
