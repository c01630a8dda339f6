/**
 * Terminal faults, in a real terminal: tmux on a private socket, the built CLI with CI unset. A
 * start at 40×10 and 20 resizes in 2 s, SIGINT / SIGTERM / SIGHUP, a closed stdin and TERM=dumb:
 * each case exits (with the signal's conventional code) or recovers, and the terminal is left as
 * it was found: alternate screen off, cursor shown.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'neural-eras-faults-'));
const exitFile = join(dir, 'exit');
/** A socket (so a server) per case: a new server on a socket whose old server is still exiting can fail. */
let cases = 0;
let sock = join(dir, 'sock-0');
const tmux = (...args: string[]): string => execFileSync('tmux', ['-S', sock, ...args], { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', 'ne');
const pane = (format: string): string => tmux('display-message', '-p', '-t', 'ne', format).trim();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => T | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
    await sleep(50);
  }
}

/** Starts the CLI in a w×h pane (env and redirections prepended); its exit code lands in exitFile. */
function start(w: number, h: number, env = '', redirect = '', args = ''): void {
  rmSync(exitFile, { force: true });
  sock = join(dir, `sock-${++cases}`);
  const cmd = `cd ${JSON.stringify(root)} && env -u CI ${env} ${JSON.stringify(process.execPath)} bin/neural-eras.js ${args} ${redirect}; echo $? > ${JSON.stringify(exitFile)}; sleep 60`;
  tmux('new-session', '-d', '-s', 'ne', '-x', String(w), '-y', String(h), cmd);
}

/** The exit code, once written; the printed tour trains every stop first (seconds on a busy machine: the suite runs two files at once). */
const exitCode = (ms?: number): Promise<string> => until('the exit code', () => existsSync(exitFile) && readFileSync(exitFile, 'utf8').trim(), ms);

/** The terminal as the shell gets it back: main screen, cursor visible. */
function restored(): void {
  expect(pane('#{alternate_on}')).toBe('0');
  expect(pane('#{cursor_flag}')).toBe('1');
  // mouse reporting (issue 25) off again: clicks go back to the shell's terminal
  expect(pane('#{mouse_standard_flag}#{mouse_sgr_flag}')).toBe('00');
}

/** The CLI's process id: the child of the pane's shell. */
const cliPid = (): number => Number(execFileSync('ps', ['-o', 'pid=', '--ppid', pane('#{pane_pid}')], { encoding: 'utf8' }).trim().split('\n')[0]);

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'ignore' });
});
afterEach(() => {
  try {
    tmux('kill-server');
  } catch {
    // Already gone.
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('terminal faults', () => {
  it('starts at 40×10 asking for room, survives 20 resizes in 2 s, and quits leaving the terminal restored', async () => {
    start(40, 10);
    await until('the size message', () => screen().includes('enlarge'));
    expect(pane('#{alternate_on}')).toBe('1');
    for (let i = 1; i <= 20; i++) {
      // through sizes too small and big enough, ending at 100×30
      tmux('resize-window', '-t', 'ne', '-x', String(i === 20 ? 100 : 30 + ((i * 37) % 110)), '-y', String(i === 20 ? 30 : 8 + ((i * 11) % 40)));
      await sleep(100);
    }
    await until('the timeline at 100×30', () => screen().includes('1943'));
    tmux('send-keys', '-t', 'ne', 'q');
    expect(await exitCode()).toBe('0');
    restored();
  }, 40_000);

  it('shrunk below 80×24 while a run plays, asks for room; grown again, the lab is back', async () => {
    start(100, 30);
    await until('the timeline', () => screen().includes('1943'));
    // The 2012 dropout era opens the dropout lab, which plays for a while: ↓ until its card is shown
    // (a key sent before the UI reads input is not lost for long: it is sent again).
    await until('the dropout era chosen', () => {
      if (/┌─ 2012 · Hinton, Srivastava/.test(screen())) return true;
      tmux('send-keys', '-t', 'ne', 'Down');
      execFileSync('sleep', ['0.2']);
      return false;
    });
    tmux('send-keys', '-t', 'ne', 'Enter');
    // an era's lab opens paused; space plays it (the status line's ▶, not the timeline's mark)
    await until('the lab, paused', () => /⏸ epoch \d+/.test(screen()));
    tmux('send-keys', '-t', 'ne', 'Space');
    await until('the lab playing', () => /▶ epoch \d+/.test(screen()));
    tmux('resize-window', '-t', 'ne', '-x', '70', '-y', '20');
    // Still there a second later, while the run plays on behind it (not wiped by a redraw).
    await sleep(1000);
    expect(screen()).toContain('enlarge');
    tmux('resize-window', '-t', 'ne', '-x', '100', '-y', '30');
    await until('the lab again', () => !screen().includes('enlarge') && screen().includes('seed 1'));
    tmux('send-keys', '-t', 'ne', 'C-c');
    await exitCode();
  }, 40_000);

  it.each([
    ['SIGINT', '130'],
    ['SIGTERM', '143'],
    ['SIGHUP', '129'],
  ] as const)('%s ends the UI with exit %s and restores the terminal', async (signal, code) => {
    start(100, 30);
    await until('the timeline', () => screen().includes('1943'));
    expect(pane('#{mouse_standard_flag}#{mouse_sgr_flag}')).toBe('11');
    process.kill(cliPid(), signal);
    expect(await exitCode()).toBe(code);
    restored();
  }, 30_000);

  it('TERM=dumb: no UI is drawn; the printed tour, exit 0', async () => {
    start(100, 30, 'TERM=dumb');
    // The printed tour plays all 14 stops (the digits ones take seconds each on a busy machine).
    expect(await exitCode(110_000)).toBe('0');
    expect(screen()).toContain('More: neural-eras list');
    restored();
  }, 120_000);

  // the same decision (no terminal to draw on) with stdin closed, on a lab: its printed report
  // (the whole printed tour is the case above; once is enough for the suite's time)
  it('stdin closed: no UI is drawn; the lab is printed, exit 0', async () => {
    start(100, 30, '', '<&-', 'lab perceptron-xor');
    expect(await exitCode(60_000)).toBe('0');
    expect(screen()).toContain('receipts: the published figure beside ours');
    restored();
  }, 90_000);
});
