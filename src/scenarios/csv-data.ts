/**
 * CSV data in scenarios: where a scenario's data file may be (beside it or below it, never outside
 * its folder, symbolic links included), and how its rows become the engine's table data. The
 * loader reads each file once per scenario; errors are CsvErrors the loader places at its field.
 */
import { realpathSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import type { z } from 'zod';
import type { DataSpec } from '../core/datasets.js';
import { CsvError, readCsvFile, type CsvTable } from './csv.js';
import type { dataSchema } from './schema.js';

export type CsvSpec = Extract<z.infer<typeof dataSchema>, { kind: 'csv' }>;
export interface CsvRead {
  readonly table: CsvTable;
  readonly bytes: Buffer;
}

/** Identifies one reading of a CSV file: its absolute path and the options it was read with. */
export const csvKey = (abs: string, d: { label?: string | number; header?: boolean; delimiter?: string }): string => JSON.stringify([abs, d.label, d.header, d.delimiter]);

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

/** A CSV's rows as the engine's table: class indices become bipolar, binary or one-hot targets. */
export function csvTable(table: CsvTable, spec: Pick<CsvSpec, 'targets' | 'testFraction' | 'standardize'>, name: string): DataSpec {
  const k = table.classes.length;
  const n = table.inputs.length;
  const held = Math.round(n * (spec.testFraction ?? 0));
  if (held > 0 && held >= n) throw new CsvError(`${name}: testFraction ${spec.testFraction} of ${n} row${n > 1 ? 's' : ''} holds out every row: no training row is left`);
  const targets = spec.targets ?? (k > 2 ? 'onehot' : 'bipolar');
  if (k > 2 && targets !== 'onehot') throw new CsvError(`${name} has ${k} classes (${table.classes.join(', ')}): targets must be "onehot"`);
  const row = (l: number): number[] => (targets === 'onehot' ? table.classes.map((_, c) => (c === l ? 1 : 0)) : [targets === 'bipolar' ? (l === 1 ? 1 : -1) : l]);
  return {
    kind: 'table',
    name,
    inputs: table.inputs,
    targets: table.labels.map(row),
    inputEncoding: 'real',
    targetEncoding: targets,
    featureNames: [...table.features],
    classNames: [...table.classes],
    ...(spec.testFraction ? { testFraction: spec.testFraction } : {}),
    ...(spec.standardize ? { standardize: true } : {}),
  };
}

/** The CSV files of one scenario, each read once; `onRead` sees the bytes of each new file (for the fingerprint). */
export function csvReader(baseDir: string, onRead: (bytes: Buffer, path: string) => void, preread?: ReadonlyMap<string, CsvRead>): (d: CsvSpec) => DataSpec {
  const files = new Map<string, CsvRead>();
  return (d) => {
    const abs = dataFile(baseDir, d.path);
    const key = csvKey(abs, d);
    let read = files.get(key);
    if (!read) {
      const opts = { ...(d.label !== undefined ? { label: d.label } : {}), ...(d.header !== undefined ? { header: d.header } : {}), ...(d.delimiter ? { delimiter: d.delimiter } : {}) };
      read = preread?.get(key) ?? readCsvFile(abs, relative(process.cwd(), abs) || abs, opts);
      files.set(key, read);
      onRead(read.bytes, abs);
    }
    return csvTable(read.table, d, basename(abs));
  };
}
