import { Box, Text } from 'ink';
import type { Run } from '../../core/runner.js';
import { short } from '../charts.js';

export interface ModelViewProps {
  readonly run: Run;
  /** Lines available; the explanation is cut to fit. */
  readonly maxLines: number;
}

type Layers = number[][][];
const isLayers = (w: unknown): w is Layers => Array.isArray(w) && w.every((l) => Array.isArray(l) && l.every((u) => Array.isArray(u)));

/** Per-layer weight norms and a compact diagram (2 → 8 → 1) for a network. */
export function networkLines(w: Layers, norms?: readonly number[]): string[] {
  const sizes = [w[0]?.[0] ? w[0][0].length - 1 : 0, ...w.map((l) => l.length)];
  const lines = [`diagram ${sizes.map((s, i) => (i === 0 ? `${s} in` : i === sizes.length - 1 ? `${s} out` : `[${s}]`)).join(' → ')}`];
  const norm = (l: number[][]): number => Math.sqrt(l.reduce((s, u) => s + u.reduce((a, v) => a + v * v, 0), 0));
  lines.push(`‖W‖ per layer: ${w.map((l, i) => `L${i + 1} ${short(norms?.[i] ?? norm(l))}`).join('  ')}`);
  return lines;
}

/** The weights, what the model says about itself (separating line…), and the last update. */
export function ModelView({ run, maxLines }: ModelViewProps) {
  const w = run.model.weights();
  const extraNorms = run.latest.extra?.['weightNorm'];
  const lines: string[] = [...(run.model.describe?.() ?? [])];
  if (isLayers(w)) lines.push(...networkLines(w, Array.isArray(extraNorms) ? extraNorms : undefined));
  else if (Array.isArray(w) && w.every((v) => typeof v === 'number') && !lines.some((l) => l.startsWith('w ='))) lines.push(`w = (${w.map((v) => short(v)).join(', ')})`);
  const step = run.lastStep;
  const last = step ? `last update, pattern ${step.pattern + 1}: ${step.equation}` : 'last update: — (press . to apply one pattern)';
  const shown = lines.slice(0, Math.max(1, maxLines - 2));
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold color="cyan">
        Model
      </Text>
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate">
          {l}
        </Text>
      ))}
      <Text wrap="wrap" color="yellow">
        {last}
      </Text>
    </Box>
  );
}
