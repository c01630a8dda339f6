/**
 * `neural-eras gradients [--depth n] [--width n] [--activations sigmoid,tanh,relu] [--init …]
 *   [--epochs n] [--seed n] [--data kind] [--json]`: per-layer gradient norms of the same deep,
 * narrow network with each hidden activation, at initialisation (and after n epochs) — the
 * sigmoid-versus-ReLU vanishing-gradient comparison in one command.
 */
import { GENERATORS, generate, type Generator } from '../data/datasets.js';
import { ACTIVATIONS, INIT_NAMES, MEMORY_LIMIT, computeGradients, megabytes, networkBytes, createNetwork, mapTargets, targetMap, toFlat, type ActivationName, type InitName } from '../engines/dense/index.js';
import { quote } from '../core/params.js';
import { deriveRng } from '../core/rng.js';
import { toJson } from '../report/json.js';
import { num, table } from '../report/table.js';
import type { Io } from './io.js';
import { UsageError } from './errors.js';
import { parseCount, parseSeed } from './options.js';

export interface GradientOptions {
  depth?: string;
  width?: string;
  activations?: string;
  init?: string;
  epochs?: string;
  seed?: string;
  data?: string;
  learningRate?: string;
  json?: boolean;
}

export interface LayerGradient {
  layer: number;
  gradNorm: number;
  meanAbsDelta: number;
}
export interface ActivationGradients {
  init: string;
  layers: LayerGradient[];
  /** First weight layer's gradient norm over the last one's. */
  ratio: number;
  afterEpochs?: { epochs: number; loss: number; accuracy: number; layers: LayerGradient[]; ratio: number };
}

/** He for rectifiers, Glorot for squashing units: each activation's modern default. */
const autoInit = (activation: string): InitName => (activation === 'relu' || activation === 'leaky-relu' ? 'he' : 'glorot-uniform');

const HIDDEN = Object.keys(ACTIVATIONS).filter((a) => !a.startsWith('step'));

export function gradientTable(opts: GradientOptions): { config: Record<string, unknown>; activations: Record<string, ActivationGradients> } {
  const depth = opts.depth !== undefined ? parseCount('--depth', opts.depth, 1, 100) : 10;
  const width = opts.width !== undefined ? parseCount('--width', opts.width, 1, 1024) : 16;
  const epochs = opts.epochs !== undefined ? parseCount('--epochs', opts.epochs, 0, 100000) : 0;
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : 1;
  const eta = opts.learningRate !== undefined ? Number(opts.learningRate) : 0.1;
  if (!(eta > 0 && eta <= 100)) throw new UsageError(`--learning-rate must be a number in (0, 100], got ${quote(opts.learningRate)}`);
  const names = (opts.activations ?? 'sigmoid,relu').split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--activations needs at least one of ${HIDDEN.join(', ')}`);
  for (const a of names) if (!HIDDEN.includes(a)) throw new UsageError(`--activations: unknown activation ${quote(a)}; known: ${HIDDEN.join(', ')}`);
  const init = opts.init ?? 'auto';
  if (init !== 'auto' && !(INIT_NAMES as readonly string[]).includes(init)) throw new UsageError(`--init: unknown initialisation ${quote(init)}; known: auto, ${INIT_NAMES.join(', ')}`);
  const kind = (opts.data ?? 'circles') as Generator;
  if (!(GENERATORS as readonly string[]).includes(kind)) throw new UsageError(`--data: unknown generator ${quote(kind)}; known: ${GENERATORS.join(', ')}`);

  const data = generate(kind, { n: 200, noise: 0.05, targets: 'binary' }, deriveRng(seed, 'data'));
  const map = targetMap(data, 'sigmoid-mse');
  const X = toFlat(data.inputs);
  const T = mapTargets(data, map);
  const n = data.inputs.length;
  const sizes = [2, ...Array.from({ length: depth }, () => width), 1];
  const bytes = networkBytes(sizes, 50) * names.length;
  if (bytes > MEMORY_LIMIT) throw new UsageError(`--depth ${depth} --width ${width}: ${names.length} such networks need about ${megabytes(bytes)}, over the limit of ${megabytes(MEMORY_LIMIT)}`);
  const layersOf = (g: { gradNorm: number[]; meanAbsDelta: number[] }): LayerGradient[] =>
    g.gradNorm.map((gradNorm, k) => ({ layer: k + 1, gradNorm, meanAbsDelta: g.meanAbsDelta[k]! }));
  const ratioOf = (g: { gradNorm: number[] }) => g.gradNorm[0]! / g.gradNorm[g.gradNorm.length - 1]!;

  const activations: Record<string, ActivationGradients> = {};
  for (const name of names) {
    const chosen = init === 'auto' ? autoInit(name) : (init as InitName);
    // Every activation starts from the same seed stream, so only the activation (and its init) differs.
    const net = createNetwork({ sizes, hidden: name as ActivationName, output: 'sigmoid', loss: 'mse', init: chosen, maxBatch: 50 }, deriveRng(seed, `model:${name}`));
    const g0 = computeGradients(net, X, T, n);
    const entry: ActivationGradients = { init: chosen, layers: layersOf(g0), ratio: ratioOf(g0) };
    if (epochs > 0) {
      for (let e = 0; e < epochs; e++) net.trainEpoch(X, T, n, { eta, batchSize: 10 });
      const g1 = computeGradients(net, X, T, n);
      entry.afterEpochs = { epochs, loss: g1.loss, accuracy: net.evaluate(X, T, n).accuracy, layers: layersOf(g1), ratio: ratioOf(g1) };
    }
    activations[name] = entry;
  }
  return { config: { depth, width, data: kind, n, seed, init, epochs, learningRate: eta, output: 'sigmoid-mse' }, activations };
}

export function gradientsCommand(opts: GradientOptions, io: Io): number {
  const result = gradientTable(opts);
  if (opts.json) {
    io.out(`${toJson(result, 2)}\n`);
    return 0;
  }
  const names = Object.keys(result.activations);
  const render = (pick: (a: ActivationGradients) => { layers: LayerGradient[]; ratio: number } | undefined, title: string) => {
    const cols = names.map((a) => pick(result.activations[a]!)!);
    const rows = cols[0]!.layers.map((l, i) => [`${l.layer}${i === 0 ? ' (first)' : i === cols[0]!.layers.length - 1 ? ' (output)' : ''}`, ...cols.map((c) => c.layers[i]!.gradNorm)]);
    rows.push(['first / last', ...cols.map((c) => c.ratio)]);
    return `${title}\n${table(['layer', ...names.map((a) => `${a} (${result.activations[a]!.init})`)], rows)}\n`;
  };
  const c = result.config;
  io.out(`‖∂J/∂W‖ per weight layer: 2-${Array(c['depth']).fill(c['width']).join('-')}-1 net, sigmoid output, ½·MSE, ${c['n']} "${c['data']}" points, seed ${c['seed']}\n\n`);
  io.out(render((a) => a, 'At initialisation'));
  if (Number(c['epochs']) > 0) io.out(`\n${render((a) => a.afterEpochs, `After ${c['epochs']} epochs (SGD η = ${c['learningRate']}, batch 10)`)}`);
  const ratios = names.map((a) => `${a} ${num(result.activations[a]!.ratio)}`).join(', ');
  io.out(`\nfirst-to-last ratio: ${ratios}. σ′(z) ≤ ¼, so every sigmoid layer shrinks the backward signal; ReLU′ = 1 on active units passes it on.\n`);
  return 0;
}
