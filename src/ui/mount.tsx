/**
 * Mounts the UI on a terminal: Ink renders the React tree (keys in) to a silent copy of the
 * terminal, and every frame reaches the terminal through one ScreenWriter. The live UI (main.tsx)
 * and the UI tests (on a fake terminal) both mount it here, so the tests read what users see.
 */
import { render, type Instance, type RenderOptions } from 'ink';
import type { ReactElement } from 'react';
import type { ColorDepth } from './color.js';
import { ScreenContext, UiContext } from './context.js';
import { inkStream, ScreenWriter, type Terminal } from './screen.js';

export interface MountIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly stderr: NodeJS.WriteStream;
}

export interface Mounted {
  readonly instance: Instance;
  readonly writer: ScreenWriter;
}

/** The tree Ink renders: the UI with its colour depth and the screen writer its frames go to. */
export function uiTree(el: ReactElement, writer: ScreenWriter, depth: ColorDepth): ReactElement {
  return (
    <UiContext.Provider value={{ depth }}>
      <ScreenContext.Provider value={writer}>{el}</ScreenContext.Provider>
    </UiContext.Provider>
  );
}

export function mountUi(el: ReactElement, io: MountIo, depth: ColorDepth, options: Pick<RenderOptions, 'onRender'> = {}): Mounted {
  const writer = new ScreenWriter(io.stdout as Terminal);
  const instance = render(
    uiTree(el, writer, depth),
    { stdout: inkStream(io.stdout), stdin: io.stdin, stderr: io.stderr, exitOnCtrlC: false, patchConsole: false, maxFps: 30, ...options },
  );
  return { instance, writer };
}
