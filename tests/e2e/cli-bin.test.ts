/** The built executable (dist/, as npm start and the bin use it): start-up, exit codes, worker threads. */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'neural-eras.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('bin/neural-eras.js', () => {
  it('prints its version', () => {
    const r = run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs the lecture example and prints one JSON document', () => {
    const r = run('run', 'seed-perceptron-epoch', '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const w = JSON.parse(r.stdout).runs[0].weights as number[];
    w.forEach((v, j) => expect(Math.abs(v - [-0.6, 0.5, 0.5][j]!)).toBeLessThanOrEqual(1e-12));
  });

  it('exits 2 with one line and no stack trace for an unknown scenario', () => {
    const r = run('run', 'nope');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a full disk on stdout is an error (exit 1, one line on stderr); a failing stderr keeps exit 2; a closed pipe ends quietly', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const out = spawnSync(process.execPath, [bin, 'run', 'seed-perceptron-epoch', '--json'], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      expect(out.status).toBe(1);
      expect(out.stderr).toBe('neural-eras: cannot write the output (ENOSPC)\n');
      const err = spawnSync(process.execPath, [bin, 'run', 'nosuch'], { encoding: 'utf8', stdio: ['ignore', 'pipe', full] });
      expect(err.status).toBe(2);
    } finally {
      closeSync(full);
    }
    // with pipefail the pipeline's status is the CLI's own
    const piped = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${bin}" run xor-backprop --json | head -c 10 > /dev/null`], { encoding: 'utf8' });
    expect([piped.status, piped.stderr]).toEqual([0, '']);
  });

  it('verify streams its report: `verify --json | head -c 10` ends as soon as head has its bytes', () => {
    // The second scenario would train for many minutes (a million shuffled epochs of a 4-64-64-1 net, an unreachable
    // target): the pipeline ends only because verify writes as it goes and stops on the closed pipe.
    const dir = mkdtempSync(join(tmpdir(), 'neural-eras-verify-'));
    try {
      const slow = join(dir, 'slow.json');
      writeFileSync(slow, JSON.stringify({ id: 'slow', title: 't', era: '1986', year: 1986, story: ['s'], seed: 1, epochs: 1_000_000, target: { accuracy: { min: 2 } }, data: { kind: 'parity', bits: 4 }, models: [{ model: 'mlp-backprop', params: { hidden: [64, 64], shuffle: true } }], claims: [] }));
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${bin}" verify seed-or-unit "${slow}" --json | head -c 10`], { encoding: 'utf8', timeout: 60_000 });
      expect(r.error).toBeUndefined();
      expect([r.status, r.stdout]).toEqual([0, '{\n  "claim']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('answers --version from package.json, the version the CLI itself reports', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(run('--version').stdout).toBe(`${pkg.version}\n`);
    expect(run('-V').stdout).toBe(`${pkg.version}\n`);
    // through commander (another argument follows): the same number
    expect(run('--version', '--json').stdout).toBe(`${pkg.version}\n`);
  });

  // Every shipped claim is checked in-process by tests/scenarios/claims.test.ts (the same table);
  // through the bin, four scenarios on the worker threads, reported in the order given.
  it('verify through the bin: the scenarios given, on worker threads, in their order, exit 0', () => {
    const ids = ['perceptron-xor', 'xor-backprop', 'why-nonlinearity', 'hebb-and'];
    const r = run('verify', ...ids);
    expect(r.stdout).toMatch(/(\d+) claims: \1 hold, 0 fail/);
    const order = [...new Set(r.stdout.split('\n').flatMap((l) => (/^✓ {2}(\S+)/.exec(l)?.[1] ? [/^✓ {2}(\S+)/.exec(l)![1]!] : [])))];
    expect(order).toEqual(ids);
    expect(r.status).toBe(0);
  }, 120_000);

  it('sweeps on worker threads with the same per-seed results as one thread', () => {
    const one = JSON.parse(run('sweep', 'perceptron-separable', '--seeds', '40', '--workers', '1', '--json').stdout);
    const two = JSON.parse(run('sweep', 'perceptron-separable', '--seeds', '40', '--workers', '2', '--json').stdout);
    expect(two.workers).toBe(2);
    expect(two.runs).toEqual(one.runs);
    expect(two.runs).toHaveLength(40);
  }, 60_000);

  it('worker threads sweep the file given, even one without .json named like a shipped scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neural-eras-sweep-'));
    try {
      const own = { ...JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'perceptron-separable.json'), 'utf8')), epochs: 0, claims: [] };
      writeFileSync(join(dir, 'perceptron-separable'), JSON.stringify(own));
      const r = spawnSync(process.execPath, [bin, 'sweep', './perceptron-separable', '--seeds', '40', '--workers', '2', '--json'], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      // a budget of 0 epochs: the shipped scenario's seeds would train (and solve) in one or more
      expect([doc.workers, doc.epochBudget]).toEqual([2, 0]);
      expect(doc.runs.map((s: { epochs: number }) => s.epochs)).toEqual(Array(40).fill(0));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a plugin that throws in a sweep worker exits 2 with its one line, as run does (issue 18)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ne-sweep-plugin-'));
    try {
      const examples = join(import.meta.dirname, '..', '..', 'examples');
      const source = readFileSync(join(examples, 'madaline.js'), 'utf8').replace("id: 'madaline'", "id: 'boom'").replace('    epoch() {\n', "    epoch() {\n      throw new RangeError('no memistors left');\n");
      writeFileSync(join(dir, 'boom.mjs'), source);
      writeFileSync(join(dir, 'boom.json'), readFileSync(join(examples, 'madaline-xor.json'), 'utf8').replace('"model": "madaline"', '"model": "boom"').replace(/"run": "madaline"/g, '"run": "boom"'));
      const r = run('sweep', join(dir, 'boom.json'), '--model', 'boom', '--plugin', join(dir, 'boom.mjs'), '--seeds', '4', '--workers', '2');
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/plugin boom \(.*boom\.mjs\): epoch\(\) threw RangeError: no memistors left/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
