/**
 * The React side of the UI: keys in, frames out. All state lives in the headless AppSession; this
 * component feeds it key tokens and clock ticks, builds the frame outside rendering (in handlers
 * and effects, so no model is called while React renders), and draws it.
 */
import { useApp, useInput, useStdin } from 'ink';
import { Component, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AppSession, type Start } from '../session/app.js';
import type { Seed } from '../session/choices.js';
import { useScreen, useUi } from './context.js';
import { frame } from './frame.js';
import { useFrameMark } from './hooks/use-frame-mark.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { tokensOf } from './keys.js';
import { flatten, type Block } from './layout/blocks.js';
import { displayWidth } from './render/text.js';
import { profiler } from './profile.js';
import { translator, type Lang } from '../i18n/index.js';
import { click, type MouseSource } from './mouse.js';

export interface AppProps {
  /** The first screen. @default timeline */
  readonly start?: Start;
  readonly seed?: Seed;
  /** The language of every word on screen. @default en */
  readonly lang?: Lang;
  /** Called when the user quits (tests). */
  readonly onQuit?: () => void;
  /** Clicks of the terminal's mouse, where it reports them (issue 25). */
  readonly mouse?: MouseSource;
}

/** Time between two play ticks. */
const FRAME_MS = 33;

/** Shows a render error as one message instead of a stack dump. */
class Guard extends Component<{ readonly children: ReactNode; readonly lang?: Lang | undefined }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) return <ErrorLine message={translator(this.props.lang).t('app.error', { message: this.state.error.message })} />;
    return this.props.children;
  }
}

/** A render error, as the one row on the screen (red where there is colour). */
function ErrorLine({ message }: { readonly message: string }) {
  const writer = useScreen();
  const { depth } = useUi();
  useLayoutEffect(() => writer.paint([depth === 'none' ? message : `\x1b[31m${message}\x1b[39m`], displayWidth(message)), [writer, depth, message]);
  return null;
}

function Screens({ start, seed, lang, onQuit, mouse }: AppProps) {
  useFrameMark();
  const { depth } = useUi();
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const writer = useScreen();
  const size = useTerminalSize();
  const app = useMemo(() => new AppSession(start, seed, undefined, translator(lang)), []); // eslint-disable-line react-hooks/exhaustive-deps
  const sizeRef = useRef(size);
  sizeRef.current = size;

  // Every frame goes straight to the screen writer, outside rendering: no React render at all.
  // The frame on screen is kept: a click is resolved against it (issue 25).
  const shown = useRef<Block | null>(null);
  const refresh = useCallback(() => {
    const t0 = performance.now();
    const next = frame(app, sizeRef.current, depth, t0);
    profiler?.built(performance.now() - t0);
    shown.current = next;
    writer.paint(flatten(next), next.width);
  }, [app, depth, writer]);

  // The play loop runs while the session plays; a change that starts playing wakes it when it is not
  // running. (A boolean state would miss a stop and a start batched into one render: a tour stop
  // ending and Enter opening the next one, the loop gone and the new stop frozen at epoch 0.)
  const looping = useRef(false);
  const [wake, setWake] = useState(0);
  const sync = useCallback(() => {
    if (app.quit) {
      onQuit?.();
      exit();
      return;
    }
    refresh();
    if (app.playing && !looping.current) setWake((w) => w + 1);
  }, [app, refresh, exit, onQuit]);

  // A new size: a new frame at once (the writer repaints the screen whole for it).
  useEffect(() => {
    refresh();
  }, [refresh, size.columns, size.rows]);

  useInput(
    (input, key) => {
      for (const t of tokensOf(input, key)) app.key(t);
      // `y`: the share string to the terminal's clipboard (OSC 52; terminals that do not allow it ignore it).
      if (app.clipboard !== null) {
        writer.raw(`\x1b]52;c;${Buffer.from(app.clipboard, 'utf8').toString('base64')}\x07`);
        app.clipboard = null;
      }
      sync();
    },
    { isActive: isRawModeSupported },
  );

  // A click: resolved against the frame on screen (a point on the map, a unit opened), then a new frame.
  useEffect(() => mouse?.((e) => {
    if (shown.current && click(app, shown.current, e)) sync();
  }), [mouse, app, sync]);

  // While a run plays: tick the session about 30 times a second and draw what moved.
  useEffect(() => {
    if (!app.playing) return;
    let timer: NodeJS.Timeout;
    looping.current = true;
    const loop = (): void => {
      const t0 = performance.now();
      const moved = app.tick(t0);
      profiler?.trained(performance.now() - t0);
      if (moved) refresh();
      if (app.playing) timer = setTimeout(loop, FRAME_MS);
      else {
        looping.current = false;
        sync();
      }
    };
    timer = setTimeout(loop, 0);
    return () => {
      clearTimeout(timer);
      looping.current = false;
    };
  }, [wake, app, refresh, sync]);

  return null;
}

export function App(props: AppProps) {
  return (
    <Guard lang={props.lang}>
      <Screens {...props} />
    </Guard>
  );
}
