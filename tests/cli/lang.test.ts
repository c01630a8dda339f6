/**
 * --lang: accepted with no command, on `lab` and on `tour`; a bad value is one line and exit 2; a
 * Korean locale is followed unless the flag says otherwise. The printed tour follows the language
 * (every verdict said with the same numbers as in English); JSON and the other commands stay English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';
import { tourReport } from '../../src/commands/tour.js';
import { langOf, uiArgs } from '../../src/commands/ui.js';
import { translator } from '../../src/i18n/index.js';
import { CURRICULUM } from '../../src/session/curriculum.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const saved = { LANG: process.env['LANG'], LC_ALL: process.env['LC_ALL'], LC_MESSAGES: process.env['LC_MESSAGES'] };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

describe('--lang', () => {
  it('is a UI flag with no command, in either spelling', () => {
    expect(uiArgs(['--lang', 'ko'])).toEqual({ lang: 'ko' });
    expect(uiArgs(['--lang=en', '--color', 'none'])).toEqual({ lang: 'en', color: 'none' });
  });

  it('is parsed with the options lab declares: anything else is left to the program (a command or a mistake)', () => {
    expect(uiArgs([])).toEqual({});
    expect(uiArgs(['--no-mouse'])).toEqual({ mouse: false });
    expect(uiArgs(['--data', 'x.csv', '--label=y', '--header', 'no', '--plugin', 'a.js', '--plugin=b.js', '--profile'])).toEqual({
      data: 'x.csv', label: 'y', header: 'no', plugin: ['a.js', 'b.js'], profile: true,
    });
    // a valued flag takes the next word whatever it is, `--` included
    expect(uiArgs(['--label', '--'])).toEqual({ label: '--' });
    expect(uiArgs(['--data', '--color'])).toEqual({ data: '--color' });
    for (const argv of [['run', 'xor'], ['--color', 'none', 'run'], ['--data'], ['--profile=1'], ['--help'], ['-h'], ['-V'], ['--bogus'], ['--'], ['--lang', 'ko', '--'], ['--seed', '3']]) {
      expect(uiArgs(argv), JSON.stringify(argv)).toBeNull();
    }
  });

  it.each([[['--lang', 'fr']], [['tour', '--lang', 'kr']], [['lab', 'mp-gates', '--lang=EN']]])('%j exits 2 with one line naming the flag', async (argv) => {
    const { code, out, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^neural-eras: --lang must be one of en, ko, got "/);
  });

  it('follows LC_ALL, LC_MESSAGES or LANG when the flag is not given; the flag wins', () => {
    expect(langOf(undefined, { LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(langOf(undefined, { LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(langOf('en', { LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(langOf('ko', {})).toBe('ko');
  });

  it('leaves JSON and the headless commands in English, whatever the locale', async () => {
    process.env['LANG'] = 'ko_KR.UTF-8';
    delete process.env['LC_ALL'];
    delete process.env['LC_MESSAGES'];
    const { code, out } = await cli('run', 'perceptron-xor', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).runs[0].reason).toMatch(/^the weights at epoch 3 equal those at epoch 2: the epoch's 4 updates/);
    const text = await cli('run', 'hebb-and');
    expect(text.out).toContain('epoch budget of 1 spent without reaching the target');
    expect(text.out).not.toMatch(/[\uac00-\ud7a3]/);
  });

  it('tour --lang ko prints the tour in Korean, each verdict with the numbers of the English one', { timeout: 120_000 }, async () => {
    const { code, out, err } = await cli('tour', '--lang', 'ko');
    expect(code).toBe(0);
    expect(err).toBe('');
    const ko = translator('ko');
    expect(out.startsWith(ko.t('report.head'))).toBe(true);
    for (const stop of CURRICULUM) expect(out).toContain(ko.stop(stop).title);
    // The same verdict lines, word for word translated: the same words in order, the same numbers.
    const verdicts = (report: string, words: readonly string[]): string[] => report.split('\n').filter((l) => words.some((w) => l.startsWith(`    ${w}: `)));
    const numbers = (line: string): string[] => (line.match(/−?\d+(?:\.\d+)?(?:e−?\d+)?/g) ?? []).sort();
    const WORDS = ['SOLVED', 'CYCLING', 'DIVERGED', 'TRUNCATED', 'FINISHED', 'UNSTABLE', 'WRONG'] as const;
    const enTr = translator('en');
    const en = verdicts(tourReport(), WORDS.map((w) => enTr.t(`verdict.${w}`)));
    const said = verdicts(out, WORDS.map((w) => ko.t(`verdict.${w}`)));
    expect(said).toHaveLength(en.length);
    expect(en.length).toBeGreaterThanOrEqual(CURRICULUM.length);
    said.forEach((line, i) => {
      const word = WORDS.find((w) => en[i]!.startsWith(`    ${enTr.t(`verdict.${w}`)}: `))!;
      expect(line.startsWith(`    ${ko.t(`verdict.${word}`)}: `), line).toBe(true);
      expect(line, en[i]).toMatch(/[\uac00-\ud7a3]/);
      expect(numbers(line), `${line}\n${en[i]}`).toEqual(numbers(en[i]!));
    });
  });
});
