/** The challenge's results table, the results file (atomic, best per model) and `neural-eras leaderboard`. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';
import { type ResultEntry, readResults, recordResults, resultsDir } from '../../src/report/results-file.js';
import { table } from '../../src/report/table.js';

let dir: string;
let saved: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ne-board-'));
  saved = process.env['NEURAL_ERAS_DATA'];
  process.env['NEURAL_ERAS_DATA'] = dir;
});
afterEach(() => {
  if (saved === undefined) delete process.env['NEURAL_ERAS_DATA'];
  else process.env['NEURAL_ERAS_DATA'] = saved;
});

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const entry = (model: string, testAccuracy: number, seconds = 1): ResultEntry => ({
  scenario: 'digits-challenge', model, run: model, label: model, testAccuracy, seconds, parameters: 10, epochs: 1, seed: 1, params: {}, date: '2026-01-01T00:00:00.000Z',
});

describe('results file', () => {
  it('lives in NEURAL_ERAS_DATA, else XDG_DATA_HOME/neural-eras, else ~/.local/share/neural-eras', () => {
    expect(resultsDir({ NEURAL_ERAS_DATA: '/x' })).toBe('/x');
    expect(resultsDir({ XDG_DATA_HOME: '/d' })).toBe('/d/neural-eras');
    expect(resultsDir({})).toMatch(/\.local\/share\/neural-eras$/);
  });

  it('keeps the best test accuracy per model (ties: the faster), written atomically', () => {
    const path = join(dir, 'leaderboard.json');
    expect(recordResults([entry('a', 0.8), entry('b', 0.5)], path)).toEqual(['digits-challenge/a', 'digits-challenge/b']);
    expect(recordResults([entry('a', 0.7), entry('b', 0.5, 0.5)], path)).toEqual(['digits-challenge/b']);
    const best = readResults(path).best;
    expect(best['digits-challenge/a']!.testAccuracy).toBe(0.8);
    expect(best['digits-challenge/b']!.seconds).toBe(0.5);
    expect(readdirSync(dir)).toEqual(['leaderboard.json']);
  });

  it('never overwrites a damaged file, and says which file in one line', async () => {
    const path = join(dir, 'leaderboard.json');
    writeFileSync(path, '{ not json');
    expect(() => recordResults([entry('a', 0.9)], path)).toThrow(/leaderboard\.json: cannot read the results file/);
    expect(readFileSync(path, 'utf8')).toBe('{ not json');
    const { code, err } = await cli('leaderboard');
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('results file under pressure (issue 18)', () => {
  it('writers in concurrent processes take turns: every result is kept', async () => {
    const path = join(dir, 'leaderboard.json');
    const src = join(import.meta.dirname, '..', '..', 'src', 'report', 'results-file.ts');
    const script = join(dir, 'writer.ts');
    // each process records 25 models one at a time: 100 read-merge-writes racing on one file
    writeFileSync(script, [
      `import { recordResults } from ${JSON.stringify(src)};`,
      'const who = process.argv[2];',
      "for (let i = 0; i < 25; i++) recordResults([{ scenario: 'race', model: `${who}-${i}`, run: 'r', label: 'r', testAccuracy: 0.5, seconds: 1, parameters: 1, epochs: 1, seed: 1, params: {}, date: '2026-01-01' }], process.argv[3]);",
    ].join('\n'));
    const codes = await Promise.all(['a', 'b', 'c', 'd'].map((who) => new Promise<number>((done) => {
      spawn(process.execPath, ['--import', 'tsx', script, who, path], { stdio: 'ignore' }).on('exit', (c) => done(c ?? -1));
    })));
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(Object.keys(readResults(path).best)).toHaveLength(100);
    expect(readdirSync(dir).sort()).toEqual(['leaderboard.json', 'writer.ts']);
  }, 60_000);

  it('a stale lock (its writer died) is taken over', () => {
    const path = join(dir, 'leaderboard.json');
    writeFileSync(`${path}.lock`, '999999999');
    expect(recordResults([entry('a', 0.9)], path)).toEqual(['digits-challenge/a']);
    expect(readdirSync(dir)).toEqual(['leaderboard.json']);
  });

  it('damaged entries are named, never read as results', async () => {
    const path = join(dir, 'leaderboard.json');
    const cases: [unknown, RegExp][] = [
      [{ version: 1, best: [1, 2] }, /not a neural-eras results file/],
      [{ version: 1, best: { 'digits-challenge/a': null } }, /best\["digits-challenge\/a"\]: /],
      [{ version: 1, best: { 'digits-challenge/a': { ...entry('a', 0.9), testAccuracy: 'high' } } }, /best\["digits-challenge\/a"\]\.testAccuracy: /],
      [{ version: 1, best: { 'digits-challenge/a': { ...entry('a', 0.9), params: 3 } } }, /best\["digits-challenge\/a"\]\.params: /],
    ];
    for (const [doc, message] of cases) {
      writeFileSync(path, JSON.stringify(doc));
      const { code, err } = await cli('leaderboard');
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(message);
    }
  });

  it('a 200,000-row table (a 200,000-entry leaderboard): no argument spread over the rows', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`m${i}`, i]);
    expect(table(['model', 'n'], rows).split('\n')).toHaveLength(200_002);
  });

  it('NEURAL_ERAS_DATA=/dev/null or under /proc: the report is printed, then one line and exit 2 (no endless mkdir)', async () => {
    const file = join(dir, 'tiny-challenge.json');
    writeFileSync(file, JSON.stringify({
      id: 'tiny-challenge', title: 'Tiny challenge', era: '1958', year: 1958, story: ['two species'], seed: 1, epochs: 2, leaderboard: true,
      data: { kind: 'iris', classes: ['setosa', 'versicolor'], testFraction: 0.2 },
      models: [{ model: 'perceptron' }], claims: [],
    }));
    for (const [where, message] of [['/dev/null', /\/dev\/null: cannot keep the results file there \(ENOTDIR\)/], ['/proc/neural-eras-x/y', /\/proc\/neural-eras-x\/y: cannot keep the results file there \(ENOENT\)/]] as const) {
      process.env['NEURAL_ERAS_DATA'] = where;
      const r = await cli('run', file);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/not recorded: /);
      expect(r.out).toMatch(/share  ne1\./);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
    const made = await cli('new', 'x', '--dir', '/proc/neural-eras-x/y');
    expect(made.code).toBe(2);
    expect(made.err).toMatch(/--dir \/proc\/neural-eras-x\/y: cannot create it \(ENOENT\)/);
  });
});

describe('a leaderboard scenario', () => {
  const scenario = (): string => {
    const file = join(dir, 'tiny-challenge.json');
    writeFileSync(file, JSON.stringify({
      id: 'tiny-challenge', title: 'Tiny challenge', era: '1958', year: 1958, story: ['two species'], seed: 1, epochs: 5, leaderboard: true,
      data: { kind: 'iris', classes: ['setosa', 'versicolor'], testFraction: 0.2 },
      models: [{ model: 'perceptron' }, { model: 'adaline', params: { learningRate: 0.01 } }],
      claims: [],
    }));
    return file;
  };

  it('run prints the results table and records each model; leaderboard shows them', async () => {
    const file = scenario();
    const run = await cli('run', file);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/test accuracy\s+training time\s+parameters\s+epochs/);
    expect(run.out).toMatch(/New best for perceptron, adaline/);
    const board = await cli('leaderboard', '--json');
    const doc = JSON.parse(board.out);
    expect(doc.entries.map((e: ResultEntry) => e.model).sort()).toEqual(['adaline', 'perceptron']);
    expect(doc.entries[0].parameters).toBe(3);
    const text = await cli('leaderboard');
    expect(text.out).toMatch(/tiny-challenge — best result per model/);
  });

  it('--no-record leaves the results file alone; the JSON output has no timings', async () => {
    const file = scenario();
    const run = await cli('run', file, '--no-record', '--json');
    expect(JSON.stringify(JSON.parse(run.out))).not.toMatch(/seconds/);
    expect(readdirSync(dir)).toEqual(['tiny-challenge.json']);
    expect((await cli('leaderboard')).out).toMatch(/No results yet/);
  });
});
