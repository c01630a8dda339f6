/**
 * Problem sheets for the lecture's first assignment (derive by hand, show every step): the worked
 * examples with numbers varied per student, deterministically from the student's id (a seeded Rng),
 * so no two students copy one answer. Each problem carries the share string of its lab, and its
 * answers are computed the way the lab computes them: the same runs, stepped, worked out by the
 * quiz's own questions (questions.ts). Without a student id the sheet has the lecture's numbers.
 */
import { num, operand, vector } from '../core/format.js';
import { createRng, type Rng } from '../core/rng.js';
import { Run } from '../core/runner.js';
import type { Params } from '../core/types.js';
import type { Tr } from '../i18n/index.js';
import { MlpInstance } from '../models/mlp-instance.js';
import { prepareRuns } from '../scenarios/execute.js';
import { loadScenario } from '../scenarios/loader.js';
import { encodeShare } from '../scenarios/share.js';
import { mlpItem, singleUnitItem, type QuizItem } from './questions.js';

export interface Answer {
  readonly label: string;
  /** The right value as the lab shows it. */
  readonly value: string;
  readonly values: readonly number[];
  readonly work: string;
}

export interface Problem {
  readonly title: string;
  /** The problem's statement (Markdown lines). */
  readonly text: readonly string[];
  /** The share string of its lab: `neural-eras lab --share <it>`, then k for the quiz. */
  readonly share: string;
  /** Answers grouped by step (one group per update, or per pattern). */
  readonly answers: readonly { readonly head: string; readonly items: readonly Answer[] }[];
}

export interface Sheet {
  readonly student: string | null;
  readonly problems: readonly Problem[];
}

const r1 = (v: number): number => Math.round(v * 10) / 10;
const r2 = (v: number): number => Math.round(v * 100) / 100;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;
const V = 6;

/** A value as the quiz shows it: a number, a vector, or a matrix with rows separated by ";". */
export function shown(values: readonly number[], rows = 1): string {
  if (values.length === 1) return num(values[0]!, V);
  const cols = values.length / rows;
  return `(${Array.from({ length: rows }, (_, r) => values.slice(r * cols, (r + 1) * cols).map((v) => num(v, V)).join(', ')).join('; ')})`;
}

const answersOf = (item: QuizItem, tr: Tr): Answer[] =>
  item.questions.map((q) => ({ label: q.after ? tr.t('quiz.new', { q: q.label }) : q.label, value: shown(q.expected, q.rows), values: q.expected, work: q.work }));

/** The numbers of one sheet: the lecture's (student null) or drawn from the student's id. */
interface Numbers {
  readonly w: readonly number[];
  readonly etaPerceptron: number;
  readonly etaAdaline: number;
  /** Positive factors scaling each unit of the two-layer XOR net (the function stays). */
  readonly scale: readonly number[];
  readonly W1: readonly (readonly number[])[];
  readonly W2: readonly (readonly number[])[];
  readonly etaMlp: number;
  /** The XOR pattern (1 … 3, never (0, 0)) the backprop step is worked on. */
  readonly pattern: number;
}

function numbersOf(student: string | null): Numbers {
  const rng = createRng(`problems/${student ?? 'lecture'}`);
  const W1 = [0, 1].map(() => [0, 1, 2].map(() => r2(rng.range(-0.5, 0.5))));
  const W2 = [[0, 1, 2].map(() => r2(rng.range(-0.5, 0.5)))];
  const scale = [0, 1, 2].map(() => pick(rng, [0.5, 1, 1.5, 2, 3]));
  const etaMlp = pick(rng, [0.25, 0.5, 1]);
  const pattern = 1 + rng.int(3);
  if (student === null) return { w: [-0.4, 0.6, 0.6], etaPerceptron: 0.05, etaAdaline: 0.05, scale: [1, 1, 1], W1, W2, etaMlp: 0.5, pattern };
  return {
    w: [-r1(rng.range(0.1, 0.9)), r1(rng.range(0.2, 1)), r1(rng.range(0.2, 1))],
    etaPerceptron: pick(rng, [0.05, 0.1, 0.2]),
    etaAdaline: pick(rng, [0.02, 0.05, 0.1]),
    scale, W1, W2, etaMlp, pattern,
  };
}

/** A scenario's run with overrides, as the lab builds it (and its share string). */
function runOf(scenarioId: string, runId: string, params: Params, seed?: number): { run: Run; share: string } {
  const scenario = loadScenario(scenarioId);
  const overrides = new Map([[runId, params]]);
  const [spec] = prepareRuns(scenario, { only: [runId], params: overrides, ...(seed !== undefined ? { seed } : {}) });
  return { run: new Run(spec!), share: encodeShare({ scenario, only: [runId], params: overrides, ...(seed !== undefined ? { seed } : {}) }) };
}

const PATTERNS = [[0, 0], [0, 1], [1, 0], [1, 1]];

/** Steps a single unit `count` times, each update worked out as the quiz does. */
function singleUnitSteps(run: Run, count: number, tr: Tr): Problem['answers'] {
  const out: { head: string; items: Answer[] }[] = [];
  for (let k = 0; k < count; k++) {
    const rec = run.step();
    if (!rec) break;
    const item = singleUnitItem(run.spec.plugin.meta.id, run.spec.params, run.spec.data, rec)!;
    out.push({ head: item.pattern === null ? tr.t('problems.batch') : tr.t('problems.pattern', { pattern: item.pattern, x: vector(PATTERNS[item.pattern - 1] ?? rec.x.slice(1)) }), items: answersOf(item, tr) });
  }
  return out;
}

/** The seed whose first shuffled pattern of XOR is `pattern` (0-based): the lab's first update is on it. */
function seedFor(pattern: number, params: Params, student: string | null): number {
  const base = 1 + createRng(`problems/${student ?? 'lecture'}/seed`).int(1000);
  for (let s = base; ; s++) {
    const { run } = runOf('xor-backprop', 'mlp-backprop', params, s);
    if (run.model.step?.()?.pattern === pattern) return s;
  }
}

export function problemSheet(student: string | null, tr: Tr): Sheet {
  const n = numbersOf(student);
  const w = vector(n.w);
  const problems: Problem[] = [];

  // 1. The OR unit: net inputs and outputs of a threshold unit.
  {
    const { run, share } = runOf('seed-or-unit', 'perceptron', { weights: n.w });
    const ev = run.model.evaluate(run.spec.data);
    problems.push({
      title: tr.t('problems.unit.title'),
      text: [tr.t('problems.unit.text', { w }), tr.t('problems.unit.ask')],
      share,
      answers: PATTERNS.map((x, i) => ({
        head: tr.t('problems.pattern', { pattern: i + 1, x: vector(x) }),
        items: [
          { label: 'w·x', value: shown(ev.net![i]!), values: ev.net![i]!, work: `w·x = ${n.w.map((wj, j) => `${operand(wj, 4)}·${j === 0 ? 1 : x[j - 1]}`).join(' + ')} = ${num(ev.net![i]![0]!, V)}` },
          { label: 'o', value: shown(ev.outputs[i]!), values: ev.outputs[i]!, work: `φ(${num(ev.net![i]![0]!, V)}) = ${num(ev.outputs[i]![0]!, V)}` },
        ],
      })),
    });
  }

  // 2. One perceptron epoch on AND, online, from that unit.
  {
    const { run, share } = runOf('seed-perceptron-epoch', 'perceptron', { weights: n.w, learningRate: n.etaPerceptron });
    problems.push({ title: tr.t('problems.epoch.title'), text: [tr.t('problems.epoch.text', { w, eta: num(n.etaPerceptron, V) }), tr.t('problems.epoch.ask')], share, answers: singleUnitSteps(run, 4, tr) });
  }

  // 3. One batch Adaline step on AND from the same unit.
  {
    const { run, share } = runOf('seed-adaline-step', 'adaline', { weights: n.w, learningRate: n.etaAdaline });
    problems.push({ title: tr.t('problems.adaline.title'), text: [tr.t('problems.adaline.text', { w, eta: num(n.etaAdaline, V) }), tr.t('problems.adaline.ask')], share, answers: singleUnitSteps(run, 1, tr) });
  }

  // 4. The two-layer XOR net of ±1 step units (OR and NAND into AND), each unit's weights scaled.
  {
    const units = [[-0.4, 0.6, 0.6], [0.6, -0.5, -0.5], [-0.4, 0.6, 0.6]].map((u, k) => u.map((v) => r2(v * n.scale[k]!)));
    const unit = (u: readonly number[]) => ({ bias: u[0]!, w: u.slice(1) });
    const network = { layers: [[unit(units[0]!), unit(units[1]!)], [unit(units[2]!)]] };
    const { run, share } = runOf('seed-xor-two-layer', 'corrected', { network });
    const ev = run.model.evaluate(run.spec.data);
    problems.push({
      title: tr.t('problems.xor.title'),
      text: [tr.t('problems.xor.text', { h1: vector(units[0]!), h2: vector(units[1]!), v: vector(units[2]!) }), tr.t('problems.xor.ask')],
      share,
      answers: run.spec.data.inputs.map((x, i) => {
        const [h] = run.model.hidden!(x);
        return {
          head: tr.t('problems.pattern', { pattern: i + 1, x: vector(x) }),
          items: [
            { label: '(h1, h2)', value: shown(h!), values: h!, work: `h1 = φ(${vector(units[0]!)}·(1, ${x.join(', ')})), h2 = φ(${vector(units[1]!)}·(1, ${x.join(', ')}))` },
            { label: 'o', value: shown(ev.outputs[i]!), values: ev.outputs[i]!, work: `o = φ(${vector(units[2]!)}·(1, ${h!.map((v) => num(v, V)).join(', ')}))` },
          ],
        };
      }),
    });
  }

  // 5. One back-propagation step of a 2-2-1 sigmoid net on one XOR pattern.
  {
    const params = { weights: [n.W1, n.W2], learningRate: n.etaMlp, shuffle: true };
    const seed = seedFor(n.pattern, params, student);
    const { run, share } = runOf('xor-backprop', 'mlp-backprop', params, seed);
    const model = run.model as MlpInstance;
    const before = model.handState();
    const rec = run.step()!;
    const item = mlpItem(before, rec.pattern, run.spec.data.inputs[rec.pattern]!, rec.t, Array.from(model.flatWeights()));
    const x = run.spec.data.inputs[rec.pattern]!;
    const mat = (m: readonly (readonly number[])[]) => `(${m.map((row) => row.map((v) => num(v, V)).join(', ')).join('; ')})`;
    problems.push({
      title: tr.t('problems.backprop.title'),
      text: [tr.t('problems.backprop.text', { W1: mat(n.W1), W2: mat(n.W2), eta: num(n.etaMlp, V), x: vector(x), t: num(rec.t[0]!, V) }), tr.t('problems.backprop.ask')],
      share,
      answers: [{ head: tr.t('problems.pattern', { pattern: rec.pattern + 1, x: vector(x) }), items: answersOf(item, tr) }],
    });
  }
  return { student, problems };
}

/** The sheet as Markdown; with answers, the worked solutions (the values the lab computes, and their arithmetic). */
export function sheetMarkdown(sheet: Sheet, answers: boolean, tr: Tr): string {
  const lines = [
    `# ${sheet.student === null ? tr.t('problems.titleLecture') : tr.t('problems.title', { student: sheet.student })}${answers ? tr.t('problems.withAnswers') : ''}`,
    '',
    tr.t('problems.intro'),
    '',
  ];
  sheet.problems.forEach((p, i) => {
    lines.push(`## ${i + 1}. ${p.title}`, '', ...p.text.flatMap((t) => [t, '']), `${tr.t('problems.lab')} \`neural-eras lab --share ${p.share}\``, '');
    if (!answers) return;
    lines.push(`**${tr.t('problems.answers')}**`, '');
    for (const group of p.answers) {
      lines.push(`- ${group.head}`);
      for (const a of group.items) lines.push(`  - ${a.label} = **${a.value}** — ${a.work}`);
    }
    lines.push('');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
