/**
 * The grader of the exercises: each blank checked on its own against the reference engine
 * (src/engines/dense/reference.ts, the activations' own f and f′), on random inputs from a seeded
 * Rng, with the right inputs for that blank alone (so one mistake never fails another blank);
 * gradients also against finite differences. Then the submission, whole, trains on its scenario.
 * The submission is untrusted: every call is guarded, every value compared, nothing of it is kept.
 */
import { createRng, type Rng } from '../core/rng.js';
import { type Difference, firstDifference, show } from './compare.js';
import { EXERCISE_NAMES, exerciseOf, type ExerciseSpec } from './exercises.js';
import { CHECKS, type BlankCheck, type Module, type TrainResult } from './checks.js';
import { TRAINERS, TRAIN_TASK, type TrainOptions } from './train.js';

export type { TrainResult } from './checks.js';

export type BlankStatus = 'pass' | 'missing' | 'wrong' | 'error' | 'hung';

export interface BlankResult {
  readonly n: number;
  readonly fn: string;
  readonly status: BlankStatus;
  /** One line: what is wrong, where (layer, entry), given and expected. */
  readonly message: string;
  readonly where?: string;
  readonly given?: string;
  readonly expected?: string;
}

export interface GradeReport {
  readonly file: string;
  readonly exercise: string | null;
  readonly blanks: readonly BlankResult[];
  readonly training: readonly TrainResult[];
  /** Every blank passes and every training reached its target. */
  readonly passed: boolean;
  /** A problem with the whole file (not a module, unknown exercise, hung, out of memory). */
  readonly error?: string;
}

/** Random trials per blank. */
const TRIALS = 3;

/** Deep copy of plain data (the submission may change its arguments). */
const copy = <T>(v: T): T => (Array.isArray(v) ? (v.map(copy) as T) : v !== null && typeof v === 'object' ? (Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])) as T) : v);

const oneLine = (e: unknown): string => {
  const m = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return m.split('\n')[0]!.slice(0, 200);
};

function wrong(check: BlankCheck, d: Difference, trial: number, note = ''): BlankResult {
  const where = check.where(d.path);
  return {
    n: check.n, fn: check.fn, status: 'wrong', where, given: d.given, expected: d.expected,
    message: `differs at ${where}: given ${d.given}, expected ${d.expected} (random input ${trial + 1})${note}`,
  };
}

/** One blank, on its own: TRIALS random inputs, each compared with the reference. */
export function gradeBlank(mod: Module, check: BlankCheck, seed: string, arity: number): BlankResult {
  const fn = mod[check.fn];
  if (typeof fn !== 'function') return { n: check.n, fn: check.fn, status: 'missing', message: `missing: the file exports no function ${check.fn}` };
  for (let trial = 0; trial < TRIALS; trial++) {
    const rng: Rng = createRng(`${seed}/blank${check.n}/${trial}`);
    const args = check.inputs(rng, trial);
    const expected = check.expected(args);
    let given: unknown;
    try {
      // only the function's own arguments: the rest is the reference's context for this trial
      given = (fn as (...a: unknown[]) => unknown)(...copy(args.slice(0, arity)));
    } catch (e) {
      return { n: check.n, fn: check.fn, status: 'error', message: `threw ${oneLine(e)}` };
    }
    if (given === undefined) return { n: check.n, fn: check.fn, status: 'missing', message: `missing: ${check.fn} returns nothing (fill in BLANK ${check.n})` };
    const d = firstDifference(given, expected);
    // a gradient is also checked against finite differences of the loss
    const fd = check.finiteDifference?.(args, given);
    if (d) return wrong(check, d, trial, fd === undefined ? '' : fd ? '; it matches finite differences of the loss, so check the layout of what you return' : '; finite differences of the loss disagree with it too');
    if (fd === false) return { n: check.n, fn: check.fn, status: 'wrong', message: `agrees with the reference but not with finite differences of the loss (random input ${trial + 1})` };
  }
  return { n: check.n, fn: check.fn, status: 'pass', message: check.finiteDifference ? 'passes (the reference and finite differences agree)' : 'passes' };
}

export interface GradeHooks {
  /** Called before each blank runs (a worker posts it, so a hang is named). */
  readonly onBlank?: (n: number, fn: string) => void;
  /** Called with each blank's result as soon as it is known. */
  readonly onResult?: (result: BlankResult) => void;
  readonly onTraining?: () => void;
}

/** Grades a loaded module: every blank, then training when every blank passes. */
export function gradeModule(file: string, mod: Module, hooks: GradeHooks = {}, options: TrainOptions = { digits: true }): GradeReport {
  const name = typeof mod['exercise'] === 'string' ? (mod['exercise'] as string) : null;
  const spec: ExerciseSpec | undefined = name !== null ? exerciseOf(name) : undefined;
  if (!spec || !name) {
    return { file, exercise: name, blanks: [], training: [], passed: false, error: name === null ? 'not an exercise file: it exports no `exercise` name (write one with neural-eras exercise <name>)' : `unknown exercise ${show(name)} (there are ${EXERCISE_NAMES.join(', ')})` };
  }
  const checks = CHECKS[name]!;
  const blanks = checks.map((c) => {
    hooks.onBlank?.(c.n, c.fn);
    const arity = spec.blanks.find((b) => b.n === c.n)!.params.split(',').length;
    const result = gradeBlank(mod, c, `grade/${name}`, arity);
    hooks.onResult?.(result);
    return result;
  });
  const failing = blanks.filter((b) => b.status !== 'pass').map((b) => b.n);
  hooks.onTraining?.();
  let training: TrainResult[];
  if (failing.length > 0) {
    training = [{ task: TRAIN_TASK[name] ?? name, outcome: 'skipped', message: `not trained: blank${failing.length > 1 ? 's' : ''} ${failing.join(', ')} do${failing.length > 1 ? '' : 'es'} not pass yet` }];
  } else {
    try {
      training = TRAINERS[name]!(mod, options);
    } catch (e) {
      training = [{ task: TRAIN_TASK[name] ?? name, outcome: 'failed', message: `training threw ${oneLine(e)}` }];
    }
  }
  return { file, exercise: name, blanks, training, passed: failing.length === 0 && training.every((t) => t.outcome === 'solved') };
}
