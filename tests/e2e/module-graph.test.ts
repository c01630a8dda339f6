/**
 * The digits are read only when a digits scenario runs (issue 20's guard, with tests/core/speed-guard):
 * the built CLI runs under a probe that records every module Node loads (a loader hook) and every
 * file the process reads or opens; `list`, `info` and a run of a non-digits scenario must load no
 * module of the `mnist` package and never read dist/mnist-digits.bin. `check` of a digits scenario,
 * which builds its data, shows that the probe sees the read when there is one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'neural-eras.js');
const dir = mkdtempSync(join(tmpdir(), 'neural-eras-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = join(dir, 'loaded.txt');
// The hook runs on Node's loader thread: it appends each loaded module's URL to the log.
const hooks = join(dir, 'hooks.mjs');
writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.NE_GRAPH_LOG, 'module ' + url + '\\n');
  return next(url, context);
}
`);
// The preload registers the hook and records every path read or opened through node:fs.
const probe = join(dir, 'probe.mjs');
writeFileSync(probe, `import { register, syncBuiltinESMExports } from 'node:module';
import fs from 'node:fs';
register(${JSON.stringify(pathToFileURL(hooks).href)});
const record = (what) => (orig) => function (path, ...rest) {
  fs.appendFileSync(process.env.NE_GRAPH_LOG, what + ' ' + String(path) + '\\n');
  return orig.call(this, path, ...rest);
};
for (const name of ['readFileSync', 'openSync']) fs[name] = record(name)(fs[name]);
for (const name of ['readFile', 'open']) fs.promises[name] = record(name)(fs.promises[name]);
syncBuiltinESMExports();
`);

function loaded(...args: string[]): string[] {
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NE_GRAPH_LOG: log, NO_COLOR: '1' } });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const digits = (lines: readonly string[]) => lines.filter((l) => /mnist/i.test(l));

describe('the digits are read only when a digits scenario runs', () => {
  it.each([
    [['list']],
    [['info', 'digits-challenge']],
    [['run', 'xor-backprop', '--json']],
  ])('%j loads no mnist module and never reads the packed digits', (args) => {
    const lines = loaded(...args);
    // the probe saw the CLI's own bundle load
    expect(lines.some((l) => l.startsWith('module ') && l.includes('/dist/cli.js'))).toBe(true);
    expect(digits(lines)).toEqual([]);
  });

  it('check of a digits scenario reads dist/mnist-digits.bin (the probe sees a read when there is one)', () => {
    const lines = loaded('check', 'digits-2012');
    expect(digits(lines).some((l) => l.startsWith('readFileSync ') && l.endsWith('mnist-digits.bin'))).toBe(true);
    expect(digits(lines).filter((l) => l.startsWith('module '))).toEqual([]);
  });
});
