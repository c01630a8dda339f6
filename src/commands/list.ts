/** `neural-eras list [--json] [--plugin file]…`: the models (id, year, name; a plugin's file) and the scenarios (id, era, title). */
import { modelsByYear } from '../models/index.js';
import { pluginSource } from '../models/user-plugins.js';
import { loadAllScenarios } from '../scenarios/loader.js';
import { toJson } from '../report/json.js';
import { table } from '../report/table.js';
import type { Io } from './io.js';

export function listCommand(opts: { json?: boolean }, io: Io): number {
  const models = modelsByYear().map(({ meta }) => {
    const plugin = pluginSource(meta.id);
    return { id: meta.id, year: meta.year, name: meta.name, authors: meta.authors, summary: meta.summary, cannot: meta.cannot, ...(plugin ? { plugin } : {}) };
  });
  const scenarios = loadAllScenarios({ check: false }).map((s) => ({ id: s.id, era: s.era, year: s.year, title: s.title, models: s.runs.map((r) => r.plugin.meta.id) }));
  if (opts.json) {
    io.out(`${toJson({ models, scenarios }, 2)}\n`);
    return 0;
  }
  io.out(`Models\n${table(['id', 'year', 'name'], models.map((m) => [m.id, String(m.year), m.plugin ? `${m.name}  (plugin ${m.plugin})` : m.name]))}\n\n`);
  io.out(`Scenarios\n${table(['id', 'era', 'title'], scenarios.map((s) => [s.id, s.era, s.title]))}\n`);
  return 0;
}
