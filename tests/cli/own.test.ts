/**
 * A testbed others can use, through the CLI: your own data (--data), scenarios (new, check),
 * models (--plugin, check-plugin) and runs you take with you (--out, --share). Every bad input
 * exits 2 with one located line.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const root = join(import.meta.dirname, '..', '..');
const madaline = join(root, 'examples', 'madaline.js');
const madalineXor = join(root, 'examples', 'madaline-xor.json');
const tmp = () => mkdtempSync(join(tmpdir(), 'ne-own-'));

/** 40 points of two classes in two features, separable by x + y = 1. */
function twoFeatures(dir: string): string {
  const rows = Array.from({ length: 40 }, (_, i) => {
    const x = (i % 8) / 7;
    const y = Math.floor(i / 8) / 4;
    return `${x},${y},${x + y > 1 ? 'high' : 'low'}`;
  });
  const file = join(dir, 'points.csv');
  writeFileSync(file, `x,y,level\n${rows.join('\n')}\n`);
  return file;
}

/** The error stream is one line naming the problem (and exit code 2). */
const oneLine = (r: { code: number; err: string }, text: string | RegExp) => {
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  if (typeof text === 'string') expect(r.err).toContain(text);
  else expect(r.err).toMatch(text);
};

describe('your own data: run --data', () => {
  it('trains the perceptron and an MLP on a CSV, and the share string reproduces the JSON exactly', async () => {
    const csv = twoFeatures(tmp());
    const a = await cli('run', '--data', csv, '--seed', '4', '--param', 'mlp.learningRate=0.2', '--json');
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.out);
    expect(doc).toMatchObject({ format: 'neural-eras/run@1', scenario: 'points', title: 'Your data: points.csv', seed: 4 });
    expect(doc.runs.map((r: { id: string; model: string }) => [r.id, r.model])).toEqual([['perceptron', 'perceptron'], ['mlp', 'mlp-backprop']]);
    expect(doc.runs[1].params.learningRate).toBe(0.2);
    expect(doc.share).toMatch(/^ne1\./);
    const b = await cli('run', '--share', doc.share, '--json');
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
    const text = await cli('run', '--data', csv, '--model', 'adaline');
    expect(text.out).toContain('■ adaline');
    expect(text.out).toContain(`share  ${JSON.parse((await cli('run', '--data', csv, '--model', 'adaline', '--json')).out).share}`);
  });

  it('refuses a bad CSV, a scenario with --data, and --label without --data, each in one line', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.csv'), 'a,b,c\n1,2,x\n1,2\n');
    oneLine(await cli('run', '--data', join(dir, 'bad.csv')), /bad\.csv:3: 2 cells where line 1 has 3$/m);
    oneLine(await cli('run', '--data', dir), 'not a regular file');
    oneLine(await cli('run', 'xor-backprop', '--data', twoFeatures(dir)), 'give a scenario or --data, not both');
    oneLine(await cli('run', 'xor-backprop', '--label', 'y'), '--label goes with --data');
    oneLine(await cli('run'), 'run needs a scenario');
  });

  it('off a terminal, `neural-eras --data f.csv` and `lab --data` print the run report', async () => {
    const csv = twoFeatures(tmp());
    const bare = await cli('--data', csv, '--label', 'level');
    expect(bare.code).toBe(0);
    expect(bare.out).toMatch(/^Your data: points\.csv {2}\(scenario points, seed 1\)/);
    expect(bare.out).toMatch(/\nshare {2}ne1\./);
    expect((await cli('lab', '--data', csv)).out).toContain('■ perceptron');
    oneLine(await cli('lab'), 'lab needs a scenario, --data <file.csv> or --share <string>');
  });
});

describe('take it with you: --out and --share', () => {
  it('writes the whole run as JSON (the --json document) or its history as CSV, atomically, and says where', async () => {
    const dir = tmp();
    const json = join(dir, 'run.json');
    const r = await cli('run', 'seed-perceptron-epoch', '--out', json);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${json} (the whole run: 1 model run, parameters, 2 history entries, final weights)`);
    expect(readFileSync(json, 'utf8')).toBe((await cli('run', 'seed-perceptron-epoch', '--json')).out);
    const csv = join(dir, 'run.csv');
    const c = await cli('run', 'adaline-divergence', '--epochs', '3', '--out', csv, '--json');
    expect(c.err).toBe(`wrote ${csv} (8 rows of per-epoch history)\n`);
    expect(readFileSync(csv, 'utf8').split('\n').slice(0, 3)).toEqual(['run,model,seed,epoch,loss,accuracy,testLoss,testAccuracy,updates', 'above,adaline,1,0,2,0.25,,,0', 'above,adaline,1,1,1.5512000000000001,0.75,,,1']);
    expect(readdirSync(dir).sort()).toEqual(['run.csv', 'run.json']);
  });

  it('refuses an --out it cannot write before training, in one line', async () => {
    const dir = tmp();
    oneLine(await cli('run', 'xor-backprop', '--out', join(dir, 'run.txt')), 'the name must end in .json (the whole run) or .csv (its per-epoch history)');
    oneLine(await cli('run', 'xor-backprop', '--out', join(dir, 'missing', 'run.json')), /cannot write there \(ENOENT\)|is not a folder/);
    mkdirSync(join(dir, 'x.json'));
    oneLine(await cli('run', 'xor-backprop', '--out', join(dir, 'x.json')), 'is a folder');
  });

  it('refuses an --out that is one of the run\'s own inputs: --data, the scenario file, the CSV it reads (issue 18)', async () => {
    const dir = tmp();
    const csv = twoFeatures(dir);
    const before = readFileSync(csv, 'utf8');
    oneLine(await cli('run', '--data', csv, '--out', csv), /--out .*points\.csv: is one of this run's inputs \(.*points\.csv\)/);
    expect(readFileSync(csv, 'utf8')).toBe(before);
    const scenario = join(dir, 'mine.json');
    writeFileSync(scenario, JSON.stringify({ id: 'mine', title: 'Mine', era: '1958', year: 1958, story: ['s'], seed: 1, epochs: 3, data: { kind: 'csv', path: 'points.csv' }, models: [{ model: 'perceptron' }], claims: [] }));
    const text = readFileSync(scenario, 'utf8');
    oneLine(await cli('run', scenario, '--out', scenario), /is one of this run's inputs/);
    oneLine(await cli('run', scenario, '--out', csv.replace('points.csv', './points.csv')), /is one of this run's inputs/);
    expect(readFileSync(scenario, 'utf8')).toBe(text);
    expect(readFileSync(csv, 'utf8')).toBe(before);
    expect((await cli('run', scenario, '--out', join(dir, 'points-run.csv'))).code).toBe(0);
  });

  it('writes NaN and ∞ as words in JSON, never as a bare null', async () => {
    const { out } = await cli('run', 'hebb-unbounded-vs-oja', '--json');
    expect(out).toContain('"accuracy":"NaN"');
    expect(out).not.toMatch(/"(loss|accuracy|bestAccuracy)":null/);
  });

  it('run --share reproduces a run with seed, epochs, models and parameters; bad strings and extra flags exit 2', async () => {
    const first = await cli('run', 'adaline-divergence', '--model', 'above', '--seed', '9', '--epochs', '12', '--param', 'learningRate=0.25', '--json');
    const share = JSON.parse(first.out).share as string;
    expect((await cli('run', '--share', share, '--json')).out).toBe(first.out);
    oneLine(await cli('run', '--share', share, '--seed', '3'), '--share carries the scenario, seed, epochs, models and parameters: give no --seed with it');
    oneLine(await cli('run', '--share', `${share.slice(0, -2)}xx`), 'share string: damaged');
    oneLine(await cli('run', '--share', 'https://example.com'), 'share string: not a neural-eras share string');
    const bare = await cli('--share', share);
    expect(bare.code).toBe(0);
    expect(bare.out).toContain('(scenario adaline-divergence, seed 9)');
    expect(bare.out).toContain(`share  ${share}`);
  });
});

describe('your own scenarios: new and check', () => {
  it('new writes a scenario that validates, points at the schema and whose claims hold', async () => {
    const dir = join(tmp(), 'mine');
    const made = await cli('new', 'my-moons', '--dir', dir);
    expect(made.code).toBe(0);
    const file = join(dir, 'my-moons.json');
    expect(made.out).toContain(`next: neural-eras check`);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(resolve(dirname(file), json.$schema)).toBe(join(root, 'scenarios', 'schema.json'));
    expect(json.$comment.length).toBeGreaterThan(0);
    const checked = await cli('check', file);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('valid — scenario my-moons');
    expect(checked.out).toContain('    1. mlp ends solved');
    expect(checked.out).toContain("    3. mlp testAccuracy > perceptron's — the bent boundary also does better on points it never saw");
    const verified = await cli('verify', file);
    expect(verified.out).toContain('3 claims: 3 hold, 0 fail');
    expect(verified.code).toBe(0);
    oneLine(await cli('new', 'my-moons', '--dir', dir), 'exists; choose another id or folder (nothing was overwritten)');
    oneLine(await cli('new', 'My_Moons', '--dir', dir), 'a scenario id is lower-case letters, digits and dashes');
  });

  it('check names the file and field of an invalid scenario', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ id: 'bad', title: 'B', era: '1958', year: 1958, story: ['s'], seed: 1, epochs: 5, data: { kind: 'gate', gate: 'AND' }, models: [{ model: 'perceptron', params: { learningRate: 'fast' } }], claims: [] }));
    oneLine(await cli('check', join(dir, 'bad.json')), 'bad.json: models[0].params.learningRate: expected a number in [0, 100], got "fast"');
  });
});

describe('your own models: --plugin and check-plugin', () => {
  it('check-plugin passes the example Madaline and prints every check', async () => {
    const r = await cli('check-plugin', madaline);
    expect(r.code).toBe(0);
    expect(r.out).toContain('madaline passes the plugin contract (6 checks).');
    expect(JSON.parse((await cli('check-plugin', madaline, '--json')).out)).toMatchObject({ ok: true, plugins: [{ id: 'madaline', ok: true }] });
  });

  // Six CLI calls, one a sweep starting a worker thread: seconds on a loaded 2-core machine.
  it('runs a scenario naming the plugin only when --plugin loads it: a scenario never loads code', { timeout: 60_000 }, async () => {
    const r = await cli('run', madalineXor, '--plugin', madaline, '--json');
    expect(r.code).toBe(0);
    const runs = JSON.parse(r.out).runs;
    expect(runs[0]).toMatchObject({ id: 'madaline', model: 'madaline', outcome: 'solved' });
    expect(runs.flatMap((x: { claims: { holds: boolean }[] }) => x.claims).every((c: { holds: boolean }) => c.holds)).toBe(true);
    oneLine(await cli('run', madalineXor), 'unknown model "madaline"; known models: adaline');
    expect((await cli('list', '--plugin', madaline)).out).toMatch(/madaline +1962 +Madaline \(MRI\)/);
    expect((await cli('info', 'madaline', '--plugin', madaline)).out).toContain('Madaline (MRI) (1962) — Bernard Widrow, William C. Ridgway III');
    expect((await cli('sweep', madalineXor, '--model', 'madaline', '--seeds', '5', '--workers', '1', '--plugin', madaline, '--json')).code).toBe(0);
  });

  it('reports broken plugins: not a plugin, cannot load, throws, NaN, and an id that is taken', async () => {
    const dir = tmp();
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const source = readFileSync(madaline, 'utf8');
    oneLine(await cli('check-plugin', write('none.js', 'export const x = 1;\n')), 'none.js: not a plugin: found a .js file with no package.json above it, loaded as an ES module (by its syntax); it has no default export (it exports: x)');
    oneLine(await cli('check-plugin', write('obj.js', 'export default { name: "x" };\n')), 'obj.js: not a plugin: found a .js file with no package.json above it, loaded as an ES module (by its syntax) whose export is an object with keys name; a plugin is an object { meta, create(ctx) }');
    // the plugin's own thread imports it: Node's words, and the format Node was told
    oneLine(await cli('check-plugin', write('syntax.js', 'export default {\n')), /syntax\.js: cannot load the module \(a \.js file with no package\.json above it\): SyntaxError/);
    oneLine(await cli('check-plugin', write('model.ts', 'export default {};\n')), 'model.ts: a plugin is a JavaScript module (.js, .mjs, .cjs); compile TypeScript to JavaScript first');
    oneLine(await cli('check-plugin', join(dir, 'missing.js')), 'missing.js: cannot read the plugin (ENOENT)');
    oneLine(await cli('run', 'xor-backprop', '--plugin', dir), 'not a regular file');

    const nan = write('nan.mjs', source.replace("id: 'madaline'", "id: 'nan-madaline'").replace('const eta = params.learningRate', 'const eta = NaN * params.learningRate'));
    const failed = await cli('check-plugin', nan);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/✗ shapes — snapshot\(\)\.layers\[0\]\[0\] holds NaN; flatWeights\(\) holds NaN/);
    expect(failed.out).toContain('nan-madaline fails');

    const boom = write('boom.mjs', source.replace("id: 'madaline'", "id: 'boom'").replace('    epoch() {\n', "    epoch() {\n      throw new RangeError('no memistors left');\n"));
    writeFileSync(join(dir, 'boom.json'), readFileSync(madalineXor, 'utf8').replace('"model": "madaline"', '"model": "boom"').replace(/"run": "madaline"/g, '"run": "boom"'));
    oneLine(await cli('run', join(dir, 'boom.json'), '--plugin', boom), /plugin boom \(.*boom\.mjs\): epoch\(\) threw RangeError: no memistors left$/m);
    // explain() runs later than step(), when the trace writes the update out: guarded all the same
    const mute = write('mute.mjs', source.replace("id: 'madaline'", "id: 'boom'").replace('      explain: () =>\n', "      explain: () => { throw new TypeError('lost the pen'); },\n      unused: () =>\n"));
    oneLine(await cli('run', join(dir, 'boom.json'), '--plugin', mute, '--trace'), /plugin boom \(.*mute\.mjs\): step\(\)\.explain\(\) threw TypeError: lost the pen$/m);
    expect((await cli('run', join(dir, 'boom.json'), '--plugin', mute)).code).toBe(0);
    oneLine(await cli('run', 'xor-backprop', '--plugin', write('taken.mjs', source.replace("id: 'madaline'", "id: 'perceptron'"))), 'plugin id "perceptron" is a built-in model; give yours another id');
    oneLine(await cli('run', 'xor-backprop', '--plugin', write('short.mjs', source.replace(/summary: '[^']*'/, "summary: 'short'"))), 'not a valid plugin (madaline): meta.summary must be a text of at least 11 characters');
    expect(existsSync(join(dir, 'boom.json'))).toBe(true);
  });
});

describe('temporaries of a write killed by a signal (issue 18)', () => {
  it('the next write to the same file removes them; a live writer\'s are kept', async () => {
    const dir = tmp();
    const out = join(dir, 'run (1).json');
    const dead = join(dir, '.run (1).json.999999999.tmp');
    const live = join(dir, `.run (1).json.${process.ppid}.tmp`);
    writeFileSync(dead, 'half a file');
    writeFileSync(live, 'being written');
    expect((await cli('run', 'seed-or-unit', '--out', out)).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.run (1).json.' + process.ppid + '.tmp', 'run (1).json']);
    expect(existsSync(dead)).toBe(false);
  });
});
