/**
 * `neural-eras exercise <name> [--lang ko] [--out file]`: writes an exercise file with numbered
 * blanks and a comment on each function's role (comments in the chosen language). It never
 * writes over an existing file.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { EXERCISE_NAMES, exerciseOf, exerciseText } from '../assignments/exercises.js';
import { isLang } from '../i18n/index.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

export function exerciseCommand(name: string, opts: { lang?: string; out?: string }, io: Io): number {
  const spec = exerciseOf(name);
  if (!spec) throw new UsageError(`exercise ${name}: no such exercise; there are ${EXERCISE_NAMES.join(', ')}`);
  const lang = opts.lang ?? 'en';
  if (!isLang(lang)) throw new UsageError(`--lang ${lang}: en or ko`);
  const path = resolve(opts.out ?? `${name}.js`);
  const shown = relative(process.cwd(), path) || path;
  let fd: number;
  try {
    // 'wx': created only if it does not exist, so a student's work is never written over
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${shown} exists: not overwritten (choose another name with --out <file>)`);
    throw new UsageError(`cannot write ${shown}: ${code ?? (e as Error).message}`);
  }
  try {
    writeSync(fd, exerciseText(spec, lang));
  } finally {
    closeSync(fd);
  }
  const blanks = spec.blanks.map((b) => `${b.n} ${b.fn}`).join(', ');
  io.out(`wrote ${shown}: ${spec.blanks.length} blanks (${blanks}). Fill them in, then: neural-eras grade ${shown}\n`);
  return 0;
}
