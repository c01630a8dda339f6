import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { loadAllScenarios } from '../../scenarios/loader.js';
import { useKeys } from '../hooks/use-keys.js';
import { useRefState } from '../hooks/use-ref-state.js';
import { nav } from '../keys.js';

export interface ScenarioPickerProps {
  readonly current: string | null;
  readonly onPick: (id: string) => void;
  readonly onCancel: () => void;
  /** Rows available for the list. */
  readonly rows: number;
  readonly active?: boolean;
}

/** Every shipped scenario, by year: ↑↓ to choose, Enter to open. */
export function ScenarioPicker({ current, onPick, onCancel, rows, active = true }: ScenarioPickerProps) {
  const all = useMemo(() => {
    try {
      return loadAllScenarios().map((s) => ({ id: s.id, year: s.year, title: s.title }));
    } catch (e) {
      return [{ id: '', year: 0, title: (e as Error).message }];
    }
  }, []);
  const [at, setAt, atRef] = useRefState(Math.max(0, all.findIndex((s) => s.id === current)));
  useKeys((raw) => {
    const t = nav(raw);
    if (t === 'escape' || t === 'q') onCancel();
    else if (t === 'up') setAt((a) => (a + all.length - 1) % all.length);
    else if (t === 'down') setAt((a) => (a + 1) % all.length);
    else if (t === 'enter' && all[atRef.current]?.id) onPick(all[atRef.current]!.id);
  }, active);
  const visible = Math.max(3, rows - 3);
  const start = Math.max(0, Math.min(at - Math.floor(visible / 2), all.length - visible));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>Pick a scenario <Text dimColor>(↑↓ choose · Enter open · Esc cancel)</Text></Text>
      {all.slice(start, start + visible).map((s, k) => (
        <Text key={s.id || k} wrap="truncate" inverse={start + k === at}>
          {`${String(s.year)} ${s.id.padEnd(24)} ${s.title}`}
        </Text>
      ))}
    </Box>
  );
}
