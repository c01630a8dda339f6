/**
 * The plugin contract over the whole registry (like Gymnasium's env checker): parity of files,
 * tests and entries, and every plugin passing src/models/contract.ts — the checker
 * `neural-eras check-plugin` runs on a user's plugin.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlugin } from '../../src/models/contract.js';
import { MODELS } from '../../src/models/index.js';

const root = join(import.meta.dirname, '..', '..');
/** Files in src/models that are shared support, not plugins. */
const SUPPORT = ['index.ts', 'single-unit.ts', 'mlp-shared.ts', 'mlp-plugin.ts', 'mlp-instance.ts', 'contract.ts', 'user-plugins.ts', 'recurrent-shared.ts', 'plugin-host.ts', 'plugin-worker.ts'];

describe('registry', () => {
  it('is sorted by id', () => {
    const ids = [...MODELS.keys()];
    expect(ids).toEqual([...ids].sort());
  });

  it('one file, one test and one entry per plugin', () => {
    const files = readdirSync(join(root, 'src', 'models'))
      .filter((f) => f.endsWith('.ts') && !SUPPORT.includes(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual([...MODELS.keys()]);
    for (const id of MODELS.keys()) expect(existsSync(join(root, 'tests', 'models', `${id}.test.ts`)), `tests/models/${id}.test.ts`).toBe(true);
  });
});

describe.each([...MODELS.values()])('contract: $meta.id', (plugin) => {
  it('passes every check of the plugin contract', () => {
    const report = checkPlugin(plugin);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.map((c) => c.name)).toEqual(['history card', 'parameter schema', 'tiny scenario', 'shapes', 'determinism', 'step ≡ epoch']);
    expect(report.id).toBe(plugin.meta.id);
  });
});
