/**
 * `--plugin ./my-model.js`: the only place that loads a user's code, and only the files the
 * command line names (a scenario file can name a model id, never a file). Each file is imported in
 * a worker thread of its own (src/models/plugin-host.ts): plugin code never runs in this realm.
 *
 * Every form a user's toolchain produces loads: an ES module (.mjs, or .js under "type": "module")
 * with `export default`, a CommonJS module (.cjs, or .js without "type": "module") with
 * `module.exports = …` or tsc's `exports.default = …` beside `__esModule`. The export is a plugin
 * `{ meta, create }` or a list of them. A file that cannot be read or imported, or whose export is
 * not a plugin, is refused with one line naming the file and the form that was found.
 *
 * The API others build on: openPluginFile() (one file → its plugins, checked, not registered) and
 * loadPlugins() (files → registered for this command).
 */
import { statSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import type { ModelMeta, ModelPlugin } from '../core/types.js';
import { describeChecks } from '../models/contract.js';
import { MODELS } from '../models/index.js';
import { frozenCopy, isolatedPlugin, loadedAs, moduleFormat, PluginHost } from '../models/plugin-host.js';
import { PluginError, registerIsolated } from '../models/user-plugins.js';

const EXTENSIONS = ['.js', '.mjs', '.cjs'];

/** The path as shown in messages: relative to the working folder when inside it. */
export const shownPath = (path: string): string => {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') ? rel : resolve(path);
};

export interface PluginFile {
  /** The path as messages show it. */
  readonly shown: string;
  /** The module format and export form found, e.g. "a CommonJS module (.cjs), exports.default (with __esModule, as tsc emits)". */
  readonly form: string;
  /** Its plugins, each running in the file's thread; meta copied and frozen at load. */
  readonly plugins: readonly ModelPlugin[];
  readonly host: PluginHost;
}

interface LoadReply {
  cjs?: boolean;
  form?: string;
  refused?: string;
  exports?: { meta?: unknown; metaProblem?: string; found?: string }[];
}

/** Open files by absolute path: a file named again (a sweep worker's next chunk) is not loaded twice. */
const open = new Map<string, PluginFile>();

/**
 * Imports a plugin file in its own thread and returns its plugins (not registered). Refuses, with
 * one line naming the file, anything that is not a plugin module: the module format and the
 * export form found are part of the message.
 */
export function openPluginFile(path: string): PluginFile {
  const file = resolve(path);
  const cached = open.get(file);
  if (cached && !cached.host.closed) return cached;
  const shown = shownPath(path);
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch (e) {
    throw new PluginError(`${shown}: cannot read the plugin (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!isFile) throw new PluginError(`${shown}: not a regular file`);
  if (!EXTENSIONS.includes(extname(file))) throw new PluginError(`${shown}: a plugin is a JavaScript module (${EXTENSIONS.join(', ')}); compile TypeScript to JavaScript first`);
  const format = moduleFormat(file);
  const host = new PluginHost(file, shown);
  try {
    let reply: LoadReply;
    try {
      reply = host.load() as LoadReply;
    } catch (e) {
      // a module that cannot be parsed is usually the wrong format for its extension: say which one Node used
      if (e instanceof PluginError && e.message.startsWith(`${shown}: cannot load the module: `)) {
        throw new PluginError(`${shown}: cannot load the module (${format.text}): ${e.message.slice(`${shown}: cannot load the module: `.length)}`);
      }
      throw e;
    }
    const kind = loadedAs(format, reply.cjs === true);
    if (reply.refused !== undefined) throw new PluginError(`${shown}: not a plugin: found ${kind}; ${reply.refused}`);
    const form = `${kind}, ${reply.form}`;
    const plugins = (reply.exports ?? []).map((x, index) => {
      if (x.found !== undefined) throw new PluginError(`${shown}: not a plugin: found ${kind} whose export${(reply.exports?.length ?? 0) > 1 ? ` #${index + 1}` : ''} is ${x.found}; a plugin is an object { meta, create(ctx) }`);
      if (x.metaProblem !== undefined) throw new PluginError(`${shown}: not a plugin: ${x.metaProblem}`);
      const meta = frozenCopy(x.meta) as ModelMeta;
      return isolatedPlugin(host, index, meta);
    });
    if (plugins.length === 0) throw new PluginError(`${shown}: not a plugin: found ${kind} exporting an empty list`);
    const loaded: PluginFile = { shown, form, plugins, host };
    open.set(file, loaded);
    return loaded;
  } catch (e) {
    host.close();
    throw e;
  }
}

/** Imports a plugin file and returns what it exports (check-plugin reports on it). */
export async function importPluginFile(path: string): Promise<{ shown: string; exported: unknown[] }> {
  const { shown, plugins } = openPluginFile(path);
  return { shown, exported: [...plugins] };
}

/** Loads each file, checks every export's shape and history card, and registers it for this command. */
export async function loadPlugins(paths: readonly string[] = []): Promise<ModelPlugin[]> {
  const plugins: ModelPlugin[] = [];
  for (const path of paths) {
    const { shown, plugins: exported, host } = openPluginFile(path);
    for (const plugin of exported) {
      const { id, checks } = describeChecks(plugin);
      const bad = checks.find((c) => !c.ok);
      if (bad) throw new PluginError(`${shown}: not a valid plugin${id !== '(no id)' ? ` (${id})` : ''}: ${bad.problem} — neural-eras check-plugin ${path} lists every check`);
      if (MODELS.has(plugin.meta.id)) throw new PluginError(`${shown}: plugin id "${plugin.meta.id}" is a built-in model; give yours another id`);
      registerIsolated(plugin, shown, host);
      plugins.push(plugin);
    }
  }
  return plugins;
}

/** Forgets the open files (their threads are closed by clearUserPlugins or here). */
export function closePluginFiles(): void {
  for (const f of open.values()) f.host.close();
  open.clear();
}
