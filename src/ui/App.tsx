/**
 * The top component: which screen is showing (timeline, lab, tour), the help overlay, the
 * terminal-size guard and quitting. State of each screen lives in its own hooks.
 */
import { Box, Text, useApp } from 'ink';
import { Component, type ReactNode } from 'react';
import { ERAS } from './eras.js';
import { KeyRouterProvider, useKeyHold, useKeys } from './hooks/use-keys.js';
import { useRefState } from './hooks/use-ref-state.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useFrameMark } from './hooks/use-frame-mark.js';
import { nav } from './keys.js';
import { Help } from './screens/Help.js';
import { Lab } from './screens/Lab.js';
import { ScenarioPicker } from './screens/ScenarioPicker.js';
import { Timeline } from './screens/Timeline.js';
import { Tour } from './screens/Tour.js';
import type { Seed } from './session.js';

export type Screen = { kind: 'timeline' } | { kind: 'picker' } | { kind: 'lab'; scenario: string; run?: string } | { kind: 'tour'; stop: number };

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface AppProps {
  /** The first screen. @default timeline */
  readonly initial?: Screen;
  readonly seed?: Seed;
  /** Called when the user quits (tests). */
  readonly onQuit?: () => void;
}

/** Shows a render error as one message instead of a stack dump. */
class Guard extends Component<{ readonly children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) return <Text color="red">{`neural-eras hit an error: ${this.state.error.message}. Press q or Ctrl-C to quit.`}</Text>;
    return this.props.children;
  }
}

function Screens({ initial = { kind: 'timeline' }, seed, onQuit }: AppProps) {
  useFrameMark();
  const app = useApp();
  const exit = (): void => {
    onQuit?.();
    app.exit();
  };
  const { columns, rows } = useTerminalSize();
  const [screen, setScreenNow, screenRef] = useRefState<Screen>(initial);
  const holdKeys = useKeyHold(screen);
  // Keys typed after the one that switches screens go to the new screen.
  const setScreen = (next: Screen): void => {
    holdKeys();
    setScreenNow(next);
  };
  const [era, setEra, eraRef] = useRefState(0);
  const [help, setHelp, helpRef] = useRefState(false);
  const home = (): void => setScreen({ kind: 'timeline' });

  useKeys((token) => {
    if (token === 'ctrl-c') return exit();
    if (helpRef.current) return setHelp(false);
    if (token === '?') return setHelp(true);
    // Only keys pressed on the timeline: a screen that just left (Esc, q) must not quit the app.
    if (screen.kind !== 'timeline' || screenRef.current.kind !== 'timeline') return;
    const t = nav(token);
    const chosen = ERAS[eraRef.current];
    if (t === 'up') setEra((e) => (e + ERAS.length - 1) % ERAS.length);
    else if (t === 'down') setEra((e) => (e + 1) % ERAS.length);
    else if (t === 'enter' && chosen?.scenario) setScreen({ kind: 'lab', scenario: chosen.scenario });
    else if (t === 't') setScreen({ kind: 'tour', stop: 0 });
    else if (t === 's') setScreen({ kind: 'picker' });
    else if (t === 'q' || t === 'escape') exit();
  });

  const small = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const width = Math.max(columns, MIN_COLUMNS);
  // One row is left free so the frame never touches the terminal's last line (no scroll).
  const height = Math.max(rows, MIN_ROWS) - 1;
  const active = !help && !small;
  let body: ReactNode;
  if (screen.kind === 'lab') body = <Lab key={screen.scenario} scenario={screen.scenario} {...(screen.run ? { run: screen.run } : {})} {...(seed !== undefined ? { seed } : {})} width={width} height={height} active={active} onBack={home} />;
  else if (screen.kind === 'tour') body = <Tour stop={screen.stop} onStop={(stop) => setScreen({ kind: 'tour', stop })} onLeave={home} width={width} height={height} active={active} />;
  else if (screen.kind === 'picker') body = <ScenarioPicker current={null} rows={height} active={active} onCancel={home} onPick={(id) => setScreen({ kind: 'lab', scenario: id })} />;
  else body = <Timeline at={era} width={width} height={height} />;

  return (
    <Box flexDirection="column">
      {small ? (
        <Box flexDirection="column">
          <Text color="yellow" wrap="wrap">{`Please enlarge the terminal to at least ${MIN_COLUMNS}×${MIN_ROWS} (it is ${columns}×${rows}).`}</Text>
          <Text dimColor>neural-eras carries on where it was once there is room. Ctrl-C quits.</Text>
        </Box>
      ) : null}
      <Box display={small || help ? 'none' : 'flex'} flexDirection="column">
        {body}
      </Box>
      {help && !small ? <Help width={width} /> : null}
    </Box>
  );
}

export function App(props: AppProps) {
  return (
    <KeyRouterProvider>
      <Guard>
        <Screens {...props} />
      </Guard>
    </KeyRouterProvider>
  );
}
