/**
 * `neural-eras check-plugin <file>… [--json]`: the contract checks every built-in plugin passes
 * (src/models/contract.ts), run on a user's plugin file. Exit 0 when every export passes, 1 when a
 * check fails (the report says which and why), 2 when the file is not a loadable plugin module.
 */
import { checkPlugin, contractText, type ContractReport } from '../models/contract.js';
import { PluginError } from '../models/user-plugins.js';
import type { Io } from './io.js';
import { importPluginFile } from './plugins.js';

export async function checkPluginCommand(files: readonly string[], opts: { json?: boolean }, io: Io): Promise<number> {
  const reports: (ContractReport & { file: string })[] = [];
  for (const file of files) {
    const { shown, exported } = await importPluginFile(file);
    for (const value of exported) {
      const report = checkPlugin(value);
      if (report.checks[0]?.name === 'plugin shape') throw new PluginError(`${shown}: not a plugin: ${report.checks[0].problem}`);
      reports.push({ file: shown, ...report });
    }
  }
  const ok = reports.every((r) => r.ok);
  if (opts.json) io.out(`${JSON.stringify({ ok, plugins: reports }, null, 2)}\n`);
  else io.out(reports.map((r) => `${r.file}: ${contractText(r)}`).join('\n'));
  return ok ? 0 : 1;
}
