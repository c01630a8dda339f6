/**
 * `neural-eras grade <file…> [--json] [--csv out.csv] [--timeout s] [--blank-timeout s] [--memory mb] [--no-digits]`: grades
 * exercise files, each in its own worker thread with a memory limit (resourceLimits) and a
 * watchdog on time. A submission that hangs, throws, runs out of memory or returns NaN gets one
 * clear line and the batch goes on. Exit 0 when every file passes every blank and its training,
 * 1 otherwise, 2 for usage errors or when no file could be read.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { exerciseOf } from '../assignments/exercises.js';
import type { BlankResult, GradeReport, TrainResult } from '../assignments/grader.js';
import { writeFileAtomic } from '../report/run-file.js';
import { writeJson } from '../report/json.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

export interface GradeOptions {
  json?: boolean;
  csv?: string;
  timeout?: string;
  blankTimeout?: string;
  memory?: string;
  /** false: skip the digits run of the backprop exercise (--no-digits). */
  digits?: boolean;
}

export interface Limits {
  /** Seconds the whole file may take (loading, blanks and training). */
  readonly seconds: number;
  /** Seconds one blank may take. */
  readonly blankSeconds: number;
  /** Megabytes of heap the worker may use. */
  readonly memoryMb: number;
  /** Train a passing backprop submission on the digits challenge too. */
  readonly digits: boolean;
}

/**
 * The worker: the bundled script beside the CLI (dist/grade-worker.js), or from the TypeScript
 * sources (tests, tsx) a one-line bootstrap that loads the source through tsx.
 */
function workerScript(): { script: string | URL; eval: boolean } {
  const js = new URL('./grade-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { script: js, eval: false };
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const source = JSON.stringify(new URL('./grade-worker.ts', import.meta.url).href);
  // tsImport keeps tsx to the grader's own modules: the submission loads as Node alone would load it
  return { script: `import(${api}).then((tsx) => tsx.tsImport(${source}, ${source}));`, eval: true };
}

/** Time the worker itself may take to start (loading the grader, not the submission). */
const STARTUP_MS = 30_000;

type Phase = { phase: 'starting' } | { phase: 'loading' } | { phase: 'blank'; n: number; fn: string } | { phase: 'training' };

const during = (p: Phase): string =>
  p.phase === 'blank' ? `in BLANK ${p.n} (${p.fn})` : p.phase === 'training' ? 'while training' : p.phase === 'loading' ? 'while loading the file' : 'while starting';

/** One file in its own worker; always resolves with a report (a hang or crash becomes its error). */
export function gradeInWorker(file: string, limits: Limits): Promise<GradeReport> {
  const { script, eval: evaluate } = workerScript();
  return new Promise((done) => {
    let phase: Phase = { phase: 'starting' };
    let exercise: string | null = null;
    const blanks: BlankResult[] = [];
    let settled = false;
    const worker = new Worker(script, {
      workerData: { file, digits: limits.digits },
      eval: evaluate,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.max(4, Math.min(32, limits.memoryMb / 4)), stackSizeMb: 4 },
      // the submission's own console output is not the grader's: read and dropped
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    // The file's time counts from when the worker is up (starting one is the grader's time, not the file's).
    const spawned = Date.now();
    let started = Infinity;
    let phaseStarted = spawned;
    const finish = (report: GradeReport): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      void worker.terminate();
      done(report);
    };
    const fail = (text: string): void => {
      const error = text.replace(/\s*\n\s*/g, ' ').trim();
      const where = phase.phase === 'blank' ? phase.n : null;
      const hung: BlankResult[] = where !== null && !blanks.some((b) => b.n === where) && phase.phase === 'blank'
        ? [{ n: where, fn: phase.fn, status: 'hung', message: error }]
        : [];
      finish({ file, exercise, blanks: [...blanks, ...hung], training: [], passed: false, ...(hung.length ? {} : { error }) });
    };
    const watchdog = setInterval(() => {
      const now = Date.now();
      if (phase.phase === 'starting' && now - spawned > STARTUP_MS) fail(`the grader's worker did not start within ${STARTUP_MS / 1000} s`);
      else if (phase.phase === 'blank' && now - phaseStarted > limits.blankSeconds * 1000) fail(`did not return within ${limits.blankSeconds} s ${during(phase)}: a loop that never ends?`);
      else if (now - started > limits.seconds * 1000) fail(`stopped after ${limits.seconds} s ${during(phase)}: a loop that never ends?`);
    }, 50);
    worker.on('message', (m: { type: string } & Record<string, unknown>) => {
      if (m.type === 'exercise') exercise = typeof m['name'] === 'string' ? (m['name'] as string) : null;
      else if (m.type === 'phase') {
        phase = m as unknown as Phase;
        phaseStarted = Date.now();
        if (started === Infinity) started = phaseStarted;
      } else if (m.type === 'result') blanks.push(m['result'] as BlankResult);
      else if (m.type === 'report') finish({ ...(m['report'] as GradeReport), file });
      else if (m.type === 'failed') fail(`cannot be graded ${during(phase)}: ${String(m['message'])}`);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') fail(`ran out of memory (limit ${limits.memoryMb} MB) ${during(phase)}`);
      else fail(`crashed ${during(phase)}: ${e.name}: ${e.message.split('\n')[0]}`);
    });
    worker.on('exit', (code) => fail(`stopped without a report ${during(phase)} (exit code ${code})`));
  });
}

const MARK: Readonly<Record<string, string>> = { pass: '✓', missing: '·', wrong: '✗', error: '✗', hung: '✗' };

function textReport(r: GradeReport, shown: string): string {
  const lines: string[] = [];
  const passing = r.blanks.filter((b) => b.status === 'pass').length;
  const total = (r.exercise ? exerciseOf(r.exercise)?.blanks.length : undefined) ?? r.blanks.length;
  lines.push(`${shown} — ${r.exercise ? `exercise ${r.exercise}: ${passing}/${total} blanks pass` : 'not graded'}${r.passed ? ', trained: PASSED' : ''}`);
  for (const b of r.blanks) lines.push(`  ${MARK[b.status]} BLANK ${b.n} ${b.fn}: ${b.message}`);
  // a file stopped part way (hung, out of memory): the blanks it never reached, by name
  const spec = r.exercise ? exerciseOf(r.exercise) : undefined;
  for (const b of spec?.blanks ?? []) if (!r.blanks.some((x) => x.n === b.n)) lines.push(`  · BLANK ${b.n} ${b.fn}: not graded (the file was stopped)`);
  for (const t of r.training) lines.push(`  ${t.outcome === 'solved' ? '✓' : t.outcome === 'skipped' ? '·' : '✗'} training (${t.task}): ${t.outcome === 'skipped' ? '' : `${t.outcome.toUpperCase()}: `}${t.message}`);
  if (r.error) lines.push(`  ✗ ${r.error}`);
  return `${lines.join('\n')}\n`;
}

const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per file: the score of each blank (1 pass, 0 not), the total, the training outcome, the problem. */
export function gradeCsv(reports: readonly { shown: string; report: GradeReport }[]): string {
  const width = Math.max(1, ...reports.map((r) => r.report.blanks.length));
  const head = ['file', 'exercise', ...Array.from({ length: width }, (_, i) => `blank${i + 1}`), 'blanks_passed', 'blanks', 'training', 'passed', 'problem'];
  const rows = reports.map(({ shown, report: r }) => {
    const byN = new Map(r.blanks.map((b) => [b.n, b]));
    const cells = Array.from({ length: width }, (_, i) => {
      const b = byN.get(i + 1);
      return b ? (b.status === 'pass' ? '1' : '0') : '';
    });
    const training = r.training.map((t: TrainResult) => t.outcome).join(' ');
    const problem = r.error ?? r.blanks.filter((b) => b.status !== 'pass').map((b) => `BLANK ${b.n} ${b.status}`).join('; ');
    return [shown, r.exercise ?? '', ...cells, String(r.blanks.filter((b) => b.status === 'pass').length), String(r.blanks.length), training, r.passed ? '1' : '0', problem];
  });
  return `${[head, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

const positive = (text: string | undefined, name: string, fallback: number, max: number): number => {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0 || v > max) throw new UsageError(`${name} ${text}: a number above 0 and at most ${max}`);
  return v;
};

export async function gradeCommand(files: readonly string[], opts: GradeOptions, io: Io): Promise<number> {
  const seconds = positive(opts.timeout, '--timeout', 60, 3600);
  const limits: Limits = { seconds, blankSeconds: Math.min(positive(opts.blankTimeout, '--blank-timeout', 5, 3600), seconds), memoryMb: positive(opts.memory, '--memory', 256, 8192), digits: opts.digits !== false };
  const paths = files.map((f) => resolve(f));
  const csv = opts.csv !== undefined ? resolve(opts.csv) : null;
  if (csv && paths.includes(csv)) throw new UsageError(`--csv ${opts.csv}: that is one of the files to grade; not overwritten`);
  // Two files at a time (a hanging one does not hold the others up); reports in the order given.
  const slots: (GradeReport | undefined)[] = paths.map(() => undefined);
  let printed = 0;
  const flush = (): void => {
    while (printed < slots.length && slots[printed] !== undefined) {
      if (!opts.json) io.out(textReport(slots[printed]!, files[printed]!));
      printed++;
    }
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i]!;
      const readable = existsSync(path) && statSync(path).isFile();
      const report = readable ? await gradeInWorker(path, limits) : { file: path, exercise: null, blanks: [], training: [], passed: false, error: existsSync(path) ? 'not a file' : 'no such file' };
      slots[i] = { ...report, file: files[i]! };
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism(), paths.length) }, lane));
  const done = slots.map((report, i) => ({ shown: files[i]!, report: report! }));
  const unreadable = done.filter((d) => d.report.error === 'no such file' || d.report.error === 'not a file').length;
  const passed = done.filter((d) => d.report.passed).length;
  if (opts.json) writeJson({ format: 'neural-eras/grade@1', files: done.map((d) => d.report), passed, total: done.length }, io.out);
  else if (done.length > 1) io.out(`${passed} of ${done.length} files pass every blank and their training\n`);
  if (csv) {
    try {
      writeFileAtomic(csv, gradeCsv(done));
    } catch (e) {
      io.err(`neural-eras: cannot write ${relative(process.cwd(), csv) || csv}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 1;
    }
    if (!opts.json) io.out(`scores per blank: ${relative(process.cwd(), csv) || csv}\n`);
  }
  if (unreadable === done.length) return 2;
  return passed === done.length ? 0 : 1;
}
