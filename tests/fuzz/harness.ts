/**
 * The fuzz harness shared by the CI suite (tests/fuzz/cli.test.ts) and the heavier run outside CI
 * (`npm run fuzz`): scenario documents — random JSON and mutations of every shipped scenario — and
 * random flags for every command, each run in-process through the CLI's main(). A case passes when
 * it ends in success (valid JSON with no bare null standing for a number) or in exit 2 with one
 * line naming the file (or the flag) at fault; never a crash, an internal error or a long hang.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';

const root = join(import.meta.dirname, '..', '..');

/** A digits scenario cut to a few dozen images: mutations exercise its fields, not minutes of training. */
function small(doc: Record<string, unknown>): Record<string, unknown> {
  const data = doc['data'] as Record<string, unknown> | undefined;
  if (data?.['kind'] !== 'digits') return doc;
  return { ...doc, data: { ...data, train: Math.min(Number(data['train'] ?? 40), 40), test: Math.min(Number(data['test'] ?? 20), 20) } };
}

/** Every shipped scenario, parsed (the digit ones cut small). */
export const SHIPPED: readonly Record<string, unknown>[] = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .sort()
  .map((f) => small(JSON.parse(readFileSync(join(root, 'scenarios', f), 'utf8'))));

/** Shipped scenarios whose whole budget trains in well under a second (flag fuzzing may run them in full). */
const FAST = ['perceptron-xor', 'perceptron-separable', 'seed-or-unit', 'seed-perceptron-epoch', 'seed-adaline-step', 'seed-xor-two-layer', 'mp-gates', 'mp-xor', 'hebb-and', 'adaline-xor', 'logistic-and', 'adaline-divergence'];

const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__'];

/** Values that break assumptions: wrong types, huge, negative, fractional, deep, long, inherited names. */
const nasty = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(null, true, false, 0, -1, 0.5, -0.5, 1e308, -1e308, 2 ** 53, 2 ** 31, 1e-320, 4096, 100001, '', 'x', '1', '[]', 'NaN', 'Infinity', ...INHERITED),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 20 }),
    fc.constant('x'.repeat(20000)),
    fc.integer({ min: 2, max: 300 }).map((depth) => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`)),
    fc.array(fc.integer({ min: -3, max: 70000 }), { maxLength: 4 }),
    fc.array(fc.array(fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constant('a')), { maxLength: 4 }), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom('w', 'theta', 'bias', 'layers', 'min', 'max', 'kind', 'n', ...INHERITED), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
  );

type Mutation = { kind: 'set' | 'delete' | 'add' | 'dup' | 'proto'; at: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'add', 'dup', 'proto'),
  at: fc.nat(),
  key: fc.oneof(fc.constantFrom(...INHERITED, 'extra', 'id', 'model', 'run', 'epochs', 'hidden', 'n', 'classes'), fc.string({ maxLength: 8 })),
  value: nasty(),
});

/** Every container (object or array) in a document, with its path. */
function containers(doc: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 12) return;
    out.push(v);
    for (const item of Object.values(v)) walk(item, depth + 1);
  };
  walk(doc, 0);
  return out;
}

function apply(doc: unknown, m: Mutation): void {
  const all = containers(doc);
  const target = all[m.at % all.length] as Record<string, unknown> | unknown[];
  const keys = Object.keys(target);
  const key = keys.length ? keys[m.at % keys.length]! : m.key;
  if (Array.isArray(target)) {
    const i = m.at % Math.max(1, target.length);
    if (m.kind === 'delete') target.splice(i, 1);
    else if (m.kind === 'dup' && target.length) target.push(structuredClone(target[i]));
    else target[i] = m.value;
    return;
  }
  if (m.kind === 'delete') delete target[key];
  else if (m.kind === 'add') target[m.key] = m.value;
  else if (m.kind === 'dup' && keys.length) target[m.key] = structuredClone(target[key]);
  // an own "__proto__" key, as JSON.parse would make one
  else if (m.kind === 'proto') Object.defineProperty(target, '__proto__', { value: m.value, enumerable: true, writable: true, configurable: true });
  else target[key] = m.value;
}

/** A shipped scenario with one to three mutations. */
export const mutatedScenario: fc.Arbitrary<unknown> = fc
  .record({ base: fc.constantFrom(...SHIPPED), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
  .map(({ base, mutations }) => {
    const doc = structuredClone(base);
    for (const m of mutations) apply(doc, m);
    return doc;
  });

/** Random JSON, sometimes dressed with a scenario's top-level keys. */
export const randomDocument: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('id', 'title', 'era', 'year', 'story', 'seed', 'epochs', 'data', 'models', 'claims', 'target'), fc.jsonValue({ maxDepth: 3 })),
);

/** The text written to the case file: usually the document, sometimes damaged text or a byte-order mark. */
export const documentText = (doc: unknown, damage: number): string => {
  const text = JSON.stringify(doc) ?? 'null';
  if (damage % 17 === 0) return text.slice(0, Math.max(0, text.length - 1 - (damage % 5)));
  if (damage % 13 === 0) return `\uFEFF${text}`;
  return text;
};

export interface Outcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

/** What the cases ended in, counted across a whole fuzz run (the soak prints it). */
export const tally = { cases: 0, success: 0, claimFailed: 0, rejected: 0, runs: 0, diverged: 0 };

export async function cli(argv: readonly string[]): Promise<Outcome> {
  const io = bufferIo();
  const started = performance.now();
  const code = await main(argv, io);
  const o = { code, out: io.stdout(), err: io.stderr(), ms: performance.now() - started };
  tally.cases++;
  if (code === 0) tally.success++;
  else if (code === 1) tally.claimFailed++;
  else if (code === 2) tally.rejected++;
  // trained runs, and how many of them ended diverged (NaN, ±∞ or past the bound)
  for (const m of o.out.matchAll(/"outcome":"(\w+)"/g)) {
    tally.runs++;
    if (m[1] === 'diverged') tally.diverged++;
  }
  return o;
}

/** Keys whose value may be a real null: no outcome reason, no quartiles, unset parameters. */
const NULLABLE = new Set(['reason', 'epochsToSolve', 'weights', 'network', 'hidden']);

/** The first null in a JSON document that stands where a number belongs, as a path; or null. */
export function bareNull(value: unknown, path = '$'): string | null {
  if (value === null) return path;
  if (typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'params' || (v === null && NULLABLE.has(k))) continue;
    const found = bareNull(v, `${path}.${k}`);
    if (found) return found;
  }
  return null;
}

/**
 * The contract every case must keep; returns a problem in words, or null. `located` is the text
 * a rejection must contain (the file name for documents, "--" for flags).
 */
export function problem(o: Outcome, opts: { json: boolean; located: string | null; maxMs: number }): string | null {
  if (![0, 1, 2].includes(o.code)) return `exit ${o.code}`;
  if (o.err.includes('internal error')) return `internal error: ${o.err.slice(0, 300)}`;
  if (o.ms > opts.maxMs) return `took ${o.ms.toFixed(0)} ms`;
  if (o.code === 2) {
    const lines = o.err.split('\n');
    if (lines.length !== 2 || lines[1] !== '' || !lines[0]!.startsWith('neural-eras: ')) return `not one line: ${JSON.stringify(o.err.slice(0, 300))}`;
    if (o.err.length > 600) return `message of ${o.err.length} characters`;
    if (opts.located !== null && !o.err.includes(opts.located)) return `unlocated: ${o.err.slice(0, 300)}`;
    return null;
  }
  if (o.code === 0 && o.err !== '') return `success with stderr: ${o.err.slice(0, 300)}`;
  if (opts.json && o.code === 0) {
    let doc: unknown;
    try {
      doc = JSON.parse(o.out);
    } catch {
      return `invalid JSON: ${o.out.slice(0, 200)}`;
    }
    const nul = bareNull(doc);
    if (nul) return `bare null at ${nul}`;
  }
  return null;
}

/** One scenario document through `run --epochs k --json` or `info` (cheap, bounded by the epochs flag). */
export async function runDocument(path: string, doc: unknown, choice: number): Promise<string | null> {
  writeFileSync(path, documentText(doc, choice));
  const name = path.split('/').at(-1)!;
  const argv = choice % 5 === 0 ? ['info', path] : ['run', path, '--epochs', String(choice % 4), '--json'];
  const o = await cli(argv);
  const p = problem(o, { json: argv.includes('--json'), located: `${name}: `, maxMs: 20_000 });
  return p && `${argv.join(' ')}: ${p}`;
}

const flagValue = fc.oneof(
  fc.constantFrom('0', '1', '2', '3', '7', '20', '-1', '1.5', '1e3', '99999999999999999999', '', ' ', 'x', 'NaN', '0x10', ...INHERITED, '--json', 'a=b', 'learningRate=0.1', 'learningRate=x', 'hidden=[2,2]', 'hidden=[1e308]', 'nosuch.learningRate=1', 'perceptron.learningRate=2', 'sigmoid', 'relu,tanh', ',', 'auto', 'he', 'circles', 'moons', 'none', '16', 'truecolor'),
  fc.string({ maxLength: 6 }),
);

/** Options per command; bounded values keep every run short (a budget over 30 epochs is not drawn). */
const COMMANDS: Record<string, { positional: readonly string[]; flags: readonly string[] }> = {
  run: { positional: [...FAST, 'nosuch', '', 'constructor', 'package.json', '/dev/null', '/etc', 'scenarios/schema.json'], flags: ['--model', '--seed', '--param', '--trace', '--json', '--epochs'] },
  verify: { positional: [...FAST.slice(0, 6), 'nosuch', '__proto__'], flags: ['--json'] },
  gradients: { positional: [], flags: ['--depth', '--width', '--activations', '--init', '--epochs', '--learning-rate', '--data', '--seed', '--json'] },
  sweep: { positional: [...FAST.slice(0, 4), 'xor-backprop', 'nosuch'], flags: ['--model', '--seeds', '--first', '--workers', '--epochs', '--param', '--json'] },
  info: { positional: ['perceptron', 'mlp-relu', 'xor-backprop', 'nosuch', 'toString', '', 'scenarios/schema.json'], flags: [] },
  list: { positional: [], flags: ['--json'] },
  lab: { positional: [...FAST.slice(0, 5), 'nosuch'], flags: ['--model', '--seed', '--color', '--profile'] },
  tour: { positional: [], flags: [] },
  nosuch: { positional: ['x'], flags: ['--x'] },
};

const SMALL = new Set(['--epochs', '--seeds', '--depth', '--width']);

/** A random command line: a command, maybe a positional, random flags with random values. */
export const commandLine: fc.Arbitrary<string[]> = fc
  .record({
    command: fc.constantFrom(...Object.keys(COMMANDS)),
    pos: fc.nat(),
    flags: fc.array(fc.record({ at: fc.nat(), value: flagValue, small: fc.integer({ min: 0, max: 30 }) }), { maxLength: 5 }),
    garbage: fc.option(fc.constantFrom('--nosuch', '-z', '--', '--json=1', '--help'), { nil: undefined }),
  })
  .map(({ command, pos, flags, garbage }) => {
    const spec = COMMANDS[command]!;
    const argv = [command];
    // verify with no scenario checks all of them (seconds): always name one
    if (spec.positional.length && (pos % 7 !== 0 || command === 'verify')) argv.push(spec.positional[pos % spec.positional.length]!);
    for (const f of flags) {
      if (!spec.flags.length) break;
      const flag = spec.flags[f.at % spec.flags.length]!;
      if (['--json', '--trace', '--profile'].includes(flag)) argv.push(flag);
      // budgets and sizes: a bad value or a small valid one, never a long run
      else argv.push(flag, SMALL.has(flag) && !/^\d+$/.test(f.value) ? f.value : SMALL.has(flag) ? String(f.small) : f.value);
    }
    if (garbage) argv.push(garbage);
    // a run or sweep without a budget flag trains its scenario's whole budget: cap it
    if ((command === 'run' || command === 'sweep') && !argv.includes('--epochs')) argv.push('--epochs', '25');
    if (command === 'sweep' && !argv.includes('--seeds')) argv.push('--seeds', '5');
    return argv;
  });

const SWITCHES = new Set(['--json', '--trace', '--profile']);

/** True when the command line asks for JSON: a --json switch that is not another flag's value, before any "--". */
function wantsJson(argv: readonly string[]): boolean {
  const flags = COMMANDS[argv[0]!]?.flags ?? [];
  if (!flags.includes('--json') || argv.includes('--help')) return false;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--') return false;
    if (argv[i] === '--json') return true;
    if (flags.includes(argv[i]!) && !SWITCHES.has(argv[i]!)) i++;
  }
  return false;
}

/** One command line through main(). */
export async function runCommandLine(argv: readonly string[]): Promise<string | null> {
  const o = await cli(argv);
  // the printed tour (tour, or no command off a terminal) trains every stop (10 s quiet, 25 s with the suite's files beside it): its
  // limit only catches a hang; every other command must answer within 20 s
  const maxMs = argv[0] === undefined || argv[0] === 'tour' || argv[0].startsWith('-') ? 90_000 : 20_000;
  const p = problem(o, { json: wantsJson(argv), located: null, maxMs });
  return p && `${JSON.stringify(argv)}: ${p}`;
}
