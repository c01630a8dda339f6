/**
 * The session in Korean: the same runs and numbers as in English, said in Korean — verdict words
 * and reasons from their causes, notes, the pace, the tour's words, a model tried on other data —
 * while the verdict's word and cause (what the screen colours and tests read) stay the same.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { AppSession } from '../../src/session/app.js';
import { CURRICULUM } from '../../src/session/curriculum.js';
import { LabSession } from '../../src/session/lab.js';
import { verdictOf } from '../../src/session/views.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';

const ko = translator('ko');
const screen = (app: AppSession, columns = 100, rows = 30): string => flatten(frame(app, { columns, rows }, 'none', 0)).map(stripAnsi).join('\n');

describe('a lab in Korean', () => {
  it('names the cycling perceptron 순환 with the epochs and updates of its cause, and the same word and cause as in English', () => {
    const en = new LabSession({ scenario: 'perceptron-xor' });
    const lab = new LabSession({ scenario: 'perceptron-xor', tr: ko });
    en.playToMoment();
    lab.playToMoment();
    const [e] = en.view(0).lanes;
    const [k] = lab.view(0).lanes;
    expect(k!.verdict).toMatchObject({ word: 'CYCLING', label: '순환', cause: { code: 'epoch-returns', values: { epoch: 3, first: 2, updates: 4 } } });
    expect(k!.verdict!.cause).toEqual(e!.verdict!.cause);
    expect(e!.verdict!.reason).toMatch(/^the weights at epoch 3 equal those at epoch 2/);
    expect(k!.verdict!.reason).toBe('에폭 3의 가중치가 에폭 2의 가중치로 돌아왔습니다: 한 에폭의 갱신 4번이 가중치를 제자리로 되돌리므로 같은 에폭이 끝없이 반복되고, 목표에는 닿지 못합니다');
    expect(lab.view(0).moral).toBe(ko.moral('perceptron-xor', ''));
  });

  it('says a solved run with its target and accuracy, and a run with no target as finished', () => {
    const solved = new LabSession({ scenario: 'seed-perceptron-epoch', tr: ko });
    solved.playToMoment();
    expect(solved.view(0).lanes[0]!.verdict).toMatchObject({ word: 'SOLVED', label: '해결', reason: '에폭 1에서 목표 도달 (정확도 ≥ 1; 정확도 100%)' });
    const budget = { code: 'budget', values: { epochs: 600 } } as const;
    const finished = verdictOf('finished', 'all 600 epochs trained: this experiment has no target, it trains its whole budget', { target: {}, epoch: 600, accuracy: 0.9, decidedAt: 600 }, { code: 'finished', values: { epochs: 600 } }, ko);
    expect(finished).toMatchObject({ word: 'FINISHED', label: '완료', reason: '600에폭을 모두 학습했습니다: 이 실험에는 목표가 없어 한도까지 학습합니다', cause: { code: 'finished' } });
    expect(verdictOf('truncated', 'epoch budget of 600 spent without reaching the target', { target: { accuracy: { min: 1 } }, epoch: 600, accuracy: 0.9, decidedAt: 600 }, budget, ko)).toMatchObject({ word: 'TRUNCATED', label: '미해결', reason: '에폭 한도(600)를 다 쓰고도 목표에 닿지 못했습니다' });
  });

  it('writes its notes, pace and status bar in Korean; numbers and ids stay as they are', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'perceptron-xor' }, undefined, undefined, ko);
    app.key('R');
    expect(app.lab!.view(0).message).toBe('새 시드 2 (이전 1)');
    app.key('r');
    expect(app.lab!.view(0).message).toBe('초기화: 같은 시드 2');
    expect(app.lab!.view(0).pace).toBe('초당 10에폭');
    for (const k of '----') app.key(k);
    expect(app.lab!.view(0).pace).toBe('초당 8패턴');
    app.key('n');
    const text = screen(app);
    expect(text).toMatch(/⏸ 에폭 1 손실 [\d.]+ 정확도 [\d.]+% 학습 중 │ 시드 2 │ 초당 8패턴/);
    expect(text).toContain('모델 perceptron (1/');
  });

  it('says why a model from the registry is on screen, naming it by its Korean card', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'perceptron-xor' }, undefined, undefined, ko);
    app.key('m');
    const view = app.lab!.view(0);
    expect(view.modelLabel).toMatch(/ \(이 데이터로 시험\)$/);
    expect(view.message).toMatch(/^[^:]+: "퍼셉트론은 XOR를 배우지 못한다"의 데이터로 시험해 보는 모델입니다/);
  });
});

describe('the tour in Korean', () => {
  it('gives each stop its Korean title and narrative; the keys at the foot are Korean', { timeout: 60_000 }, () => {
    const app = new AppSession({ kind: 'tour' }, undefined, undefined, ko);
    for (const [i, stop] of CURRICULUM.entries()) {
      const view = app.view(0).screen;
      expect(view.kind).toBe('tour');
      if (view.kind !== 'tour') return;
      expect(view.stopTitle).toBe(ko.stop(stop).title);
      expect(view.narrative).toEqual(ko.stop(stop).narrative);
      if (i === 0) expect(screen(app)).toContain(`투어 1/${CURRICULUM.length} · ${ko.stop(stop).title}`);
      app.key('enter');
    }
    // After the last stop, the summary in Korean; Enter again returns to the timeline.
    expect(app.view(0).screen.kind).toBe('summary');
    expect(screen(app)).toContain(ko.t('summary.title'));
    expect(screen(app)).toContain(ko.stop(CURRICULUM[0]!).failure);
    app.key('enter');
    expect(app.kind).toBe('timeline');
    expect(screen(app)).toContain(ko.t('timeline.call'));
    expect(screen(app)).toContain('↑↓ 고르기 · Enter 열기 · t 투어');
  });

  it('help lists every key in Korean', () => {
    const app = new AppSession({ kind: 'timeline' }, undefined, undefined, ko);
    app.key('?');
    const text = screen(app, 120, 40);
    for (const k of ['재생 / 일시정지', '한 에폭', '한 패턴', '새 시드', '파라미터 편집', '두 실행을 나란히 비교', '층별 기울기 패널', '수업 투어 시작', '투어 나가기']) expect(text).toContain(k);
  });
});
