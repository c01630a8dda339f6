/**
 * Predict, then reveal: the quiz over the lab, headless. Each round takes the next single update
 * of the run on screen and keeps its result hidden; the student types the quantities of the
 * update (validated: numbers, fractions, vectors, matrices); Enter reveals each entry ✓ or ✗ with
 * the right value and the line of arithmetic that gives it, and keeps a running score. The right
 * values come from the step's numbers (and, for the MLP, its state before the step), never from a
 * model's written-out text.
 */
import { num } from '../core/format.js';
import { EN_TR, type Tr } from '../i18n/index.js';
import { MlpInstance, type MlpHandState } from '../models/mlp-instance.js';
import { close, parseAnswer, RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE } from '../assignments/answers.js';
import { kindOf, mlpItem, mlpProblem, singleUnitItem, type QuizItem } from '../assignments/questions.js';
import { QUIZ_KEYS, actionOf, type Token } from './keymaps.js';
import type { LabSession } from './lab.js';

export interface EntryMark {
  readonly given: number;
  readonly expected: number;
  readonly ok: boolean;
}

export interface QuizRow {
  readonly label: string;
  /** Rows of the quantity (a matrix has more than one), and how many numbers it has. */
  readonly rows: number;
  readonly entries: number;
  readonly text: string;
  /** What the answer must be: "1 number", "3 numbers (a vector)", "2 × 3 numbers (a matrix)". */
  readonly shape: string;
  readonly error: string | null;
  /** After the reveal: each entry, and the arithmetic. */
  readonly marks: readonly EntryMark[] | null;
  readonly ok: boolean | null;
  readonly work: string | null;
}

export interface QuizView {
  readonly kind: 'quiz';
  readonly title: string;
  /** The model and the pattern, and what the student is given. */
  readonly head: string;
  readonly givens: readonly string[];
  readonly rows: readonly QuizRow[];
  readonly at: number;
  readonly phase: 'ask' | 'reveal' | 'none';
  /** Why there is nothing to ask (phase 'none'). */
  readonly message: string | null;
  /** This update's score and the running one, as words. */
  readonly score: string;
  readonly tolerance: string;
}

interface Round {
  readonly item: QuizItem;
  readonly pattern: number;
  texts: string[];
  errors: (string | null)[];
  marks: EntryMark[][] | null;
}

export class QuizSession {
  private round: Round | null = null;
  private message: string | null = null;
  at = 0;
  /** Quantities answered right and asked, over the whole quiz; updates revealed. */
  right = 0;
  asked = 0;
  steps = 0;

  /** Side by side when the quiz opened (the quiz takes the first run; leaving puts the pair back). */
  private readonly compared: boolean;

  constructor(
    private readonly lab: LabSession,
    private readonly tr: Tr = EN_TR,
  ) {
    lab.pause();
    this.compared = lab.compare;
    lab.toggleCompare(false);
    this.next();
  }

  /** Leaving: the lab as it was shown (its runs side by side again if they were). */
  close(): void {
    if (this.compared) this.lab.toggleCompare(true);
  }

  /** The next update of the run on screen, taken now, its result kept hidden until the answers are checked. */
  private next(): void {
    this.round = null;
    this.at = 0;
    const lane = this.lab.lanes()[0];
    const run = lane?.run;
    if (!lane || !run) return void (this.message = this.tr.t('quiz.noRun'));
    const id = lane.spec.plugin.meta.id;
    const kind = kindOf(id);
    if (!kind) return void (this.message = this.tr.t('quiz.unsupported', { model: id }));
    let pre: MlpHandState | null = null;
    if (kind === 'mlp') {
      if (!(run.model instanceof MlpInstance)) return void (this.message = this.tr.t('quiz.unsupported', { model: id }));
      pre = run.model.handState();
      const problem = mlpProblem(pre);
      if (problem) return void (this.message = this.tr.t(`quiz.mlp.${problem}`, { sizes: pre.sizes.join('-') }));
    }
    if (!lane.canAdvance(true)) return void (this.message = this.tr.t('quiz.over'));
    const before = lane.trace.length;
    const last = lane.trace[before - 1];
    this.lab.pattern();
    const rec = lane.trace[lane.trace.length - 1];
    if (!rec || rec === last) return void (this.message = this.tr.t('quiz.noStep', { model: id }));
    const item = pre
      ? mlpItem(pre, rec.pattern, lane.spec.data.inputs[rec.pattern]!, rec.t, Array.from(run.model.flatWeights()))
      : singleUnitItem(id, lane.spec.params, lane.spec.data, rec);
    if (!item) return void (this.message = this.tr.t('quiz.unsupported', { model: id }));
    this.message = null;
    this.round = { item, pattern: rec.pattern, texts: item.questions.map(() => ''), errors: item.questions.map(() => null), marks: null };
  }

  /** The pattern (from 1) of an update taken but not yet checked: leaving then says it was made. */
  unchecked(): number | null {
    const r = this.round;
    return r && !r.marks ? r.pattern + 1 : null;
  }

  /** Handles a key; returns 'leave' when the quiz closes. */
  key(t: Token): 'leave' | null {
    const a = actionOf(QUIZ_KEYS, t);
    if (a === 'leave') return 'leave';
    const r = this.round;
    if (!r) return null;
    const count = r.item.questions.length;
    switch (a) {
      // after the reveal ↑↓ still move (the screen scrolls to the quantity)
      case 'up':
        this.at = (this.at + count - 1) % count;
        return null;
      case 'down':
        this.at = (this.at + 1) % count;
        return null;
      case 'erase':
        if (!r.marks) r.texts[this.at] = r.texts[this.at]!.slice(0, -1);
        return null;
      case 'check':
        if (r.marks) this.next();
        else this.check(r);
        return null;
      default:
        if (!r.marks && t.length === 1 && t >= ' ') r.texts[this.at] += t;
        return null;
    }
  }

  private check(r: Round): void {
    const parsed = r.item.questions.map((q, i) => parseAnswer(r.texts[i]!, q.expected.length));
    r.errors = parsed.map((p) => (p.ok ? null : this.problem(p.error)));
    const bad = r.errors.findIndex((e) => e !== null);
    if (bad >= 0) return void (this.at = bad);
    r.marks = r.item.questions.map((q, i) => {
      const given = (parsed[i] as { values: readonly number[] }).values;
      return q.expected.map((e, k) => ({ given: given[k]!, expected: e, ok: close(given[k]!, e) }));
    });
    const right = r.marks.filter((m) => m.every((e) => e.ok)).length;
    this.right += right;
    this.asked += r.marks.length;
    this.steps++;
  }

  /** A parse problem in the quiz's language. */
  private problem(error: string): string {
    const m = /^needs (\d+) numbers?, got (\d+)$/.exec(error);
    if (m) return this.tr.t('quiz.count', { need: Number(m[1]), got: Number(m[2]) });
    if (error === 'empty') return this.tr.t('quiz.empty');
    const nan = /^"(.*)" is not a number$/.exec(error);
    return this.tr.t('quiz.notNumber', { token: nan?.[1] ?? error });
  }

  view(): QuizView {
    const r = this.round;
    const score = this.tr.t('quiz.score', { right: this.right, asked: this.asked, steps: this.steps });
    const tolerance = this.tr.t('quiz.tolerance', { relative: `${num(RELATIVE_TOLERANCE * 100, 3)} %`, absolute: num(ABSOLUTE_TOLERANCE, 3) });
    const title = this.tr.t('quiz.title');
    if (!r) return { kind: 'quiz', title, head: '', givens: [], rows: [], at: 0, phase: 'none', message: this.message, score, tolerance };
    const rows = r.item.questions.map((q, i): QuizRow => {
      const marks = r.marks?.[i] ?? null;
      const cols = q.expected.length / q.rows;
      const shape = q.rows > 1 ? this.tr.t('quiz.shapeMatrix', { rows: q.rows, cols }) : q.expected.length === 1 ? this.tr.t('quiz.shapeNumber') : this.tr.t('quiz.shapeVector', { n: q.expected.length });
      return { label: q.after ? this.tr.t('quiz.new', { q: q.label }) : q.label, rows: q.rows, entries: q.expected.length, text: r.texts[i]!, shape, error: r.errors[i] ?? null, marks, ok: marks ? marks.every((m) => m.ok) : null, work: marks ? q.work : null };
    });
    const stepRight = r.marks ? r.marks.filter((m) => m.every((e) => e.ok)).length : 0;
    const words = r.marks ? `${this.tr.t('quiz.thisStep', { right: stepRight, asked: r.marks.length })} · ${score}` : score;
    return { kind: 'quiz', title, head: r.item.pattern === null ? this.tr.t('quiz.headBatch', { model: r.item.model, n: r.item.batch ?? 0 }) : this.tr.t('quiz.headPattern', { model: r.item.model, pattern: r.item.pattern }), givens: r.item.givens, rows, at: this.at, phase: r.marks ? 'reveal' : 'ask', message: null, score: words, tolerance };
  }
}
