/**
 * History: McCulloch & Pitts (1943) — the first mechanical model of a neuron: a binary threshold
 *   unit. Excitatory inputs add up; any active inhibitory input vetoes firing outright. Networks
 *   of such units compute any logical proposition — but someone has to wire them.
 * Update rule: none. y = 1 if Σ_j w_j x_j ≥ theta and no inhibitory input is active, else 0 (or −1).
 * What it cannot do: learn. Weights and thresholds are set by hand; the run says so.
 * Parameters: preset (a classic hand-wired gate) or network (layers of units given in the scenario),
 *   coding (binary 0/1 or bipolar ±1 outputs). Real-valued weights are allowed, so the lecture's
 *   two-layer ±1 XOR net can be written with bias weights: { "bias": -0.4, "w": [0.6, 0.6] }.
 */
import type { Dataset, Evaluation, ModelInstance, ParamsOf, ThresholdUnit } from '../core/types.js';
import { definePlugin, param } from '../core/plugin.js';
import { ModelConfigError } from '../core/types.js';
import { dot } from '../theory/linalg.js';
import { quote } from '../core/params.js';
import { exact, vector } from '../core/format.js';
import { countCorrect, epochProtocol } from './single-unit.js';
import { said, type Said } from '../core/said.js';

/** One threshold unit: fires when bias + w·x ≥ theta and none of its inhibitory inputs is active. */
export type McpUnit = ThresholdUnit;
export interface McpNetwork {
  readonly layers: readonly (readonly McpUnit[])[];
}

/** The classic hand-wired gates over binary inputs (thresholds as in McCulloch & Pitts' figures). */
export const PRESETS: Record<string, McpNetwork> = {
  AND: { layers: [[{ w: [1, 1], theta: 2 }]] },
  OR: { layers: [[{ w: [1, 1], theta: 1 }]] },
  NOT: { layers: [[{ w: [0], theta: 0, inhibitory: [0] }]] },
  NOR: { layers: [[{ w: [0, 0], theta: 0, inhibitory: [0, 1] }]] },
  NAND: { layers: [[{ w: [1, 1], theta: 2 }], [{ w: [0], theta: 0, inhibitory: [0] }]] },
  // x1 XOR x2 = (x1 AND NOT x2) OR (x2 AND NOT x1): inhibition does the NOT.
  XOR: {
    layers: [
      [
        { w: [1, 0], theta: 1, inhibitory: [1] },
        { w: [0, 1], theta: 1, inhibitory: [0] },
      ],
      [{ w: [1, 1], theta: 1 }],
    ],
  },
};

/** The fields a hand-wired unit may have. */
const UNIT_FIELDS = ['w', 'theta', 'bias', 'inhibitory'] as const;

/** Checks a hand-wired network (JSON from the scenario) field by field; errors name the field. */
function validate(value: unknown, inputs: number): McpNetwork {
  const fail = (where: string, problem: string): never => {
    throw new ModelConfigError(problem, `network${where}`);
  };
  // read as a network, then checked field by field before anything uses it
  const net = value as McpNetwork | null;
  if (net === null || typeof net !== 'object' || !Array.isArray(net.layers) || net.layers.length === 0) return fail('', 'needs "layers", a non-empty list of layers of units');
  // a field of another name would be carried into the run's weights as it is: refused where it enters
  const unknown = (o: object, known: readonly string[]): string | undefined => Object.keys(o).find((key) => !known.includes(key));
  const extra = unknown(net, ['layers']);
  if (extra !== undefined) fail('', `has an unknown field ${quote(extra)} (a network has only "layers")`);
  const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
  let width = inputs;
  net.layers.forEach((layer, l) => {
    if (!Array.isArray(layer) || layer.length === 0) fail(`.layers[${l}]`, 'must be a non-empty list of units');
    layer.forEach((u: McpUnit | null, k: number) => {
      const where = `.layers[${l}][${k}]`;
      if (u === null || typeof u !== 'object' || Array.isArray(u)) return fail(where, 'must be a unit: { "w": [...], "theta": … }');
      const field = unknown(u, UNIT_FIELDS);
      if (field !== undefined) fail(where, `has an unknown field ${quote(field)} (a unit has ${UNIT_FIELDS.map((f) => `"${f}"`).join(', ')})`);
      if (!Array.isArray(u.w) || u.w.length !== width || !u.w.every(finite)) fail(`${where}.w`, `must list ${width} numbers (one per input of this layer)`);
      for (const key of ['theta', 'bias'] as const) if (u[key] !== undefined && !finite(u[key])) fail(`${where}.${key}`, `must be a number, got ${quote(u[key])}`);
      if (u.inhibitory !== undefined && (!Array.isArray(u.inhibitory) || u.inhibitory.some((j) => !Number.isInteger(j) || j < 0 || j >= width))) {
        fail(`${where}.inhibitory`, `must list input indices 0…${width - 1}`);
      }
      if (u.theta !== undefined && u.bias !== undefined) fail(where, 'gives both theta and bias; give one');
    });
    width = layer.length;
  });
  return net;
}

const PARAMS = {
  preset: param.oneOf(Object.keys(PRESETS).sort(), { default: 'AND', help: 'a classic hand-wired gate (ignored when network is given)' }),
  network: param.json({ default: null, help: 'hand-wired layers: { "layers": [[{ "w": [1, 1], "theta": 2, "inhibitory": [] }]] }' }),
  coding: param.oneOf(['binary', 'bipolar'], { default: 'binary', help: 'unit outputs 0/1 or −1/+1' }),
};

function create(data: Dataset, params: ParamsOf<typeof PARAMS>): ModelInstance {
  const given = params.network;
  const presetName = params.preset;
  const net = validate(given ?? PRESETS[presetName]!, data.inputs[0]!.length);
  const coding = params.coding;
  const low = coding === 'bipolar' ? -1 : 0;
  const outputs = net.layers[net.layers.length - 1]!.length;
  if (outputs !== 1) throw new ModelConfigError('the last layer must have exactly one unit (the output)', 'network');

  const fire = (u: McpUnit, x: readonly number[]): number => {
    if ((u.inhibitory ?? []).some((j) => x[j] === 1)) return low; // absolute inhibition: any active inhibitory input vetoes
    return (u.bias ?? 0) + dot(u.w, x) >= (u.theta ?? 0) ? 1 : low;
  };
  const forward = (x: readonly number[]): number[][] => {
    const acts: number[][] = [];
    let a: readonly number[] = x;
    for (const layer of net.layers) acts.push((a = layer.map((u) => fire(u, a))));
    return acts;
  };
  const evaluate = (rows: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Evaluation => {
    const acts = rows.inputs.map((x) => forward(x));
    const out = acts.map((a) => a.at(-1)!);
    // the output unit's net input, bias + w·a, before its threshold θ (and any veto)
    const last = net.layers.at(-1)![0]!;
    const nets = acts.map((a, r) => [(last.bias ?? 0) + dot(last.w, a.length > 1 ? a.at(-2)! : rows.inputs[r]!)]);
    const predictions = out.map(([o]) => (o === 1 ? 1 : 0));
    const errors = rows.inputs.length - countCorrect(predictions, rows.labels);
    return { loss: errors / rows.inputs.length, accuracy: 1 - errors / rows.inputs.length, outputs: out, predictions, net: nets };
  };
  const unitSaid = (u: McpUnit, layer: number, unit: number): Said =>
    said('mp.unit', {
      layer,
      unit,
      bias: u.bias !== undefined ? said('mp.bias', { bias: exact(u.bias) }) : '',
      w: vector(u.w),
      theta: exact(u.theta ?? 0),
      inhibited: u.inhibitory?.length ? said('mp.inhibited', { inputs: `x${u.inhibitory.map((j) => j + 1).join(', x')}` }) : '',
    });
  const flat = net.layers.flat().flatMap((u) => [u.bias ?? -(u.theta ?? 0), ...u.w]);

  return {
    deterministicEpochs: true,
    // hand-wired: no steps, and an epoch changes nothing (the runner stops it at once: inert or solved)
    ...epochProtocol({ data, step: null, atBoundary: () => true, score: evaluate, weights: () => flat }),
    evaluate,
    predict: (x) => {
      const o = forward(x).at(-1)![0]!;
      return { label: o === 1 ? 1 : 0, score: o === 1 ? 1 : 0 };
    },
    snapshot: () => ({ kind: 'units', layers: net.layers.map((layer) => layer.map((u) => ({ ...u }))) }),
    hidden: (x) => forward(x).slice(0, -1),
    flatWeights: () => flat,
    describe: () => [
      said('mp.head', { what: given ? said('mp.network') : said('mp.gate', { name: presetName }), coding: said(coding === 'bipolar' ? 'coding.bipolar' : 'coding.binary') }),
      ...net.layers.flatMap((layer, l) => layer.map((u, k) => unitSaid(u, l + 1, k + 1))),
    ],
  };
}

export const mccullochPitts = definePlugin({
  meta: {
    id: 'mcculloch-pitts',
    name: 'McCulloch-Pitts neuron',
    year: 1943,
    authors: ['Warren S. McCulloch', 'Walter Pitts'],
    citation: 'McCulloch, W. S., & Pitts, W. (1943). A logical calculus of the ideas immanent in nervous activity. Bulletin of Mathematical Biophysics, 5, 115–133.',
    summary: 'The first mechanical neuron: a binary threshold unit with excitatory and vetoing inhibitory inputs.',
    cannot: 'Learn: every weight and threshold is wired by hand.',
    learns: false,
    defaultTarget: { accuracy: { min: 1 } },
    params: PARAMS,
  },
  create: ({ data, params }) => create(data, params),
});
