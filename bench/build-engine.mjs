// Bundles our engine (src/engines/dense, src/core/rng, the convnet and the digits loader) with esbuild into bench/.build/, the same
// way scripts/build.mjs bundles the CLI, so the bench child imports plain JavaScript: no tsx
// transform anywhere near the timed region. esbuild comes from the root's devDependencies.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from '../scripts/newest-mtime.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
export const ENGINE_ENTRY = join(root, 'src', 'engines', 'dense', 'index.ts');
export const ENGINE_BUNDLE = join(benchDir, '.build', 'neural-eras.mjs');

/** Builds the bundle unless it is newer than every file of src/core, src/engines and src/data. Throws with a reason. */
export async function buildEngine({ force = false } = {}) {
  if (!existsSync(ENGINE_ENTRY)) throw new Error(`engine not found: ${ENGINE_ENTRY} does not exist yet`);
  if (!force && existsSync(ENGINE_BUNDLE) && statSync(ENGINE_BUNDLE).mtimeMs >= Math.max(...['core', 'engines', 'data'].map((d) => newestMtime(join(root, 'src', d))))) {
    return ENGINE_BUNDLE;
  }
  const { build } = await import('esbuild');
  mkdirSync(dirname(ENGINE_BUNDLE), { recursive: true });
  await build({
    stdin: {
      contents: [
        `export * from ${JSON.stringify(ENGINE_ENTRY)};`,
        `export { createRng } from ${JSON.stringify(join(root, 'src', 'core', 'rng.ts'))};`,
        `export { ConvNet } from ${JSON.stringify(join(root, 'src', 'engines', 'conv', 'convnet.ts'))};`,
        `export { digits } from ${JSON.stringify(join(root, 'src', 'data', 'digits.ts'))};`,
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'bench-engine-entry.ts',
    },
    outfile: ENGINE_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    logLevel: 'silent',
  });
  return ENGINE_BUNDLE;
}
