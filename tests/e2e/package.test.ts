/**
 * The package as a new user gets it: `npm pack` (its prepack builds dist/ and the API types), then
 * `npm install <tarball> --omit=dev` in an empty folder, then the installed command. The pack runs
 * in a copy of the source tree so that its build never touches the dist/ other tests run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
let work = '';
let app = '';
let packed: { files: { path: string }[]; size: number; entryCount: number; filename: string };

/** npm without the CI hint (npm and Ink behave alike either way) and without update checks. */
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });

const bin = (...args: string[]) => spawnSync(join(app, 'node_modules', '.bin', 'neural-eras'), args, { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ne-pack-'));
  const copy = join(work, 'src-tree');
  // What a fresh clone holds: tracked files and new ones not ignored (dist/ and node_modules/ are).
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => f && existsSync(join(root, f)));
  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    copyFileSync(join(root, f), join(copy, f));
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  const out = npm(['pack', '--json', '--pack-destination', work], copy);
  // Lifecycle scripts may print before the JSON report.
  packed = JSON.parse(out.slice(out.indexOf('\n[') + 1 || out.indexOf('[')))[0];
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "try-neural-eras", "private": true, "type": "module" }\n');
  npm(['install', join(work, packed.filename), '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], app);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the bundle, its types, the scenarios and the examples, and no sources, tests or benchmarks', () => {
    const paths = packed.files.map((f) => f.path);
    for (const f of ['bin/neural-eras.js', 'dist/cli.js', 'dist/sweep-worker.js', 'dist/index.js', 'dist/types/index.d.ts', 'scenarios/schema.json', 'scenarios/xor-backprop.json', 'examples/madaline.js', 'examples/madaline-xor.json', 'README.md', 'package.json']) {
      expect(paths, f).toContain(f);
    }
    expect(paths.filter((p) => /^(src|tests|bench|scripts|\.ci|coverage)\/|^tsconfig|\.test\.|\.tgz$/.test(p))).toEqual([]);
  });

  it('leaves outside the bundle only what package.json lists under dependencies', () => {
    const dist = join(app, 'node_modules', 'neural-eras', 'dist');
    const bare = new Set<string>();
    for (const f of readdirSync(dist).filter((n) => n.endsWith('.js'))) {
      const text = readFileSync(join(dist, f), 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([@a-z][a-z0-9._\-/@:]*)["']/g)) bare.add(m[1]!.replace(/^(@[^/]+\/[^/]+|[^@/][^/]*).*$/, '$1'));
    }
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    // Ink's devtools hook is imported only with DEV=true; it is deliberately not installed.
    const allowed = new Set([...Object.keys(pkg.dependencies ?? {}), 'react-devtools-core']);
    expect([...bare].filter((m) => !builtins.has(m) && !m.startsWith('node:') && !allowed.has(m)).sort()).toEqual([]);
  });
});

describe('the installed package (npm install <tarball> --omit=dev)', { timeout: 60_000 }, () => {
  it('prints its version, lists models and scenarios, and runs the lecture example', () => {
    const v = bin('--version');
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
    const list = JSON.parse(bin('list', '--json').stdout);
    expect(list.models.map((m: { id: string }) => m.id)).toContain('perceptron');
    expect(list.scenarios.map((s: { id: string }) => s.id)).toContain('xor-backprop');
    const run = bin('run', 'seed-perceptron-epoch', '--json');
    expect(run.status).toBe(0);
    const w = JSON.parse(run.stdout).runs[0].weights as number[];
    w.forEach((v, j) => expect(Math.abs(v - [-0.6, 0.5, 0.5][j]!)).toBeLessThanOrEqual(1e-12));
  });

  it('checks and runs the shipped example plugin, on worker threads too', () => {
    const examples = join(app, 'node_modules', 'neural-eras', 'examples');
    expect(bin('check-plugin', join(examples, 'madaline.js')).stdout).toContain('madaline passes the plugin contract');
    const sweep = bin('sweep', join(examples, 'madaline-xor.json'), '--model', 'madaline', '--plugin', join(examples, 'madaline.js'), '--seeds', '30', '--workers', '2', '--json');
    expect(sweep.stderr).toBe('');
    expect(JSON.parse(sweep.stdout)).toMatchObject({ model: 'madaline', workers: 2, seeds: 30 });
  });

  it('gives plugin authors the contract: the checker at run time and the types for TypeScript and JSDoc', () => {
    // A plugin author's folder: a copy of the example beside code that imports the package.
    copyFileSync(join(app, 'node_modules', 'neural-eras', 'examples', 'madaline.js'), join(app, 'madaline.js'));
    const api = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('neural-eras'); const p = (await import('./madaline.js')).default; console.log(Object.keys(m).sort().join(','), m.checkPlugin(p).ok)"], { cwd: app, encoding: 'utf8' });
    expect(api.stderr).toBe('');
    expect(api.stdout.trim()).toBe('ModelConfigError,TINY_DATA,checkPlugin,contractText,definePlugin,loadScenario,param,runScenario,sweep,verify,weightsJson true');
    writeFileSync(
      join(app, 'plugin.ts'),
      [
        "import type { EpochResult, ModelInstance, WeightsSnapshot } from 'neural-eras';",
        "import { ModelConfigError, definePlugin, param } from 'neural-eras';",
        'const params = {',
        "  bias: param.number({ default: 1, min: -10, max: 10, help: 'the constant output before the threshold' }),",
        "  coding: param.oneOf(['binary', 'bipolar'], { default: 'binary', help: 'outputs 0/1 or -1/+1' }),",
        '};',
        'export const constant = definePlugin({',
        "  meta: { id: 'constant', name: 'Constant', year: 1950, authors: ['Nobody'], citation: 'None, a type test.', summary: 'Always says class 1.', cannot: 'Learn anything at all.', learns: false, defaultTarget: { accuracy: { min: 1 } }, params },",
        '  create({ data, params }): ModelInstance {',
        "    if (data.inputs.length === 0) throw new ModelConfigError('no rows');",
        '    // the parameters are typed by the schema: a number, one of two words, and nothing else',
        '    const bias: number = params.bias;',
        "    const low = params.coding === 'bipolar' ? -1 : 0;",
        '    // @ts-expect-error: no such parameter in the schema',
        '    void params.learningRate;',
        "    const snapshot = (): WeightsSnapshot => ({ kind: 'vector', w: [bias] });",
        '    const ev = () => ({ loss: 0, accuracy: 0, outputs: data.inputs.map(() => [bias >= 0 ? 1 : low]), predictions: data.inputs.map(() => 1) });',
        "    const measure = (): EpochResult => ({ train: { loss: 0, accuracy: 0 }, updates: 0, metrics: {}, weights: [bias] });",
        '    return { epoch: measure, measure, evaluate: ev, predict: () => ({ label: 1, score: 1 }), snapshot, flatWeights: () => [bias], deterministicEpochs: true };',
        '  },',
        '});',
        "// @ts-expect-error: a default outside the values",
        "param.oneOf(['a', 'b'], { default: 'c', help: 'one of two' });",
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2023'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, allowJs: true, checkJs: true, types: [] }, files: ['plugin.ts', 'madaline.js'] }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });
});
