/**
 * End to end in a real terminal, as a teacher uses it: tmux at 100×30 on a private socket, the
 * built CLI with CI unset (Ink prints only the last frame when CI is set). `t`, then Enter only:
 * every stop must reach its telling moment by itself, whole and with its verdicts on screen. In
 * Korean (`tour --lang ko`), a few stops are waited for, whole and with their verdicts and reasons
 * in Korean (two cells a syllable); Enter skips the others at once, so the pass stays short.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { CURRICULUM } from '../../src/session/curriculum.js';
import { screenProblems } from '../ui/screen-check.js';
import { buildIfStale, root, sleep, tmuxHarness } from './tmux-harness.js';

const t = tmuxHarness('neural-eras-e2e-');
const dir = t.dir;
const exitFile = join(dir, 'exit');
const tmux = t.run;
const screen = (target = 'ne'): string => t.screen(target);
const until = <T>(what: string, probe: () => T | undefined | false, ms = 60_000, target = 'ne'): Promise<T> => t.until(what, probe, ms, target);

/** The verdict words each stop ends on, left to right (from the curriculum's runs). */
const VERDICTS: Readonly<Record<string, readonly string[]>> = {
  'mp-gates': ['SOLVED'],
  'hebb-and': ['SOLVED', 'TRUNCATED'],
  'seed-perceptron-epoch': ['SOLVED'],
  'adaline-divergence': ['DIVERGED', 'SOLVED'],
  'perceptron-xor': ['CYCLING'],
  'seed-xor-two-layer': ['SOLVED', 'WRONG'],
  'why-nonlinearity': ['TRUNCATED', 'SOLVED'],
  'why-not-step': ['TRUNCATED', 'SOLVED'],
  'xor-backprop': ['CYCLING', 'SOLVED'],
  'digits-challenge': ['FINISHED'],
  'vanishing-gradients': ['TRUNCATED', 'SOLVED'],
  'adding-problem': ['TRUNCATED', 'SOLVED'],
  'pretraining-vs-random': ['(TRUNCATED|FINISHED)', '(TRUNCATED|FINISHED)'],
  'overfitting-dropout': ['FINISHED', 'FINISHED'],
};

beforeAll(buildIfStale);
afterAll(() => t.close());

// The two sessions are independent (own tmux session, own exit file): they play side by side.
describe.concurrent('the terminal UI in tmux', () => {
  it('t, then Enter only: every tour stop ends on its moment, whole, and q leaves the terminal as it was', async () => {
    const cmd = `cd ${JSON.stringify(root)} && echo BEFORE-APP && env -u CI TERM=xterm-256color ${JSON.stringify(process.execPath)} bin/neural-eras.js; echo $? > ${JSON.stringify(exitFile)}; sleep 60`;
    tmux('new-session', '-d', '-s', 'ne', '-x', '100', '-y', '30', cmd);
    await until('the timeline', () => screen().includes('press t for the classroom tour'));
    expect(tmux('display-message', '-p', '-t', 'ne', '#{alternate_on}').trim()).toBe('1');
    // Input is read from the first commit on; the first frame may be painted a moment before.
    await sleep(500);
    tmux('send-keys', '-t', 'ne', 't');
    for (const [i, stop] of CURRICULUM.entries()) {
      const words = VERDICTS[stop.scenario]!;
      const final = await until(`stop ${i + 1} (${stop.scenario}) to end on ${words.join(' and ')}`, () => {
        const s = screen();
        const status = s.split('\n').find((l) => l.startsWith(' ⏸')) ?? '';
        return s.includes(`Tour ${i + 1}/${CURRICULUM.length}`) && new RegExp(words.join('.*')).test(status) && s;
      });
      expect(screenProblems(final.replace(/\n+$/, '').split('\n'), 100, 30), `stop ${i + 1}`).toEqual([]);
      tmux('send-keys', '-t', 'ne', 'Enter');
    }
    // After the last stop, the summary (whole), then Enter returns to the timeline.
    const summary = await until('the summary after the last stop', () => screen().includes('The tour in one screen') && screen());
    expect(screenProblems(summary.replace(/\n+$/, '').split('\n'), 100, 30), 'the summary').toEqual([]);
    tmux('send-keys', '-t', 'ne', 'Enter');
    await until('back on the timeline after the summary', () => screen().includes('press t for the classroom tour'));
    tmux('send-keys', '-t', 'ne', 'q');
    const code = await until('the exit code', () => existsSync(exitFile) && readFileSync(exitFile, 'utf8').trim());
    expect(code).toBe('0');
    expect(tmux('display-message', '-p', '-t', 'ne', '#{alternate_on}').trim()).toBe('0');
    const after = screen();
    expect(after).toContain('BEFORE-APP');
    expect(after).not.toContain('press t for the classroom tour');
  }, 400_000);

  it('tour --lang ko: the stops waited for end on their Korean verdicts and reasons, whole; Enter passes the others', async () => {
    const ko = translator('ko');
    const koExit = join(dir, 'exit-ko');
    // The stops checked, with words of their reasons (the other stops are skipped by Enter at once).
    const CHECK: Readonly<Record<string, string>> = {
      'mp-gates': '목표 도달',
      'hebb-and': '에폭 한도',
      'adaline-divergence': '안정 한계',
      'perceptron-xor': '가중치로 돌아왔습니다',
    };
    const cmd = `cd ${JSON.stringify(root)} && env -u CI -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 TERM=xterm-256color ${JSON.stringify(process.execPath)} bin/neural-eras.js tour --lang ko; echo $? > ${JSON.stringify(koExit)}; sleep 60`;
    tmux('new-session', '-d', '-s', 'ko', '-x', '100', '-y', '30', cmd);
    const look = (): string => screen('ko');
    // A Korean verdict word on its own (해결 is also the end of 미해결).
    const word = (w: string): string => `(?<![가-힣])${ko.t(`verdict.${w as 'SOLVED'}`)}(?![가-힣])`;
    for (const [i, stop] of CURRICULUM.entries()) {
      const head = `투어 ${i + 1}/${CURRICULUM.length}`;
      const said = CHECK[stop.scenario];
      if (said === undefined) {
        await until(`Korean stop ${i + 1} to open`, () => look().includes(head), 60_000, 'ko');
      } else {
        const words = VERDICTS[stop.scenario]!;
        const final = await until(
          `Korean stop ${i + 1} (${stop.scenario}) to end on ${words.join(' and ')}`,
          () => {
            const s = look();
            const status = s.split('\n').find((l) => l.startsWith(' ⏸')) ?? '';
            return s.includes(head) && new RegExp(words.map(word).join('.*')).test(status) && s.includes(said) && s;
          },
          60_000,
          'ko',
        );
        expect(final).toContain(ko.stop(stop).title);
        expect(screenProblems(final.replace(/\n+$/, '').split('\n'), 100, 30), `Korean stop ${i + 1}`).toEqual([]);
      }
      tmux('send-keys', '-t', 'ko', 'Enter');
    }
    await until('the Korean summary after the last stop', () => look().includes(ko.t('summary.title')), 60_000, 'ko');
    tmux('send-keys', '-t', 'ko', 'Enter');
    await until('the Korean timeline after the summary', () => look().includes(ko.t('timeline.call')), 60_000, 'ko');
    tmux('send-keys', '-t', 'ko', 'q');
    const code = await until('the exit code', () => existsSync(koExit) && readFileSync(koExit, 'utf8').trim(), 60_000, 'ko');
    expect(code).toBe('0');
  }, 200_000);
});
