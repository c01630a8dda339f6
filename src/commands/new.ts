/**
 * `neural-eras new <id> [--dir folder] [--from <scenario> | --data <file.csv> [--label c]]`:
 * writes a starting scenario, <folder>/<id>.json, that validates, with "$schema" (editor completion
 * and checking) and "$comment" fields (JSON has no comments; the loader ignores these). Without
 * --from or --data it is a two-moons template whose claims hold; --from copies a scenario (a shipped
 * one by id, or a file) under the new id; --data starts from your CSV with the default models.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { dataScenarioFile } from '../scenarios/from-data.js';
import { loadScenario, scenariosDir } from '../scenarios/loader.js';
import { makeDirs, writeFileAtomic } from '../report/run-file.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

/** The starting scenario: a line and a network on two moons, with one claim of each kind that fits. */
export function scenarioTemplate(id: string, schema: string): Record<string, unknown> {
  return {
    $schema: schema,
    $comment: [
      'A neural-eras scenario: data, models, a seed, an epoch budget, a story and claims (what must come true).',
      'Your editor completes and checks fields through "$schema"; "$comment" fields (here, on a model or on a claim) are for readers and ignored.',
      'data.kind is one of gate, parity, table, blobs, xor, circles, spirals, moons, cloud, or csv: { "kind": "csv", "path": "my-data.csv", "label": "class" } reads a CSV beside this file.',
      'Next: neural-eras check <this file> (validate, list the claims), then neural-eras run <this file>, then neural-eras verify <this file>.',
    ],
    id,
    title: 'A straight line against a hidden layer on two moons',
    era: '1986',
    year: 1986,
    story: [
      'Two interleaved half-moons: no straight line separates them, a network with one hidden layer bends around them.',
      'The perceptron keeps correcting a line that cannot be right; back-propagation trains eight sigmoid units to do better.',
    ],
    seed: 1,
    epochs: 300,
    data: { kind: 'moons', n: 200, noise: 0.1, testFraction: 0.2, targets: 'bipolar' },
    models: [
      { $comment: 'A run is a model id (neural-eras list) with parameters (neural-eras info <model>); its run id defaults to the model id.', model: 'perceptron', params: { learningRate: 0.1 } },
      {
        $comment: 'Two runs of one model need their own "id". "target" says when a run counts as solved.',
        id: 'mlp',
        label: '2-8-1 sigmoid net',
        model: 'mlp-backprop',
        params: { hidden: [8], learningRate: 0.1 },
        target: { accuracy: { min: 0.97 } },
      },
    ],
    claims: [
      { $comment: 'Claim kinds: outcome, metric (min/max, optionally at an epoch), weights, outputs, compare (two runs). See README "Writing scenarios".', run: 'mlp', outcome: 'solved' },
      { run: 'perceptron', metric: 'bestAccuracy', max: 0.95, note: 'no straight line gets every point of two moons right' },
      { compare: ['mlp', 'perceptron'], metric: 'testAccuracy', relation: '>', note: 'the bent boundary also does better on points it never saw' },
    ],
    moral: 'A hidden layer lets the boundary bend.',
  };
}

export interface NewOptions {
  dir?: string;
  /** A scenario (shipped id or file) to copy under the new id. */
  from?: string;
  /** A CSV file to start from (the scenario `--data` would run). */
  data?: string;
  /** With --data: the label column. */
  label?: string;
}

/** A scenario's file as written (comments and all), with the new id; a CSV path made relative to the new folder. */
function copyOf(ref: string, id: string, dir: string): Record<string, unknown> {
  const scenario = loadScenario(ref); // validates it first: a copy starts from a file that works
  const raw = JSON.parse(readFileSync(resolve(scenario.file), 'utf8')) as Record<string, unknown>;
  const from = dirname(resolve(scenario.file));
  const moveCsv = (d: unknown): void => {
    if (d && typeof d === 'object' && (d as { kind?: unknown }).kind === 'csv' && typeof (d as { path?: unknown }).path === 'string') {
      const spec = d as { path: string };
      spec.path = relative(dir, resolve(from, spec.path)).split(sep).join('/');
    }
  };
  moveCsv(raw['data']);
  for (const m of Array.isArray(raw['models']) ? raw['models'] : []) moveCsv((m as { data?: unknown })?.data);
  const { $schema: _schema, id: _id, ...rest } = raw;
  return { $comment: `A copy of ${scenario.id} (${scenario.file}) to edit.`, id, ...rest };
}

/** The scenario of a CSV as a file: the data beside it (or below), the default models, no claims yet. */
function fromData(path: string, label: string | undefined, id: string, dir: string): Record<string, unknown> {
  const abs = resolve(path);
  const rel = relative(dir, abs);
  if (rel.startsWith('..') || resolve(dir, rel) !== abs) throw new UsageError(`--data ${path}: a scenario reads data beside it or below it; write it with --dir ${relative(process.cwd(), dirname(abs)) || '.'}`);
  const { file } = dataScenarioFile(path, label !== undefined ? { label: /^\d+$/.test(label) ? Number(label) : label } : {});
  return {
    $comment: [
      `Your data ${path}: ${file.story[0]}`,
      'Add claims (what must come true), e.g. { "run": "mlp", "metric": "testAccuracy", "min": 0.9 }; see README "Writing scenarios".',
      'Next: neural-eras check <this file>, then neural-eras run <this file>.',
    ],
    ...file,
    id,
    data: { ...file.data, path: rel.split(sep).join('/') },
  };
}

export function newCommand(id: string, opts: NewOptions, io: Io): number {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`new ${id}: a scenario id is lower-case letters, digits and dashes, e.g. my-moons`);
  if (opts.from !== undefined && opts.data !== undefined) throw new UsageError('new: give --from <scenario> or --data <file.csv>, not both');
  if (opts.label !== undefined && opts.data === undefined) throw new UsageError('--label goes with --data');
  // with --data, the scenario goes beside the CSV unless told otherwise
  const dir = resolve(opts.dir ?? (opts.data !== undefined ? dirname(resolve(opts.data)) : '.'));
  try {
    if (!existsSync(dir)) makeDirs(dir);
    else if (!statSync(dir).isDirectory()) throw new UsageError(`--dir ${opts.dir}: not a folder`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--dir ${opts.dir}: cannot create it (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const file = join(dir, `${id}.json`);
  const shown = relative(process.cwd(), file) || file;
  if (existsSync(file)) throw new UsageError(`new ${id}: ${shown} exists; choose another id or folder (nothing was overwritten)`);
  const schema = relative(dir, join(scenariosDir(), 'schema.json')).split(sep).join('/');
  try {
    const $schema = schema.startsWith('.') ? schema : `./${schema}`;
    const body = opts.from !== undefined ? { $schema, ...copyOf(opts.from, id, dir) } : opts.data !== undefined ? { $schema, ...fromData(opts.data, opts.label, id, dir) } : scenarioTemplate(id, $schema);
    writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`);
  } catch (e) {
    if (!(e as NodeJS.ErrnoException).code) throw e; // a scenario or CSV that cannot be read says why itself
    throw new UsageError(`new ${id}: cannot write ${shown} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const what = opts.from !== undefined ? ` (a copy of ${opts.from})` : opts.data !== undefined ? ` (your data ${opts.data}, the default models, no claims yet)` : ' (the two-moons template; --from <scenario> copies another, --data <file.csv> starts from yours)';
  io.out(`wrote ${shown}${what}\nnext: neural-eras check ${shown}   (validate it and list its claims)\n      neural-eras run ${shown}     (train its models)\n      neural-eras verify ${shown}  (check its claims)\n`);
  return 0;
}
