/**
 * `neural-eras run <scenario-id | path.json> [--model id]… [--seed n] [--epochs n]
 *   [--param key=value]… [--json] [--out file.json|file.csv]`, or `run --data file.csv`, or
 *   `run --share <string>`: trains every (or the chosen) model of a scenario to an outcome.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { computeField, domainOf, lineOf, type Field } from '../session/field.js';
import { PLOT_KINDS, type PlotKind } from '../report/plot-kinds.js';
import type { Run } from '../core/runner.js';
import type { Params, StepRecord } from '../core/types.js';
import { getModel } from '../models/index.js';
import { trainChoices } from '../session/choices.js';
import { executeScenario, type RunResult, type ScenarioResult } from '../scenarios/execute.js';
import { scenarioFromData } from '../scenarios/from-data.js';
import { receiptLine } from '../session/receipts.js';
import { EN_TR } from '../i18n/index.js';
import { loadScenario, type Scenario } from '../scenarios/loader.js';
import { withTriedModels } from '../scenarios/tried.js';
import { decodeShare, encodeShare, resolveShare, ShareError, type ShareInput } from '../scenarios/share.js';
import { MAX_EPOCHS } from '../scenarios/schema.js';
import { writeJson } from '../report/json.js';
import { historyCsv, runDocument, runJson, writeFileAtomic } from '../report/run-file.js';
import { num, table, weightsText } from '../report/table.js';
import { readWeightsJson } from '../core/weights.js';
import type { Io } from './io.js';
import { UsageError } from './errors.js';
import { parseCount, parseHeader, parseLabel, parseParamOverrides, parseSeed } from './options.js';
import { parametersOf, recordChallenge } from './leaderboard.js';

export interface RunOptions {
  model?: string[];
  seed?: string;
  epochs?: string;
  param?: string[];
  json?: boolean;
  trace?: boolean;
  /** Write the run to this .json (whole run) or .csv (per-epoch history) file. */
  out?: string;
  header?: string;
  /** A CSV file to train on (no scenario): see scenarioFromData. */
  data?: string;
  /** With --data: the label column, by name or position from 1. */
  label?: string;
  /** A share string: the scenario, seed and overrides of an earlier run. */
  share?: string;
  /** False with --no-record: a leaderboard scenario's results are not kept. */
  record?: boolean;
  /** Train every run's whole budget, past its target. */
  fullBudget?: boolean;
  /** The seed of the data (test split, generated points), apart from --seed's weights. */
  splitSeed?: string;
  /** With --data: a test CSV of its own. */
  test?: string;
  /** With --data: hold out the same share of each class. */
  stratify?: boolean;
  /** With --data: a column whose cells say train or test. */
  splitColumn?: string;
  /** SVG figures to write: loss, map or gradients, named by the file (loss.svg) or as kind=file.svg. */
  plot?: string[];
}




/** `--plot loss.svg` (the kind starts the file name) or `--plot map=fig-2.svg`; the folder is checked before training. */
export function plotTargets(texts: readonly string[]): { kind: PlotKind; file: string }[] {
  return texts.map((text) => {
    const eq = text.indexOf('=');
    const named = eq > 0 && (PLOT_KINDS as readonly string[]).includes(text.slice(0, eq)) ? (text.slice(0, eq) as PlotKind) : undefined;
    const file = named ? text.slice(eq + 1) : text;
    const kind = named ?? PLOT_KINDS.find((k) => basename(file).toLowerCase().startsWith(k));
    if (!kind) throw new UsageError(`--plot ${text}: say which figure: a file name starting with loss, map or gradients (loss.svg), or kind=file.svg (map=fig-2.svg)`);
    if (extname(file).toLowerCase() !== '.svg') throw new UsageError(`--plot ${text}: the figure is written as SVG: the name must end in .svg`);
    writableFolder('--plot', file);
    return { kind, file };
  });
}

/** Numbers of a trace line, each with the table's digits (a bare .map(num) would pass the index as the digits). */
const list = (v: readonly number[]): string => v.map((x) => num(x)).join(', ');

/** One update as the lecture writes it: which pattern, what the unit saw and said, and the rule with numbers. */
function traceLine(run: Run, s: StepRecord): string {
  const where = `${run.spec.id}  epoch ${run.epoch + (run.midEpochSteps === 0 ? 0 : 1)}  ${s.x.length ? `pattern ${s.pattern + 1}  x = (${list(s.x)})  ` : ''}`;
  return `${where}t = ${list(s.t)}  net = ${list(s.net)}  o = ${list(s.o)}\n    ${s.explain()}\n`;
}

/** One update in the --trace --json document: its numbers, and the equation written out (built here, when written). */
const traceJson = (s: StepRecord) => ({ pattern: s.pattern, x: s.x, t: s.t, net: s.net, o: s.o, before: s.before, after: s.after, equation: s.explain(), changed: s.changed });

/** The run's weights in one line, read from its JSON form (the result may come from a file). */
function weightsOf(r: RunResult): string {
  const s = readWeightsJson(r.weights);
  return s ? weightsText(s) : '(not in a known form)';
}

function runText(r: RunResult): string {
  const meta = getModel(r.model).meta;
  const lines = [
    `■ ${r.label}${r.label !== r.model ? `  [${r.model}]` : ''} — ${meta.name}, ${meta.year}`,
    `  outcome   ${r.outcome}${r.reason ? `: ${r.reason}` : ''}`,
    `  epochs    ${r.epochs}    loss ${num(r.metrics['loss']!)}    accuracy ${num(r.metrics['accuracy']!)}${r.metrics['testAccuracy'] !== undefined ? `    test accuracy ${num(r.metrics['testAccuracy'])}` : ''}`,
    `  weights   ${weightsOf(r)}`,
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
  const receipts = result.receipts?.length ? [EN_TR.t('receipts.title'), ...result.receipts.map((r) => `  ${receiptLine(r.receipt, r)}`), ''] : [];
  return [`${title}  (scenario ${result.scenario}, seed ${result.seed})`, '', ...result.runs.map(runText).flatMap((t) => [t, '']), ...receipts].join('\n');
}

/**
 * What to run, from the options: a share string, a CSV (--data), or a scenario with --seed,
 * --epochs, --model and --param. Refuses contradictory combinations with one line.
 */
export function runInput(ref: string | undefined, opts: RunOptions): ShareInput & { params: NonNullable<ShareInput['params']> } {
  if (opts.share !== undefined) {
    const extra = [ref !== undefined && 'a scenario', opts.fullBudget && '--full-budget', opts.splitSeed !== undefined && '--split-seed', opts.test !== undefined && '--test', opts.stratify && '--stratify', opts.splitColumn !== undefined && '--split-column', opts.data !== undefined && '--data', opts.seed !== undefined && '--seed', opts.epochs !== undefined && '--epochs', opts.model?.length && '--model', opts.param?.length && '--param', opts.label !== undefined && '--label', opts.header !== undefined && '--header'].filter(Boolean);
    if (extra.length) throw new UsageError(`--share carries the scenario, seed, epochs, models and parameters: give no ${extra.join(', ')} with it`);
    return resolveShare(decodeShare(opts.share));
  }
  if (opts.data !== undefined && ref !== undefined) throw new UsageError(`give a scenario or --data, not both (${ref} and --data ${opts.data})`);
  if (opts.label !== undefined && opts.data === undefined) throw new UsageError('--label goes with --data (a scenario file names its label column in "data")');
  if ((opts.test !== undefined || opts.stratify || opts.splitColumn !== undefined) && opts.data === undefined) throw new UsageError(`${opts.test !== undefined ? '--test' : opts.stratify ? '--stratify' : '--split-column'} goes with --data (a scenario file says "test", "split" or "stratify" in its csv "data")`);
  if (opts.data === undefined && ref === undefined) throw new UsageError('run needs a scenario (an id from `neural-eras list`, or a .json file), --data <file.csv> or --share <string>');
  const fromData = opts.data !== undefined;
  // With --data, --model names the models to train on it; with a scenario, it picks among its runs.
  if (opts.header !== undefined && !fromData) throw new UsageError('--header goes with --data (a scenario file says "header" in its data)');
  const only = !fromData && opts.model && opts.model.length > 0 ? opts.model : undefined;
  // A model the scenario does not run is tried on its data with its defaults (as the lab's `m`).
  const loaded = fromData
    ? scenarioFromData(opts.data!, { ...(opts.model?.length ? { models: opts.model } : {}), ...(opts.label !== undefined ? { label: parseLabel(opts.label) } : {}), ...(opts.test !== undefined ? { test: opts.test } : {}), ...(opts.stratify ? { stratify: true } : {}), ...(opts.splitColumn !== undefined ? { split: opts.splitColumn } : {}), ...(opts.header !== undefined ? { header: parseHeader(opts.header) } : {}) })
    : loadScenario(ref!);
  const scenario = only ? withTriedModels(loaded, only) : loaded;
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const dataSeed = opts.splitSeed !== undefined ? parseSeed(opts.splitSeed) : undefined;
  const epochs = opts.epochs !== undefined ? parseCount('--epochs', opts.epochs, 0, MAX_EPOCHS) : undefined;
  const params = parseParamOverrides(scenario, only, opts.param ?? []);
  return { scenario, params, ...(seed !== undefined ? { seed } : {}), ...(epochs !== undefined ? { epochs } : {}), ...(only ? { only } : {}), ...(opts.fullBudget ? { fullBudget: true } : {}), ...(dataSeed !== undefined ? { dataSeed } : {}) };
}

/**
 * A parameter given (in the scenario or with -p) that the model could not apply, one note each: what
 * was asked and what ran (the result's params record what ran), e.g. a sigmoid output on 3 classes.
 */
export function unappliedNotes(scenario: Scenario, overrides: ReadonlyMap<string, Params>, result: ScenarioResult): string[] {
  return result.runs.flatMap((r) => {
    const asked: Record<string, unknown> = { ...(scenario.runs.find((x) => x.id === r.id)?.given ?? {}), ...(overrides.get(r.id) ?? {}) };
    return Object.keys(asked)
      .filter((k) => typeof asked[k] !== 'object' && Object.hasOwn(r.params, k) && r.params[k] !== asked[k])
      .map((k) => `note: ${r.id}: ${k}=${String(asked[k])} cannot apply here, ${k}=${String(r.params[k])} ran (its params record what ran)`);
  });
}

/** Checks an --out path before training (a long run is not lost to a typo): its kind, and a writable folder. */
export function outKind(path: string): 'json' | 'csv' {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.csv') throw new UsageError(`--out ${path}: the name must end in .json (the whole run) or .csv (its per-epoch history)`);
  writableFolder('--out', path);
  return ext === '.json' ? 'json' : 'csv';
}

/** Refuses an --out path that is one of the run's own inputs (the scenario file, --data, a CSV the scenario reads): it would replace it. */
export function refuseInputAsOut(path: string, scenario: Scenario): void {
  const target = statSync(resolve(path), { throwIfNoEntry: false });
  if (!target) return;
  const inputs = [scenario.path, scenario.fromData?.path, ...(scenario.csvFiles ?? [])].filter((p): p is string => p !== undefined);
  for (const input of inputs) {
    const s = statSync(input, { throwIfNoEntry: false });
    // the same file by device and inode: a relative path, a symbolic or a hard link all count
    if (s && s.dev === target.dev && s.ino === target.ino) throw new UsageError(`--out ${path}: is one of this run's inputs (${shownInput(input)}); writing the run there would replace it — choose another name`);
  }
}

const shownInput = (p: string): string => {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
};

/** A file that can be written: not a folder, in a folder that exists and is writable. */
function writableFolder(flag: string, path: string): void {
  const abs = resolve(path);
  try {
    if (statSync(abs, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${flag} ${path}: is a folder`);
    if (!statSync(dirname(abs)).isDirectory()) throw new UsageError(`${flag} ${path}: ${dirname(path)} is not a folder`);
    accessSync(dirname(abs), constants.W_OK);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${flag} ${path}: cannot write there (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export async function runCommand(ref: string | undefined, opts: RunOptions, io: Io): Promise<number> {
  const input = runInput(ref, opts);
  const { scenario, seed, epochs, only, params, fullBudget, dataSeed } = input;
  const out = opts.out !== undefined ? outKind(opts.out) : undefined;
  if (opts.out !== undefined) refuseInputAsOut(opts.out, scenario);
  const plots = plotTargets(opts.plot ?? []);
  // the decision map is drawn from each trained model, before it is let go
  const fields: { run: string; field: Field; features: readonly string[] }[] = [];
  const wantMap = plots.some((p) => p.kind === 'map');
  let lastShown = 0;
  const traces = new Map<string, StepRecord[]>();
  const seconds = new Map<string, number>();
  const parameters = new Map<string, number>();
  const result = executeScenario(scenario, {
    onRunEnd: (run, s) => {
      seconds.set(run.spec.id, s);
      parameters.set(run.spec.id, parametersOf(run));
      // the map's axes are the plane's (x1, x2), also when the model saw features computed from it
      if (wantMap) fields.push({ run: run.spec.id, field: mapField(run), features: run.spec.data.lifted ? ['x1', 'x2'] : run.spec.data.featureNames });
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
    ...(fullBudget ? { fullBudget } : {}),
    ...(dataSeed !== undefined ? { dataSeed } : {}),
    params,
    ...(input.liveSchedule ? { liveSchedule: input.liveSchedule } : {}),
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
  // models a share string tried on the scenario's data (the lab's m), after its own runs
  if (input.tried?.length) result.runs.push(...trainChoices(scenario, seed ?? scenario.seed, input.tried, params, epochs));
  // a parameter that could not apply is said in the report itself: notes in the JSON, lines in the text
  const notes = unappliedNotes(scenario, params, result);
  if (opts.json) for (const r of result.runs) {
    const mine = notes.filter((n) => n.startsWith(`note: ${r.id}: `));
    if (mine.length) Object.assign(r, { notes: mine.map((n) => n.slice(`note: ${r.id}: `.length)) });
  }
  if (opts.json && opts.trace) for (const r of result.runs) Object.assign(r, { trace: (traces.get(r.id) ?? []).map(traceJson) });
  if (opts.trace && !opts.json) io.out('\n');
  // a challenge keeps each model's best; the measured times stay out of the (reproducible) JSON
  const recorded = scenario.leaderboard ? recordChallenge(result, seconds, parameters, opts.record !== false) : undefined;
  const challenge = recorded?.text ?? '';
  // a run whose string would be too long gets none (the app prints no string it would refuse)
  let share = '';
  let noShare = '';
  try {
    share = encodeShare(input);
  } catch (e) {
    if (!(e instanceof ShareError)) throw e;
    noShare = e.message;
  }
  // each receipt with its line as the lab shows it (in English), for readers of the document
  const doc = runDocument(result, scenario.title, share, (r) => receiptLine(r.receipt, r));
  // A long history is written in pieces, never as one giant string.
  if (opts.json) {
    writeJson(doc, io.out);
    io.out('\n');
  } else io.out(`${renderRunText(result, scenario.title)}${notes.map((n) => `${n}\n`).join('')}${challenge}${share ? `share  ${share}\n       (neural-eras run --share <string> makes this run again)` : `share  none: ${noShare}`}\n`);
  if (opts.out !== undefined) {
    try {
      writeFileAtomic(resolve(opts.out), out === 'json' ? runJson(doc) : historyCsv(result));
    } catch (e) {
      throw new UsageError(`--out ${opts.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const epochs = result.runs.reduce((n, r) => n + r.history.length, 0);
    const what = out === 'json' ? `the whole run: ${result.runs.length} model run${result.runs.length > 1 ? 's' : ''}, parameters, ${epochs} history entries, final weights` : `${epochs} rows of per-epoch history`;
    (opts.json ? io.err : io.out)(`wrote ${opts.out} (${what})\n`);
  }
  if (plots.length > 0) {
    // d3 is loaded only here: list, --version and a run without --plot never import it
    const figures = await import('../report/plot.js');
    for (const { kind, file } of plots) {
      const text = kind === 'loss' ? figures.lossSvg(result, scenario.title) : kind === 'map' ? figures.mapSvg(fields, scenario.title) : figures.gradientsSvg(result, scenario.title);
      if (text === null) throw new UsageError(`--plot ${file}: no run here reports per-layer gradient norms (networks do)`);
      try {
        writeFileAtomic(resolve(file), text);
      } catch (e) {
        throw new UsageError(`--plot ${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      (opts.json ? io.err : io.out)(`wrote ${file} (${kind === 'loss' ? 'the loss curves' : kind === 'map' ? 'the decision map' : 'the gradient norms per layer'})\n`);
    }
  }
  // the report is out; the results file's problem is the command's error (exit 2, one line)
  if (recorded?.error) throw recorded.error;
  return 0;
}

/** Cells of a decision map across (each holds two pixel rows, as in the lab). */
const MAP_COLS = 48;

/** A trained run's decision map, as the lab computes it; refused for data that is not two features. */
function mapField(run: Run): Field {
  const data = run.spec.data;
  const features = data.inputs[0]?.length ?? 0;
  if (features !== 2 && !data.lifted) throw new UsageError(`--plot map: ${run.spec.id} has ${features} input features; a decision map needs 2 (a point per row on a plane)`);
  return computeField(run.model, data, MAP_COLS, MAP_COLS / 2, domainOf(data), lineOf(run.model.snapshot(), features, data));
}
