/** The challenge's results table, the results file (atomic, best per model) and `neural-eras leaderboard`. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';
import { type ResultEntry, readResults, recordResults, resultsDir } from '../../src/report/results-file.js';

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
