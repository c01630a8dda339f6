/** Mounting the UI in ink-testing-library: plain frames, key presses, and waiting for a frame. */
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { stripAnsi } from '../../src/ui/color.js';

export const KEY = { up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', enter: '\r', escape: '\x1b', backspace: '\x7f', ctrlC: '\x03' } as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function mount(el: ReactElement) {
  const app = render(el);
  const frame = (): string => stripAnsi(app.lastFrame() ?? '');
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
    await waitFor(() => app.stdin.listenerCount('readable') > 0, 'stdin listener');
    // A screen that just appeared registers its key listener in an effect, right after its frame.
    await sleep(25);
    for (const input of inputs) {
      app.stdin.write(input);
      // An escape is flushed by Ink on the next tick; give React a turn to commit.
      await sleep(input === KEY.escape ? 30 : 15);
    }
  };
  return { ...app, frame, waitFor, waitText, press };
}
