/**
 * Starts the terminal UI: alternate screen, colour depth, Ink render, and a restored terminal on
 * every exit path (q, Ctrl-C, SIGTERM, an uncaught error shown as one line). Imported lazily by
 * the CLI so headless commands never load Ink.
 */
import chalk from 'chalk';
import type { Instance } from 'ink';
import { App } from './App.js';
import type { Start } from '../session/app.js';
import { chalkLevel, type ColorDepth } from './color.js';
import { mountUi } from './mount.js';
import { enableProfiler } from './profile.js';
import type { ScreenWriter } from './screen.js';
import type { Seed } from '../session/choices.js';
import type { Lang } from '../i18n/index.js';
import { filteredStdin, MOUSE_OFF, MOUSE_ON, type MouseEvent } from './mouse.js';

export interface UiOptions {
  readonly depth: ColorDepth;
  readonly initial?: Start;
  readonly seed?: Seed;
  /** The language of the UI. @default en */
  readonly lang?: Lang;
  /** Print frame times to stderr on exit. */
  readonly profile?: boolean;
  /** performance.now() of the moment first-frame time is measured from (0: process start). */
  readonly started?: number;
  /** SGR mouse reporting where stdin and stdout are terminals (--no-mouse: off). @default true */
  readonly mouse?: boolean;
}

const ENTER_ALT = '\x1b[?1049h\x1b[H\x1b[2J';
const LEAVE_ALT = '\x1b[?25h\x1b[0m\x1b[?1049l';

export async function startUi(opts: UiOptions): Promise<number> {
  const { stdout, stdin, stderr } = process;
  chalk.level = chalkLevel(opts.depth);
  const prof = opts.profile ? enableProfiler(opts.started ?? 0) : null;
  stdout.write(ENTER_ALT);
  // Clicks (issue 25): reported by the terminal, taken out of the input before Ink reads it.
  const listeners = new Set<(e: MouseEvent) => void>();
  const mouse = opts.mouse !== false && stdin.isTTY && stdout.isTTY ? filteredStdin(stdin, (e) => listeners.forEach((l) => l(e))) : null;
  if (mouse) stdout.write(MOUSE_ON);
  let restored = false;
  let instance: Instance | undefined;
  let writer: ScreenWriter | undefined;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      instance?.unmount();
    } catch {
      // Already unmounted: the terminal is what matters now.
    }
    if (stdin.isTTY) stdin.setRawMode(false);
    writer?.close();
    // mouse reporting off on every way out (q, Ctrl-C, signals, errors), before the screen is left
    if (mouse) {
      stdout.write(MOUSE_OFF);
      mouse.dispose();
    }
    stdout.write(LEAVE_ALT);
    if (prof) stderr.write(prof.report());
  };
  const die = (code: number, message?: string) => (): void => {
    restore();
    if (message) stderr.write(message);
    process.exit(code);
  };
  const onError = (e: unknown): void => die(1, `neural-eras: ${(e as Error)?.message ?? String(e)}\n`)();
  // Every way out restores the terminal: signals (128 + their number), errors, and exit itself.
  const handlers: [NodeJS.Signals | 'uncaughtException' | 'unhandledRejection' | 'exit', (e?: unknown) => void][] = [
    ['SIGTERM', die(143)],
    ['SIGINT', die(130)],
    ['SIGHUP', die(129)],
    ['uncaughtException', onError],
    ['unhandledRejection', onError],
    ['exit', restore],
  ];
  for (const [event, handler] of handlers) process.on(event as 'exit', handler);
  try {
    ({ instance, writer } = mountUi(
      <App {...(mouse ? { mouse: (l: (e: MouseEvent) => void) => (listeners.add(l), () => void listeners.delete(l)) } : {})} {...(opts.initial ? { start: opts.initial } : {})} {...(opts.seed !== undefined ? { seed: opts.seed } : {})} {...(opts.lang ? { lang: opts.lang } : {})} />,
      { stdout, stdin: mouse ? (mouse.stream as NodeJS.ReadStream) : stdin, stderr },
      opts.depth,
      prof ? { onRender: ({ renderTime }) => prof.inkRendered(renderTime) } : {},
    ));
    await instance.waitUntilExit();
    return 0;
  } finally {
    restore();
    for (const [event, handler] of handlers) process.off(event as 'exit', handler);
  }
}
