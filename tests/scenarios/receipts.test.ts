/**
 * Receipts: the schema's readable errors, the arithmetic of "ours", the verdicts, the lines in
 * both languages, every era's receipts on its lab screen, and the figure digits-2012 quotes from
 * the example that measures it. The shipped receipts themselves are checked in claims.test.ts,
 * within the runs it trains anyway.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { executeScenario, type RunResult } from '../../src/scenarios/execute.js';
import { loadScenario, loadScenarioFile, packageRoot, parseScenario } from '../../src/scenarios/loader.js';
import { checkReceipt } from '../../src/scenarios/receipts.js';
import { receiptLine, receiptLines } from '../../src/session/receipts.js';
import type { Receipt } from '../../src/scenarios/schema.js';
import { AppSession } from '../../src/session/app.js';
import { ERAS } from '../../src/session/eras.js';
import { LabSession } from '../../src/session/lab.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';
import { join } from 'node:path';

const receipt = (over: Partial<Receipt> = {}): Receipt => ({
  source: { authors: 'Rumelhart, Hinton & Williams', year: 1986, where: 'Nature 323, 533–536', checked: 'not-verified' },
  published: { quantity: 'sweeps to learn mirror symmetry', text: '1,425 sweeps', value: 1425 },
  conditions: { data: '64 six-bit vectors', net: '6-2-1', rule: 'batch backprop', budget: 'until solved' },
  ours: { run: 'a', metric: 'epochs', unit: 'sweeps', what: 'one seed' },
  comparison: 'matches',
  tolerance: 100,
  ...over,
});

const base = {
  id: 'x',
  title: 'A test',
  era: '1986',
  year: 1986,
  story: ['One sentence.'],
  seed: 1,
  epochs: 10,
  data: { kind: 'gate', gate: 'XOR' },
  models: [{ id: 'a', model: 'perceptron' }],
  claims: [],
};
const parseWith = (r: unknown) => () => parseScenario({ ...base, receipts: [r] }, 'x.json');

/** A trained run's result, as far as receipts read it: its id and metrics. */
const result = (id: string, metrics: Record<string, number>) => ({ id, metrics }) as unknown as RunResult;
const byId = (...rs: RunResult[]) => new Map(rs.map((r) => [r.id, r]));

describe('the receipts field of a scenario', () => {
  it('accepts a receipt of each kind', () => {
    const s = parseScenario(
      {
        ...base,
        receipts: [
          receipt(),
          receipt({ comparison: 'same-kind', tolerance: undefined, differences: 'XOR, not symmetry', expect: 'lower' }),
          receipt({ comparison: 'differs', tolerance: undefined, published: { quantity: 'q', text: 'no number' }, reason: 'another task' }),
          receipt({ comparison: 'same-kind', tolerance: undefined, differences: 'd', expect: 'higher', ours: { value: 2, measuredBy: 'examples/x.json', what: 'w' } }),
        ],
      },
      'x.json',
    );
    expect(s.receipts).toHaveLength(4);
  });

  const bad: [string, unknown, string][] = [
    ['matches without a tolerance', receipt({ tolerance: undefined }), 'x.json: receipts[0].tolerance: required: a "matches" receipt states how close'],
    ['same-kind without the direction', receipt({ comparison: 'same-kind', tolerance: undefined, differences: 'd' }), 'receipts[0].expect: required: a "same-kind" receipt says where ours should lie'],
    ['same-kind without its differences', receipt({ comparison: 'same-kind', tolerance: undefined, expect: 'lower' }), 'receipts[0].differences: required: a "same-kind" receipt says how its conditions differ'],
    ['differs without a reason', receipt({ comparison: 'differs', tolerance: undefined }), 'receipts[0].reason: required: a "differs" receipt says why'],
    ['a tolerance on a same-kind receipt', receipt({ comparison: 'same-kind', differences: 'd', expect: 'lower' }), 'receipts[0].tolerance: not used by a "same-kind" receipt'],
    ['a run that is not in models', receipt({ ours: { run: 'nope', metric: 'epochs', what: 'w' } }), 'x.json: receipts[0].ours: names run "nope", which is not in models (runs: a)'],
    ['both a run and a value', receipt({ ours: { run: 'a', metric: 'epochs', value: 3, measuredBy: 'f', what: 'w' } }), 'receipts[0].ours: give "run" and "metric"'],
    ['a matches receipt measured elsewhere', receipt({ ours: { value: 3, measuredBy: 'f', what: 'w' } }), 'receipts[0].comparison: a "matches" receipt is checked on this scenario\'s runs'],
    ['no published number to compare', receipt({ published: { quantity: 'q', text: 't' } }), 'receipts[0].published: a "matches" receipt compares numbers'],
    ['an unknown checked word', receipt({ source: { authors: 'a', year: 1986, where: 'w', checked: 'maybe' as never } }), 'receipts[0].source.checked:'],
    ['a missing condition', receipt({ conditions: { data: 'd', net: 'n', rule: 'r' } as never }), 'receipts[0].conditions.budget:'],
  ];
  it.each(bad)('rejects %s with a located message', (_name, r, message) => {
    expect(parseWith(r)).toThrow(message);
  });
});

describe('what a receipt measures and its verdict', () => {
  it('matches: within the tolerance holds, beyond it drifts, a missing run is not measured', () => {
    const r = receipt();
    expect(checkReceipt(r, byId(result('a', { epochs: 1500 })))).toMatchObject({ ours: 1500, published: 1425, holds: true });
    expect(checkReceipt(r, byId(result('a', { epochs: 1600 })))).toMatchObject({ ours: 1600, holds: false });
    expect(checkReceipt(r, byId(result('a', { epochs: NaN }))).holds).toBe(false);
    expect(checkReceipt(r, byId())).toMatchObject({ ours: undefined, holds: null });
  });

  it('a bound: ours ≤ a published formula evaluated on this data', () => {
    const r = receipt({ relation: '<=', tolerance: undefined, published: { quantity: 'q', text: '(R/γ)²', metric: { run: 'a', metric: 'mistakeBound' } }, ours: { run: 'a', metric: 'mistakes', what: 'w' } });
    expect(checkReceipt(r, byId(result('a', { mistakes: 5, mistakeBound: 13.1 })))).toMatchObject({ ours: 5, published: 13.1, holds: true });
    expect(checkReceipt(r, byId(result('a', { mistakes: 14, mistakeBound: 13.1 }))).holds).toBe(false);
  });

  it('errors from accuracies, a ratio of two runs, a per-layer root and a scale', () => {
    const ratio = receipt({ comparison: 'same-kind', tolerance: undefined, differences: 'd', expect: 'lower', published: { quantity: 'q', text: '0.75', value: 0.75 }, ours: { run: 'a', metric: 'testAccuracy', complement: true, over: { run: 'b', metric: 'testAccuracy' }, what: 'w' } });
    const got = checkReceipt(ratio, byId(result('a', { testAccuracy: 0.9 }), result('b', { testAccuracy: 0.6 })));
    expect(got.ours).toBeCloseTo(0.1 / 0.4, 15);
    expect([got.holds, got.direction]).toEqual([null, true]);
    const root = receipt({ comparison: 'same-kind', tolerance: undefined, differences: 'd', expect: 'similar', published: { quantity: 'q', text: '1/4', value: 0.25 }, ours: { run: 'a', metric: 'gradRatio', root: 10, what: 'w' } });
    expect(checkReceipt(root, byId(result('a', { gradRatio: 0.25 ** 10 }))).ours).toBeCloseTo(0.25, 12);
    // "similar" means within a factor of 2 either way
    expect(checkReceipt(root, byId(result('a', { gradRatio: 0.13 ** 10 }))).direction).toBe(true);
    expect(checkReceipt(root, byId(result('a', { gradRatio: 0.12 ** 10 }))).direction).toBe(false);
    const percent = receipt({ ours: { run: 'a', metric: 'testAccuracy', complement: true, scale: 100, unit: '%', what: 'w' }, published: { quantity: 'q', text: '5.0%', value: 5 }, tolerance: 1 });
    expect(checkReceipt(percent, byId(result('a', { testAccuracy: 0.914 }))).ours).toBeCloseTo(8.6, 10);
  });

  it('a figure measured by another file is shown as given, its direction still judged', () => {
    const r = receipt({ comparison: 'same-kind', tolerance: undefined, differences: 'd', expect: 'lower', published: { quantity: 'q', text: 'about 6×', value: 6 }, ours: { value: 0.6, measuredBy: 'examples/x.json', unit: '×', what: 'w' } });
    expect(checkReceipt(r, byId())).toMatchObject({ ours: 0.6, holds: null, direction: true });
  });
});

describe('receipt lines', () => {
  const sk = receipt({
    comparison: 'same-kind',
    tolerance: undefined,
    differences: 'XOR',
    expect: 'lower',
    ko: { quantity: '거울 대칭을 배우기까지의 스윕', text: '1,425 스윕', what: '시드 하나' },
  });
  it('say the published figure, the source, ours and the verdict, in English and in Korean', () => {
    const res = checkReceipt(sk, byId(result('a', { epochs: 2151 })));
    expect(receiptLine(sk, res)).toBe('published 1,425 sweeps (Rumelhart, Hinton & Williams 1986: sweeps to learn mirror symmetry) · here 2,151 sweeps (one seed) · same kind: ours expected lower ✗');
    expect(receiptLine(sk, res, translator('ko'))).toBe('논문 1,425 스윕 (Rumelhart, Hinton & Williams 1986: 거울 대칭을 배우기까지의 스윕) · 여기 2,151 sweeps (시드 하나) · 같은 종류: 여기 값이 더 작을 것으로 예상 ✗');
    expect(receiptLine(receipt(), checkReceipt(receipt(), byId(result('a', { epochs: 1400 }))))).toMatch(/· here 1,400 sweeps \(one seed\) · matches, within ± 100 ✓$/);
  });

  it('say "not measured yet" before the runs end: what the tour summary lists from receiptLines', () => {
    const lines = receiptLines(loadScenario('digits-challenge'));
    expect(lines[0]).toBe('published 1,256 units (LeCun et al. 1989: units of the network) · here … (not measured yet) (units counted in the shipped convnet) · should match, within ± 0');
    expect(receiptLines(loadScenario('digits-challenge'), undefined, translator('ko'))[0]).toMatch(/^논문 유닛 1,256개 .* 여기 … \(아직 재지 않음\)/);
  });
});

describe('every era shows its receipts', () => {
  // Opening a lab builds its data and models; drawing a digit screen takes a second, so those three
  // eras are checked on the lab's view (the layout tests draw every lab at every size).
  it('each era of the timeline opens a lab whose screen lists at least one receipt (in Korean too, for the first and last)', { timeout: 60_000 }, () => {
    for (const [i, era] of ERAS.entries()) {
      const scenario = loadScenario(era.scenario!);
      expect(scenario.receipts?.length, era.year).toBeGreaterThan(0);
      for (const lang of i === 0 || i === ERAS.length - 1 ? (['en', 'ko'] as const) : (['en'] as const)) {
        const word = lang === 'en' ? 'published ' : '논문 ';
        const app = new AppSession({ kind: 'lab', scenario: era.scenario!, ...(era.run ? { run: era.run } : {}) }, undefined, () => 0, translator(lang));
        expect(app.lab!.view(0).receipts.map((r) => r.text).join('\n'), `${era.year} ${lang}`).toContain(word);
        if (scenario.data.kind === 'digits') continue;
        const text = flatten(frame(app, { columns: 120, rows: 40 }, 'none', 0)).map(stripAnsi).join('\n');
        expect(text, `${era.year} ${lang}`).toContain(word);
      }
    }
  });

  it('the lab measures a receipt once its runs are done: Novikoff\'s bound beside the mistakes counted', () => {
    const lab = new LabSession({ scenario: 'perceptron-separable' });
    expect(lab.view(0).receipts[0]!.state).toBe('pending');
    lab.playToMoment();
    const [r] = lab.view(0).receipts;
    expect(r!.state).toBe('holds');
    expect(r!.text).toMatch(/^published at most \(R\/γ\)² = 13\.1 \(Novikoff 1962: .*\) · here 1 \(mistakes counted until solved, two blobs\) · matches, at most the bound ✓$/);
  });
});

describe('the figures quoted from the examples', () => {
  it('xor-backprop quotes the mirror-symmetry median its example states, and the example trains (seed 1)', () => {
    const example = loadScenarioFile(join(packageRoot(), 'examples', 'mirror-symmetry.json'));
    const quoted = loadScenario('xor-backprop').receipts!.find((r) => r.ours.measuredBy?.includes('examples/mirror-symmetry.json'))!;
    expect(quoted.ours.value).toBe(example.receipts![0]!.ours.value);
    expect(quoted.ours.measuredBy).toBe(example.receipts![0]!.ours.measuredBy);
    const run = executeScenario(example).runs[0]!;
    expect([run.outcome, run.epochs]).toEqual(['solved', 684]);
  });

  it('digits-2012 quotes the Krizhevsky ratio examples/relu-vs-tanh-digits.json measures', () => {
    const quoted = loadScenario('digits-2012').receipts!.find((r) => r.ours.measuredBy === 'examples/relu-vs-tanh-digits.json')!;
    const example = loadScenarioFile(join(packageRoot(), 'examples', 'relu-vs-tanh-digits.json'));
    const measured = executeScenario(example).receipts![0]!;
    expect(measured.ours).toBe(quoted.ours.value);
    expect(measured.direction).toBe(true);
  });
});
