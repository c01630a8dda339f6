/**
 * `neural-eras check <file>… [--json]`: validates scenario files (schema, models, parameters,
 * data files) without training anything, and lists what each one claims. Every problem of every
 * file is listed at once; a comparison whose metric one side's model does not report is one too.
 * Exit 0 when every file is valid, 2 otherwise (`--json` prints its document either way).
 */
import { asModelInstance } from '../core/plugin-instance.js';
import { buildDataset } from '../data/datasets.js';
import { deriveRng } from '../core/rng.js';
import { claimText } from '../scenarios/claims.js';
import { loadScenario, ScenarioError, type ResolvedRun, type Scenario } from '../scenarios/loader.js';
import { isUserError } from './errors.js';
import type { Io } from './io.js';

function describe(s: Scenario): string {
  const runs = s.runs.map((r) => `${r.id}${r.id !== r.plugin.meta.id ? ` [${r.plugin.meta.id}]` : ''}`).join(', ');
  const claims = s.claims.map((c, i) => `    ${i + 1}. ${claimText(c)}${c.note ? ` — ${c.note}` : ''}`);
  return [
    `${s.file}: valid — scenario ${s.id}, "${s.title}" (${s.era})`,
    `  data    ${s.data.kind}${s.data.kind === 'csv' ? ` ${s.data.path}` : ''}; seed ${s.seed}; budget ${s.epochs} epochs`,
    `  runs    ${runs}`,
    s.claims.length ? `  claims  ${s.claims.length}:` : '  claims  none (add some: README "Writing scenarios")',
    ...claims,
    `  verify them: neural-eras verify ${s.file}`,
  ].join('\n');
}

/** Metrics every run's result has, whatever its model. */
const ALWAYS = ['loss', 'accuracy', 'epochs', 'bestAccuracy', 'updates'];
const WITH_TEST = ['testAccuracy', 'testLoss', 'bestTestAccuracy'];

/** The metric names a run's result will have: the common ones, and those its model reports (per epoch and at the end). */
function metricNames(s: Scenario, run: ResolvedRun): Set<string> {
  const data = buildDataset(run.data, deriveRng(s.seed, 'data'));
  const model = run.plugin.create({ data, params: run.params, rng: deriveRng(s.seed, `check:${run.id}`), lean: true });
  return new Set([...ALWAYS, ...(data.test ? WITH_TEST : []), ...Object.keys(asModelInstance(model, data).measure().metrics), ...Object.keys(model.finalReport?.().metrics ?? {})]);
}

/** A comparison (compare, or versus) whose metric a side's model never reports can only fail: a problem. */
export function claimProblems(s: Scenario): string[] {
  const names = new Map<string, Set<string>>();
  const of = (id: string): Set<string> | undefined => {
    const run = s.runs.find((r) => r.id === id);
    if (run && !names.has(id)) names.set(id, metricNames(s, run));
    return names.get(id);
  };
  const out: string[] = [];
  s.claims.forEach((c, i) => {
    const sides: [string, string][] = c.compare ? c.compare.map((id) => [id, c.metric!] as [string, string]) : c.versus && c.run ? [[c.run, c.metric!], [c.run, c.versus]] : [];
    for (const [id, metric] of sides) {
      const have = of(id);
      if (have && !have.has(metric)) out.push(`${s.file}: claims[${i}]: ${id} (${s.runs.find((r) => r.id === id)!.plugin.meta.id}) reports no metric "${metric}": the comparison could never hold (it has: ${[...have].sort().join(', ')})`);
    }
  });
  return out;
}

interface Checked {
  readonly file: string;
  readonly scenario?: Scenario;
  readonly problems: readonly string[];
}

function checkOne(ref: string): Checked {
  try {
    const scenario = loadScenario(ref);
    return { file: scenario.file, scenario, problems: claimProblems(scenario) };
  } catch (e) {
    if (e instanceof ScenarioError) return { file: ref, problems: e.problems };
    if (isUserError(e)) return { file: ref, problems: [(e as Error).message] };
    throw e;
  }
}

export function checkCommand(files: readonly string[], opts: { json?: boolean }, io: Io): number {
  const checked = files.map(checkOne);
  const ok = checked.every((c) => c.problems.length === 0);
  if (opts.json) {
    const doc = checked.map(({ file, scenario: s, problems }) =>
      s && problems.length === 0
        ? { file: s.file, ok: true, id: s.id, title: s.title, runs: s.runs.map((r) => ({ id: r.id, model: r.plugin.meta.id })), claims: s.claims.map((c) => claimText(c)) }
        : { file, ok: false, problems },
    );
    io.out(`${JSON.stringify({ ok, scenarios: doc }, null, 2)}\n`);
  } else {
    const valid = checked.filter((c) => c.problems.length === 0).map((c) => describe(c.scenario!));
    if (valid.length) io.out(`${valid.join('\n\n')}\n`);
    // one line per problem, each naming its file and field
    for (const c of checked) for (const p of c.problems) io.err(`neural-eras: ${p}\n`);
  }
  return ok ? 0 : 2;
}
