/**
 * Mounting the UI as the live terminal mounts it (src/ui/mount.tsx: Ink for keys, the screen writer
 * for frames) on a fake 100×30 terminal, and reading the screen back: key presses, the screen as
 * plain rows, waiting for a frame. A bug in the writer shows here as a wrong screen.
 */
import type { ReactElement } from 'react';
import type { ColorDepth } from '../../src/ui/color.js';
import { render } from 'ink-testing-library';
import { mountUi, uiTree } from '../../src/ui/mount.js';
import { ScreenWriter, type Terminal } from '../../src/ui/screen.js';
import { FakeStdin, FakeTerminal } from './terminal.js';

export const KEY = { up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', enter: '\r', escape: '\x1b', backspace: '\x7f', ctrlC: '\x03' } as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const mounted: (() => void)[] = [];

/** Unmounts every UI mounted since the last call (afterEach). */
export function cleanup(): void {
  for (const unmount of mounted.splice(0)) unmount();
}

export function mount(el: ReactElement, depth: ColorDepth = 'none') {
  const stdout = new FakeTerminal(100, 30);
  const stdin = new FakeStdin();
  const stderr = new FakeTerminal(100, 30);
  const { instance, writer } = mountUi(el, { stdout: stdout.asStream(), stdin: stdin.asStream(), stderr: stderr.asStream() }, depth);
  mounted.push(() => {
    instance.unmount();
    instance.cleanup();
    writer.close();
  });
  /** The screen as text: each row without its trailing blanks, without the blank rows below the last. */
  const frame = (): string => {
    const rows = stdout.screen.text().map((r) => r.trimEnd());
    while (rows.length > 0 && rows.at(-1) === '') rows.pop();
    return rows.join('\n');
  };
  const waitFor = async (pred: (f: string) => boolean, what = 'a matching frame', ms = 4000): Promise<string> => {
    const end = Date.now() + ms;
    for (;;) {
      const f = frame();
      if (pred(f)) return f;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last frame:\n${f}`);
      await sleep(10);
    }
  };
  const waitText = (text: string | RegExp, ms?: number) => waitFor((f) => (typeof text === 'string' ? f.includes(text) : text.test(f)), String(text), ms);
  /** Writes input once Ink listens (a write right after render can be lost), then lets it settle. */
  const press = async (...inputs: string[]): Promise<void> => {
    await waitFor(() => stdin.listenerCount('readable') > 0, 'stdin listener');
    // A screen that just appeared registers its key listener in an effect, right after its frame.
    await sleep(25);
    for (const input of inputs) {
      stdin.write(input);
      // An escape is flushed by Ink on the next tick; give React a turn to commit.
      await sleep(input === KEY.escape ? 30 : 15);
    }
  };
  return { stdout, stdin, frame, waitFor, waitText, press, unmount: () => instance.unmount() };
}

/**
 * The same tree rendered by ink-testing-library (its stdin takes the keys, its stdout is what Ink
 * itself writes), the frames going through the screen writer onto a fake 100×30 terminal: shows
 * that Ink draws nothing of its own (one path to the screen) while it still owns the keys.
 */
export function renderWithInkTesting(el: ReactElement, depth: ColorDepth = 'none') {
  const screen = new FakeTerminal(100, 30);
  const writer = new ScreenWriter(screen.asStream() as Terminal);
  const ink = render(uiTree(el, writer, depth));
  mounted.push(() => {
    ink.unmount();
    ink.cleanup();
    writer.close();
  });
  const text = (): string => screen.screen.text().map((r) => r.trimEnd()).join('\n');
  return { ink, screen, text };
}
