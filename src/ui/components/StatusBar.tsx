import { Box, Text } from 'ink';
import type { Run } from '../../core/runner.js';
import { short } from '../charts.js';

export interface StatusBarProps {
  readonly run: Run | null;
  readonly seed: number | string;
  readonly speed: string;
  readonly playing: boolean;
  /** Key hints, already joined. */
  readonly hints: string;
  readonly width: number;
}

const OUTCOME_COLOR = { solved: 'green', cycling: 'yellow', diverged: 'red', truncated: 'magenta' } as const;

/** Epoch, loss, accuracy, outcome, seed and speed on one line; the key hints on the next. */
export function StatusBar({ run, seed, speed, playing, hints, width }: StatusBarProps) {
  const h = run?.latest;
  const outcome = run?.status.outcome;
  const mid = run && run.midEpochSteps > 0 ? ` +${run.midEpochSteps} steps` : '';
  const left = ` ${playing ? '▶ playing' : '⏸ paused '} │ epoch ${run?.epoch ?? 0}${mid} │ loss ${short(h?.loss)} │ acc ${h ? `${Math.round(h.accuracy * 100)}%` : '—'}${h?.testAccuracy !== undefined ? ` (test ${Math.round(h.testAccuracy * 100)}%)` : ''} │ `;
  const word = outcome ? outcome.toUpperCase() : 'training';
  const right = ` │ seed ${seed} │ speed ${speed} `;
  const pad = ' '.repeat(Math.max(0, width - left.length - word.length - right.length));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" inverse>
        {left}
        {outcome ? <Text color={OUTCOME_COLOR[outcome]}>{word}</Text> : word}
        {right + pad}
      </Text>
      <Text dimColor wrap="truncate">
        {hints}
      </Text>
    </Box>
  );
}
