/** Your own data: the CSV reader, CSV data in scenario files (and where it may live), and scenarioFromData. */
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/datasets.js';
import { createRng } from '../../src/core/rng.js';
import { CsvError, MAX_BYTES, MAX_ROWS, parseCsv, readCsvFile } from '../../src/data/csv.js';
import { executeScenario, prepareRuns } from '../../src/scenarios/execute.js';
import { scenarioFromData } from '../../src/scenarios/from-data.js';
import { loadScenarioFile, ScenarioError } from '../../src/scenarios/loader.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ne-csv-'));

describe('parseCsv', () => {
  it('reads a header, numeric features and the last column as the label', () => {
    const t = parseCsv('a,b,kind\n1,2,cat\n3.5,-4e-1,dog\n', 'd.csv');
    expect(t).toEqual({ features: ['a', 'b'], label: 'kind', classes: ['cat', 'dog'], inputs: [[1, 2], [3.5, -0.4]], labels: [0, 1] });
  });

  it('detects semicolons (with decimal commas) and tabs; a file without header gets x1, x2, …', () => {
    expect(parseCsv('1,5;2;0\n3;4,25;1\n', 'd.csv')).toMatchObject({ features: ['x1', 'x2'], label: 'label', inputs: [[1.5, 2], [3, 4.25]], labels: [0, 1] });
    expect(parseCsv('x\ty\tc\n0\t1\tb\n1\t0\ta\n', 'd.csv')).toMatchObject({ features: ['x', 'y'], classes: ['a', 'b'], labels: [1, 0] });
  });

  it('takes the label column by name or number, quoted cells, CRLF, a BOM and blank lines', () => {
    const text = '\uFEFFclass,"w, cm",h\r\n"small",1,2\r\n\r\nbig,3,4\r\n';
    expect(parseCsv(text, 'd.csv', { label: 'class' })).toMatchObject({ features: ['w, cm', 'h'], classes: ['big', 'small'], inputs: [[1, 2], [3, 4]], labels: [1, 0] });
    expect(parseCsv('0,1,2\n1,3,4\n', 'd.csv', { label: 1 })).toMatchObject({ features: ['x1', 'x2'], inputs: [[1, 2], [3, 4]], labels: [0, 1] });
  });

  it('sorts numeric class labels numerically', () => {
    expect(parseCsv('1,10\n2,9\n3,10\n', 'd.csv').classes).toEqual(['9', '10']);
  });

  const bad: [string, string, string][] = [
    ['an empty file', '\n\n', 'd.csv: the file is empty'],
    ['one column', 'a\n1\n', 'd.csv:1: one column only'],
    ['a ragged row', 'a,b,c\n1,2,x\n1,2\n', 'd.csv:3: 2 cells where line 1 has 3'],
    ['a non-numeric cell', 'a,b,c\n1,2,x\n1,two,y\n', 'd.csv:3: column 2 ("b"): "two" is not a number'],
    ['an empty cell', 'a,b,c\n1,2,x\n1,,y\n', 'd.csv:3: column 2 ("b"): empty'],
    ['an empty label', 'a,b,c\n1,2,x\n1,3,\n', 'd.csv:3: the label ("c") is empty'],
    ['one class only', 'a,b,c\n1,2,x\n3,4,x\n', 'd.csv: one class only (every label is "x"); a classifier needs two or more'],
    ['a header and no rows', 'a,b,c\n', 'd.csv: no data rows below the header'],
    ['an unclosed quote', 'a,b,c\n1,2,"x\n', 'd.csv:2: a quoted cell is not closed'],
    ['an unknown label column', 'a,b,c\n1,2,x\n', 'd.csv:1: no column named "kind"; columns: a, b, c'],
  ];
  it.each(bad)('refuses %s with the file and line', (_what, text, message) => {
    const opts = message.includes('kind') ? { label: 'kind' } : {};
    expect(() => parseCsv(text, 'd.csv', opts)).toThrow(CsvError);
    expect(() => parseCsv(text, 'd.csv', opts)).toThrow(message);
  });

  it('refuses a continuous label column and more than a million rows', () => {
    const many = Array.from({ length: 150 }, (_, i) => `${i},${i / 7}`).join('\n');
    expect(() => parseCsv(many, 'd.csv')).toThrow('d.csv: column "label" has 150 different labels, more than 100 classes: is it the label column?');
    const rows = `${'1,a\n2,b\n'.repeat(MAX_ROWS / 2)}3,a\n`;
    expect(() => parseCsv(rows, 'big.csv')).toThrow(`big.csv:${MAX_ROWS + 1}: more than 1,000,000 data rows`);
  });
});

describe('readCsvFile', () => {
  it('refuses binary files, bad UTF-8, folders, missing and oversized files, with the line where it can', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'nul.csv'), Buffer.from('a,b\n1,x\n\u0000\u0001\n'));
    expect(() => readCsvFile(join(dir, 'nul.csv'), 'nul.csv')).toThrow('nul.csv:3: not a text file (byte 9 is a NUL): a data file is CSV text');
    writeFileSync(join(dir, 'latin.csv'), Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xe9, 0x0a]));
    expect(() => readCsvFile(join(dir, 'latin.csv'), 'latin.csv')).toThrow('latin.csv:2: not a text file (byte 7 is not UTF-8)');
    expect(() => readCsvFile(dir, 'dir')).toThrow('dir: not a regular file');
    expect(() => readCsvFile(join(dir, 'none.csv'), 'none.csv')).toThrow('none.csv: cannot read the file (ENOENT)');
    writeFileSync(join(dir, 'empty.csv'), '');
    expect(() => readCsvFile(join(dir, 'empty.csv'), 'empty.csv')).toThrow('empty.csv: the file is empty');
    // A sparse file: the size is refused from stat, before a byte is read.
    writeFileSync(join(dir, 'huge.csv'), '');
    truncateSync(join(dir, 'huge.csv'), MAX_BYTES + 1);
    expect(() => readCsvFile(join(dir, 'huge.csv'), 'huge.csv')).toThrow('huge.csv: 268,435,457 bytes, more than the 256 MB a data file may have');
  });
});

const scenario = (data: Record<string, unknown>) => ({
  id: 'mine',
  title: 'Mine',
  era: '2024',
  year: 2024,
  story: ['x'],
  seed: 1,
  epochs: 20,
  data,
  models: [{ model: 'perceptron' }],
  claims: [],
});

describe('CSV data in a scenario file', () => {
  const moons = 'x,y,c\n0,0,a\n0,1,b\n1,0,b\n1,1,a\n2,2,a\n3,3,b\n';

  it('reads a CSV beside the scenario (or below it) into the run data, with names and classes', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'm.csv'), moons);
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(scenario({ kind: 'csv', path: 'data/m.csv', label: 'c' })));
    const s = loadScenarioFile(join(dir, 'mine.json'));
    const [spec] = prepareRuns(s);
    expect(spec!.data).toMatchObject({ name: 'm.csv', featureNames: ['x', 'y'], classNames: ['a', 'b'], inputEncoding: 'real', targetEncoding: 'bipolar', labels: [0, 1, 1, 0, 0, 1] });
    expect(spec!.data.targets).toEqual([[-1], [1], [1], [-1], [-1], [1]]);
    expect(executeScenario(s).runs[0]!.history.length).toBeGreaterThan(1);
  });

  it('never reads outside the scenario folder: no absolute paths, no .., no symbolic link out', () => {
    const dir = tmp();
    const outside = join(tmp(), 'secret.csv');
    writeFileSync(outside, moons);
    symlinkSync(outside, join(dir, 'link.csv'));
    const cases: [unknown, string][] = [
      [outside, `mine.json: data: "${outside}" must be relative to the scenario's folder`],
      ['../secret.csv', `mine.json: data: "../secret.csv" leads outside the scenario's folder; a data file must be beside the scenario or below it`],
      ['link.csv', `mine.json: data: "link.csv" leads outside the scenario's folder`],
    ];
    for (const [path, message] of cases) {
      writeFileSync(join(dir, 'mine.json'), JSON.stringify(scenario({ kind: 'csv', path })));
      expect(() => loadScenarioFile(join(dir, 'mine.json'))).toThrow(ScenarioError);
      expect(() => loadScenarioFile(join(dir, 'mine.json'))).toThrow(message);
    }
  });

  it('names the scenario, the field and the CSV line of a bad data file; a changed file changes the fingerprint', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'm.csv'), moons);
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(scenario({ kind: 'csv', path: 'm.csv' })));
    const before = loadScenarioFile(join(dir, 'mine.json')).fingerprint;
    writeFileSync(join(dir, 'm.csv'), `${moons}4,4,b\n`);
    expect(loadScenarioFile(join(dir, 'mine.json')).fingerprint).not.toBe(before);
    writeFileSync(join(dir, 'm.csv'), `${moons}4,four,b\n`);
    expect(() => loadScenarioFile(join(dir, 'mine.json'))).toThrow(/mine\.json: data: .*m\.csv:8: column 2 \("y"\): "four" is not a number$/);
    writeFileSync(join(dir, 'm.csv'), moons.replace('0,0,a', '0,0,z'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(scenario({ kind: 'csv', path: 'm.csv', targets: 'bipolar' })));
    expect(() => loadScenarioFile(join(dir, 'mine.json'))).toThrow('mine.json: data: m.csv has 3 classes (a, b, z): targets must be "onehot"');
  });

  it('splits a test set from the data stream and standardises with the training rows only', () => {
    const inputs = Array.from({ length: 40 }, (_, i) => [i, 100 + 2 * i]);
    const spec = { kind: 'table' as const, inputs, targets: inputs.map((_, i) => [i % 2]), inputEncoding: 'real' as const, testFraction: 0.25, standardize: true };
    const a = buildDataset(spec, createRng('1/data'));
    expect(a.inputs).toHaveLength(30);
    expect(a.test!.inputs).toHaveLength(10);
    for (const j of [0, 1]) {
      const col = a.inputs.map((r) => r[j]!);
      expect(Math.abs(col.reduce((s, v) => s + v, 0) / 30)).toBeLessThan(1e-12);
      expect(col.reduce((s, v) => s + v * v, 0) / 30).toBeCloseTo(1, 12);
    }
    expect(buildDataset(spec, createRng('1/data'))).toEqual(a);
    expect(buildDataset(spec, createRng('2/data')).test!.inputs).not.toEqual(a.test!.inputs);
  });
});

describe('scenarioFromData', () => {
  it('builds the perceptron and an MLP for two classes, the MLP alone for more', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Two Moons.csv'), Array.from({ length: 30 }, (_, i) => `${i % 5},${i % 3},${i % 2 ? 'up' : 'down'}`).join('\n'));
    const two = scenarioFromData(join(dir, 'Two Moons.csv'));
    expect(two).toMatchObject({ id: 'two-moons', title: 'Your data: Two Moons.csv', epochs: 200, seed: 1, claims: [] });
    expect(two.runs.map((r) => [r.id, r.plugin.meta.id])).toEqual([['perceptron', 'perceptron'], ['mlp', 'mlp-backprop']]);
    expect(two.runs[0]!.data).toMatchObject({ kind: 'table', testFraction: 0.2, standardize: true, classNames: ['down', 'up'] });
    writeFileSync(join(dir, 'three.csv'), Array.from({ length: 12 }, (_, i) => `${i};${i % 3}`).join('\n'));
    const three = scenarioFromData(join(dir, 'three.csv'), { epochs: 5 });
    expect(three.runs.map((r) => r.plugin.meta.id)).toEqual(['mlp-backprop']);
    expect(three.runs[0]!.data).toMatchObject({ targetEncoding: 'onehot', classNames: ['0', '1', '2'] });
    expect(three.runs[0]!.data).not.toHaveProperty('testFraction');
    expect(executeScenario(three).runs[0]!.epochs).toBeLessThanOrEqual(5);
  });

  it('trains the models it is asked for, and refuses unknown ones', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.csv'), 'a,b\n1,x\n2,y\n');
    expect(scenarioFromData(join(dir, 'd.csv'), { models: ['adaline', 'logistic'] }).runs.map((r) => r.id)).toEqual(['adaline', 'logistic']);
    expect(() => scenarioFromData(join(dir, 'd.csv'), { models: ['gpt'] })).toThrow(/unknown model "gpt"/);
  });
});

describe('the header is said, not guessed, when line 1 leaves it open (issue 18)', () => {
  it('a numeric header ("1,2,label") is refused rather than read as a row of a third class', () => {
    const text = '1,2,label\n0,0,a\n1,1,b\n0,1,a\n';
    expect(() => parseCsv(text, 'd.csv')).toThrow(/^d\.csv:1: line 1 is all numbers but its label "label" is no other row's class .* --header yes or --header no/);
    expect(parseCsv(text, 'd.csv', { header: true })).toMatchObject({ features: ['1', '2'], classes: ['a', 'b'], inputs: [[0, 0], [1, 1], [0, 1]] });
    expect(parseCsv(text, 'd.csv', { header: false }).classes).toEqual(['a', 'b', 'label']);
  });

  it('a headerless file whose first row has one bad cell is refused, not robbed of that row', () => {
    const text = '0.5,oops,a\n1,1,b\n0,1,a\n';
    expect(() => parseCsv(text, 'd.csv')).toThrow(/^d\.csv:1: line 1 has numbers and words in its feature columns .* --header yes or --header no/);
    expect(() => parseCsv(text, 'd.csv', { header: false })).toThrow(/d\.csv:1/);
  });

  it('clear cases still need no flag: words in every feature column, or numbers with a known class', () => {
    expect(parseCsv('x,y,c\n0,1,a\n1,0,b\n', 'd.csv').features).toEqual(['x', 'y']);
    expect(parseCsv('0,1,a\n1,0,b\n1,1,a\n', 'd.csv').inputs).toHaveLength(3);
    expect(parseCsv('0,1,1\n1,0,0\n', 'd.csv').inputs).toHaveLength(2);
  });

  it('a CSV testFraction that holds out every row is refused naming the file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'two.csv'), 'x,y,c\n0,1,a\n1,0,b\n');
    expect(() => scenarioFromData(join(dir, 'two.csv'), { testFraction: 0.9 })).toThrow(/two\.csv: testFraction 0\.9 of 2 rows holds out every row: no training row is left/);
  });
});
