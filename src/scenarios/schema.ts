/**
 * The scenario file format, as a zod schema: data, models, seed, budget, story and claims.
 * scenarios/schema.json is generated from it (`npm run schema`) and referenced by every file.
 */
import { z } from 'zod';
import { GATES, GENERATORS } from '../core/datasets.js';
import { MNIST_COUNT } from '../core/digits.js';
import { IRIS_CLASSES, IRIS_FEATURES } from '../core/iris.js';

/** The longest epoch budget a scenario or --epochs may ask for (every epoch is kept in the history). */
export const MAX_EPOCHS = 1_000_000;

const encoding = z.enum(['binary', 'bipolar']);
const matrix = z.array(z.array(z.number()));

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
      })
      .strict()
      .superRefine((g, ctx) => {
        const test = Math.round(g.n * (g.testFraction ?? 0));
        if (g.n - test < 2) ctx.addIssue({ code: 'custom', path: ['testFraction'], message: `${g.testFraction} of ${g.n} points leaves ${g.n - test} for training; at least 2 are needed` });
        const classes = kind === 'blobs' || kind === 'spirals' ? (g.classes ?? 2) : 2;
        if (classes > 2 && g.targets !== undefined && g.targets !== 'onehot') ctx.addIssue({ code: 'custom', path: ['targets'], message: `${classes} classes need onehot targets` });
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
]);

const bounds = z.object({ min: z.number().optional(), max: z.number().optional() }).strict();
export const targetSchema = z.record(z.string(), bounds);
export const outcomeSchema = z.enum(['solved', 'truncated', 'cycling', 'diverged']);

/** A comment for the reader (JSON has none): ignored by neural-eras, allowed on the scenario, each model and each claim. */
const comment = z.union([z.string(), z.array(z.string())]).optional();

export const modelEntrySchema = z
  .object({
    $comment: comment,
    /** Run label, unique in the scenario; defaults to the model id. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes').optional(),
    model: z.string(),
    /** A short label shown in tables and the UI. */
    label: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    /** Fields merged over the scenario's data (e.g. another encoding for this run). */
    data: z.record(z.string(), z.unknown()).optional(),
    epochs: z.number().int().min(0).max(MAX_EPOCHS).optional(),
    target: targetSchema.optional(),
    /** Train the whole epoch budget, past any target (the run ends truncated, never solved early). */
    fullBudget: z.boolean().optional(),
    /** Seed of this run's model (initial weights, order, masks); the data keeps the scenario's. */
    seed: z.union([z.number().int(), z.string()]).optional(),
  })
  .strict();

export const claimSchema = z
  .object({
    $comment: comment,
    run: z.string().optional(),
    outcome: outcomeSchema.optional(),
    metric: z.string().optional(),
    /** Read the metric at this epoch of the history instead of at the end. */
    epoch: z.number().int().min(0).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    weights: z.array(z.union([z.number(), z.array(z.unknown())])).optional(),
    outputs: z.array(z.number()).optional(),
    /** The net input of the (first) output unit for every training pattern, at the end. */
    nets: z.array(z.number()).optional(),
    tolerance: z.number().min(0).optional(),
    compare: z.tuple([z.string(), z.string()]).optional(),
    /** Another metric of the same run to compare with ("mistakes" <= "mistakeBound"). */
    versus: z.string().optional(),
    /** "=" holds when |A − factor × B| ≤ tolerance. */
    relation: z.enum(['>', '<', '>=', '<=', '=']).optional(),
    /** For comparisons: A relation factor × B (e.g. "A > 100 × B"). */
    factor: z.number().positive().optional(),
    /** Why the claim holds, in a sentence: shown by verify and the UI. */
    note: z.string().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const kinds = (['outcome', 'weights', 'outputs', 'nets', 'compare', 'versus'] as const).filter((k) => c[k] !== undefined);
    const comparison = c.compare !== undefined || c.versus !== undefined;
    if (c.metric !== undefined && !comparison) kinds.push('metric' as never);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'a claim needs exactly one of outcome, metric (with min/max), weights, outputs, nets, compare (two runs) or versus (two metrics of one run)',
      });
      return;
    }
    if (c.compare === undefined && c.run === undefined) ctx.addIssue({ code: 'custom', path: ['run'], message: 'required: the id of the model run the claim is about' });
    if (comparison && (c.metric === undefined || c.relation === undefined)) {
      ctx.addIssue({ code: 'custom', path: [c.compare !== undefined ? 'compare' : 'versus'], message: 'a comparison needs "metric" and "relation"' });
    }
    if (c.metric !== undefined && !comparison && c.min === undefined && c.max === undefined) {
      ctx.addIssue({ code: 'custom', path: ['metric'], message: 'a metric claim needs "min" and/or "max"' });
    }
  });

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: comment,
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    title: z.string().min(1),
    /** The year (or era label) the scenario belongs to, e.g. "1958" or "1969". */
    era: z.string().min(1),
    year: z.number().int().min(1900).max(2100),
    story: z.array(z.string()).min(1),
    seed: z.union([z.number().int(), z.string()]),
    epochs: z.number().int().min(0).max(MAX_EPOCHS),
    data: dataSchema,
    target: targetSchema.optional(),
    /** Every run trains the whole epoch budget, past any target (for curves over a fixed budget). */
    fullBudget: z.boolean().optional(),
    divergeBound: z.number().positive().optional(),
    models: z.array(modelEntrySchema).min(1),
    claims: z.array(claimSchema),
    /** What the tour says when this scenario's run stops. */
    moral: z.string().optional(),
    /** A challenge: `run` prints a results table and keeps each model's best in the local leaderboard. */
    leaderboard: z.boolean().optional(),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;
