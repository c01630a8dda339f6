/**
 * `--data file.csv` without a scenario: a scenario built in memory around the user's CSV, with
 * default models — the perceptron and a multilayer perceptron for two classes, the MLP alone
 * (softmax output) for more — or the models the caller names. It goes through the same schema and
 * loader as a scenario file, so the data is read and checked the same way.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { findModel, unknownModelText, UnknownModelError } from '../models/index.js';
import { readCsvFile, type CsvOptions } from '../data/csv.js';
import { csvKey } from './csv-data.js';
import { parseScenario, type Scenario } from './loader.js';
import type { ModelEntry, ScenarioFile } from './schema.js';

export interface DataScenarioOptions extends CsvOptions {
  /** Model (or plugin) ids to train, each with its defaults; default: see DEFAULT_MODELS. */
  readonly models?: readonly string[];
  /** Epoch budget (default 200). */
  readonly epochs?: number;
  /** Share of rows held out for test accuracy (default 0.2 from 25 rows on, else none). */
  readonly testFraction?: number;
  /** Standardise the features (default true: gradient learners need comparable scales). */
  readonly standardize?: boolean;
  /** Hold out the same share of each class (a stratified split). */
  readonly stratify?: boolean;
  /** A test set of its own: a CSV with the same columns, beside the data file (or below it); no share is held out then. */
  readonly test?: string;
}

export const DEFAULT_EPOCHS = 200;

/** The default runs: a linear unit beside a network with a hidden layer (two classes), the network alone for more. */
export function defaultModels(classes: number): ModelEntry[] {
  const mlp: ModelEntry = { id: 'mlp', label: 'MLP, 8 hidden sigmoid units', model: 'mlp-backprop', params: { hidden: [8], learningRate: 0.1 } };
  return classes > 2 ? [mlp] : [{ model: 'perceptron', params: { learningRate: 0.1 } }, mlp];
}

/** A scenario id from the file name: "My Data (2).csv" → "my-data-2". */
const slug = (file: string): string => basename(file).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'data';

/** The scenario file for a CSV (what `new --data` writes, and `--data` builds in memory), and the CSV as read. */
export function dataScenarioFile(path: string, opts: DataScenarioOptions = {}): { file: ScenarioFile; read: ReturnType<typeof readCsvFile>; csv: CsvOptions } {
  const abs = resolve(path);
  const csv: CsvOptions = { ...(opts.label !== undefined ? { label: opts.label } : {}), ...(opts.header !== undefined ? { header: opts.header } : {}), ...(opts.delimiter ? { delimiter: opts.delimiter } : {}), ...(opts.split !== undefined ? { split: opts.split } : {}) };
  const read = readCsvFile(abs, path, csv);
  const { table } = read;
  const classes = table.classes.length;
  const models = opts.models?.length
    ? opts.models.map((model): ModelEntry => {
        if (!findModel(model)) throw new UnknownModelError(unknownModelText(model));
        return { model };
      })
    : defaultModels(classes);
  const rows = table.inputs.length;
  const testFraction = opts.test !== undefined || opts.split !== undefined ? 0 : (opts.testFraction ?? (rows >= 25 ? 0.2 : 0));
  const testPath = opts.test !== undefined ? relative(dirname(abs), resolve(opts.test)).split(sep).join('/') : undefined;
  const standardize = opts.standardize ?? true;
  const years = models.map((m) => findModel(m.model)!.meta.year);
  const file: ScenarioFile = {
    id: slug(path),
    title: `Your data: ${basename(path)}`,
    era: 'your data',
    year: Math.max(...years),
    story: [
      `${rows} rows of ${table.features.length} feature${table.features.length > 1 ? 's' : ''} (${table.features.join(', ')}), ${classes} classes by "${table.label}": ${table.classes.join(', ')}.`,
      `${standardize ? 'Features standardised (mean 0, sd 1 over the training rows); ' : ''}${testPath !== undefined ? `the test set is ${testPath}.` : opts.split !== undefined ? `the "${opts.split}" column says which rows are the test set.` : testFraction > 0 ? `${Math.round(testFraction * 100)} % of the rows${opts.stratify ? ' of each class' : ''} held out for test accuracy.` : 'no test set (fewer than 25 rows).'}`,
      classes > 2 ? 'More than two classes: the network gets one softmax output per class; a single perceptron unit can only split two.' : 'A straight line (the perceptron) beside a network with a hidden layer.',
    ],
    seed: 1,
    epochs: opts.epochs ?? DEFAULT_EPOCHS,
    data: { kind: 'csv', path: basename(abs), ...csv, ...(testPath !== undefined ? { test: testPath } : {}), ...(testFraction > 0 ? { testFraction, ...(opts.stratify ? { stratify: true } : {}) } : {}), ...(standardize ? { standardize } : {}) },
    models,
    claims: [],
  };
  return { file, read, csv };
}

/** Builds (and validates) the scenario for a CSV file; errors name the file and line. */
export function scenarioFromData(path: string, opts: DataScenarioOptions = {}): Scenario {
  const abs = resolve(path);
  const { file, read, csv } = dataScenarioFile(path, opts);
  const scenario = parseScenario(file, path, { baseDir: dirname(abs), preread: new Map([[csvKey(abs, csv), read]]) });
  return { ...scenario, fromData: { path: abs, options: { ...opts } } };
}
