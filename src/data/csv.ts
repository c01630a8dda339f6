/**
 * Reading a user's CSV into rows of numeric features and a class label per row. Comma, semicolon
 * or tab; a header is optional (detected when a feature cell of the first line is not a number);
 * the label column is named, numbered from 1, or else the last. Every problem is one line naming
 * the file and, where there is one, the line: `data.csv:7: 3 cells where line 1 has 4`.
 */
import { readFileSync, statSync } from 'node:fs';

export class CsvError extends Error {
  override name = 'CsvError';
}

export const MAX_ROWS = 1_000_000;
export const MAX_BYTES = 256 * 1024 * 1024;
/** More distinct labels than this is a number column, not classes. */
export const MAX_CLASSES = 100;

export type Delimiter = ',' | ';' | '\t';

export interface CsvOptions {
  /** The label column: its header name, or its position from 1; default the last column. */
  readonly label?: string | number;
  /** Whether line 1 is a header; detected when not given. */
  readonly header?: boolean;
  /** Detected from line 1 when not given. */
  readonly delimiter?: Delimiter;
  /** A test file may hold one class only (its classes are the training file's). */
  readonly oneClassOk?: boolean;
  /** A column (by header name) whose cells say "train" or "test": the split, not a feature. */
  readonly split?: string;
}

export interface CsvTable {
  /** Feature column names (from the header, or x1, x2, …). */
  readonly features: readonly string[];
  readonly label: string;
  /** Class names, sorted (numerically when every label is a number); a row's class is its index here. */
  readonly classes: readonly string[];
  readonly inputs: number[][];
  readonly labels: number[];
  /** With a split column: true for each test row. */
  readonly test?: boolean[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A decimal comma ("1,5"), read as a number when the cells are separated by ; or a tab. */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

function toNumber(cell: string, delimiter: Delimiter): number | null {
  if (NUMBER.test(cell)) return Number(cell);
  if (delimiter !== ',' && DECIMAL_COMMA.test(cell)) return Number(cell.replace(',', '.'));
  return null;
}

/** Splits one line into trimmed cells; double quotes may wrap a cell, "" is a quote inside one. */
function splitLine(line: string, delimiter: Delimiter, where: string): string[] {
  if (!line.includes('"')) return line.split(delimiter).map((c) => c.trim());
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    let cell = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new CsvError(`${where}: a quoted cell is not closed`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += line[i++];
      }
      while (line[i] === ' ') i++;
      if (i < line.length && line[i] !== delimiter) throw new CsvError(`${where}: text after a quoted cell`);
    } else {
      const end = line.indexOf(delimiter, i);
      cell = (end < 0 ? line.slice(i) : line.slice(i, end)).trim();
      i = end < 0 ? line.length : end;
    }
    cells.push(cell);
    if (i >= line.length) return cells;
    i++; // the delimiter
  }
}

/** The delimiter that occurs most on the line (ties: tab, then semicolon, then comma). */
function detectDelimiter(line: string): Delimiter {
  const count = (d: string) => line.split(d).length - 1;
  return ([['\t', count('\t')], [';', count(';')], [',', count(',')]] as [Delimiter, number][]).reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Parses CSV text; `file` names the file in messages. */
export function parseCsv(text: string, file: string, opts: CsvOptions = {}): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  // Lines end in \n or \r\n (or, in old Mac files, a lone \r); splitting on a string is fast.
  const lines = (body.includes('\n') ? body : body.replace(/\r/g, '\n')).split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
  const blank = (l: string): boolean => l.trim() === '';
  const firstAt = lines.findIndex((l) => !blank(l));
  if (firstAt < 0) throw new CsvError(`${file}: the file is empty`);
  const firstLine = lines[firstAt]!;
  const firstNo = firstAt + 1;
  const delimiter = opts.delimiter ?? detectDelimiter(firstLine);
  const first = splitLine(firstLine, delimiter, `${file}:${firstNo}`);
  const width = first.length;
  if (width < 2) throw new CsvError(`${file}:${firstNo}: one column only; a data file needs feature columns and a label column, separated by a comma, semicolon or tab`);
  let labelAt = width - 1;
  if (typeof opts.label === 'number') {
    if (opts.label > width) throw new CsvError(`${file}: label column ${opts.label}: line ${firstNo} has ${width} columns`);
    labelAt = opts.label - 1;
  }
  const isHeader = opts.header ?? (typeof opts.label === 'string' || headerOrNot(lines, firstAt, first, labelAt, delimiter, file));
  if (typeof opts.label === 'string') {
    if (!isHeader) throw new CsvError(`${file}: label "${opts.label}" needs a header line naming the columns`);
    labelAt = first.indexOf(opts.label);
    if (labelAt < 0) throw new CsvError(`${file}:${firstNo}: no column named "${opts.label}"; columns: ${first.join(', ')}`);
  }
  let splitAt = -1;
  if (opts.split !== undefined) {
    if (!isHeader) throw new CsvError(`${file}: split column "${opts.split}" needs a header line naming the columns`);
    splitAt = first.indexOf(opts.split);
    if (splitAt < 0) throw new CsvError(`${file}:${firstNo}: no column named "${opts.split}" for the split; columns: ${first.join(', ')}`);
    if (splitAt === labelAt) throw new CsvError(`${file}: "${opts.split}" is the label column; the split needs a column of its own`);
  }
  const names = isHeader ? first : first.map((_, j) => (j === labelAt ? 'label' : `x${j + 1 - (j > labelAt ? 1 : 0)}`));
  const isTest: boolean[] = [];
  // Count the rows before parsing any: an oversized file is refused at once.
  let rows = 0;
  for (let i = isHeader ? firstAt + 1 : firstAt; i < lines.length; i++) {
    if (blank(lines[i]!)) continue;
    if (++rows > MAX_ROWS) throw new CsvError(`${file}:${i + 1}: more than ${MAX_ROWS.toLocaleString('en')} data rows`);
  }
  if (rows === 0) throw new CsvError(`${file}: no data rows below the header`);

  const inputs: number[][] = [];
  const raw: string[] = [];
  for (let i = isHeader ? firstAt + 1 : firstAt; i < lines.length; i++) {
    const line = lines[i]!;
    if (blank(line)) continue;
    const where = `${file}:${i + 1}`;
    const cells = splitLine(line, delimiter, where);
    if (cells.length !== width) throw new CsvError(`${where}: ${cells.length} cells where line ${firstNo} has ${width}`);
    const row: number[] = [];
    for (let j = 0; j < width; j++) {
      const cell = cells[j]!;
      if (j === labelAt) {
        if (cell === '') throw new CsvError(`${where}: the label ("${names[j]}") is empty`);
        raw.push(cell);
        continue;
      }
      if (j === splitAt) {
        const word = cell.toLowerCase();
        if (word !== 'train' && word !== 'test') throw new CsvError(`${where}: column ${j + 1} ("${names[j]}", the split): ${JSON.stringify(cell.slice(0, 20))} is neither train nor test`);
        isTest.push(word === 'test');
        continue;
      }
      const v = toNumber(cell, delimiter);
      if (v === null || !Number.isFinite(v)) {
        throw new CsvError(`${where}: column ${j + 1} ("${names[j]}"): ${cell === '' ? 'empty' : `${JSON.stringify(cell.length > 20 ? `${cell.slice(0, 20)}…` : cell)} is not a number`}`);
      }
      row.push(v);
    }
    inputs.push(row);
  }
  const distinct = [...new Set(raw)];
  if (distinct.length < 2 && !opts.oneClassOk) throw new CsvError(`${file}: one class only (every label is "${distinct[0]}"); a classifier needs two or more`);
  if (distinct.length > MAX_CLASSES) throw new CsvError(`${file}: column "${names[labelAt]}" has ${distinct.length} different labels, more than ${MAX_CLASSES} classes: is it the label column?`);
  const numeric = distinct.every((c) => toNumber(c, delimiter) !== null);
  const classes = numeric ? distinct.sort((a, b) => toNumber(a, delimiter)! - toNumber(b, delimiter)!) : distinct.sort();
  const index = new Map(classes.map((c, k) => [c, k]));
  return { features: names.filter((_, j) => j !== labelAt && j !== splitAt), label: names[labelAt]!, classes, inputs, labels: raw.map((c) => index.get(c)!), ...(splitAt >= 0 ? { test: isTest } : {}) };
}

/** Reads and parses a CSV file: a regular text file of at most MAX_BYTES. */
/**
 * Whether line 1 is a header, when nobody said: only when it cannot be anything else. Words in every
 * feature column: a header. Numbers in every one: data — unless its label cell names no other
 * row's class ("1,2,label": a header with numeric names, or a row of a class of its own?). Numbers
 * in some and words in others (a header with numeric names, or a data row with a bad cell?): refused.
 * An ambiguous file is refused with how to say it (--header yes|no, or "header" in a scenario's data).
 */
function headerOrNot(lines: readonly string[], firstAt: number, first: readonly string[], labelAt: number, delimiter: Delimiter, file: string): boolean {
  const features = first.filter((_, j) => j !== labelAt);
  const words = features.filter((cell) => toNumber(cell, delimiter) === null).length;
  const say = 'say which with --header yes or --header no (in a scenario: "header": true or false in its data)';
  if (words === features.length) return true;
  if (words > 0) {
    throw new CsvError(`${file}:${firstAt + 1}: line 1 has numbers and words in its feature columns — a header with numeric names, or a data row with a bad cell? ${say}`);
  }
  const label = first[labelAt]!.trim();
  if (toNumber(label, delimiter) !== null) return false;
  for (let i = firstAt + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const cells = splitLine(lines[i]!, delimiter, `${file}:${i + 1}`);
    if (cells[labelAt]?.trim() === label) return false;
  }
  throw new CsvError(`${file}:${firstAt + 1}: line 1 is all numbers but its label "${label.slice(0, 40)}" is no other row's class — a header with numeric column names, or a row of a class of its own? ${say}`);
}

export function readCsvFile(path: string, shown: string, opts: CsvOptions = {}): { table: CsvTable; bytes: Buffer } {
  let size: number;
  try {
    const s = statSync(path);
    if (!s.isFile()) throw new CsvError(`${shown}: not a regular file`);
    size = s.size;
  } catch (e) {
    if (e instanceof CsvError) throw e;
    throw new CsvError(`${shown}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size === 0) throw new CsvError(`${shown}: the file is empty`);
  if (size > MAX_BYTES) throw new CsvError(`${shown}: ${size.toLocaleString('en')} bytes, more than the ${MAX_BYTES / 2 ** 20} MB a data file may have`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CsvError(`${shown}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const nul = bytes.indexOf(0);
  let text: string;
  try {
    if (nul >= 0) throw new Error('NUL');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = nul >= 0 ? nul : firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).toString('latin1').split(/\r?\n|\r/).length;
    throw new CsvError(`${shown}:${line}: not a text file (byte ${at + 1} is ${nul >= 0 ? 'a NUL' : 'not UTF-8'}): a data file is CSV text`);
  }
  return { table: parseCsv(text, shown, opts), bytes };
}

/** Offset of the first byte that breaks UTF-8: the longest prefix that still decodes (a cut multi-byte tail allowed). */
function firstInvalidUtf8(bytes: Buffer): number {
  const decodes = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (decodes(mid)) lo = mid;
    else hi = mid;
  }
  // The valid prefix may end inside the broken sequence: point at the lead byte that began it.
  let k = lo - 1;
  while (k > lo - 4 && k >= 0 && (bytes[k]! & 0xc0) === 0x80) k--;
  return k >= 0 && bytes[k]! >= 0xc0 ? k : lo;
}
