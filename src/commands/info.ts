/** `neural-eras info <model-id | scenario-id | activation>`: a model's history card and parameters, a scenario's story, or an activation and its derivative. */
import { expected, quote } from '../core/params.js';
import { findModel, getModel, knownModelIds } from '../models/index.js';
import { isScenarioPath, loadScenario, scenarioIds } from '../scenarios/loader.js';
import { table } from '../report/table.js';
import { receiptDetail, receiptLine } from '../session/receipts.js';
import type { Receipt } from '../scenarios/schema.js';
import { EN_TR } from '../i18n/index.js';
import { ACTIVATION_NAMES } from '../engines/dense/activations.js';
import { activationCard, isActivation } from './info-activation.js';
import type { Io } from './io.js';
import { UsageError } from './errors.js';

export function modelCard(id: string): string {
  const { meta } = getModel(id);
  const params = Object.entries(meta.params).map(([k, s]) => [k, JSON.stringify(s.default), expected(s), (s as { live?: boolean }).live ? `${s.help} (live: changes while it trains)` : s.help]);
  return [
    `${meta.name} (${meta.year}) — ${meta.authors.join(', ')}`,
    `  ${meta.citation}`,
    '',
    `  brought:     ${meta.summary}`,
    `  cannot:      ${meta.cannot}`,
    ...(meta.rules ? ['', 'Update rules', ...meta.rules.map((r) => `  ${r}`)] : []),
    ...(meta.notes ? ['', ...meta.notes.map((l) => `  ${l}`)] : []),
    '',
    'Parameters (--param key=value)',
    table(['key', 'default', 'accepts', 'meaning'], params),
    '',
  ].join('\n');
}

/** The scenario's receipts: each line (measured by `run`/`verify`, so "here" is pending) and its details. */
function receiptsSection(receipts: readonly Receipt[] | undefined): string {
  if (!receipts?.length) return '';
  const lines = receipts.flatMap((r) => [`  • ${receiptLine(r, undefined)}`, ...receiptDetail(r).map((l) => `      ${l}`)]);
  return `\n${EN_TR.t('receipts.title')} (run or verify --receipts measures ours)\n${lines.join('\n')}\n`;
}

export function infoCommand(id: string, io: Io): number {
  if (findModel(id)) {
    io.out(modelCard(id));
    return 0;
  }
  if (isActivation(id)) {
    io.out(activationCard(id));
    return 0;
  }
  if (scenarioIds().includes(id) || isScenarioPath(id)) {
    const s = loadScenario(id, { digits: false });
    io.out(`${s.title} (${s.era}) — scenario ${s.id}\n\n${s.story.map((p) => `  ${p}`).join('\n')}\n\nRuns: ${s.runs.map((r) => `${r.id} [${r.plugin.meta.id}]`).join(', ')}\nSeed ${s.seed}, budget ${s.epochs} epochs, ${s.claims.length} claims.\n${receiptsSection(s.receipts)}`);
    return 0;
  }
  throw new UsageError(
    `${quote(id)} is neither a model, a scenario nor an activation; models: ${knownModelIds().join(', ')}; scenarios: ${scenarioIds().join(', ')}; activations: ${ACTIVATION_NAMES.join(', ')}`,
  );
}
