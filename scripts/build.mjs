// Bundles src/ into dist/ with esbuild so the CLI starts fast (Node 20 has no compile cache).
// --if-stale skips the build when dist/ is newer than every source file.
// --types also writes the declarations of the public API (src/index.ts) to dist/types (npm pack).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { statSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli.js');
const types = process.argv.includes('--types');

if (process.argv.includes('--if-stale') && existsSync(out)) {
  if (statSync(out).mtimeMs >= newestMtime(join(root, 'src'))) process.exit(0);
}

// The packaging rule: what package.json lists under "dependencies" stays outside the bundle and is
// installed with the package (data packages loaded lazily); everything else is bundled and is a
// devDependency. tests/e2e/package.test.ts checks that the bundle imports nothing else.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});

// Old chunks would pile up: every build starts from an empty dist/.
rmSync(join(root, 'dist'), { recursive: true, force: true });

try {
  await build({
    entryPoints: {
      cli: join(root, 'src', 'cli.ts'),
      'sweep-worker': join(root, 'src', 'commands', 'sweep-worker.ts'),
      // The public API a plugin author imports: the contract types and the contract checker.
      index: join(root, 'src', 'index.ts'),
    },
    outdir: join(root, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled dependencies: one file read instead of hundreds cuts the UI's start-up. The runtime
    // dependencies stay out (the MNIST digits are 43 MB of JSON, read only when a digits scenario runs).
    // Ink's optional devtools hook (imported only with DEV=true) is not bundled: the import stays,
    // of a file that does not exist, so it fails as a missing module and Ink says that
    // react-devtools-core is needed; no dist/devtools-*.js chunk is shipped that nothing loads.
    external: [...dependencies],
    plugins: [
      {
        name: 'no-ink-devtools',
        setup(b) {
          b.onResolve({ filter: /^\.\/devtools\.js$/ }, (a) => (/[\\/]ink[\\/]/.test(a.importer) ? { path: './ink-devtools-not-bundled.js', external: true } : undefined));
        },
      },
    ],
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

if (types) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.types.json')], { stdio: 'inherit' });
  } catch {
    process.exit(1);
  }
}
