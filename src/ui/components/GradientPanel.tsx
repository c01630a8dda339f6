import { Box, Text } from 'ink';
import { gradNorms, type HistoryEntry } from '../../core/runner.js';
import { LOG_MAX, LOG_MIN, logBar, short } from '../charts.js';

export interface GradientPanelProps {
  readonly entry: HistoryEntry;
  readonly width: number;
  /** Lines available. */
  readonly maxLines: number;
}

/** Per-layer gradient norms of the latest epoch, as bars on a log scale (first layer on top). */
export function GradientPanel({ entry, width, maxLines }: GradientPanelProps) {
  const g = gradNorms(entry);
  if (!g) {
    return (
      <Box flexDirection="column" flexShrink={0}>
        <Text bold color="cyan">
          Gradients
        </Text>
        <Text dimColor wrap="wrap">
          this model reports no per-layer gradients (a deep net does: try vanishing-gradients)
        </Text>
      </Box>
    );
  }
  const bar = Math.max(8, width - 16);
  const ratio = entry.metrics['gradRatio'];
  const rows = g.slice(0, Math.max(1, maxLines - 2));
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold color="cyan">
        {`Gradient norms, log scale 1e${LOG_MIN}…1e${LOG_MAX}`}
        <Text dimColor>{ratio !== undefined ? `  first/last ${short(ratio)}` : ''}</Text>
      </Text>
      {rows.map((v, i) => (
        <Text key={i}>
          {`L${String(i + 1).padEnd(3)}`}
          <Text color={v < 1e-4 ? 'red' : v < 1e-2 ? 'yellow' : 'green'}>{logBar(v, bar)}</Text>
          {` ${short(v)}`}
        </Text>
      ))}
      {g.length > rows.length ? <Text dimColor>{`… ${g.length - rows.length} more layers`}</Text> : null}
    </Box>
  );
}
