/** `neural-eras info <model-id | scenario-id>`: a model's history card and parameters, or a scenario's story. */
import { expected } from '../core/params.js';
import { MODELS, getModel } from '../models/index.js';
import { loadScenario, scenarioIds } from '../scenarios/loader.js';
import { table } from '../report/table.js';
import type { Io } from './io.js';
import { UsageError } from './errors.js';

export function modelCard(id: string): string {
  const { meta } = getModel(id);
  const params = Object.entries(meta.params).map(([k, s]) => [k, JSON.stringify(s.default), expected(s), s.help]);
  return [
    `${meta.name} (${meta.year}) — ${meta.authors.join(', ')}`,
    `  ${meta.citation}`,
    '',
    `  brought:     ${meta.summary}`,
    `  cannot:      ${meta.cannot}`,
    ...(meta.notes ? ['', ...meta.notes.map((l) => `  ${l}`)] : []),
    '',
    'Parameters (--param key=value)',
    table(['key', 'default', 'accepts', 'meaning'], params),
    '',
  ].join('\n');
}

export function infoCommand(id: string, io: Io): number {
  if (MODELS.has(id)) {
    io.out(modelCard(id));
    return 0;
  }
  if (scenarioIds().includes(id) || id.endsWith('.json')) {
    const s = loadScenario(id);
    io.out(`${s.title} (${s.era}) — scenario ${s.id}\n\n${s.story.map((p) => `  ${p}`).join('\n')}\n\nRuns: ${s.runs.map((r) => `${r.id} [${r.plugin.meta.id}]`).join(', ')}\nSeed ${s.seed}, budget ${s.epochs} epochs, ${s.claims.length} claims.\n`);
    return 0;
  }
  throw new UsageError(`"${id}" is neither a model nor a scenario; models: ${[...MODELS.keys()].join(', ')}; scenarios: ${scenarioIds().join(', ')}`);
}
