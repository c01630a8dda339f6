/**
 * `neural-eras run <scenario-id | path.json> [--model id]… [--seed n] [--epochs n]
 *   [--param key=value]… [--json]`: trains every (or the chosen) model of a scenario to an outcome.
 */
import type { Run } from '../core/runner.js';
import type { StepRecord } from '../core/types.js';
import { getModel } from '../models/index.js';
import { executeScenario, type RunResult, type ScenarioResult } from '../scenarios/execute.js';
import { loadScenario } from '../scenarios/loader.js';
import { num, table, weightsText } from '../report/table.js';
import type { Io } from './io.js';
import { UsageError } from './errors.js';
import { parseCount, parseParamOverrides, parseSeed } from './options.js';
import { parametersOf, recordChallenge } from './leaderboard.js';

export interface RunOptions {
  model?: string[];
  seed?: string;
  epochs?: string;
  param?: string[];
  json?: boolean;
  trace?: boolean;
  /** False with --no-record: a leaderboard scenario's results are not kept. */
  record?: boolean;
}

/** One update as the lecture writes it: which pattern, what the unit saw and said, and the rule with numbers. */
function traceLine(run: Run, s: StepRecord): string {
  const where = `${run.spec.id}  epoch ${run.epoch + (run.midEpochSteps === 0 ? 0 : 1)}  ${s.x.length ? `pattern ${s.pattern + 1}  x = (${s.x.map(num).join(', ')})  ` : ''}`;
  return `${where}t = ${s.t.map(num).join(', ')}  net = ${s.net.map(num).join(', ')}  o = ${s.o.map(num).join(', ')}\n    ${s.equation}\n`;
}

function runText(r: RunResult): string {
  const meta = getModel(r.model).meta;
  const lines = [
    `■ ${r.label}${r.label !== r.model ? `  [${r.model}]` : ''} — ${meta.name}, ${meta.year}`,
    `  outcome   ${r.outcome}${r.reason ? `: ${r.reason}` : ''}`,
    `  epochs    ${r.epochs}    loss ${num(r.metrics['loss']!)}    accuracy ${num(r.metrics['accuracy']!)}${r.metrics['testAccuracy'] !== undefined ? `    test accuracy ${num(r.metrics['testAccuracy'])}` : ''}`,
    `  weights   ${weightsText(r.weights)}`,
  ];
  const shown = r.history.length <= 8 ? r.history : [...r.history.slice(0, 4), ...r.history.slice(-3)];
  lines.push(
    table(
      ['epoch', 'loss', 'accuracy', 'updates'],
      shown.map((h) => [h['epoch'] as number, h['loss'] as number, h['accuracy'] as number, h['updates'] as number]),
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  if (r.history.length > shown.length) lines.push(`  (${r.history.length - shown.length} epochs not shown; --json has them all)`);
  for (const c of r.claims) lines.push(`  ${c.holds ? '✓' : '✗'} ${c.claim}${c.note ? ` — ${c.note}` : ''}`);
  return lines.join('\n');
}

export function renderRunText(result: ScenarioResult, title: string): string {
  return [`${title}  (scenario ${result.scenario}, seed ${result.seed})`, '', ...result.runs.map(runText).flatMap((t) => [t, ''])].join('\n');
}

export function runCommand(ref: string, opts: RunOptions, io: Io): number {
  const scenario = loadScenario(ref);
  const only = opts.model && opts.model.length > 0 ? opts.model : undefined;
  if (only) {
    for (const id of only) {
      if (!scenario.runs.some((r) => r.id === id || r.plugin.meta.id === id)) {
        throw new UsageError(`--model ${id}: scenario ${scenario.id} has no such model; it runs: ${scenario.runs.map((r) => r.id).join(', ')}`);
      }
    }
  }
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const epochs = opts.epochs !== undefined ? parseCount('--epochs', opts.epochs) : undefined;
  const params = parseParamOverrides(scenario, only, opts.param ?? []);
  let lastShown = 0;
  const traces = new Map<string, StepRecord[]>();
  const seconds = new Map<string, number>();
  const parameters = new Map<string, number>();
  const result = executeScenario(scenario, {
    onRunEnd: (run, s) => {
      seconds.set(run.spec.id, s);
      parameters.set(run.spec.id, parametersOf(run));
    },
    ...(opts.trace
      ? {
          onStep: (run: Run, s: StepRecord) => {
            if (!opts.json) return void io.out(traceLine(run, s));
            const list = traces.get(run.spec.id);
            if (list) list.push(s);
            else traces.set(run.spec.id, [s]);
          },
        }
      : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(epochs !== undefined ? { epochs } : {}),
    ...(only ? { only } : {}),
    params,
    ...(io.progress
      ? {
          onEpoch: (run) => {
            const now = Date.now();
            if (now - lastShown < 100) return;
            lastShown = now;
            io.err(`\r${run.spec.id}: epoch ${run.epoch}/${run.spec.epochs}   `);
          },
        }
      : {}),
  });
  if (io.progress && lastShown > 0) io.err('\r\x1b[K');
  if (opts.json && opts.trace) for (const r of result.runs) Object.assign(r, { trace: traces.get(r.id) ?? [] });
  if (opts.trace && !opts.json) io.out('\n');
  // a challenge keeps each model's best; the measured times stay out of the (reproducible) JSON
  const challenge = scenario.leaderboard ? recordChallenge(result, seconds, parameters, opts.record !== false) : '';
  io.out(opts.json ? `${JSON.stringify(result)}\n` : renderRunText(result, scenario.title) + challenge);
  return 0;
}
