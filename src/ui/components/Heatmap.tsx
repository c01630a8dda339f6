import { Box, Text } from 'ink';
import { useMemo, useRef } from 'react';
import type { Dataset } from '../../core/types.js';
import { useUi } from '../context.js';
import { domainOf, heatmapRows, type Predictor } from '../heatmap.js';
import { short } from '../charts.js';
import { Canvas } from './Canvas.js';

export interface HeatmapProps {
  readonly model: Predictor;
  readonly data: Dataset;
  /** Cells across and down (two pixels per cell vertically). */
  readonly cols: number;
  readonly rows: number;
  /** Changes when the weights did: the map is recomputed only then. */
  readonly version: number;
  /**
   * True while training plays: the map (a prediction per pixel) is then recomputed at most every
   * HEATMAP_MS, leaving the frame to the curves and the time to training. @default false
   */
  readonly live?: boolean;
}

/** Least time between two heatmap recomputations while playing. */
const HEATMAP_MS = 150;

/** The decision-boundary heatmap with the data points overlaid, and its legend. */
export function Heatmap({ model, data, cols, rows, version, live = false }: HeatmapProps) {
  const { depth } = useUi();
  const domain = useMemo(() => domainOf(data), [data]);
  const shown = useRef({ at: -Infinity, version: Number.NaN });
  const now = performance.now();
  if (!live || now - shown.current.at >= HEATMAP_MS) shown.current = { at: now, version };
  const key = shown.current.version;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const lines = useMemo(() => heatmapRows({ model, data, cols, rows, depth, domain }), [model, data, cols, rows, depth, domain, key]);
  const f = (v: number): string => short(Number(v.toFixed(2)));
  const test = data.test ? ' · 0 1 test' : '';
  const colours = depth === 'none' ? '·: class 0, ░▒▓ class 1 (darker = surer)' : 'colour = class, brighter = surer';
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Canvas rows={lines} width={cols} height={rows} />
      <Text dimColor wrap="truncate">
        {`x1 ${f(domain.x[0])}…${f(domain.x[1])}, x2 ${f(domain.y[0])}…${f(domain.y[1])} · o + train${test}`}
      </Text>
      <Text dimColor wrap="truncate">
        {colours}
      </Text>
    </Box>
  );
}
