/**
 * History: LeCun, Boser, Denker, Henderson, Howard, Hubbard & Jackel (1989) — back-propagation
 *   applied to handwritten zip-code digits. Instead of a fully connected net, the first layers
 *   look at small 5×5 windows and every unit of a feature map shares the same kernel: the net
 *   knows that a stroke means the same thing anywhere in the image, and has 9,760 free parameters
 *   for 64,660 connections. It read U.S. Postal Service digits at 5 % test error.
 * Update rule: units o = f(net), f(a) = 1.7159 tanh(2a/3); E = ½ Σ_k (o_k − t_k)², t = +1 for the
 *   digit's output and −1 for the others; delta^out = (o − t) ∘ f'(net), delta^k = f'(net^k) ∘
 *   (W^{k+1})ᵀ delta^{k+1}, where a shared kernel's gradient sums over every unit that uses it;
 *   after every pattern, w ← w − eta ∂E/∂w (online SGD). Initial weights U(±2.4/F), F = fan-in.
 *   (LeCun scaled each weight's step by a diagonal second-derivative estimate; this is plain SGD.)
 * What it cannot do: the architecture is designed by hand for 16×16 images (kernels, strides,
 *   connection table); it needs many labelled examples and many slow online passes.
 * Parameters: learningRate (eta), connections (cyclic-8 | full), hidden (H3 units), init
 *   (fan-in | sqrt-fan-in), shuffle. The layers are in src/engines/conv/convnet.ts.
 */
import { ConvNet } from '../engines/conv/convnet.js';
import { exact } from '../core/format.js';
import { definePlugin, param } from '../core/plugin.js';
import { cause, type Cause } from '../core/reasons.js';
import { toFlat } from '../engines/dense/index.js';
import type { Rng } from '../core/rng.js';
import {
  type Dataset, type EpochResult, type Evaluation, type FilterBank, type LayerCount, ModelConfigError, type ModelInstance, type ParamsOf, type StepRecord,
  type WeightsSnapshot,
} from '../core/types.js';
import { said, saidText, type Said } from '../core/said.js';

type Rows = Pick<Dataset, 'inputs' | 'targets' | 'labels'>;

/** The architecture as lines (said: the lab writes them in its language): one per layer with its counts, then the totals. */
export function architectureSaid(counts: readonly LayerCount[]): Said[] {
  const total = (k: 'units' | 'connections' | 'parameters'): number => counts.reduce((s, l) => s + l[k], 0);
  return [
    ...counts.map((l) => said('arch.row', { name: l.name.padEnd(7), shape: l.shape.padEnd(9), units: exact(l.units).padStart(7), connections: exact(l.connections).padStart(8), parameters: exact(l.parameters).padStart(7) })),
    said('arch.total', { pad: ''.padEnd(11), units: exact(total('units')).padStart(7), connections: exact(total('connections')).padStart(8), parameters: exact(total('parameters')).padStart(7) }),
  ];
}

/** The architecture as English lines (the history card's notes, `info`). */
export const architectureLines = (counts: readonly LayerCount[]): string[] => architectureSaid(counts).map(saidText);

const PARAMS = {
  learningRate: param.number({ default: 0.01, min: 0, max: 10, help: 'η, the step of each online update' }),
  connections: param.oneOf(['cyclic-8', 'full'], { default: 'cyclic-8', help: 'H2 map j sees H1 maps j … j+7 (mod 12), or all 12' }),
  hidden: param.integer({ default: 30, min: 1, max: 1000, help: 'units of the fully connected layer H3' }),
  init: param.oneOf(['fan-in', 'sqrt-fan-in'], { default: 'fan-in', help: 'initial weights U(±2.4/F) as in the paper, or U(±2.4/√F)' }),
  shuffle: param.boolean({ default: false, help: 'reshuffle the presentation order every epoch (from the run seed)' }),
};

class LeCunInstance implements ModelInstance {
  readonly deterministicEpochs: boolean;
  readonly net: ConvNet;
  private readonly X: Float64Array;
  private readonly n: number;
  private readonly pixels: number;
  private readonly eta: number;
  private readonly shuffle: boolean;
  private order: Uint32Array;
  private cursor = 0;
  private readonly flatCache = new WeakMap<object, Float64Array>();
  private readonly row: Float64Array;

  constructor(
    private readonly data: Dataset,
    params: ParamsOf<typeof PARAMS>,
    private readonly rng: Rng,
  ) {
    const image = data.image;
    if (!image || image.width !== image.height || image.width < 8) {
      throw new ModelConfigError('lecun-1989 needs square images of at least 8×8 (a "digits" data set)');
    }
    this.pixels = image.width * image.height;
    this.net = new ConvNet(
      {
        side: image.width,
        classes: data.classes,
        connections: params.connections,
        hidden: params.hidden,
        init: params.init,
        // the background: the darkest pixel of the training set (−1 for bipolar pixels, 0 for 0…1)
        padInput: data.inputs.reduce((m, r) => r.reduce((a, v) => (v < a ? v : a), m), Infinity),
      },
      rng,
    );
    this.n = data.inputs.length;
    this.X = toFlat(data.inputs);
    this.eta = params.learningRate;
    this.shuffle = params.shuffle;
    this.order = Uint32Array.from({ length: this.n }, (_, i) => i);
    this.deterministicEpochs = !this.shuffle;
    this.row = new Float64Array(this.pixels);
  }

  private next(): number {
    if (this.cursor === 0 && this.shuffle) this.rng.shuffleIndices(this.order);
    const i = this.order[this.cursor]!;
    this.cursor = (this.cursor + 1) % this.n;
    return i;
  }

  epoch(): EpochResult {
    const labels = this.data.labels;
    do {
      const i = this.next();
      this.net.trainPattern(this.X, i, labels[i]!, this.eta);
    } while (this.cursor !== 0);
    return { ...this.measure(), updates: this.n };
  }

  /** The scores on the training set and the test split (one forward pass each), the counts, the weights and whether they are finite. */
  measure(): EpochResult {
    const train = this.score(this.data);
    const test = this.data.test ? this.score(this.data.test) : undefined;
    return { train, ...(test ? { test } : {}), updates: 0, metrics: this.metrics(), weights: this.net.w, stop: this.divergence() };
  }

  step(): StepRecord {
    const net = this.net;
    const i = this.next();
    const from = net.outOff;
    const before = Array.from(net.w.subarray(from));
    net.trainPattern(this.X, i, this.data.labels[i]!, this.eta);
    const after = Array.from(net.w.subarray(from));
    const label = this.data.labels[i]!;
    // the output the net gave before the update (its buffers still hold that forward pass)
    const predicted = net.argmax();
    const eta = this.eta;
    const digit = this.data.classNames?.[label] ?? label;
    return {
      pattern: i,
      x: this.data.inputs[i]!,
      t: Array.from(net.t),
      net: Array.from(net.z4),
      o: Array.from(net.a4),
      before,
      after,
      changed: true,
      rule: 'gradient',
      ...(this.cursor === 0 ? { closes: this.measure() } : {}),
      explain: () => `w ← w − η ∂E/∂w, E = ½ Σ (o − t)², η = ${exact(eta)}: digit ${digit}, output ${predicted} before the update`,
    };
  }

  private flat(rows: Rows): Float64Array {
    if (rows.inputs === this.data.inputs) return this.X;
    let X = this.flatCache.get(rows.inputs);
    if (!X) this.flatCache.set(rows.inputs, (X = toFlat(rows.inputs)));
    return X;
  }

  /** Forward passes over rows; calls visit(row, predicted class) after each. */
  private sweep(rows: Rows, visit: (r: number, label: number) => void): { loss: number; accuracy: number } {
    const X = this.flat(rows);
    const net = this.net;
    let loss = 0;
    let correct = 0;
    for (let r = 0; r < rows.labels.length; r++) {
      net.load(X, r, rows.labels[r]!);
      net.forward();
      loss += net.loss();
      const label = net.argmax();
      if (label === rows.labels[r]) correct++;
      visit(r, label);
    }
    const n = rows.labels.length;
    return { loss: n ? loss / n : 0, accuracy: n ? correct / n : 0 };
  }

  private score(rows: Rows): { loss: number; accuracy: number } {
    return this.sweep(rows, () => {});
  }

  evaluate(rows: Rows): Evaluation {
    const outputs: number[][] = [];
    const predictions: number[] = [];
    const targets: number[][] = [];
    const { loss, accuracy } = this.sweep(rows, (_, label) => {
      outputs.push(Array.from(this.net.a4));
      targets.push(Array.from(this.net.t));
      predictions.push(label);
    });
    return { loss, accuracy, outputs, predictions, targets };
  }

  predict(x: readonly number[]): { label: number; score: number } {
    this.row.set(x);
    this.net.load(this.row, 0, 0);
    this.net.forward();
    const label = this.net.argmax();
    // the winning output mapped from [−A, A] to [0, 1]
    return { label, score: Math.min(1, Math.max(0, (this.net.a4[label]! / 1.7159 + 1) / 2)) };
  }

  snapshot(): WeightsSnapshot {
    const { net } = this;
    const w = net.w;
    const rows = (off: number, nin: number, nout: number): number[][] =>
      Array.from({ length: nout }, (_, j) => Array.from(w.subarray(off + j * (nin + 1), off + (j + 1) * (nin + 1))));
    return {
      kind: 'blocks',
      blocks: [
        { name: 'H1kernels', rows: net.kernels() },
        { name: 'H1biases', vector: Array.from(w.subarray(net.h1.bOff, net.h2.kOff)) },
        { name: 'H2kernels', vector: Array.from(w.subarray(net.h2.kOff, net.h2.bOff)) },
        { name: 'H2biases', vector: Array.from(w.subarray(net.h2.bOff, net.h3Off)) },
        { name: 'H3', rows: rows(net.h3Off, net.a2.length, net.hidden) },
        { name: 'output', rows: rows(net.outOff, net.hidden, net.classes) },
      ],
    };
  }

  flatWeights(): Float64Array {
    return this.net.w;
  }

  private metrics(): Record<string, number> {
    const counts = this.net.counts();
    return {
      units: counts.reduce((s, l) => s + l.units, 0),
      connections: counts.reduce((s, l) => s + l.connections, 0),
      parameters: counts.reduce((s, l) => s + l.parameters, 0),
    };
  }

  private divergence(): Cause | null {
    const p = this.net.w.findIndex((v) => !Number.isFinite(v));
    return p < 0 ? null : cause('eta-too-large', { index: p, value: this.net.w[p]!, eta: this.eta });
  }

  architecture(): LayerCount[] {
    return this.net.counts();
  }

  filters(): FilterBank {
    return { title: said('lecun.kernels', { size: '5×5' }), width: 5, height: 5, filters: this.net.kernels() };
  }

  describe(): Said[] {
    const net = this.net;
    return [
      said('lecun.head', { h2: said(net.connections === 'full' ? 'lecun.full' : 'lecun.cyclic') }),
      ...architectureSaid(net.counts()),
      said('lecun.units', { eta: exact(this.eta), order: said(this.shuffle ? 'order.shuffled' : 'order.fixed') }),
    ];
  }
}

export const lecun1989 = definePlugin({
  meta: {
    id: 'lecun-1989',
    name: 'LeCun convolutional network',
    year: 1989,
    authors: ['Yann LeCun', 'Bernhard Boser', 'John S. Denker', 'Donnie Henderson', 'Richard E. Howard', 'Wayne Hubbard', 'Lawrence D. Jackel'],
    citation:
      'LeCun, Y., Boser, B., Denker, J. S., Henderson, D., Howard, R. E., Hubbard, W., & Jackel, L. D. (1989). Backpropagation applied to ' +
      'handwritten zip code recognition. Neural Computation, 1(4), 541–551.',
    summary: 'Shared 5×5 kernels at stride 2 (convolutions) trained by back-propagation: 64,660 connections, 9,760 free parameters.',
    cannot: 'Its architecture is designed by hand for 16×16 digits, and it needs many labelled examples and slow online passes.',
    notes: ['Architecture on 16×16 digits, 10 classes (counted from the built model):', ...architectureLines(new ConvNet({ side: 16, classes: 10 }, null).counts())],
    learns: true,
    defaultTarget: { accuracy: { min: 1 } },
    params: PARAMS,
  },
  create: ({ data, params, rng }) => new LeCunInstance(data, params, rng),
});
