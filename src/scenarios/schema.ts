/**
 * The scenario file format, as a zod schema: data, models, seed, budget, story and claims.
 * scenarios/schema.json is generated from it (`npm run schema`) and referenced by every file.
 */
import { z } from 'zod';
import { OUTCOMES } from '../core/runner.js';
import { dataSchema } from '../data/spec.js';

/** The longest epoch budget a scenario or --epochs may ask for (every epoch is kept in the history). */
export const MAX_EPOCHS = 1_000_000;

export { dataSchema };

const bounds = z.object({ min: z.number().optional(), max: z.number().optional() }).strict();
export const targetSchema = z.record(z.string(), bounds);
/** How a run ended (core/runner.ts): truncated is a budget spent short of the target; finished one spent by design; inert a hand-wired net that misses it. */
export const outcomeSchema = z.enum(OUTCOMES);

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
    /** Train the whole epoch budget, past any target (the run ends finished, never solved early). */
    fullBudget: z.boolean().optional(),
    /** Seed of this run's model (initial weights, order, masks); the data keeps the scenario's. */
    seed: z.union([z.number().int(), z.string()]).optional(),
  })
  .strict();

/** A metric's name as the models report them (accuracy, mcGap1000, gradNorm0…): not a number or an expression. */
const metricName = z.string().refine((m) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(m), {
  error: (issue) => `${JSON.stringify(String(issue.input).slice(0, 40))} is not a metric name (letters and digits, e.g. accuracy or mcGap1000); to compare with a number use min/max`,
});

export const claimSchema = z
  .object({
    $comment: comment,
    run: z.string().optional(),
    outcome: outcomeSchema.optional(),
    metric: metricName.optional(),
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
    versus: metricName.optional(),
    /** "=" holds when |A − factor × B| ≤ tolerance. */
    relation: z.enum(['>', '<', '>=', '<=', '=']).optional(),
    /** For comparisons: A relation factor × B (e.g. "A > 100 × B"). */
    factor: z.number().positive().optional(),
    /**
     * Train the run again with model seeds 1 … n (the data stays) and read the metric's mean over
     * them at the end; the metric "solved" is 1 for a run that ends solved, else 0 (a success share).
     */
    seeds: z.number().int().min(2).max(100).optional(),
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
    if (c.seeds !== undefined && (c.metric === undefined || c.versus !== undefined || c.epoch !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['seeds'], message: 'seeds goes with "metric" (or "compare") at the end of the runs, without "epoch" or "versus"' });
    }
    if (c.compare === undefined && c.run === undefined) ctx.addIssue({ code: 'custom', path: ['run'], message: 'required: the id of the model run the claim is about' });
    if (comparison && (c.metric === undefined || c.relation === undefined)) {
      ctx.addIssue({ code: 'custom', path: [c.compare !== undefined ? 'compare' : 'versus'], message: 'a comparison needs "metric" and "relation"' });
    }
    if (c.metric !== undefined && !comparison && c.min === undefined && c.max === undefined) {
      ctx.addIssue({ code: 'custom', path: ['metric'], message: 'a metric claim needs "min" and/or "max"' });
    }
  });

/** A receipt's run and metric: what this scenario measures for the published figure. */
const receiptMetric = z.object({ run: z.string().min(1), metric: z.string().min(1) }).strict();

/**
 * A receipt: a published figure beside the one this scenario measures for it. `matches` (same
 * conditions) is checked like a claim: |ours − published| ≤ tolerance, or ours ≤ / ≥ a published
 * bound; `same-kind` (conditions differ, says how and which way ours should lie) and `differs`
 * (says why) are shown, never failed.
 */
export const receiptSchema = z
  .object({
    $comment: comment,
    source: z
      .object({
        authors: z.string().min(1),
        year: z.number().int().min(1800).max(2100),
        /** Where in the paper: section, table, figure or page. */
        where: z.string().min(1),
        /** How the figure was checked here: in the paper's own text, in a named secondary source, or not at all. */
        checked: z.enum(['paper', 'secondary', 'not-verified']),
        /** What was read (the secondary source), or why the figure could not be checked. */
        via: z.string().optional(),
      })
      .strict(),
    published: z
      .object({
        /** What the paper measured, in a few words ("sweeps to learn mirror symmetry"). */
        quantity: z.string().min(1),
        /** The figure as the paper gives it, with its unit ("1,425 sweeps", "5.0 %"). */
        text: z.string().min(1),
        /** The figure as a number in ours' unit; or, for a published formula, a metric evaluating it on this data. */
        value: z.number().optional(),
        metric: receiptMetric.optional(),
      })
      .strict(),
    /** The published experiment's conditions. */
    conditions: z.object({ data: z.string().min(1), net: z.string().min(1), rule: z.string().min(1), budget: z.string().min(1) }).strict(),
    /** The metric this scenario measures for it: run.metric, optionally divided by another run's metric, then transformed. */
    ours: z
      .object({
        run: z.string().min(1).optional(),
        metric: z.string().min(1).optional(),
        /** Instead of run and metric: a figure measured elsewhere (not by this scenario's runs), with the file that measures it. */
        value: z.number().optional(),
        measuredBy: z.string().min(1).optional(),
        /** Divide by this run's metric (a ratio of two runs, e.g. epochs of tanh over epochs of ReLU). */
        over: receiptMetric.optional(),
        /** Take the n-th root (a per-layer factor from a ratio over n layers). */
        root: z.number().int().min(1).optional(),
        /** Read each metric as 1 − metric (an error from an accuracy), before dividing. */
        complement: z.boolean().optional(),
        /** Multiply by this (100 for a percentage). */
        scale: z.number().positive().optional(),
        /** The unit written after the value ("sweeps", "%"). */
        unit: z.string().optional(),
        /** What the number is, in a few words ("sweeps to solve, one seed"). */
        what: z.string().min(1),
      })
      .strict(),
    comparison: z.enum(['matches', 'same-kind', 'differs']),
    /** matches: |ours − published| ≤ tolerance (for "="). */
    tolerance: z.number().min(0).optional(),
    /** matches: "=" (within tolerance), or "<=" / ">=" when the published figure is a bound. */
    relation: z.enum(['=', '<=', '>=']).optional(),
    /** same-kind: how the conditions here differ from the paper's. */
    differences: z.string().min(1).optional(),
    /** same-kind: where ours is expected to lie against the published figure. */
    expect: z.enum(['higher', 'lower', 'similar']).optional(),
    /** differs: why the two cannot be compared as like with like. */
    reason: z.string().min(1).optional(),
    /** The receipt's words in Korean, where the UI shows them. */
    ko: z.object({ quantity: z.string().min(1), text: z.string().min(1), what: z.string().min(1), differences: z.string().optional(), reason: z.string().optional() }).strict().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const need = (key: 'tolerance' | 'differences' | 'expect' | 'reason', why: string): void => {
      if (r[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required: ${why}` });
    };
    const forbid = (keys: readonly ('tolerance' | 'relation' | 'differences' | 'expect' | 'reason')[]): void => {
      for (const key of keys) if (r[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `not used by a "${r.comparison}" receipt` });
    };
    const measured = r.ours.run !== undefined && r.ours.metric !== undefined;
    const elsewhere = r.ours.value !== undefined && r.ours.measuredBy !== undefined;
    if (measured === elsewhere || (measured && (r.ours.value !== undefined || r.ours.measuredBy !== undefined)) || (elsewhere && (r.ours.run !== undefined || r.ours.metric !== undefined))) {
      ctx.addIssue({ code: 'custom', path: ['ours'], message: 'give "run" and "metric" (measured by this scenario), or "value" and "measuredBy" (a figure measured by another file)' });
    }
    if (elsewhere && r.comparison === 'matches') ctx.addIssue({ code: 'custom', path: ['comparison'], message: 'a "matches" receipt is checked on this scenario\'s runs: its "ours" needs "run" and "metric"' });
    if (r.published.value !== undefined && r.published.metric !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['published'], message: 'give one of "value" (the published number) or "metric" (the published formula evaluated on this data), not both' });
    } else if (r.comparison !== 'differs' && r.published.value === undefined && r.published.metric === undefined) {
      ctx.addIssue({ code: 'custom', path: ['published'], message: `a "${r.comparison}" receipt compares numbers: give "value" (the published number) or "metric" (the published formula evaluated on this data)` });
    }
    if (r.comparison === 'matches') {
      if ((r.relation ?? '=') === '=') need('tolerance', 'a "matches" receipt states how close ours must be (|ours − published| ≤ tolerance)');
      forbid(['differences', 'expect', 'reason']);
    } else if (r.comparison === 'same-kind') {
      need('differences', 'a "same-kind" receipt says how its conditions differ from the paper\'s');
      need('expect', 'a "same-kind" receipt says where ours should lie: "higher", "lower" or "similar"');
      forbid(['tolerance', 'relation', 'reason']);
    } else {
      need('reason', 'a "differs" receipt says why ours and the paper\'s cannot be compared');
      forbid(['tolerance', 'relation', 'differences', 'expect']);
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
    /** Published figures beside the ones this scenario measures. */
    receipts: z.array(receiptSchema).optional(),
    /** What the tour says when this scenario's run stops. */
    moral: z.string().optional(),
    /** A challenge: `run` prints a results table and keeps each model's best in the local leaderboard. */
    leaderboard: z.boolean().optional(),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Receipt = z.infer<typeof receiptSchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;
