/**
 * `neural-eras check <file>… [--json]`: validates scenario files (schema, models, parameters,
 * data files) without training anything, and lists what each one claims. Exit 0 when every file
 * is valid, 2 with the file and field of the first problem otherwise.
 */
import { claimText } from '../scenarios/claims.js';
import { loadScenario, type Scenario } from '../scenarios/loader.js';
import type { Io } from './io.js';

function describe(s: Scenario): string {
  const runs = s.runs.map((r) => `${r.id}${r.id !== r.plugin.meta.id ? ` [${r.plugin.meta.id}]` : ''}`).join(', ');
  const claims = s.claims.map((c, i) => `    ${i + 1}. ${claimText(c)}${c.note ? ` — ${c.note}` : ''}`);
  return [
    `${s.file}: valid — scenario ${s.id}, "${s.title}" (${s.era})`,
    `  data    ${s.data.kind}${s.data.kind === 'csv' ? ` ${s.data.path}` : ''}; seed ${s.seed}; budget ${s.epochs} epochs`,
    `  runs    ${runs}`,
    s.claims.length ? `  claims  ${s.claims.length}:` : '  claims  none (add some: README "Writing scenarios")',
    ...claims,
    `  verify them: neural-eras verify ${s.file}`,
  ].join('\n');
}

export function checkCommand(files: readonly string[], opts: { json?: boolean }, io: Io): number {
  const scenarios = files.map((f) => loadScenario(f));
  if (opts.json) {
    const doc = scenarios.map((s) => ({ file: s.file, id: s.id, title: s.title, runs: s.runs.map((r) => ({ id: r.id, model: r.plugin.meta.id })), claims: s.claims.map((c) => claimText(c)) }));
    io.out(`${JSON.stringify({ ok: true, scenarios: doc }, null, 2)}\n`);
  } else io.out(`${scenarios.map(describe).join('\n\n')}\n`);
  return 0;
}
