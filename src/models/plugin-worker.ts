/**
 * The realm a user's plugin runs in: a worker thread of its own (plugin-host.ts starts it), so that
 * nothing the plugin does to its globals (Object.prototype, Math.exp, JSON.stringify) reaches the
 * built-in models, and so that an endless loop, a runaway allocation or a top-level await that never
 * settles ends this thread, not the program. It imports the plugin file, says what it exports, and
 * answers the host's calls one at a time: each reply is posted, then the shared flag is raised and
 * notified (the host waits on it synchronously). Everything a plugin returns is copied by structured
 * clone; the host checks its shape (this realm's builtins may be patched, so nothing here is trusted
 * to check). `import … from 'neural-eras'` resolves to the running copy's API, ESM and CommonJS alike.
 */
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { workerData, type MessagePort } from 'node:worker_threads';
import { createRng } from '../core/rng.js';
import { describeThrown } from '../core/describe-thrown.js';

interface Init {
  readonly port: MessagePort;
  readonly flag: SharedArrayBuffer;
  /** Absolute path of the plugin module. */
  readonly file: string;
  /** File URL of the running package's API (what `neural-eras` resolves to). */
  readonly api: string;
}

const { port, flag: flagBuffer, file, api } = workerData as Init;
// Taken before the plugin loads: the plugin may replace the globals of this realm.
const flag = new Int32Array(flagBuffer);
const store = Atomics.store;
const notify = Atomics.notify;
const post = port.postMessage.bind(port);
const freeze = Object.freeze;
const isFrozen = Object.isFrozen;
const values = Object.values;
const isArray = Array.isArray;
const keysOf = Object.keys;
const clone = structuredClone;

/** Posts a reply and wakes the host; a reply that cannot be copied becomes an error reply. */
function reply(message: Record<string, unknown>): void {
  try {
    post(message);
  } catch (e) {
    post({ seq: message['seq'], ok: false, error: { kind: 'clone', text: describeThrown(e) } });
  }
  store(flag, 0, 1);
  notify(flag, 0);
}

/** Freezes a data set all the way down: a plugin that writes into its data throws (the data is shared between its runs). */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !isFrozen(value)) {
    for (const v of values(value)) frozen(v);
    freeze(value);
  }
  return value;
}

/** What a value is, in a few words, for a refusal ("an object with keys foo, bar"). */
function found(value: unknown): string {
  try {
    if (value === undefined) return 'nothing (undefined)';
    if (value === null) return 'null';
    if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`;
    if (isArray(value)) return `a list of ${value.length}`;
    if (typeof value !== 'object') return `a ${typeof value}`;
    const keys = keysOf(value);
    let shown = '';
    for (let i = 0; i < keys.length && i < 6; i++) shown += `${i ? ', ' : ''}${keys[i]}`;
    return keys.length ? `an object with keys ${shown}${keys.length > 6 ? ', …' : ''}` : 'an empty object {}';
  } catch {
    return 'a value that cannot be inspected';
  }
}

interface Export {
  readonly plugin?: { meta: unknown; create: (ctx: unknown) => unknown };
  readonly found?: string;
  readonly meta?: unknown;
  readonly metaProblem?: string;
}

let exportsList: Export[] = [];

/** The CommonJS `require('neural-eras')` of a plugin gets the API this realm imported (Node 20 cannot require an ES module). */
function routeRequire(apiNamespace: unknown): void {
  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = M._load;
  M._load = function (request: string, ...rest: unknown[]) {
    if (request === 'neural-eras') return apiNamespace;
    return load.call(this, request, ...rest);
  };
}

type Loaded = { cjs: boolean } & ({ form: string; exports: { meta?: unknown; metaProblem?: string; found?: string }[] } | { refused: string });

async function loadPlugin(): Promise<Loaded> {
  // `import … from 'neural-eras'` in an ES module: resolved by a hook to the running copy.
  const hook = `export async function resolve(s, c, n) { return s === 'neural-eras' ? { url: ${JSON.stringify(api)}, shortCircuit: true } : n(s, c); }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  routeRequire(await import(api));
  const ns = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  // What Node made of it: CommonJS modules land in the require cache, ES modules do not.
  const cjs = (Module as unknown as { _cache: Record<string, unknown> })._cache[file] !== undefined;
  let value: unknown;
  let form: string;
  if (cjs) {
    const moduleExports = ns['default'] as Record<string, unknown> | undefined;
    const esModule = moduleExports !== null && typeof moduleExports === 'object' && moduleExports['__esModule'] === true;
    if (esModule && 'default' in moduleExports) {
      value = moduleExports['default'];
      form = 'exports.default (with __esModule, as tsc emits)';
    } else if (esModule) {
      return { cjs, refused: `it sets __esModule but has no exports.default (it exports: ${Object.keys(moduleExports).filter((k) => k !== '__esModule').join(', ') || 'nothing'})` };
    } else {
      value = moduleExports;
      form = 'module.exports';
    }
  } else {
    if (!('default' in ns)) {
      const names = Object.keys(ns);
      return { cjs, refused: `it has no default export (it exports: ${names.length ? names.join(', ') : 'nothing'}); write export default { meta, create }` };
    }
    value = ns['default'];
    form = 'export default';
  }
  // Plain loops from here on: the plugin may have replaced Array.prototype.map and its kin in this realm.
  const list: unknown[] = isArray(value) ? (value as unknown[]) : [value];
  const described: { meta?: unknown; metaProblem?: string; found?: string }[] = [];
  exportsList = [];
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as { meta?: unknown; create?: unknown } | null;
    let entry: Export;
    if (!p || typeof p !== 'object' || !p.meta || typeof p.meta !== 'object' || typeof p.create !== 'function') entry = { found: found(p) };
    else {
      try {
        entry = { plugin: p as Export['plugin'], meta: clone(p.meta) };
      } catch (e) {
        entry = { plugin: p as Export['plugin'], metaProblem: `meta is not plain data (${describeThrown(e)})` };
      }
    }
    exportsList[i] = entry;
    described[i] = { meta: entry.meta, metaProblem: entry.metaProblem, found: entry.found };
  }
  return { cjs, form: `${form}: ${found(value)}`, exports: described };
}

// ---- instances and calls ----

type Instance = Record<string, unknown>;
const CAP = 256;
const instances = new Map<number, Instance>();
const records = new Map<number, { explain: () => unknown; self: unknown }>();
const data = new Map<number, unknown>();
let nextId = 1;

const METHODS = ['epoch', 'measure', 'step', 'atEpochBoundary', 'evaluate', 'score', 'predict', 'predictBatch', 'snapshot', 'flatWeights', 'metrics', 'divergence', 'describe', 'hidden', 'finalReport', 'architecture', 'filters'];

function keep<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > CAP) map.delete(map.keys().next().value as K);
}

function dataset(ref: { id: number; value?: unknown }): unknown {
  if (ref.value !== undefined) keep(data, ref.id, frozen(ref.value));
  const d = data.get(ref.id);
  if (d === undefined) throw new Error('internal: data set not sent');
  return d;
}

const isThenable = (v: unknown): boolean => {
  try {
    return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
};

class Refusal {
  constructor(readonly text: string) {}
}

function read(instance: Instance, key: string): unknown {
  try {
    return instance[key];
  } catch (e) {
    throw new Refusal(`reading ${key} threw ${describeThrown(e)}`);
  }
}

function handle(req: Record<string, unknown>): unknown {
  switch (req['op']) {
    case 'create': {
      const entry = exportsList[req['index'] as number];
      if (!entry?.plugin) throw new Error('internal: no such export');
      const ctx = { data: dataset(req['data'] as { id: number }), params: freeze(req['params'] as object), rng: createRng(req['seed'] as string), ...(req['lean'] ? { lean: true } : {}) };
      const instance = entry.plugin.create(ctx) as Instance;
      if (isThenable(instance)) throw new Refusal('returned a Promise: create() must return the model instance itself (no async)');
      if (!instance || typeof instance !== 'object') throw new Refusal(`returned ${found(instance)}, not a model instance`);
      const methods: string[] = [];
      for (let i = 0; i < METHODS.length; i++) if (typeof read(instance, METHODS[i]!) === 'function') methods[methods.length] = METHODS[i]!;
      const id = nextId++;
      keep(instances, id, instance);
      return { id, methods, deterministicEpochs: read(instance, 'deterministicEpochs'), target: read(instance, 'target') };
    }
    case 'call': {
      const instance = instances.get(req['id'] as number);
      if (!instance) throw new Refusal('the model instance was released (more than 256 alive at once)');
      keep(instances, req['id'] as number, instance);
      const method = req['method'] as string;
      const fn = read(instance, method) as ((...a: unknown[]) => unknown) | undefined;
      let args = req['args'] as unknown[];
      if (method === 'evaluate' || method === 'score') args = [dataset(args[0] as { id: number })];
      if (method === 'predictBatch' && typeof fn !== 'function') {
        // The host offers predictBatch for every plugin: one message for a whole decision field.
        const [X, n] = args as [Float64Array, number];
        const d = X.length / n;
        const labels = new Int16Array(n);
        const scores = new Float32Array(n);
        const predict = read(instance, 'predict') as (x: number[]) => { label: number; score: number };
        for (let i = 0; i < n; i++) {
          const p = predict.call(instance, Array.from(X.subarray(i * d, (i + 1) * d)));
          if (isThenable(p)) throw new Refusal('predict() returned a Promise: model methods must be synchronous');
          labels[i] = p?.label;
          scores[i] = p?.score;
        }
        return { labels, scores, label: 'predict()' };
      }
      if (typeof fn !== 'function') throw new Refusal(`${method}() is not a function`);
      if (method === 'predictBatch') {
        const [X, n] = args as [Float64Array, number];
        const labels = new Int16Array(n);
        const scores = new Float32Array(n);
        const r = fn.call(instance, X, n, labels, scores);
        if (isThenable(r)) throw new Refusal('returned a Promise: model methods must be synchronous');
        return { labels, scores };
      }
      const result = fn.apply(instance, args);
      if (isThenable(result)) throw new Refusal('returned a Promise: model methods must be synchronous');
      if (method === 'step' && result && typeof result === 'object') {
        const explain = (result as { explain?: unknown }).explain;
        const copy: Record<string, unknown> = {};
        const fields = ['pattern', 'x', 't', 'net', 'o', 'before', 'after', 'changed', 'closes'];
        for (let i = 0; i < fields.length; i++) copy[fields[i]!] = (result as Record<string, unknown>)[fields[i]!];
        if (typeof explain === 'function') {
          const id = nextId++;
          keep(records, id, { explain: explain as () => unknown, self: result });
          copy['explain'] = id;
        }
        return copy;
      }
      return result;
    }
    case 'explain': {
      const record = records.get(req['record'] as number);
      if (!record) throw new Refusal('the step record was released (more than 256 kept)');
      return record.explain.call(record.self);
    }
    case 'read': {
      const instance = instances.get(req['id'] as number);
      if (!instance) throw new Refusal('the model instance was released (more than 256 alive at once)');
      return read(instance, req['key'] as string);
    }
    default:
      throw new Error(`internal: unknown request ${String(req['op'])}`);
  }
}

/** A thrown value as data: a ModelConfigError keeps its problem and parameter; anything else becomes one line. */
function thrown(e: unknown): Record<string, unknown> {
  if (e instanceof Refusal) return { kind: 'refused', text: e.text };
  try {
    const err = e as { name?: unknown; problem?: unknown; param?: unknown; message?: unknown };
    if (err && typeof err === 'object' && err.name === 'ModelConfigError') {
      const problem = typeof err.problem === 'string' ? err.problem : typeof err.message === 'string' ? err.message : describeThrown(e);
      return { kind: 'config', problem, ...(typeof err.param === 'string' ? { param: err.param } : {}) };
    }
  } catch {
    // fall through: described below
  }
  return { kind: 'threw', text: describeThrown(e) };
}

port.on('message', (req: Record<string, unknown>) => {
  let out: Record<string, unknown>;
  try {
    out = { seq: req['seq'], ok: true, value: handle(req) };
  } catch (e) {
    out = { seq: req['seq'], ok: false, error: thrown(e) };
  }
  reply(out);
});

// Unreferenced while the module loads (after on(), which refs it): a top-level await that never settles then ends this thread, and the monitor says so.
port.unref();
loadPlugin().then(
  (loaded) => {
    port.ref();
    reply({ seq: 0, ok: true, value: loaded });
  },
  (e: unknown) => reply({ seq: 0, ok: false, error: { kind: 'load', text: describeThrown(e) } }),
);
