/** The built executable (dist/, as npm start and the bin use it): start-up, exit codes, worker threads. */
import { spawnSync } from 'node:child_process';
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

  it('verify passes every shipped claim and exits 0', () => {
    const r = run('verify');
    expect(r.stdout).toMatch(/(\d+) claims: \1 hold, 0 fail/);
    expect(r.status).toBe(0);
  }, 180_000);

  it('sweeps on worker threads with the same per-seed results as one thread', () => {
    const one = JSON.parse(run('sweep', 'perceptron-separable', '--seeds', '40', '--workers', '1', '--json').stdout);
    const two = JSON.parse(run('sweep', 'perceptron-separable', '--seeds', '40', '--workers', '2', '--json').stdout);
    expect(two.workers).toBe(2);
    expect(two.runs).toEqual(one.runs);
    expect(two.runs).toHaveLength(40);
  });
});
