/**
 * Plugin code never runs in the main realm (issue 18): each plugin file is imported in a worker
 * thread of its own. A plugin that pollutes its globals changes nothing of the built-ins; an endless
 * loop, a runaway allocation, a crash after import and a top-level await that never settles each end
 * as one line naming the plugin (exit 2); its console goes to stderr; everything it returns is checked
 * at the boundary; its meta is copied and frozen. And every module format a toolchain emits loads.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';
import { describeThrown } from '../../src/core/describe-thrown.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** Runs with an environment variable set (the plugin's limits are read when its thread starts). */
async function withEnv<T>(name: string, value: string, body: () => Promise<T>): Promise<T> {
  const before = process.env[name];
  process.env[name] = value;
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

const root = join(import.meta.dirname, '..', '..');
const madaline = readFileSync(join(root, 'examples', 'madaline.js'), 'utf8');
const madalineXor = join(root, 'examples', 'madaline-xor.json');
const dir = mkdtempSync(join(tmpdir(), 'ne-iso-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
/** The example plugin under another id, with code before it (top level) and inside epoch(). */
const variant = (name: string, id: string, top: string, inEpoch = '') =>
  write(name, `${top}\n${madaline.replace("id: 'madaline'", `id: '${id}'`).replace('    epoch() {\n', `    epoch() {\n${inEpoch}\n`)}`);

const oneLine = (r: { code: number; err: string }, text: RegExp) => {
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(text);
};

describe('a hostile plugin changes nothing of the built-ins', () => {
  it('pollution of Object.prototype, Math.exp and JSON.stringify stays in its realm; its console.log goes to stderr', async () => {
    const hostile = variant(
      'hostile.mjs',
      'hostile',
      "Object.prototype.polluted = 'yes'; Math.exp = () => 0; JSON.stringify = () => '\"x\"'; console.log('plugin noise');",
      "console.log('noise from epoch()');",
    );
    const clean = await cli('run', 'xor-backprop', '--json');
    const loaded = await cli('run', 'xor-backprop', '--plugin', hostile, '--json');
    expect(loaded.code).toBe(clean.code);
    expect(loaded.out).toBe(clean.out);
    expect(JSON.parse(loaded.out).runs.some((r: { outcome: string }) => r.outcome === 'solved')).toBe(true);
    // the plugin itself still runs (its own realm is polluted, not ours), and --json stdout stays one document
    const own = await cli('run', madalineXor.replace('madaline-xor', 'madaline-xor'), '--plugin', hostile, '-m', 'hostile', '--json');
    expect(own.code).not.toBe(0); // the scenario names madaline, not hostile: refused in one line
    const scenario = write('hostile.json', readFileSync(madalineXor, 'utf8').replace('"model": "madaline"', '"model": "hostile"').replace(/"run": "madaline"/g, '"run": "hostile"'));
    const ran = await cli('run', scenario, '--plugin', hostile, '--json');
    expect(() => JSON.parse(ran.out)).not.toThrow();
    expect(ran.out).not.toContain('noise');
  });

  it('meta is copied and frozen at load: create() renaming itself changes nothing', async () => {
    const renamer = variant('renamer.mjs', 'renamer', '', '');
    const source = readFileSync(renamer, 'utf8').replace('function create({ data, params, rng }) {', "function create({ data, params, rng }) {\n  this.meta.id = 'perceptron'; this.meta.name = 'The perceptron';");
    expect(source).not.toBe(readFileSync(renamer, 'utf8'));
    writeFileSync(renamer, source);
    const scenario = write('renamer.json', readFileSync(madalineXor, 'utf8').replace('"model": "madaline"', '"model": "renamer"').replace(/"run": "madaline"/g, '"run": "renamer"'));
    const r = await cli('run', scenario, '--plugin', renamer, '--json');
    expect(r.code).toBe(0);
    const models = JSON.parse(r.out).runs.map((x: { model: string }) => x.model);
    expect(models).toContain('renamer');
    expect(models).not.toContain('perceptron');
  });
});

describe('a plugin that never answers, eats memory, crashes later or never loads ends as one line', () => {
  const scenarioFor = (id: string) => write(`${id}.json`, readFileSync(madalineXor, 'utf8').replace('"model": "madaline"', `"model": "${id}"`).replace(/"run": "madaline"/g, `"run": "${id}"`));

  it('an endless loop in epoch() is stopped by the watchdog', async () => {
    const loop = variant('loop.mjs', 'looper', '', 'for (;;) {}');
    const r = await withEnv('NEURAL_ERAS_PLUGIN_TIMEOUT', '1', () => cli('run', scenarioFor('looper'), '--plugin', loop));
    oneLine(r, /^neural-eras: plugin looper \(.*loop\.mjs\): epoch\(\) did not return within 1 s \(an endless loop\?\); the plugin was stopped/);
  });

  it('an endless loop in check-plugin and at import, too', async () => {
    const atImport = write('spin.mjs', 'for (;;) {}\nexport default {};\n');
    oneLine(await withEnv('NEURAL_ERAS_PLUGIN_TIMEOUT', '1', () => cli('check-plugin', atImport)), /spin\.mjs: loading it did not return within 1 s/);
  });

  it('an allocation without end hits the memory limit', async () => {
    const oom = variant('oom.mjs', 'hog', '', 'const hoard = []; for (;;) hoard.push(new Array(1e5).fill(Math.random()));');
    const r = await withEnv('NEURAL_ERAS_PLUGIN_MEMORY', '48', () => cli('run', scenarioFor('hog'), '--plugin', oom));
    oneLine(r, /^neural-eras: plugin hog \(.*oom\.mjs\): epoch\(\) ran out of memory \(over 48 MB/);
  });

  it('a top-level await that never settles, and an async error after import', async () => {
    oneLine(await cli('check-plugin', write('never.mjs', 'await new Promise(() => {});\nexport default {};\n')), /never\.mjs: its module never finished loading \(a top-level await that never settles\?\)/);
    oneLine(await cli('run', 'xor-backprop', '--plugin', write('never2.mjs', 'await new Promise(() => {});\nexport default {};\n')), /never2\.mjs: its module never finished loading/);
    const late = variant('late.mjs', 'late', "Promise.reject(new Error('late failure'));");
    oneLine(await cli('run', scenarioFor('late'), '--plugin', late), /late\.mjs.*failed outside any call: Error: late failure/);
  });
});

describe('what a plugin returns is checked at the boundary, one line naming the plugin and the call', () => {
  const cases: [string, string, string, RegExp][] = [
    ['async-create', 'function create({ data, params, rng }) {', 'async function create({ data, params, rng }) {', /plugin async-create \(.*\): create\(\) returned a Promise/],
    ['empty', 'function create({ data, params, rng }) {', 'function create({ data, params, rng }) {\n  return {};', /plugin empty \(.*\): create\(\) returned an instance without epoch\(\), measure\(\), evaluate\(\), predict\(\), snapshot\(\), flatWeights\(\)/],
    ['undef', '    epoch() {\n', '    epoch() {\n      return undefined;\n', /plugin undef \(.*\): epoch\(\) returned is undefined, not \{ train, updates, metrics, weights \}/],
    ['bigint', '    snapshot: () => (', '    snapshot: () => ({ kind: "vector", w: [1n, 2n] }),\n    unused: () => (', /plugin bigint \(.*\): snapshot\(\) returned holds a BigInt/],
  ];
  it.each(cases)('%s', async (id, from, to, message) => {
    const source = madaline.replace("id: 'madaline'", `id: '${id}'`);
    expect(source.includes(from)).toBe(true);
    const file = write(`${id}.mjs`, source.replace(from, to));
    const scenario = write(`${id}.json`, readFileSync(madalineXor, 'utf8').replace('"model": "madaline"', `"model": "${id}"`).replace(/"run": "madaline"/g, `"run": "${id}"`));
    oneLine(await cli('run', scenario, '--plugin', file), message);
  });

  it('a plugin file in the older surface (epoch() → { loss, updates }, atEpochBoundary()) runs exactly as the example written to ModelInstance', async () => {
    const older = join(root, 'tests', 'fixtures', 'plugins', 'madaline-older.js');
    const now = await cli('run', madalineXor, '--plugin', join(root, 'examples', 'madaline.js'), '--json');
    const before = await cli('run', madalineXor, '--plugin', older, '--json');
    expect([now.code, before.code]).toEqual([0, 0]);
    expect(before.out).toBe(now.out);
    expect(JSON.parse(now.out).runs[0].outcome).toBe('solved');
  });

  it('a result with accuracy 2 and loss −5 is refused, not "solved" at epoch 0', async () => {
    const source = madaline.replace("id: 'madaline'", "id: 'liar'").replace('train: { loss: train.loss, accuracy: train.accuracy }', 'train: { loss: -5, accuracy: 2 }');
    expect(source).toContain('loss: -5');
    const scenario = write('liar.json', readFileSync(madalineXor, 'utf8').replace('"model": "madaline"', '"model": "liar"').replace(/"run": "madaline"/g, '"run": "liar"'));
    oneLine(await cli('run', scenario, '--plugin', write('liar.mjs', source)), /plugin liar \(.*\): measure\(\) returned train\.loss is -5, below 0/);
  });

  it('exotic thrown values (null prototype, throwing getters, Proxies) become one line', async () => {
    expect(describeThrown(Object.create(null))).toBe('[object Object] (no message)');
    expect(describeThrown(Object.defineProperty({}, 'message', { get: () => { throw new Error('no'); } }))).toBe('an object whose properties throw when read');
    const trap = new Proxy({}, { get: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } });
    expect(describeThrown(trap)).toBe('an object whose properties throw when read');
    expect(describeThrown(null)).toBe('null');
    for (const [id, thrown] of [['nullproto', 'Object.create(null)'], ['getter', "Object.defineProperty({}, 'message', { get() { throw 1; } })"], ['proxy', "new Proxy({}, { get() { throw new Error('trap'); } })"]] as const) {
      const file = variant(`${id}.mjs`, id, '', `throw ${thrown};`);
      const scenario = write(`${id}.json`, readFileSync(madalineXor, 'utf8').replace('"model": "madaline"', `"model": "${id}"`).replace(/"run": "madaline"/g, `"run": "${id}"`));
      oneLine(await cli('run', scenario, '--plugin', file), new RegExp(`plugin ${id} \\(.*\\): epoch\\(\\) threw `));
    }
  });
});

describe('every module format a toolchain emits loads, and imports of neural-eras resolve to the running copy', () => {
  // The plugin as tsc compiles `import { definePlugin, param } from 'neural-eras'; export default definePlugin({...})`.
  const body = madaline
    .replace(/^export default /m, 'const plugin = ')
    .replace("id: 'madaline'", "id: 'formats'");
  const esm = `import { definePlugin, param } from 'neural-eras';\nif (typeof definePlugin !== 'function' || typeof param.number !== 'function') throw new Error('no API');\n${body}\nexport default definePlugin(plugin);\n`;
  const cjsTsc = `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nconst neural_eras_1 = require("neural-eras");\n${body}\nexports.default = (0, neural_eras_1.definePlugin)(plugin);\n`;
  const cjsPlain = `const { definePlugin } = require('neural-eras');\n${body}\nmodule.exports = definePlugin(plugin);\n`;

  it.each([
    ['.mjs', 'plugin.mjs', esm, null, /an ES module \(\.mjs\), export default/],
    ['.js under "type": "module"', 'esm/plugin.js', esm, '{ "type": "module" }', /an ES module \(\.js under "type": "module"/],
    ['tsc CommonJS (.js, exports.default with __esModule)', 'cjs/plugin.js', cjsTsc, '{ "name": "mine" }', /loaded as CommonJS, exports\.default \(with __esModule, as tsc emits\)/],
    ['module.exports (.cjs)', 'plain/plugin.cjs', cjsPlain, null, /a CommonJS module \(\.cjs\), module\.exports/],
  ])('%s', async (_name, file, source, pkg, form) => {
    const path = join(dir, 'formats', file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, source);
    if (pkg) writeFileSync(join(path, '..', 'package.json'), pkg);
    const { openPluginFile } = await import('../../src/commands/plugins.js');
    const opened = openPluginFile(path);
    expect(opened.form).toMatch(form);
    expect(opened.plugins.map((p) => p.meta.id)).toEqual(['formats']);
    opened.host.close();
    const r = await cli('check-plugin', path);
    expect(r.out).toContain('formats passes the plugin contract (6 checks).');
  });

  it('a refused file says which form was found', async () => {
    const path = join(dir, 'formats', 'cjs', 'wrong.js');
    writeFileSync(path, 'Object.defineProperty(exports, "__esModule", { value: true });\nexports.plugin = {};\n');
    oneLine(await cli('check-plugin', path), /wrong\.js: not a plugin: found .*loaded as CommonJS; it sets __esModule but has no exports\.default \(it exports: plugin\)/);
    writeFileSync(path, 'module.exports = function () {};\n');
    oneLine(await cli('check-plugin', path), /wrong\.js: not a plugin: found .*loaded as CommonJS whose export is a function; a plugin is an object/);
    oneLine(await cli('check-plugin', write('empty-list.mjs', 'export default [];\n')), /empty-list\.mjs: not a plugin: found an ES module \(\.mjs\) exporting an empty list/);
  });
});
