#!/usr/bin/env node
// The benchmark of issue 5: neural-eras against the JavaScript libraries users would pick,
// on three fixed workloads, one child process per library and workload.
//
//   node bench/run.mjs [--quick] [--only W1,W3] [--libs neural-eras,convnetjs]
//                      [--json out.json] [--runs N] [--warmup N] [--seed S]
//
// (`npm run bench -- --quick` from the repository root builds dist/ first, then runs this.)
// bench/ has its own package.json and lock file; its node_modules is installed here with
// `npm ci --prefix bench` when missing, so the peers never enter the main install.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');

const LIBRARIES = [
  { key: 'neural-eras', file: 'lib-neural-eras.mjs', aliases: ['ours', 'neural-eras'], conv: true },
  { key: 'brain.js@1', file: 'lib-brain-v1.mjs', aliases: ['brain-v1', 'brain1', 'brain.js@1'], conv: false },
  { key: 'brain.js@2', file: 'lib-brain-v2.mjs', aliases: ['brain-v2', 'brain2', 'brain.js@2'], conv: false },
  { key: 'synaptic', file: 'lib-synaptic.mjs', aliases: ['synaptic'], conv: false },
  { key: 'convnetjs', file: 'lib-convnetjs.mjs', aliases: ['convnetjs'], conv: true },
  { key: 'tfjs-cpu', file: 'lib-tfjs.mjs', aliases: ['tfjs', 'tfjs-cpu'], conv: true },
  { key: 'tfjs-wasm', file: 'lib-tfjs-wasm.mjs', aliases: ['tfjs-wasm', 'wasm'], conv: true },
];
const OURS = 'neural-eras';
// Every package the children load; a missing one triggers `npm ci`.
const PEER_PACKAGES = ['brain-v1', 'brain-v2', 'synaptic', 'convnetjs', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'seedrandom'];

function usage() {
  return `usage: node bench/run.mjs [options]
  --quick            fewer epochs and runs (whole comparison in well under 2 minutes)
  --only W1,W3       workloads to run (default all); the application's rows (bench/app.mjs)
                     then run only when the list names APP
  --libs a,b         libraries: ${LIBRARIES.map((l) => l.key).join(', ')}
                     (aliases: ours, brain-v1, brain-v2, tfjs, wasm)
  --json FILE        also write the results as JSON
  --runs N           timed runs per library and workload (default 5; --quick 3)
  --warmup N         untimed warm-up runs (default 1)
  --seed S           data and initial-weight seed (default: the fixed one in data.mjs)`;
}

function parseArgs(argv) {
  const o = { quick: false, only: null, libs: null, json: null, runs: null, warmup: 1, seed: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--only') o.only = next().split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    else if (a === '--libs') o.libs = next().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--json') o.json = next();
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--warmup') o.warmup = Number(next());
    else if (a === '--seed') o.seed = next();
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${usage()}`);
  }
  return o;
}

function ensureDeps() {
  const missing = PEER_PACKAGES.filter((p) => !existsSync(join(benchDir, 'node_modules', p, 'package.json')));
  if (missing.length === 0) return;
  console.log(`bench: installing the peers into bench/node_modules (missing: ${missing.join(', ')}) …`);
  // --omit=optional: gpu.js (brain.js 2's peer) lists the native `gl` as optional; its build
  // needs X11/GL headers and a download, and brain.js 2's CPU NeuralNetwork never loads it.
  // --ignore-scripts: no package used here needs an install script.
  const args = ['ci', '--prefix', benchDir, '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund'];
  const r = spawnSync('npm', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`bench: \`npm ${args.join(' ')}\` failed (exit ${r.status}); the peers cannot run.`);
    process.exit(1);
  }
}

function runChild(lib, args, timeoutMs) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(benchDir, lib.file), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('@@BENCH_RESULT '));
      let result = null;
      if (line) {
        try {
          result = JSON.parse(line.slice('@@BENCH_RESULT '.length));
        } catch {
          result = null;
        }
      }
      if (!result) {
        const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (time-out)' : ''}` : `exit ${code}`;
        result = { error: `no result (${why}): ${(err || out).trim().split('\n').slice(-3).join(' / ')}` };
      }
      resolvePromise(result);
    });
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmtRate = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US'));
const fmtShort = (x) => {
  if (x == null) return '—';
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e4) return `${(x / 1e3).toFixed(0)}k`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(0);
};
const fmtAcc = (x) => (x == null ? '—' : `${(100 * x).toFixed(1)} %`);
const fmtRatio = (x) => (x == null ? '—' : x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`);

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => `| ${cells.map((x, c) => String(x).padEnd(widths[c])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function machine() {
  const cpus = os.cpus();
  let model = cpus[0]?.model ?? 'unknown';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) model = m[1].trim();
  } catch {
    /* not Linux */
  }
  return {
    cpu: model,
    cores: os.availableParallelism ? os.availableParallelism() : cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { WORKLOADS, DEFAULT_SEED } = await import('./data.mjs');
  const workloads = (opts.only ?? Object.keys(WORKLOADS)).filter((w) => w !== 'APP').map((w) => {
    if (!WORKLOADS[w]) throw new Error(`unknown workload ${w} (have ${Object.keys(WORKLOADS).join(', ')})`);
    return WORKLOADS[w];
  });
  const libs = opts.libs
    ? opts.libs.map((name) => {
        const lib = LIBRARIES.find((l) => l.key === name || l.aliases.includes(name));
        if (!lib) throw new Error(`unknown library ${name} (have ${LIBRARIES.map((l) => l.key).join(', ')})`);
        return lib;
      })
    : LIBRARIES;
  const runs = opts.runs ?? (opts.quick ? 3 : 5);
  const seed = opts.seed ?? DEFAULT_SEED;
  const started = Date.now();

  if (libs.some((l) => l.key !== OURS)) ensureDeps();

  const unavailable = {};
  if (libs.some((l) => l.key === OURS)) {
    try {
      const { buildEngine } = await import('./build-engine.mjs');
      await buildEngine();
    } catch (e) {
      unavailable[OURS] = `engine could not be bundled: ${String(e.message ?? e).split('\n')[0]}`;
    }
  }

  const info = { date: new Date().toISOString(), machine: machine(), node: process.version };
  console.log(
    `neural-eras bench${opts.quick ? ' (--quick)' : ''} — ${info.date}\n` +
      `machine: ${info.machine.cpu}, ${info.machine.cores} cores, ${info.machine.memoryGiB} GiB; node ${info.node}\n` +
      `protocol: one child process per library and workload; 1 warm-up + ${runs} timed run${runs > 1 ? 's' : ''}` +
      `${opts.quick ? ' (fewer when a run is slow: ~5 s budget per child)' : ''}; samples/s = epochs × examples / training time\n`,
  );

  const results = {};
  for (const w of workloads) {
    const epochs = opts.quick ? w.quickEpochs : w.epochs;
    results[w.name] = {};
    console.log(`${w.name}: ${w.layers.join('-')}, ${w.hidden} hidden, ${w.output} output, ${w.loss}, SGD lr ${w.lr}, batch ${w.batch}, ${epochs} epochs`);
    for (const lib of libs) {
      const why = unavailable[lib.key] ?? (w.kind === 'conv' && !lib.conv ? 'no convolution layers' : null);
      if (why) {
        results[w.name][lib.key] = { error: why };
        console.log(`  ${lib.key.padEnd(12)} unavailable: ${why}`);
        continue;
      }
      const args = ['--workload', w.name, '--epochs', String(epochs), '--runs', String(runs), '--warmup', String(opts.warmup), '--seed', seed];
      if (opts.quick) args.push('--budget', '5');
      else if (w.budget) args.push('--budget', String(w.budget));
      const t0 = Date.now();
      const r = await runChild(lib, args, (opts.quick ? 3 : 30) * 60_000);
      const wall = ((Date.now() - t0) / 1000).toFixed(1);
      if (r.error) {
        results[w.name][lib.key] = { error: r.error.split('\n')[0] };
        console.log(`  ${lib.key.padEnd(12)} FAILED (${wall} s): ${r.error.split('\n').slice(0, 3).join(' ')}`);
        continue;
      }
      const entry = {
        version: r.version,
        samplesPerSec: median(r.runs),
        min: Math.min(...r.runs),
        max: Math.max(...r.runs),
        runs: r.runs,
        epochs: r.epochs,
        accuracyBefore: r.accuracyBefore,
        accuracyAfter: r.accuracyAfter,
        lossBefore: r.lossBefore,
        lossAfter: r.lossAfter,
        notes: r.notes,
      };
      results[w.name][lib.key] = entry;
      console.log(
        `  ${lib.key.padEnd(12)} ${fmtRate(entry.samplesPerSec).padStart(11)} samples/s ` +
          `[${fmtShort(entry.min)}–${fmtShort(entry.max)}, ${r.runs.length} runs]  ` +
          `accuracy ${fmtAcc(entry.accuracyBefore)} → ${fmtAcc(entry.accuracyAfter)}  (${wall} s)`,
      );
    }
    console.log('');
  }

  // ---- tables ----
  const names = workloads.map((w) => w.name);
  const rowsRate = libs.map((lib) => [
    lib.key,
    ...names.map((w) => {
      const e = results[w][lib.key];
      return e?.error ? 'n/a' : `${fmtShort(e.samplesPerSec)} (${fmtShort(e.min)}–${fmtShort(e.max)})`;
    }),
  ]);
  const headerW = names.map((w) => `${w} ${WORKLOADS[w].layers.join('-')}`);
  console.log('samples/s, median (min–max); forward + backward + update per training example\n');
  console.log(table(['library', ...headerW], rowsRate));

  const ratios = {};
  const haveOurs = names.some((w) => results[w][OURS] && !results[w][OURS].error);
  if (haveOurs) {
    const peers = libs.filter((l) => l.key !== OURS);
    for (const w of names) {
      ratios[w] = {};
      for (const p of peers) {
        const a = results[w][OURS];
        const b = results[w][p.key];
        ratios[w][p.key] = a && !a.error && b && !b.error ? a.samplesPerSec / b.samplesPerSec : null;
      }
    }
    console.log(`\nneural-eras speed ÷ peer speed (same run; > 1 means neural-eras is faster)\n`);
    console.log(table(['peer', ...names], peers.map((p) => [p.key, ...names.map((w) => fmtRatio(ratios[w][p.key]))])));
  } else if (libs.some((l) => l.key === OURS)) {
    console.log(`\nneural-eras: unavailable (${unavailable[OURS] ?? 'its runs failed'}), so no ratios.`);
  }

  console.log('\ntraining-set accuracy before → after, and ½·squared error of the outputs before → after\n');
  console.log(
    table(
      ['library', ...names],
      libs.map((lib) => [
        lib.key,
        ...names.map((w) => {
          const e = results[w][lib.key];
          if (!e || e.error) return 'n/a';
          return `${fmtAcc(e.accuracyBefore)} → ${fmtAcc(e.accuracyAfter)}; ${e.lossBefore.toFixed(3)} → ${e.lossAfter.toFixed(3)}`;
        }),
      ]),
    ),
  );

  // footnotes: each library's differences from the reference protocol
  console.log('\nfootnotes (what differs from the reference protocol; none = exact)');
  for (const lib of libs) {
    const notes = new Map();
    let version = null;
    for (const w of names) {
      const e = results[w][lib.key];
      if (!e) continue;
      if (e.error) notes.set(`unavailable: ${e.error}`, new Set([w]));
      else {
        version ??= e.version;
        for (const n of e.notes) (notes.get(n) ?? notes.set(n, new Set()).get(n)).add(w);
      }
    }
    const list = [...notes].map(([n, ws]) => (ws.size === names.length ? n : `${[...ws].join(', ')}: ${n}`));
    console.log(`  ${lib.key}${version ? ` ${version}` : ''}: ${list.length ? '' : 'none'}`);
    for (const n of list) console.log(`    - ${n}`);
  }
  const total = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\nfinished in ${total} s. Absolute figures on a shared machine are noisy; compare ratios from one run.`);

  if (opts.json) {
    const file = resolve(process.cwd(), opts.json);
    mkdirSync(dirname(file), { recursive: true });
    const out = {
      ...info,
      quick: opts.quick,
      seed,
      runs,
      warmup: opts.warmup,
      workloads: Object.fromEntries(
        names.map((w) => [
          w,
          Object.fromEntries(
            libs.map((lib) => {
              const e = results[w][lib.key];
              if (!e || e.error) {
                return [lib.key, { samplesPerSec: null, min: null, max: null, accuracyBefore: null, accuracyAfter: null, unavailable: e?.error ?? 'not run' }];
              }
              return [lib.key, e];
            }),
          ),
        ]),
      ),
      ratios,
      workloadSettings: Object.fromEntries(names.map((w) => [w, { ...WORKLOADS[w], epochs: opts.quick ? WORKLOADS[w].quickEpochs : WORKLOADS[w].epochs }])),
    };
    writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`JSON written to ${file}`);
  }
}

const only = parseArgs(process.argv.slice(2)).only;
main()
  .then(() => {
    // The application's own rows (issue 20): start-up, list, verify, sweep, the runner against the raw loop
    // (~45 s of CPU: not when --only picks workloads without APP, so a W1-only run stays short and quiet).
    if (only !== null && !only.includes('APP')) return;
    const r = spawnSync(process.execPath, [join(benchDir, 'app.mjs'), ...(process.argv.includes('--quick') ? ['--quick'] : [])], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  })
  .catch((e) => {
    console.error(`bench: ${e.message ?? e}`);
    process.exit(1);
  });
