/**
 * Plugins a user loaded explicitly (`--plugin ./my-model.js`): kept beside the built-in registry,
 * never inside it, and each wrapped so that whatever its code throws becomes one line naming the
 * plugin, its file and the call (a ModelConfigError keeps its own message: the data was refused).
 * Nothing here loads code: src/commands/plugins.ts imports the files the command line names.
 */
import { asModelInstance, type PluginInstance } from '../core/plugin-instance.js';
import { ModelConfigError, type ModelInstance, type ModelPlugin, type StepRecord } from '../core/types.js';
import { errorLine } from './contract.js';
import { PluginError, type PluginHost } from './plugin-host.js';

export { PluginError };

interface Loaded {
  readonly plugin: ModelPlugin;
  readonly source: string;
  /** The thread the plugin runs in (plugins loaded from files); none for an object registered in-process (tests). */
  readonly host?: PluginHost;
}

const loaded = new Map<string, Loaded>();

function rethrow(e: unknown, id: string, source: string, call: string): never {
  if (e instanceof PluginError) throw e;
  // A plugin refusing its data or parameters is an input error, already worded by the plugin.
  if (e instanceof Error && e.name === 'ModelConfigError') throw e instanceof ModelConfigError ? e : new ModelConfigError(e.message);
  throw new PluginError(`plugin ${id} (${source}): ${call} threw ${errorLine(e)}`);
}

/** A step record whose explain() is guarded too: it runs later, when the trace or the lab writes the update out. */
function guardRecord(record: unknown, id: string, source: string): unknown {
  const explain = (record as Partial<StepRecord> | null)?.explain;
  if (typeof explain !== 'function') return record;
  return {
    ...(record as StepRecord),
    explain: () => {
      try {
        return explain.call(record);
      } catch (e) {
        rethrow(e, id, source, 'step().explain()');
      }
    },
  };
}

/** The instance with every method guarded; getters (deterministicEpochs, target) read through. */
function guardInstance(instance: ModelInstance, id: string, source: string): ModelInstance {
  if (!instance || typeof instance !== 'object') throw new PluginError(`plugin ${id} (${source}): create() returned ${String(instance)}, not a model instance`);
  return new Proxy(instance, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          return key === 'step' ? guardRecord(result, id, source) : result;
        } catch (e) {
          rethrow(e, id, source, `${String(key)}()`);
        }
      };
    },
  });
}

/** The plugin with create() and every instance method guarded. */
export function guardPlugin(plugin: ModelPlugin, source: string): ModelPlugin {
  const id = plugin.meta.id;
  return {
    meta: plugin.meta,
    create(ctx) {
      let instance: ModelInstance;
      try {
        instance = plugin.create(ctx);
      } catch (e) {
        rethrow(e, id, source, 'create()');
      }
      // a plugin may write the older instance surface: adapted here, at the boundary
      return asModelInstance(guardInstance(instance, id, source) as ModelInstance | PluginInstance, ctx.data);
    },
  };
}

/** Registers a (guarded) user plugin; the same file may be registered again, another file may not reuse an id. */
export function registerPlugin(plugin: ModelPlugin, source: string): void {
  const id = plugin.meta.id;
  const before = loaded.get(id);
  if (before && before.source !== source) throw new PluginError(`${source}: plugin id "${id}" is already taken by ${before.source}`);
  loaded.set(id, { plugin: guardPlugin(plugin, source), source });
}

/** Registers a plugin loaded from a file: it runs in its own thread (plugin-host.ts), already checked at that boundary. */
export function registerIsolated(plugin: ModelPlugin, source: string, host: PluginHost): void {
  const id = plugin.meta.id;
  const before = loaded.get(id);
  if (before && before.source !== source) throw new PluginError(`${source}: plugin id "${id}" is already taken by ${before.source}`);
  loaded.set(id, { plugin, source, host });
}

export const userPlugin = (id: string): ModelPlugin | undefined => loaded.get(id)?.plugin;

/** The loaded user plugins, by id. */
export const userPlugins = (): ModelPlugin[] => [...loaded.values()].map((l) => l.plugin);

/** Where a user plugin came from (for listings), or undefined for a built-in. */
export const pluginSource = (id: string): string | undefined => loaded.get(id)?.source;

/** Forgets every user plugin: each CLI invocation starts from the built-ins alone. */
export function clearUserPlugins(): void {
  for (const l of loaded.values()) l.host?.close();
  loaded.clear();
}
