/**
 * `neural-eras new <id> [--dir folder]`: writes a starting scenario, <folder>/<id>.json, that
 * validates and whose claims hold, with "$schema" (editor completion and checking) and "$comment"
 * fields (JSON has no comments; the loader ignores these) that say how to change each part.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { scenariosDir } from '../scenarios/loader.js';
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

export function newCommand(id: string, opts: { dir?: string }, io: Io): number {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`new ${id}: a scenario id is lower-case letters, digits and dashes, e.g. my-moons`);
  const dir = resolve(opts.dir ?? '.');
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
    writeFileAtomic(file, `${JSON.stringify(scenarioTemplate(id, schema.startsWith('.') ? schema : `./${schema}`), null, 2)}\n`);
  } catch (e) {
    throw new UsageError(`new ${id}: cannot write ${shown} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  io.out(`wrote ${shown}\nnext: neural-eras check ${shown}   (validate it and list its claims)\n      neural-eras run ${shown}     (train its models)\n      neural-eras verify ${shown}  (check its claims)\n`);
  return 0;
}
