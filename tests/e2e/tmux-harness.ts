/**
 * What the tmux tests share: a private socket in a fresh folder, the tmux command on it, a pane's
 * text, a wait for a condition on the screen (its text in the error when it times out), and the
 * build of dist/ when a source file is newer (the CLI runs from dist/, as `npm test` builds it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface Tmux {
  readonly dir: string;
  /** tmux on this harness's socket. */
  run(...args: string[]): string;
  /** The text of a session's pane. */
  screen(target: string): string;
  /** Polls `probe` every 100 ms until it gives a value; the screen of `target` is in the error. */
  until<T>(what: string, probe: () => T | undefined | false, ms: number, target: string): Promise<T>;
  /** Kills the server (if still up) and removes the folder. */
  close(): void;
}

export function tmuxHarness(prefix: string): Tmux {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const sock = join(dir, 'sock');
  const run = (...args: string[]): string => execFileSync('tmux', ['-S', sock, ...args], { encoding: 'utf8' });
  const screen = (target: string): string => run('capture-pane', '-p', '-t', target);
  return {
    dir,
    run,
    screen,
    async until<T>(what: string, probe: () => T | undefined | false, ms: number, target: string): Promise<T> {
      const end = Date.now() + ms;
      for (;;) {
        const v = probe();
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${screen(target)}`);
        await sleep(100);
      }
    },
    close(): void {
      try {
        run('kill-server');
      } catch {
        // Already gone.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds dist/ when a source file is newer than it. */
export function buildIfStale(): void {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'ignore' });
}
