/**
 * Madaline with Madaline Rule I (MRI): an example model plugin for neural-eras, in plain
 * JavaScript with no imports; its JSDoc types come from the package (a TypeScript plugin would use
 * definePlugin() and the `param` builders instead). Check it and run it:
 *   neural-eras check-plugin examples/madaline.js
 *   neural-eras run examples/madaline-xor.json --plugin examples/madaline.js
 *
 * History: Widrow (1962), "Generalization and information storage in networks of Adaline
 *   'neurons'"; the rule is Ridgway's (1962) Madaline Rule I, as told by Widrow & Lehr (1990),
 *   "30 years of adaptive neural networks". A layer of Adalines feeds a fixed logic unit (a majority
 *   vote, OR or AND): the first trainable network with more than one adaptive unit, built in
 *   hardware from memistors.
 * Update rule (MRI, minimal disturbance): present x; if the vote o equals the desired d, change
 *   nothing. Otherwise take the Adalines whose sign disagrees with d, in order of |net| (closest to
 *   zero first), and adapt them one by one until the vote is right, each by α-LMS toward d:
 *   w_k ← w_k + eta (d − net_k) x / |x|², net_k = w_k·x (x with x0 = 1 for the bias).
 * What it cannot do: only the Adalines learn, the logic unit is fixed, and MRI has no gradient to
 *   share blame across layers: it does not extend to deeper networks (MRII and MRIII tried; back-
 *   propagation won).
 * Parameters: units, vote (majority | or | and), learningRate (eta), initRange.
 */

/** How a plugin refuses data it cannot take: an Error named ModelConfigError (a one-line message, exit 2). */
class ModelConfigError extends Error {
  name = 'ModelConfigError';
}

/** @param {readonly number[]} a @param {readonly number[]} b */
const dot = (a, b) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
/** @param {number} v */
const sgn = (v) => (v >= 0 ? 1 : -1);
/** @param {number} v */
const fixed = (v) => String(Number(v.toPrecision(4))).replace(/-/g, '−');
/** A negative operand in parentheses: 1 − (−0.6). @param {number} v */
const operand = (v) => (v < 0 ? `(${fixed(v)})` : fixed(v));

/** The fixed logic unit: the Madaline's output from its Adalines' ±1 outputs. */
const VOTES = {
  /** @param {number[]} y */
  majority: (y) => sgn(y.reduce((s, v) => s + v, 0)),
  /** @param {number[]} y */
  or: (y) => (y.some((v) => v > 0) ? 1 : -1),
  /** @param {number[]} y */
  and: (y) => (y.every((v) => v > 0) ? 1 : -1),
};

/**
 * The parameter schema: each spec's defaults, bounds and help (resolveParams checks every value
 * against it before create() runs). `@type {const}` keeps its words as types, so create() below
 * reads `params.vote` as 'majority' | 'or' | 'and' and `params.units` as a number, with no casts.
 */
const schema = /** @type {const} */ ({
  units: { type: 'integer', default: 3, min: 1, max: 64, help: 'Adalines in the layer (odd for a majority vote)' },
  vote: { type: 'enum', default: 'majority', values: ['majority', 'or', 'and'], help: 'the fixed logic unit that combines the Adalines' },
  learningRate: { type: 'number', default: 1, min: 0, max: 2, help: 'eta of α-LMS: 1 moves net exactly onto the desired ±1' },
  initRange: { type: 'number', default: 0.5, min: 0, max: 10, help: 'initial weights drawn from U[−r, r]' },
});

/** @type {import('neural-eras').ModelMeta<typeof schema>} */
const meta = {
  id: 'madaline',
  name: 'Madaline (MRI)',
  year: 1962,
  authors: ['Bernard Widrow', 'William C. Ridgway III'],
  citation: 'Widrow, B. (1962). Generalization and information storage in networks of Adaline "neurons". Self-Organizing Systems, 435–461.',
  summary: 'Several Adalines feed a fixed vote; MRI adapts the fewest units, those closest to flipping.',
  cannot: 'Train more than one layer: the logic unit is fixed and MRI has no gradient to share blame.',
  learns: true,
  defaultTarget: { accuracy: { min: 1 } },
  params: schema,
};

/**
 * @param {import('neural-eras').CreateContext<import('neural-eras').ParamsOf<typeof schema>>} ctx
 * @returns {import('neural-eras').ModelInstance}
 */
function create({ data, params, rng }) {
  if (data.targetEncoding !== 'bipolar' && data.targetEncoding !== 'binary') {
    throw new ModelConfigError(`madaline needs two classes with binary or bipolar targets, but the data has ${data.targetEncoding} targets`);
  }
  if (data.targets.some((t) => t.length !== 1)) throw new ModelConfigError('madaline has one output (a vote): it takes two classes, one target per row');
  const eta = params.learningRate;
  const r = params.initRange;
  const vote = VOTES[params.vote];
  const low = data.targetEncoding === 'binary' ? 0 : -1;
  /** @param {readonly number[]} x */
  const augment = (x) => [1, ...x];
  const X = data.inputs.map(augment);
  // Desired outputs as ±1, whatever the data's coding.
  const d = data.labels.map((l) => (l === 1 ? 1 : -1));
  const W = Array.from({ length: params.units }, () => Array.from({ length: X[0]?.length ?? 1 }, () => rng.range(-r, r)));
  let next = 0;

  /** @param {readonly number[]} x */
  const respond = (x) => {
    const net = W.map((w) => dot(w, x));
    const y = net.map(sgn);
    return { net, y, o: vote(y) };
  };
  /** The vote in the data's own coding (0/1 or −1/+1). @param {number} o */
  const coded = (o) => (o > 0 ? 1 : low);

  /** One MRI update on pattern `next`. @returns {import('neural-eras').StepRecord} */
  const step = () => {
    const p = next;
    next = (next + 1) % X.length;
    const x = X[p] ?? [];
    const before = W.flat();
    const { net, y, o } = respond(x);
    const want = d[p] ?? 1;
    const xx = dot(x, x);
    /** The Adalines adapted, with their net input before: the numbers explain() writes out. @type {{ k: number, net: number }[]} */
    const adapted = [];
    if (o !== want) {
      // Minimal disturbance: the wrong-side Adalines closest to zero flip first.
      const order = net.map((n, k) => k).filter((k) => y[k] !== want).sort((a, b) => Math.abs(net[a] ?? 0) - Math.abs(net[b] ?? 0));
      for (const k of order) {
        const w = W[k] ?? [];
        // w_k ← w_k + eta (d − net_k) x / |x|²
        const delta = (eta * (want - (net[k] ?? 0))) / xx;
        for (let j = 0; j < w.length; j++) w[j] = (w[j] ?? 0) + delta * (x[j] ?? 0);
        y[k] = sgn(dot(w, x));
        adapted.push({ k, net: net[k] ?? 0 });
        if (vote(y) === want) break;
      }
    }
    return {
      pattern: p,
      x: data.inputs[p] ?? [],
      t: data.targets[p] ?? [],
      net,
      o: [coded(o)],
      before,
      after: W.flat(),
      changed: adapted.length > 0,
      // Written out only when something shows the update (the trace, the lab): training formats nothing.
      explain: () =>
        adapted.length > 0
          ? `MRI: ${adapted.map((a) => `w${a.k + 1} ← w${a.k + 1} + ${fixed(eta)}·(${fixed(want)} − ${operand(a.net)})·x/${fixed(xx)}`).join('; ')}`
          : `MRI: vote ${fixed(o)} = d, no change`,
    };
  };

  /** @param {Pick<import('neural-eras').Dataset, 'inputs' | 'targets' | 'labels'>} rows */
  const evaluate = (rows) => {
    const outputs = rows.inputs.map((x) => [coded(respond(augment(x)).o)]);
    const predictions = outputs.map((o) => ((o[0] ?? 0) > low ? 1 : 0));
    const correct = predictions.filter((p, i) => p === rows.labels[i]).length;
    const accuracy = rows.inputs.length > 0 ? correct / rows.inputs.length : 0;
    // The Madaline's loss is its error rate, like the perceptron's.
    return { loss: 1 - accuracy, accuracy, outputs, predictions };
  };

  /**
   * What the weights now give, in one pass: the scores on the training rows (and the test rows),
   * the weights. The runner reads nothing else at an epoch's close.
   * @returns {import('neural-eras').EpochResult}
   */
  const measure = () => {
    const train = evaluate(data);
    const test = data.test ? evaluate(data.test) : undefined;
    return {
      train: { loss: train.loss, accuracy: train.accuracy },
      ...(test ? { test: { loss: test.loss, accuracy: test.accuracy } } : {}),
      updates: 0,
      metrics: {},
      weights: W.flat(),
    };
  };

  return {
    epoch() {
      let updates = 0;
      do updates += Number(step().changed);
      while (next !== 0);
      return { ...measure(), updates };
    },
    measure,
    // the update that completes an epoch carries what the epoch ended with
    step() {
      const record = step();
      return next === 0 ? { ...record, closes: measure() } : record;
    },
    evaluate,
    predict(x) {
      const { y, o } = respond(augment(x));
      // Score: the share of Adalines voting for class 1.
      return { label: o > 0 ? 1 : 0, score: y.filter((v) => v > 0).length / y.length };
    },
    // One layer of Adalines, each row (bias, w1, …): the fixed vote has no weights.
    snapshot: () => ({ kind: 'layers', layers: [W.map((w) => [...w])] }),
    flatWeights: () => W.flat(),
    deterministicEpochs: true,
    describe: () => W.map((w, k) => `Adaline ${k + 1}: w = (${w.map(fixed).join(', ')})`).concat(`output: ${params.vote} vote`),
  };
}

/** @type {import('neural-eras').ModelPlugin<typeof schema>} */
export default { meta, create };
