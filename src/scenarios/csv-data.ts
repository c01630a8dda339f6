/**
 * CSV data in scenarios: where a scenario's data file may be (beside it or below it, never outside
 * its folder, symbolic links included), and how its rows become the engine's table data. The
 * loader reads each file once per scenario; errors are CsvErrors the loader places at its field.
 */
import { realpathSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import type { z } from 'zod';
import type { DataSpec } from '../data/datasets.js';
import { CsvError, readCsvFile, type CsvTable } from '../data/csv.js';
import type { dataSchema } from './schema.js';

export type CsvSpec = Extract<z.infer<typeof dataSchema>, { kind: 'csv' }>;
export interface CsvRead {
  readonly table: CsvTable;
  readonly bytes: Buffer;
}

/** Identifies one reading of a CSV file: its absolute path and the options it was read with. */
export const csvKey = (abs: string, d: { label?: string | number; header?: boolean; delimiter?: string; split?: string }): string => JSON.stringify([abs, d.label, d.header, d.delimiter, d.split]);

const inside = (dir: string, path: string): boolean => {
  const rel = relative(dir, path);
  return rel !== '' && rel.split(sep)[0] !== '..' && !isAbsolute(rel);
};

/** A CSV path from a scenario as an absolute path: relative to its folder and inside it; else why not. */
export function dataFile(baseDir: string, path: string): string {
  const outside = `"${path}" leads outside the scenario's folder; a data file must be beside the scenario or below it`;
  if (isAbsolute(path)) throw new CsvError(`"${path}" must be relative to the scenario's folder`);
  const abs = resolve(baseDir, path);
  if (!inside(baseDir, abs)) throw new CsvError(outside);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return abs; // missing: reading it says so
  }
  if (!inside(realpathSync(baseDir), real)) throw new CsvError(outside);
  return abs;
}

/** A CSV's rows as the engine's table: class indices become bipolar, binary or one-hot targets; a test file's rows follow, marked as the test set. */
export function csvTable(table: CsvTable, spec: Pick<CsvSpec, 'targets' | 'testFraction' | 'standardize' | 'stratify'>, name: string, test?: { table: CsvTable; name: string }): DataSpec {
  const k = table.classes.length;
  const n = table.inputs.length;
  const held = Math.round(n * (spec.testFraction ?? 0));
  if (held > 0 && held >= n) throw new CsvError(`${name}: testFraction ${spec.testFraction} of ${n} row${n > 1 ? 's' : ''} holds out every row: no training row is left`);
  const targets = spec.targets ?? (k > 2 ? 'onehot' : 'bipolar');
  if (k > 2 && targets !== 'onehot') throw new CsvError(`${name} has ${k} classes (${table.classes.join(', ')}): targets must be "onehot"`);
  const row = (l: number): number[] => (targets === 'onehot' ? table.classes.map((_, c) => (c === l ? 1 : 0)) : [targets === 'bipolar' ? (l === 1 ? 1 : -1) : l]);
  // the test file's classes by name: the training file's index of each (a class it lacks is refused)
  let testLabels: number[] = [];
  if (test) {
    if (test.table.features.length !== table.features.length) throw new CsvError(`${test.name}: ${test.table.features.length} feature columns where ${name} has ${table.features.length}`);
    const index = new Map(table.classes.map((c, i) => [c, i]));
    const missing = test.table.classes.filter((c) => !index.has(c));
    if (missing.length) throw new CsvError(`${test.name}: class${missing.length > 1 ? 'es' : ''} ${missing.map((c) => `"${c}"`).join(', ')} not in ${name} (its classes: ${table.classes.join(', ')})`);
    testLabels = test.table.labels.map((l) => index.get(test.table.classes[l]!)!);
  }
  const labels = [...table.labels, ...testLabels];
  return {
    kind: 'table',
    name,
    inputs: test ? [...table.inputs, ...test.table.inputs] : table.inputs,
    targets: labels.map(row),
    inputEncoding: 'real',
    targetEncoding: targets,
    featureNames: [...table.features],
    classNames: [...table.classes],
    ...(test
      ? { testRows: testLabels.map((_, i) => table.inputs.length + i) }
      : table.test
        ? { testRows: table.test.flatMap((t, i) => (t ? [i] : [])) }
        : spec.testFraction ? { testFraction: spec.testFraction, ...(spec.stratify ? { stratify: true } : {}) } : {}),
    ...(spec.standardize ? { standardize: true } : {}),
  };
}

/** The CSV files of one scenario, each read once; `onRead` sees the bytes of each new file (for the fingerprint). */
export function csvReader(baseDir: string, onRead: (bytes: Buffer, path: string) => void, preread?: ReadonlyMap<string, CsvRead>): (d: CsvSpec) => DataSpec {
  const files = new Map<string, CsvRead>();
  const read = (path: string, d: CsvSpec, isTest = false): CsvRead => {
    const abs = dataFile(baseDir, path);
    const key = `${csvKey(abs, d)}${isTest ? ':test' : ''}`;
    let got = files.get(key);
    if (!got) {
      const opts = { ...(d.label !== undefined ? { label: d.label } : {}), ...(d.header !== undefined ? { header: d.header } : {}), ...(d.delimiter ? { delimiter: d.delimiter } : {}), ...(isTest ? { oneClassOk: true } : {}), ...(d.split !== undefined && !isTest ? { split: d.split } : {}) };
      got = preread?.get(key) ?? readCsvFile(abs, relative(process.cwd(), abs) || abs, opts);
      files.set(key, got);
      onRead(got.bytes, abs);
    }
    return got;
  };
  return (d) => {
    const train = read(d.path, d);
    const test = d.test !== undefined ? { table: read(d.test, d, true).table, name: basename(d.test) } : undefined;
    return csvTable(train.table, d, basename(d.path), test);
  };
}
