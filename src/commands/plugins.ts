/**
 * `--plugin ./my-model.js`: the only place that loads a user's code, and only the files the
 * command line names (a scenario file can name a model id, never a file). A plugin module's
 * default export is a plugin `{ meta, create }` or a list of them. A file that cannot be read or
 * imported, or whose export is not a plugin, is refused with one line naming the file.
 */
import { statSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModelPlugin } from '../core/types.js';
import { describeChecks, errorLine } from '../models/contract.js';
import { MODELS } from '../models/index.js';
import { PluginError, registerPlugin } from '../models/user-plugins.js';

const EXTENSIONS = ['.js', '.mjs', '.cjs'];

/** The path as shown in messages: relative to the working folder when inside it. */
export const shownPath = (path: string): string => {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') ? rel : resolve(path);
};

/** Imports a plugin file and returns what it exports, unchecked (check-plugin reports on it). */
export async function importPluginFile(path: string): Promise<{ shown: string; exported: unknown[] }> {
  const shown = shownPath(path);
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (e) {
    throw new PluginError(`${shown}: cannot read the plugin (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!isFile) throw new PluginError(`${shown}: not a regular file`);
  if (!EXTENSIONS.includes(extname(path))) throw new PluginError(`${shown}: a plugin is a JavaScript module (${EXTENSIONS.join(', ')}); compile TypeScript to JavaScript first`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  } catch (e) {
    throw new PluginError(`${shown}: cannot load the module: ${errorLine(e)}`);
  }
  const value = mod['default'];
  if (value === undefined) throw new PluginError(`${shown}: not a plugin: it has no default export (export default { meta, create })`);
  return { shown, exported: Array.isArray(value) ? value : [value] };
}

/** Loads each file, checks every export's shape and history card, and registers it for this command. */
export async function loadPlugins(paths: readonly string[] = []): Promise<ModelPlugin[]> {
  const plugins: ModelPlugin[] = [];
  for (const path of paths) {
    const { shown, exported } = await importPluginFile(path);
    for (const value of exported) {
      const { id, checks } = describeChecks(value);
      const bad = checks.find((c) => !c.ok);
      if (bad) throw new PluginError(`${shown}: not a valid plugin${id !== '(no id)' ? ` (${id})` : ''}: ${bad.problem} — neural-eras check-plugin ${path} lists every check`);
      const plugin = value as ModelPlugin;
      if (MODELS.has(plugin.meta.id)) throw new PluginError(`${shown}: plugin id "${plugin.meta.id}" is a built-in model; give yours another id`);
      registerPlugin(plugin, shown);
      plugins.push(plugin);
    }
  }
  return plugins;
}
