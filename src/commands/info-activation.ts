/**
 * `neural-eras info <activation>`: an activation and its derivative as the lecture derives them,
 * with their ranges and the derivative's maximum computed from the functions the engine runs
 * (src/engines/dense/activations.ts), not typed in: σ′ ≤ ¼ is found, then stated.
 */
import { ACTIVATIONS, type Activation, type ActivationName } from '../engines/dense/activations.js';
import { TABLE, num } from '../core/format.js';
import { table } from '../report/table.js';

/** The lecture's notation for each activation: f, f′, and what the derivative means for training. */
const NOTATION: Readonly<Record<ActivationName, { symbol: string; f: string; der: string; means: (max: number) => string }>> = {
  linear: { symbol: 'f', f: 'f(z) = z', der: 'f′(z) = 1', means: () => 'the gradient passes unchanged, but stacked linear layers collapse to one linear map (scenario why-nonlinearity)' },
  sigmoid: {
    symbol: 'σ',
    f: 'σ(z) = 1 / (1 + e^−z)',
    der: 'σ′(z) = σ(z)(1 − σ(z))',
    means: (max) =>
      `p(1 − p) is largest at p = ½: back-propagation multiplies the error by σ′(z) ≤ ${num(max, TABLE)} at every sigmoid layer (before the weights), ` +
      `so through 4 layers by at most ${num(max ** 4, TABLE)}: the vanishing gradient (scenario vanishing-gradients)`,
  },
  tanh: {
    symbol: 'tanh',
    f: 'tanh(z) = (e^z − e^−z) / (e^z + e^−z) = 2σ(2z) − 1',
    der: 'tanh′(z) = 1 − tanh²(z)',
    means: (max) => `at most ${num(max, TABLE)}, at z = 0 only: it still shrinks the error wherever the unit is not at 0, and saturates for |z| > 2`,
  },
  relu: {
    symbol: 'f',
    f: 'f(z) = max(0, z)',
    der: 'f′(z) = 1 for z ≥ 0 (the lecture\'s convention at 0), 0 for z < 0',
    means: () => 'every active unit passes the gradient unchanged, so depth does not shrink it; a unit with z < 0 on every input passes nothing and is dead (scenario relu-sparsity)',
  },
  'leaky-relu': {
    symbol: 'f',
    f: 'f(z) = z for z ≥ 0, 0.01·z for z < 0',
    der: 'f′(z) = 1 for z ≥ 0, 0.01 for z < 0',
    means: () => 'like ReLU, but a unit with z < 0 still passes 1% of the gradient, so it cannot die',
  },
  'step-bipolar': {
    symbol: 'φ',
    f: 'φ(z) = 1 if z ≥ 0, else −1 (the perceptron\'s step)',
    der: 'φ′(z) = 0 for z ≠ 0 (none at 0)',
    means: () => 'no slope: back-propagation sends nothing through a step unit, so nothing below it learns (scenario why-not-step)',
  },
  'step-binary': {
    symbol: 'f',
    f: 'f(z) = 1 if z ≥ 0, else 0 (McCulloch-Pitts)',
    der: 'f′(z) = 0 for z ≠ 0 (none at 0)',
    means: () => 'no slope: back-propagation sends nothing through a step unit, so nothing below it learns (scenario why-not-step)',
  },
};

const GRID = 20;
const STEP = 1e-3;

/** The largest value of g on the grid [−GRID, GRID] and the interval of z where it is reached (up to 1e−12). */
function maximum(g: (z: number) => number): { max: number; from: number; to: number } {
  const n = Math.round((2 * GRID) / STEP);
  let max = -Infinity;
  for (let i = 0; i <= n; i++) max = Math.max(max, g(-GRID + i * STEP));
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i <= n; i++) {
    const z = -GRID + i * STEP;
    if (g(z) >= max - 1e-12) ((from = Math.min(from, z)), (to = Math.max(to, z)));
  }
  // grid points are multiples of 1e−3: round away the float noise of −20 + i·0.001
  return { max, from: Number(from.toFixed(3)), to: Number(to.toFixed(3)) };
}

/** Where a maximum is reached, in words. */
function where(m: { from: number; to: number }): string {
  const lo = m.from <= -GRID;
  const hi = m.to >= GRID;
  if (lo && hi) return 'for every z';
  if (hi) return `for z ≥ ${num(m.from)}`;
  if (lo) return `for z ≤ ${num(m.to)}`;
  return m.from === m.to ? `at z = ${num(m.from)}` : `for ${num(m.from)} ≤ z ≤ ${num(m.to)}`;
}

/** f(z) as z → ±∞: the value it settles at, or ±∞ when it keeps growing. */
function limit(f: (z: number) => number, sign: 1 | -1): string {
  const far = f(sign * 1e3);
  const farther = f(sign * 2e3);
  if (Math.abs(farther - far) < 1e-9) return num(Number(far.toPrecision(9)));
  return farther > far ? '∞' : '−∞';
}

/** p/q with q ≤ 12 when v is one (¼ = 0.25), for the lecture's way of writing the bound. */
function fraction(v: number): string | null {
  for (let q = 2; q <= 12; q++) {
    const p = Math.round(v * q);
    if (p !== 0 && Math.abs(p / q - v) < 1e-12 && Math.abs(p) < q) return `${p}/${q}`;
  }
  return null;
}

export const isActivation = (id: string): id is ActivationName => Object.hasOwn(ACTIVATIONS, id);

export function activationCard(name: ActivationName): string {
  const f: Activation = ACTIVATIONS[name];
  const text = NOTATION[name];
  const dmax = maximum(f.der);
  const frac = fraction(dmax.max);
  const rows = [-4, -2, -1, -0.5, 0, 0.5, 1, 2, 4].map((z) => [z, f.output(z), f.der(z)]);
  const g = text.symbol;
  const bound = dmax.max === 0 && where(dmax) === 'for every z' ? `${g}′(z) = 0: there is no slope to follow` : `${g}′(z) ≤ ${frac ?? num(dmax.max, TABLE)}`;
  return [
    `${name} — ${text.f}`,
    `  derivative     ${text.der}`,
    `  range          from ${limit(f.output, -1)} (z → −∞) to ${limit(f.output, 1)} (z → ∞); ${g}(0) = ${num(f.output(0))}`,
    `  ${`${g}′ maximum`.padEnd(15)}${num(dmax.max, TABLE)}${frac ? ` = ${frac}` : ''} ${where(dmax)}, so ${bound} (searched on z ∈ [−${GRID}, ${GRID}] in steps of ${num(STEP)})`,
    `  for training   ${text.means(dmax.max)}`,
    '',
    table(['z', `${g}(z)`, `${g}′(z)`], rows),
    '',
  ].join('\n');
}
