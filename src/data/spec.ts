/**
 * The data spec of a scenario file, as a zod schema: the one source of the data kinds and their
 * fields. The engine's DataSpec (datasets.ts) is derived from it (its output type), so what a file
 * may say and what buildDataset() takes cannot drift apart; scenarios/schema.ts puts it in the file
 * format and scenarios/schema.json is generated from that.
 */
import { z } from 'zod';
import { FEATURES } from './features.js';
import { REGRESSIONS } from './regression.js';
import { MNIST_COUNT } from './digits.js';
import { IRIS_CLASSES, IRIS_FEATURES } from './iris.js';

/** The logic gates and the generated plane sets (datasets.ts builds them). */
export const GATES = ['AND', 'OR', 'NAND', 'NOR', 'XOR', 'XNOR', 'NOT'] as const;
export const GENERATORS = ['blobs', 'xor', 'circles', 'spirals', 'moons'] as const;

const encoding = z.enum(['binary', 'bipolar']);
const matrix = z.array(z.array(z.number()));

/** Feature inputs computed from each point (x1, x2) of a generated plane set (data/features.ts). */
const features = z
  .array(z.enum(FEATURES, { error: (issue) => `${JSON.stringify(issue.input)} is not a feature input; use ${FEATURES.join(', ')}` }))
  .min(1)
  .max(FEATURES.length)
  .superRefine((fs, ctx) => {
    fs.forEach((f, i) => {
      if (fs.indexOf(f) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `${f} is listed twice` });
    });
  })
  .optional();

/** A sequence set's kind, count and length (the adding problem needs at least 3 steps). */
const sequenceHead = <K extends 'latch' | 'adding'>(kind: K, minSteps: number) => ({
  kind: z.literal(kind),
  n: z.number().int().min(2).max(100000),
  steps: z.number().int().min(minSteps).max(2000),
});
/** A sequence set leaves at least 2 rows for training and fits 200,000 steps in all. */
function sequenceRows(g: { n: number; steps: number; testFraction?: number | undefined }, ctx: z.RefinementCtx): void {
  const test = Math.round(g.n * (g.testFraction ?? 0));
  if (g.n - test < 2) ctx.addIssue({ code: 'custom', path: ['testFraction'], message: `${g.testFraction} of ${g.n} sequences leaves ${g.n - test} for training; at least 2 are needed` });
  if (g.n * g.steps > 200_000) ctx.addIssue({ code: 'custom', path: ['steps'], message: `${g.n} sequences of ${g.steps} steps are ${g.n * g.steps} steps; at most 200,000 fit` });
}

export const dataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gate'), gate: z.enum(GATES), inputs: encoding.optional(), targets: encoding.optional() }).strict(),
  z.object({ kind: z.literal('parity'), bits: z.number().int().min(1).max(12), inputs: encoding.optional(), targets: encoding.optional() }).strict(),
  z
    .object({
      kind: z.literal('table'),
      inputs: matrix.min(1),
      targets: matrix.optional(),
      inputEncoding: z.enum(['binary', 'bipolar', 'real']).optional(),
      targetEncoding: z.enum(['binary', 'bipolar', 'onehot', 'none']).optional(),
    })
    .strict()
    .superRefine((t, ctx) => {
      // every row as wide as the first, one target row per input row: nothing trains on missing values
      if (t.inputs.length === 0) return; // refused by inputs' own min(1), located there
      const width = t.inputs[0]!.length;
      if (width === 0) ctx.addIssue({ code: 'custom', path: ['inputs', 0], message: 'an input row needs at least one number' });
      const bad = t.inputs.findIndex((row) => row.length !== width);
      if (bad >= 0) ctx.addIssue({ code: 'custom', path: ['inputs', bad], message: `has ${t.inputs[bad]!.length} numbers; every input row needs ${width} numbers, as the first` });
      if (!t.targets) return;
      if (t.targets.length !== t.inputs.length) {
        ctx.addIssue({ code: 'custom', path: ['targets'], message: `has ${t.targets.length} rows; it needs ${t.inputs.length} rows, one per input row` });
      }
      const tw = t.targets[0]?.length ?? 0;
      const ragged = t.targets.findIndex((row) => row.length !== tw);
      if (ragged >= 0) ctx.addIssue({ code: 'custom', path: ['targets', ragged], message: `has ${t.targets[ragged]!.length} numbers; every target row needs ${tw}, as the first` });
    }),
  ...GENERATORS.map((kind) =>
    z
      .object({
        kind: z.literal(kind),
        n: z.number().int().min(4).max(100000),
        noise: z.number().min(0).max(10).optional(),
        testFraction: z.number().min(0).max(0.9).optional(),
        classes: z.number().int().min(2).max(10).optional(),
        targets: z.enum(['binary', 'bipolar', 'onehot']).optional(),
        features,
      })
      .strict()
      .superRefine((g, ctx) => {
        const test = Math.round(g.n * (g.testFraction ?? 0));
        if (g.n - test < 2) ctx.addIssue({ code: 'custom', path: ['testFraction'], message: `${g.testFraction} of ${g.n} points leaves ${g.n - test} for training; at least 2 are needed` });
        const classes = kind === 'blobs' || kind === 'spirals' ? (g.classes ?? 2) : 2;
        if (classes > 2 && g.targets !== undefined && g.targets !== 'onehot') ctx.addIssue({ code: 'custom', path: ['targets'], message: `${classes} classes need onehot targets` });
      }),
  ),
  // TensorFlow Playground's regression sets (data/regression.ts): real targets, a row right within `tolerance`
  ...REGRESSIONS.map((kind) =>
    z
      .object({
        kind: z.literal(kind),
        n: z.number().int().min(4).max(100000),
        noise: z.number().min(0).max(10).optional(),
        testFraction: z.number().min(0).max(0.9).optional(),
        /** A row counts as right when |output − target| < tolerance. @default 0.1 */
        tolerance: z.number().positive().max(10).optional(),
        features,
      })
      .strict()
      .superRefine((g, ctx) => {
        const test = Math.round(g.n * (g.testFraction ?? 0));
        if (g.n - test < 2) ctx.addIssue({ code: 'custom', path: ['testFraction'], message: `${g.testFraction} of ${g.n} points leaves ${g.n - test} for training; at least 2 are needed` });
      }),
  ),
  z
    .object({
      kind: z.literal('csv'),
      /** Relative to the scenario file's folder, and inside it (subfolders are fine). */
      path: z.string().min(1),
      /** The label column: its header name or its position from 1 (default: the last column). */
      label: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
      /** Whether line 1 names the columns (default: detected). */
      header: z.boolean().optional(),
      delimiter: z.enum([',', ';', '\t']).optional(),
      /** Two classes default to bipolar −1/+1 targets, more to one-hot. */
      targets: z.enum(['binary', 'bipolar', 'onehot']).optional(),
      testFraction: z.number().min(0).max(0.9).optional(),
      /** With testFraction: hold out that share of each class (a stratified split). */
      stratify: z.boolean().optional(),
      /** A test set of its own: a CSV with the same columns (relative to the scenario's folder); no testFraction then. */
      test: z.string().min(1).optional(),
      /** A column (by header name) whose cells say "train" or "test": the split as the file gives it. */
      split: z.string().min(1).optional(),
      /** Standardise each feature (mean 0, sd 1, from the training rows). */
      standardize: z.boolean().optional(),
    })
    .strict()
    .refine((d) => [d.test, d.testFraction, d.split].filter((v) => v !== undefined).length <= 1, { message: 'give one of "test" (a test file), "split" (a split column) or "testFraction" (a share held out)', path: ['test'] }),
  z
    .object({
      kind: z.literal('cloud'),
      n: z.number().int().min(2).max(100000),
      angle: z.number().optional(),
      spread: z.tuple([z.number().positive(), z.number().positive()]).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('digits'),
      size: z.union([z.literal(16), z.literal(28)]).optional(),
      train: z.number().int().min(1).max(MNIST_COUNT).optional(),
      test: z.number().int().min(0).max(MNIST_COUNT).optional(),
      classes: z.array(z.number().int().min(0).max(9)).min(2).max(10).optional(),
      pixels: z.enum(['unit', 'bipolar']).optional(),
      targets: z.enum(['binary', 'bipolar', 'onehot']).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('iris'),
      classes: z.array(z.enum(IRIS_CLASSES)).min(2).max(3).optional(),
      features: z.array(z.enum(IRIS_FEATURES)).min(1).max(4).optional(),
      units: z.enum(['cm', 'mm']).optional(),
      center: z.boolean().optional(),
      testFraction: z.number().min(0).max(0.9).optional(),
      targets: z.enum(['binary', 'bipolar', 'onehot']).optional(),
    })
    .strict(),
  // sequences for recurrent nets (data/sequences.ts): each row is `steps` steps, the target at the end;
  // one object per kind, so that the inferred type is each kind's own (the engine's SequenceSpec)
  z.object({ ...sequenceHead('latch', 1), noise: z.number().min(0).max(10).optional(), testFraction: z.number().min(0).max(0.9).optional() }).strict().superRefine(sequenceRows),
  z.object({ ...sequenceHead('adding', 3), testFraction: z.number().min(0).max(0.9).optional() }).strict().superRefine(sequenceRows),
]);
