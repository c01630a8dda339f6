/**
 * What a model says about itself (describe()), as data: a code and the values its template cites,
 * like a reason (core/reasons.ts). The English templates are here; each language's catalogue has
 * one per code too (src/i18n), so the lab writes a model's lines in the language on screen. A value
 * may itself be said (a word that changes with the setting: "online", "fixed order"); numbers are
 * formatted by the model, so every language shows the same digits.
 */
import { fill } from './template.js';

export const SAID = {
  // Single units: the line, the weights, the rule's setting.
  boundary: 'decision boundary: {equation}',
  'boundary.half': 'decision boundary (p = ½): {equation}',
  'w.eta': 'w = {w}   η = {eta}{band}',
  'w.eta.J': 'w = {w}   η = {eta}   J = {J}',
  'w.eta.mode': 'w = {w}   η = {eta}   {mode}',
  'w.norm': 'w = {w}   ‖w‖ = {norm}',
  'mode.batch': 'batch',
  'mode.online': 'online',
  'adaline.lms': '{mode} LMS; batch stability bound η < 2/λmax(XᵀX) = {bound}',
  'hebb.angle': 'angle to the principal axis {axis}: {degrees}°',
  'hebb.oja': "Oja's rule: ‖w‖ → 1 along the first principal component",
  'hebb.plain': 'plain Hebb: ‖w‖ grows without bound',
  'perceptron.band': '   undecided band |net| ≤ θ = {theta}',
  'perceptron.units': 'response unit over {n} fixed association units{wiring}',
  'perceptron.rosenblatt': ', each with x = {x} excitatory and y = {y} inhibitory connections and θ = {theta}',
  'perceptron.random': ' (random connections and thresholds)',
  'perceptron.firing': 'A-units firing per stimulus: {share}{pa}',
  'perceptron.pa': "; Rosenblatt's P_a = {pa}",
  'perceptron.novikoff': 'Novikoff: {mistakes} mistakes ≤ {formula} = {bound}, R = max ‖{x}‖ = {R}, γ = {gamma}',
  // McCulloch-Pitts units, wired by hand.
  'mp.head': 'hand-wired {what}, {coding} outputs; no learning rule',
  'mp.network': 'network',
  'mp.gate': '{name} gate',
  'coding.binary': 'binary',
  'coding.bipolar': 'bipolar',
  'mp.unit': 'layer {layer} unit {unit}: {bias}w {w}, θ {theta}{inhibited}',
  'mp.bias': 'bias {bias}, ',
  'mp.inhibited': ', inhibited by {inputs}',
  // Layered nets.
  'mlp.arch': 'architecture {sizes}: {hidden}{output} output',
  'mlp.hidden': '{names} hidden, ',
  'mlp.params': 'parameters {count} = {total}',
  'mlp.training': 'η = {eta}, μ = {mu}, λ = {lambda}, {batch}, {order}{dropout}{shift}',
  'batch.online': 'online',
  'batch.full': 'full batch',
  'batch.mini': 'minibatch {size}',
  'order.shuffled': 'shuffled order',
  'order.fixed': 'fixed order',
  'mlp.dropout': ', dropout keep {input} input / {hidden} hidden',
  'mlp.shift': ', images shifted by up to {px} px each epoch',
  'note.softmax': 'output softmax-ce: {classes} classes need one softmax unit per class ({asked} was asked)',
  'note.bipolarSigmoid': 'bipolar targets −1/+1 read as 0/1 for the sigmoid output',
  'note.binaryTanh': 'binary targets 0/1 read as −1/+1 for the tanh output',
  'analysis.collapse': 'linear hidden layers collapse: z{L} = {product}·(1, x), {w}: one linear unit',
  'analysis.rows': '{n} rows',
  'analysis.step1': 'step hidden units: f′(z) = 0, so back-propagation leaves {frozen} unchanged; only {learning} learns',
  'analysis.stepN': 'step hidden units: f′(z) = 0, so back-propagation leaves {frozen} unchanged; only {learning} learn',
  'analysis.mc': 'test time: Monte-Carlo average over {n} dropout masks',
  'analysis.scaling': 'test time: weight scaling (all units, inverted dropout){report}',
  'analysis.mcReport': '; Monte-Carlo over {n} masks in the report',
  // LeCun's convnet and its architecture table.
  'lecun.head': 'LeCun 1989 convnet: 5×5 kernels at stride 2, H2 {h2}',
  'lecun.full': 'fully connected to H1',
  'lecun.cyclic': 'maps each see 8 of the 12 H1 maps (cyclic)',
  'lecun.kernels': 'H1 kernels ({size}, shared by every unit of a map)',
  'lecun.units': 'units 1.7159·tanh(2a/3), E = ½ Σ (o − t)² with t = ±1, online SGD η = {eta}, {order}',
  'arch.row': '{name}{shape}{units} units{connections} connections{parameters} parameters',
  'arch.total': 'total{pad}{units} units{connections} connections{parameters} parameters',
  // RBM pretraining.
  'rbm.greedy': 'greedy pretraining: {n} RBMs × {epochs} epochs of CD-1 (ε = {eps}, batches of {batch}), then back-propagation',
  'rbm.none': 'no pretraining: the same net from random weights, back-propagation only',
  'rbm.filters': "first RBM features (each hidden unit's weights to the pixels)",
  'rbm.done1': 'RBM {k}: {n} epoch, reconstruction error {error}',
  'rbm.doneN': 'RBM {k}: {n} epochs, reconstruction error {error}',
  // Recurrent nets (Elman, LSTM): the net over its sequences and how the error passes back through time.
  'rnn.input1': '1 input',
  'rnn.inputN': '{n} inputs',
  'bptt.full': 'full BPTT',
  'bptt.truncated': 'truncated BPTT, k = {k}',
  'elman.head': '{hidden} {activation} units over T = {steps} steps of {inputs}; {bptt}',
  'elman.factor': 'per step back the gradient is multiplied by at most {factor}',
  'lstm.head1': '1 memory cell with input and output gates{forget}, T = {steps} steps',
  'lstm.headN': '{cells} memory cells with input and output gates{forget}, T = {steps} steps',
  'lstm.forget': ' and a forget gate (Gers et al. 2000)',
  'lstm.noForget': ' (no forget gate, as in 1997)',
  'lstm.forgetCarry': 's_t = f_t s_{t−1} + i_t g_t: the error on s is scaled by f_t per step back',
  'lstm.carousel': 's_t = s_{t−1} + i_t g_t: the error on s passes each step back times 1',
} as const;

export type SaidCode = keyof typeof SAID;

/** A value a line cites: a number, a text as it is, or a word said in the language on screen. */
export type SaidValue = string | number | Said;

/** One line (or part of one) as data. */
export interface Said {
  readonly code: SaidCode;
  readonly values: Readonly<Record<string, SaidValue>>;
}

export const said = (code: SaidCode, values: Readonly<Record<string, SaidValue>> = {}): Said => ({ code, values });

export const isSaid = (v: unknown): v is Said => typeof v === 'object' && v !== null && typeof (v as Said).code === 'string' && Object.hasOwn(SAID, (v as Said).code);

/** The text of a line in a language: its template filled, said values first (English: SAID). */
export function sayIn(templates: Readonly<Record<SaidCode, string>>, line: string | Said): string {
  if (typeof line === 'string') return line;
  // a plugin's line is untrusted: anything but a known code with its values is shown as text
  if (!isSaid(line) || typeof line.values !== 'object' || line.values === null) return String(line);
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(line.values)) values[k] = typeof v === 'object' && v !== null ? sayIn(templates, v) : typeof v === 'number' ? v : String(v);
  try {
    return fill(templates[line.code], values);
  } catch (e) {
    return `${line.code}: ${(e as Error).message}`;
  }
}

/** A line in English. */
export const saidText = (line: string | Said): string => sayIn(SAID, line);
