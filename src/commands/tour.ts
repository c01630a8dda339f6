/**
 * The headless tour: the timeline of eras, then the XOR story run end to end — the perceptron
 * cycling and the two-layer net computing it. (The terminal UI takes over on a TTY.)
 */
import { modelsByYear } from '../models/index.js';
import { executeScenario } from '../scenarios/execute.js';
import { loadScenario } from '../scenarios/loader.js';
import { table } from '../report/table.js';
import type { Io } from './io.js';
import { renderRunText } from './run.js';

export function tourCommand(io: Io): number {
  io.out('neural-eras — the history of neural networks, replayed\n\n');
  io.out(`${table(['year', 'model', 'brought', 'could not'], modelsByYear().map(({ meta }) => [String(meta.year), meta.id, meta.summary, meta.cannot]))}\n\n`);
  for (const id of ['perceptron-xor', 'seed-xor-two-layer']) {
    const s = loadScenario(id);
    io.out(`${s.story.join(' ')}\n\n`);
    io.out(renderRunText(executeScenario(s), s.title));
    if (s.moral) io.out(`→ ${s.moral}\n\n`);
  }
  io.out('More: neural-eras list · neural-eras run <scenario> · neural-eras verify · neural-eras --help\n');
  return 0;
}
