/**
 * End to end in a real terminal: tmux at 100×30 on a private socket, the built CLI with CI unset
 * (Ink prints only the last frame when CI is set). Open the XOR lab, play, watch the epoch
 * counter move and the cycling message appear, quit, and check the exit code and the screen.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'neural-eras-e2e-'));
const sock = join(dir, 'sock');
const exitFile = join(dir, 'exit');
const tmux = (...args: string[]): string => execFileSync('tmux', ['-S', sock, ...args], { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', 'ne');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
    await sleep(50);
  }
}

beforeAll(() => {
  // The CLI runs from dist/: build it when a source file is newer (what `npm test` does first).
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'ignore' });
});

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // Already gone.
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the terminal UI in tmux', () => {
  it('opens the XOR lab, plays to the cycling message, and quits leaving the terminal as it was', async () => {
    const cmd = `cd ${JSON.stringify(root)} && echo BEFORE-APP && env -u CI ${JSON.stringify(process.execPath)} bin/neural-eras.js; echo $? > ${JSON.stringify(exitFile)}; sleep 60`;
    tmux('new-session', '-d', '-s', 'ne', '-x', '100', '-y', '30', cmd);
    await until('the timeline', () => screen().includes('1943'));
    expect(tmux('display-message', '-p', '-t', 'ne', '#{alternate_on}').trim()).toBe('1');

    tmux('send-keys', '-t', 'ne', 'j', 'j', 'j', 'j');
    await until('1969 selected', () => screen().includes('▶ 1969'));
    tmux('send-keys', '-t', 'ne', 'Enter');
    await until('the XOR lab', () => screen().includes('perceptron-xor'));
    // The lab starts listening right after its first frame.
    await sleep(300);

    // Slow down to 2 epochs a second so the counter is seen moving, then play.
    tmux('send-keys', '-t', 'ne', '-l', '--', '--');
    await until('speed 2/s', () => screen().includes('speed 2/s'));
    tmux('send-keys', '-t', 'ne', 'Space');
    const epochs = new Set<number>();
    const final = await until('the cycling message', () => {
      const s = screen();
      const m = /epoch (\d+)/.exec(s);
      if (m) epochs.add(Number(m[1]));
      return s.includes('CYCLING:') && s;
    });
    expect(epochs.size).toBeGreaterThanOrEqual(3);
    expect(final).toContain('No weight vector separates XOR');

    tmux('send-keys', '-t', 'ne', 'q');
    await until('back on the timeline', () => screen().includes('▶ 1969'));
    tmux('send-keys', '-t', 'ne', 'q');
    const code = await until('the exit code', () => existsSync(exitFile) && readFileSync(exitFile, 'utf8').trim());
    expect(code).toBe('0');
    expect(tmux('display-message', '-p', '-t', 'ne', '#{alternate_on}').trim()).toBe('0');
    const after = screen();
    expect(after).toContain('BEFORE-APP');
    expect(after).not.toContain('1943');
  }, 30_000);
});
