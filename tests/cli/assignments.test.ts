import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'assignments');

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('problems', () => {
  it('--student a and --student b print different sheets; --answers adds the worked solutions; --lang ko; bad --lang exits 2', async () => {
    const a = await cli('problems', '--student', 'a');
    const b = await cli('problems', '--student', 'b');
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/^# Neural networks by hand — problem sheet of student a\n/);
    expect(a.out).not.toBe(b.out.replace('student b', 'student a'));
    const answers = await cli('problems', '--student', 'a', '--answers');
    expect(answers.out).toContain('**Answers (what the lab computes)**');
    expect((await cli('problems', '--lang', 'ko')).out).toMatch(/^# 손으로 푸는 신경망/);
    expect(await cli('problems', '--lang', 'xx')).toMatchObject({ code: 2, err: 'neural-eras: --lang xx: en or ko\n' });
    expect(await cli('problems', '--student', 'a\nb')).toMatchObject({ code: 2, err: 'neural-eras: --student: an id of 1 to 100 printable characters\n' });
  });
});

describe('exercise and grade (each file in a worker)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ne-grade-'));
  const cwd = process.cwd();
  beforeAll(() => process.chdir(dir));
  afterAll(() => process.chdir(cwd));

  it('exercise backprop writes backprop.js, never over an existing file; grade on the untouched file: every blank missing, exit 1', async () => {
    const written = await cli('exercise', 'backprop');
    expect(written).toMatchObject({ code: 0, err: '' });
    expect(written.out).toBe('wrote backprop.js: 5 blanks (1 forward, 2 outputDelta, 3 hiddenDelta, 4 gradients, 5 update). Fill them in, then: neural-eras grade backprop.js\n');
    const before = readFileSync('backprop.js', 'utf8');
    const again = await cli('exercise', 'backprop', '--lang', 'ko');
    expect(again).toMatchObject({ code: 2, err: 'neural-eras: backprop.js exists: not overwritten (choose another name with --out <file>)\n' });
    expect(readFileSync('backprop.js', 'utf8')).toBe(before);
    expect((await cli('exercise', 'nope')).err).toBe('neural-eras: exercise nope: no such exercise; there are backprop, delta, perceptron, relu-dropout, softmax\n');
    const graded = await cli('grade', 'backprop.js');
    expect(graded.code).toBe(1);
    expect(graded.out.split('\n').slice(0, 7)).toEqual([
      'backprop.js — exercise backprop: 0/5 blanks pass',
      '  · BLANK 1 forward: missing: forward returns nothing (fill in BLANK 1)',
      '  · BLANK 2 outputDelta: missing: outputDelta returns nothing (fill in BLANK 2)',
      '  · BLANK 3 hiddenDelta: missing: hiddenDelta returns nothing (fill in BLANK 3)',
      '  · BLANK 4 gradients: missing: gradients returns nothing (fill in BLANK 4)',
      '  · BLANK 5 update: missing: update returns nothing (fill in BLANK 5)',
      '  · training (xor-backprop): not trained: blanks 1, 2, 3, 4, 5 do not pass yet',
    ]);
  });

  it('a correct solution passes every blank, solves XOR and reads the digits: exit 0', async () => {
    copyFileSync(join(FIX, 'backprop.js'), 'solution.js');
    const { code, out } = await cli('grade', 'solution.js');
    expect(code).toBe(0);
    expect(out).toMatch(/^solution\.js — exercise backprop: 5\/5 blanks pass, trained: PASSED\n/);
    expect(out).toMatch(/✓ training \(xor-backprop\): SOLVED: XOR solved by a 2-2-1 sigmoid net with your functions/);
    const digits = /✓ training \(digits-challenge\): SOLVED: a 256-32-10 sigmoid net with your functions, 3 epochs online \(η = 0\.5\) on the challenge's 1000 training digits: test accuracy (\d+\.\d) % on 500 held out/.exec(out);
    expect(Number(digits?.[1])).toBeGreaterThanOrEqual(80);
  }, 60_000);

  it('a batch: right, δ¹ without f′, hanging, throwing, NaN, out of memory, missing — one line each, the batch goes on; JSON and CSV', async () => {
    for (const f of ['backprop', 'backprop-no-fprime', 'hang', 'throws', 'nan', 'memory']) copyFileSync(join(FIX, `${f}.js`), `${f}.js`);
    const files = ['backprop.js', 'backprop-no-fprime.js', 'hang.js', 'throws.js', 'nan.js', 'memory.js', 'absent.js'];
    const { code, out } = await cli('grade', ...files, '--json', '--csv', 'scores.csv', '--blank-timeout', '2', '--memory', '64', '--no-digits');
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ format: 'neural-eras/grade@1', passed: 1, total: 7 });
    const [right, noPrime, hang, thrown, nan, memory, absent] = doc.files;
    expect(right.passed).toBe(true);
    expect(noPrime.blanks[2]).toMatchObject({ n: 3, fn: 'hiddenDelta', status: 'wrong', where: 'layer 1 (δ¹), entry 1' });
    expect(hang.blanks).toEqual([{ n: 1, fn: 'forward', status: 'hung', message: 'did not return within 2 s in BLANK 1 (forward): a loop that never ends?' }]);
    expect(thrown.blanks.map((b: { status: string }) => b.status)).toEqual(['error', 'error', 'error']);
    expect(nan.blanks[0].given).toBe('NaN');
    expect(memory.blanks[0]).toMatchObject({ status: 'hung', message: 'ran out of memory (limit 64 MB) in BLANK 1 (softmax)' });
    expect(absent.error).toBe('no such file');
    const csv = readFileSync('scores.csv', 'utf8').trim().split('\n');
    expect(csv[0]).toBe('file,exercise,blank1,blank2,blank3,blank4,blank5,blanks_passed,blanks,training,passed,problem');
    expect(csv[1]).toBe('backprop.js,backprop,1,1,1,1,1,5,5,solved,1,');
    expect(csv[2]).toBe('backprop-no-fprime.js,backprop,1,1,0,1,1,4,5,skipped,0,BLANK 3 wrong');
    expect(csv[3]).toBe('hang.js,backprop,0,,,,,0,1,,0,BLANK 1 hung');
    expect(csv).toHaveLength(8);
    expect(existsSync('absent.js')).toBe(false);
  }, 60_000);

  it('a file that never finishes loading is stopped by --timeout, with a line saying where', async () => {
    copyFileSync(join(FIX, 'top-level-hang.js'), 'top-level-hang.js');
    const { code, out } = await cli('grade', 'top-level-hang.js', '--timeout', '1');
    expect(code).toBe(1);
    expect(out).toBe('top-level-hang.js — not graded\n  ✗ stopped after 1 s while loading the file: a loop that never ends?\n');
  }, 15_000);
});
