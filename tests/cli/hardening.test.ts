/**
 * Issue 13's "Found" list, one block per item: each input is rejected where it enters (schema,
 * file reader, flag parser, parameter resolver) with one located line and exit 2, or runs right.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'neural-eras-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const shipped = (id: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8'));

/** Writes a scenario (an object, or raw text) to a temp file; returns its path. */
let files = 0;
function file(content: unknown, name = `case-${++files}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** A small scenario around one model entry. */
const scenario = (model: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'case', title: 'A case', era: '1958', year: 1958, story: ['A case.'], seed: 1, epochs: 5,
  data: { kind: 'gate', gate: 'AND' }, models: [model], claims: [], ...extra,
});

/** Exit 2 with exactly one line on stderr, naming the file and the field. */
async function rejected(argv: string[], where: RegExp) {
  const r = await cli(...argv);
  expect(r.code, r.err).toBe(2);
  expect(r.err.endsWith('\n')).toBe(true);
  expect(r.err.trimEnd().split('\n'), r.err).toHaveLength(1);
  expect(r.err).toMatch(where);
  expect(r.err.length).toBeLessThan(600);
  return r.err;
}

describe('1. sweep reads the file it was given', () => {
  it('a user file without .json, named like a shipped scenario, is swept as written (not the shipped one)', async () => {
    // a budget of 0 epochs: the shipped scenario's seeds would train (and solve) in one or more
    const own = { ...shipped('perceptron-separable'), epochs: 0, claims: [] };
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'perceptron-separable'), JSON.stringify(own));
    writeFileSync(join(dir, 'sub', 'my-file'), JSON.stringify(own));
    const cwd = process.cwd();
    process.chdir(join(dir, 'sub'));
    try {
      const doc = JSON.parse((await cli('sweep', './perceptron-separable', '--seeds', '3', '--json')).out);
      expect(doc.epochBudget).toBe(0);
      expect(doc.runs.map((r: { epochs: number }) => r.epochs)).toEqual([0, 0, 0]);
      const mine = await cli('sweep', './my-file', '--seeds', '2', '--json');
      expect(mine.code, mine.err).toBe(0);
      expect(JSON.parse(mine.out).epochBudget).toBe(0);
      expect((await cli('info', './my-file')).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('2. sizes are bounded before anything is allocated', () => {
  const mlp = (hidden: unknown) => file(scenario({ model: 'mlp-backprop', params: { hidden } }));
  it.each([[[50000, 50000]], [[100000, 100000]], [[1e308]], [[65536, 65536]], [[0]], [[2.5]], [Array(100).fill(2)]])(
    'hidden = %j is refused by the schema, located',
    async (hidden) => {
      await rejected(['run', mlp(hidden)], /case-\d+\.json: models\[0\]\.params\.hidden: /);
    },
  );

  it('a network within the per-layer bound but too big for memory is refused with an estimate', async () => {
    const err = await rejected(['run', mlp([4000, 4000, 4000])], /models\[0\]\.params\.hidden: .*MiB/);
    expect(err).toMatch(/limit/);
    await rejected(['run', 'xor-backprop', '--model', 'mlp-backprop', '--param', 'hidden=[4000,4000,4000]'], /hidden: a 2-4000-4000-4000-1 network needs about \d+ MiB .* limit of 256 MiB/);
    await rejected(['run', 'xor-backprop', '--model', 'mlp-backprop', '--param', 'hidden=[100000,100000]'], /--param hidden=.*expected a list of whole numbers in \[1, 4096\]/);
  });

  it('association units are bounded by memory too', async () => {
    const big = file(scenario({ model: 'perceptron', params: { associationUnits: 10000 } }, { data: { kind: 'blobs', n: 100000, targets: 'bipolar' } }));
    await rejected(['run', big], /models\[0\]\.params\.associationUnits: .*MiB/);
  });

  it('--epochs is bounded like a scenario budget (1,000,000): every epoch is kept in the history', async () => {
    await rejected(['run', 'perceptron-xor', '--epochs', '1000001'], /--epochs must be a whole number from 0 to 1000000/);
    await rejected(['sweep', 'perceptron-xor', '--epochs', '10000000'], /--epochs must be a whole number from 0 to 1000000/);
  });

  it(`--workers is capped at the core count (${availableParallelism()} here)`, async () => {
    const doc = JSON.parse((await cli('sweep', 'perceptron-separable', '--seeds', '300', '--workers', '256', '--json')).out);
    expect(doc.workers).toBeLessThanOrEqual(availableParallelism());
    await rejected(['sweep', 'perceptron-separable', '--workers', '0'], /--workers/);
  });
});

describe('3. inherited member names are plain unknown names', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('a claim on metric %s does not hold (measured: nothing)', async (metric) => {
    const path = file(scenario({ model: 'perceptron' }, { claims: [{ run: 'perceptron', metric, min: 0 }] }));
    const r = await cli('verify', path, '--json');
    expect(r.code, r.err).toBe(1);
    expect(JSON.parse(r.out).claims[0]).toMatchObject({ holds: false });
    expect(JSON.parse(r.out).claims[0].claim).toMatch(/got nothing/);
  });

  it.each(['constructor', 'toString', '__proto__', 'valueOf'])('--param %s=1 is an unknown parameter (exit 2)', async (key) => {
    await rejected(['run', 'perceptron-xor', '--param', `${key}=1`], new RegExp(`--param ${key}=1: perceptron has no parameter "${key}"`));
  });

  it('a "__proto__" key inside params, data or a target is refused, located', async () => {
    await rejected(['run', file('{"id":"case","title":"A","era":"1958","year":1958,"story":["a"],"seed":1,"epochs":5,"data":{"kind":"gate","gate":"AND"},"models":[{"model":"perceptron","params":{"__proto__":{"learningRate":5}}}],"claims":[]}')], /models\[0\]\.params\.__proto__: /);
    await rejected(['run', file(scenario({ model: 'perceptron', target: JSON.parse('{"__proto__":{"min":1}}') }))], /models\[0\]\.target\.__proto__: /);
  });

  it('a target on metric "constructor" never counts as reached', async () => {
    const r = await cli('run', file(scenario({ model: 'perceptron', target: { constructor: { max: 1 } } })), '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).runs[0].outcome).not.toBe('solved');
  });
});

describe('4. no input crashes or blocks the reader', () => {
  it('claim weights nested 10,000 deep are refused, located', async () => {
    const deep = `${'['.repeat(10000)}1${']'.repeat(10000)}`;
    const text = JSON.stringify(scenario({ model: 'perceptron' }, { claims: [{ run: 'perceptron', weights: 'DEEP' }] })).replace('"DEEP"', deep);
    await rejected(['run', file(text)], /claims\[0\]\.weights.*nested/);
  });

  it('a test split that leaves no training rows is refused by the schema', async () => {
    await rejected(['run', file(scenario({ model: 'perceptron' }, { data: { kind: 'blobs', n: 4, testFraction: 0.9, targets: 'bipolar' } }))], /data\.testFraction: /);
  });

  it('gradients --activations "" is a usage error', async () => {
    await rejected(['gradients', '--activations', ''], /--activations/);
    await rejected(['gradients', '--activations', ',,'], /--activations/);
  });

  it('a symlink to /dev/zero and a fifo are not regular files: refused at once', async () => {
    const link = join(dir, 'zero.json');
    symlinkSync('/dev/zero', link);
    await rejected(['run', link], /zero\.json: not a regular file/);
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    await rejected(['run', fifo], /fifo\.json: not a regular file/);
    await rejected(['run', dir], /not a regular file/);
  });

  it('a file over the size cap is refused before it is read', async () => {
    await rejected(['run', file(`{"pad": "${'x'.repeat(5 * 1024 * 1024)}"}`)], /larger than .*MiB/);
  });
});

describe('5. data and parameters that cannot train are refused', () => {
  const table = (data: Record<string, unknown>) => file(scenario({ model: 'perceptron' }, { data: { kind: 'table', ...data } }));
  it('ragged inputs and targets, and a wrong number of target rows', async () => {
    await rejected(['run', table({ inputs: [[0, 0], [0], [1, 0], [1, 1]], targets: [[-1], [-1], [-1], [1]] })], /data\.inputs\[1\]: .*2 numbers/);
    await rejected(['run', table({ inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[-1], [-1], [1]] })], /data\.targets: .*4 rows/);
    await rejected(['run', table({ inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[-1], [-1, 1], [1], [1]] })], /data\.targets\[1\]: /);
    await rejected(['run', table({ inputs: [[]] })], /data\.inputs\[0\]: /);
  });

  it('a McCulloch-Pitts unit with a string theta, a null unit or a non-finite weight', async () => {
    const mp = (network: unknown) => file(scenario({ model: 'mcculloch-pitts', params: { network } }));
    await rejected(['run', mp({ layers: [[{ w: [1, 1], theta: '2' }]] })], /models\[0\]\.params\.network\.layers\[0\]\[0\]\.theta: /);
    await rejected(['run', mp({ layers: [[null]] })], /models\[0\]\.params\.network\.layers\[0\]\[0\]: /);
    await rejected(['run', mp({ layers: [[{ w: [1, 1], bias: [] }]] })], /models\[0\]\.params\.network\.layers\[0\]\[0\]\.bias: /);
  });
});

describe('6. every message is one located line', () => {
  it('checks made after the schema name the file and the field; info exits 2 on them', async () => {
    const blobs = file(scenario({ model: 'mlp-backprop' }, { data: { kind: 'blobs', n: 40, classes: 10, targets: 'binary' } }));
    await rejected(['run', blobs], /case-\d+\.json: data\.targets: 10 classes need onehot targets/);
    await rejected(['info', blobs], /case-\d+\.json: data\.targets: /);
    const single = file(scenario({ model: 'perceptron' }, { data: { kind: 'blobs', n: 40, classes: 3 } }));
    await rejected(['run', single], /case-\d+\.json: models\[0\]: perceptron/);
    await rejected(['info', single], /case-\d+\.json: models\[0\]: /);
    const shaped = file(scenario({ model: 'mlp-backprop', params: { weights: [[[0, 1]]] } }));
    await rejected(['run', shaped], /case-\d+\.json: models\[0\]\.params\.weights: /);
  });

  it('several schema problems still make one line; a huge invalid value is elided', async () => {
    const err = await rejected(['run', file({ id: 'Bad Id', title: '', era: 5, year: 'x', story: [], seed: null, epochs: -1, data: {}, models: [], claims: 7 })], /case-\d+\.json: /);
    expect(err).toMatch(/more/);
    const huge = 'x'.repeat(1024 * 1024);
    const err2 = await rejected(['run', file(scenario({ model: 'perceptron', params: { learningRate: huge } }))], /models\[0\]\.params\.learningRate: expected a number/);
    expect(err2).toMatch(/…/);
    await rejected(['run', `${huge}.json`], /cannot read/);
    await rejected(['run', 'no\nsuch'], /unknown scenario/);
  });

  it('a file starting with a UTF-8 byte-order mark is read', async () => {
    const r = await cli('run', file(`\uFEFF${JSON.stringify(scenario({ model: 'perceptron' }))}`));
    expect(r.code, r.err).toBe(0);
  });
});

describe('7. NaN and ±∞ are written as "NaN", "Infinity", "-Infinity" in JSON, never null', () => {
  it('run --json: hebb-unbounded-vs-oja diverges to non-finite numbers', async () => {
    const { out } = await cli('run', 'hebb-unbounded-vs-oja', '--json');
    const plain = JSON.parse(out).runs.find((r: { id: string }) => r.id === 'plain');
    expect(plain.outcome).toBe('diverged');
    expect(plain.metrics.accuracy).toBe('NaN');
    expect(out).not.toMatch(/"(loss|accuracy|bestAccuracy|weightNorm)":null/);
  });

  it('sweep --json and gradients --json', async () => {
    const sweep = await cli('sweep', 'adaline-divergence', '--model', 'above', '--seeds', '2', '--epochs', '2000', '--json');
    const runs = JSON.parse(sweep.out).runs as { loss: unknown }[];
    expect(runs.every((r) => typeof r.loss === 'number' || ['NaN', 'Infinity', '-Infinity'].includes(r.loss as string))).toBe(true);
    expect(sweep.out).not.toMatch(/"loss":null/);
    const grad = await cli('gradients', '--activations', 'relu', '--depth', '30', '--width', '1', '--json');
    expect(grad.code, grad.err).toBe(0);
    expect(grad.out).not.toMatch(/null/);
  });
});

describe('9. a divergence reason names the epoch the run ended on', () => {
  it('whole epochs: the epoch closed last; step by step (--trace): the epoch in progress, one past the last closed', async () => {
    for (const [extra, offset] of [[[], 0], [['--trace'], 1]] as const) {
      const doc = JSON.parse((await cli('run', 'hebb-unbounded-vs-oja', '--model', 'plain', '--json', ...extra)).out);
      const r = doc.runs[0];
      expect(r.outcome).toBe('diverged');
      const named = [...(r.reason as string).matchAll(/at epoch (\d+)/g)].map((m) => Number(m[1]));
      expect(named, r.reason).toEqual([r.epochs + offset]);
    }
  });
});

describe("issue 20's leftovers (hostile inputs): refused at load, located", () => {
  it('a table of 0 rows is refused at data.inputs, not crashed on', async () => {
    await rejected(['run', file(scenario({ model: 'perceptron' }, { data: { kind: 'table', inputs: [] } }))], /case-\d+\.json: data\.inputs: .*>=1/);
    await rejected(['run', file(scenario({ model: 'perceptron', data: { inputs: [] } }, { data: { kind: 'table', inputs: [[0, 1]], targets: [[1]] } }))], /models\[0\]\.data: inputs: .*>=1/);
  });

  it('a claim comparing with a "metric" that is no metric name (versus "-1") is refused', async () => {
    const s = shipped('dropout-monte-carlo') as { claims: Record<string, unknown>[] };
    s.claims[1]!['versus'] = '-1';
    await rejected(['run', file(s)], /claims\[1\]\.versus: "-1" is not a metric name/);
  });

  it('a claim on the held-out split of a run without one (digits-2012 with data.test = 0) is refused', async () => {
    const s = shipped('digits-2012') as { data: Record<string, unknown> };
    s.data['test'] = 0;
    // run names the first problem and counts the rest (check lists them all, one line each)
    await rejected(['run', file(s)], /claims\[1\]\.metric: "testAccuracy" is measured on held-out data, but run "mlp-1986" has none/);
  });

  it('sweep --workers 1000 says it was capped at the core count, with the result (nothing on stderr: found by npm run fuzz)', async () => {
    const cores = availableParallelism();
    const r = await cli('sweep', 'perceptron-separable', '--seeds', '4', '--workers', '1000');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`runs on ${cores} worker${cores > 1 ? 's' : ''} (--workers 1000: capped at ${cores}, the number of cores) in `);
    const doc = JSON.parse((await cli('sweep', 'perceptron-separable', '--seeds', '4', '--workers', '1000', '--json')).out);
    expect([doc.workers, doc.workersAsked]).toEqual([cores, 1000]);
    const one = await cli('sweep', 'perceptron-separable', '--seeds', '4', '--workers', '1');
    expect([one.err, one.out.includes('capped')]).toEqual(['', false]);
    expect(JSON.parse((await cli('sweep', 'perceptron-separable', '--seeds', '4', '--workers', '1', '--json')).out)).not.toHaveProperty('workersAsked');
  });

  it('a sweep refused for another flag says only that, even with too many workers (found by npm run fuzz)', async () => {
    const more = String(availableParallelism() + 1);
    for (const argv of [
      ['sweep', 'perceptron-xor', '--workers', more, '--epochs', 'OVi-', '--seeds', '5'],
      ['sweep', 'seed-perceptron-epoch', '--model', 'prototype', '--epochs', '"n', '--workers', '9', '--json', '--seeds', '5'],
      ['sweep', 'perceptron-xor', '--workers', more, '--model', 'no-such-model', '--seeds', '5'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.err).not.toContain('capped');
    }
  });
});
