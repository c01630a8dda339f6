/**
 * `neural-eras problems [--student <id>] [--lang ko] [--answers]`: a Markdown problem sheet from the
 * lecture's worked examples, its numbers varied per student id (the lecture's own without one);
 * --answers adds the worked solutions, the values the lab computes for the same numbers.
 */
import { problemSheet, sheetMarkdown } from '../assignments/problems.js';
import { isLang, translator } from '../i18n/index.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

export function problemsCommand(opts: { student?: string; lang?: string; answers?: boolean }, io: Io): number {
  const lang = opts.lang ?? 'en';
  if (!isLang(lang)) throw new UsageError(`--lang ${lang}: en or ko`);
  const student = opts.student?.trim();
  // eslint-disable-next-line no-control-regex
  if (student !== undefined && (student === '' || student.length > 100 || /[\u0000-\u001f\u007f]/.test(student))) throw new UsageError('--student: an id of 1 to 100 printable characters');
  const tr = translator(lang);
  io.out(sheetMarkdown(problemSheet(student ?? null, tr), Boolean(opts.answers), tr));
  return 0;
}
