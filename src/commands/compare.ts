/**
 * `neural-eras compare <scenario> <a> <b> [--seed n] [--epochs n] [-p key=value]… [--json]
 * [--out x.json|x.csv]`: two runs on the same data from the same seed — runs of the scenario or
 * any model tried on its data — with both histories side by side and each verdict.
 */
import { resolve } from 'node:path';
import { executeScenario, type RunResult } from '../scenarios/execute.js';
import { encodeShare } from '../scenarios/share.js';
import { writeJson } from '../report/json.js';
import { historyCsv, runDocument, runJson, writeFileAtomic } from '../report/run-file.js';
import { num, table } from '../report/table.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { outKind, runInput, type RunOptions } from './run.js';

export type CompareOptions = Pick<RunOptions, 'seed' | 'epochs' | 'param' | 'data' | 'label' | 'json' | 'out' | 'fullBudget' | 'splitSeed' | 'test' | 'stratify' | 'splitColumn'>;

/** Rows shown in the text table: every epoch up to this many, else the first and last ones. */
const SHOWN = 12;

const at = (r: RunResult, epoch: number): Readonly<Record<string, unknown>> | undefined => r.history.find((h) => h['epoch'] === epoch);
const cellOf = (v: unknown): string | number => (typeof v === 'number' ? v : '');

/** The verdict of one side in words: outcome, epochs, final loss and accuracy. */
const verdict = (r: RunResult): string =>
  `${r.id}: ${r.outcome}${r.reason ? ` (${r.reason})` : ''} after ${r.epochs} epoch${r.epochs === 1 ? '' : 's'}, loss ${num(r.metrics['loss']!)}, accuracy ${num(r.metrics['accuracy']!)}${r.metrics['testAccuracy'] !== undefined ? `, test accuracy ${num(r.metrics['testAccuracy'])}` : ''}`;

export function compareText(a: RunResult, b: RunResult): string {
  const last = Math.max(a.epochs, b.epochs);
  const epochs = last + 1 <= SHOWN ? Array.from({ length: last + 1 }, (_, e) => e) : [0, 1, 2, 3, 4, 5, last - 4, last - 3, last - 2, last - 1, last];
  const rows = [...new Set(epochs)].map((e) => {
    const ha = at(a, e);
    const hb = at(b, e);
    return [e, cellOf(ha?.['loss']), cellOf(ha?.['accuracy']), cellOf(hb?.['loss']), cellOf(hb?.['accuracy'])];
  });
  const lines = [table(['epoch', `${a.id} loss`, `${a.id} accuracy`, `${b.id} loss`, `${b.id} accuracy`], rows)];
  if (last + 1 > rows.length) lines.push(`(${last + 1 - rows.length} epochs not shown; --json or --out has them all; an empty cell: that run had already ended)`);
  lines.push('', verdict(a), verdict(b));
  return lines.join('\n');
}

export function compareCommand(names: readonly string[], opts: CompareOptions, io: Io): number {
  const want = opts.data !== undefined ? 2 : 3;
  if (names.length !== want) throw new UsageError(`compare needs ${opts.data !== undefined ? 'two run or model ids with --data' : 'a scenario and two run or model ids'}, got ${names.length} name${names.length === 1 ? '' : 's'} (${names.join(' ')})`);
  const [ref, a, b] = want === 3 ? [names[0], names[1]!, names[2]!] : [undefined, names[0]!, names[1]!];
  if (a === b) throw new UsageError(`compare needs two different models or runs, got ${a} twice`);
  const input = runInput(ref, { ...opts, model: [a, b] });
  const out = opts.out !== undefined ? outKind(opts.out) : undefined;
  const result = executeScenario(input.scenario, {
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    ...(input.epochs !== undefined ? { epochs: input.epochs } : {}),
    only: [a, b],
    params: input.params,
    ...(input.fullBudget ? { fullBudget: true } : {}),
    ...(input.dataSeed !== undefined ? { dataSeed: input.dataSeed } : {}),
  });
  // one run per side, in the order asked (a name may pick a run by its model id)
  const pick = (name: string): RunResult => {
    const found = result.runs.filter((r) => r.id === name || r.model === name);
    if (found.length !== 1) throw new UsageError(`compare: "${name}" names ${found.length} runs of ${input.scenario.id} (${found.map((r) => r.id).join(', ')}); name one run id`);
    return found[0]!;
  };
  const sides = [pick(a), pick(b)];
  const doc = runDocument({ ...result, runs: sides }, input.scenario.title, encodeShare(input));
  if (opts.json) {
    writeJson(doc, io.out);
    io.out('\n');
  } else io.out(`${input.scenario.title}  (scenario ${result.scenario}, seed ${result.seed}: the same data and seed for both)\n\n${compareText(sides[0]!, sides[1]!)}\nshare  ${doc.share}\n`);
  if (opts.out !== undefined) {
    try {
      writeFileAtomic(resolve(opts.out), out === 'json' ? runJson(doc) : historyCsv({ ...result, runs: sides }));
    } catch (e) {
      throw new UsageError(`--out ${opts.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    (opts.json ? io.err : io.out)(`wrote ${opts.out}\n`);
  }
  return sides.some((r) => r.claims.some((c) => !c.holds)) ? 1 : 0;
}
