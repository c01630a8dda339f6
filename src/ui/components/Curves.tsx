import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { plot, short, type SeriesPoint } from '../charts.js';
import { sgr, type ColorDepth, type Rgb } from '../color.js';
import { useUi } from '../context.js';
import { Canvas } from './Canvas.js';

export interface CurvesProps {
  readonly points: readonly SeriesPoint[];
  readonly width: number;
  /** Rows of each of the two charts. */
  readonly height: number;
  /** Changes when the points did. */
  readonly version: number;
}

const AXIS = 6;
const paint = (depth: ColorDepth, rgb: Rgb, s: string): string => (depth === 'none' ? s : `\x1b[${sgr(depth, rgb)}m${s}\x1b[39m`);

/** Chart rows with their y axis, each exactly `width` cells. */
export function chartRows(rows: readonly string[], top: string, bottom: string, label: string, depth: ColorDepth, rgb: Rgb): string[] {
  return rows.map((r, i) => {
    const axis = (i === 0 ? top : i === rows.length - 1 ? bottom : i === 1 ? label : '').slice(0, AXIS).padStart(AXIS);
    return `${paint(depth, [140, 140, 140], `${axis}│`)}${paint(depth, rgb, r)}`;
  });
}

/** Loss (train) and accuracy (train • and test ◦) over epochs. */
export function Curves({ points, width, height, version }: CurvesProps) {
  const { depth } = useUi();
  const w = Math.max(10, width - AXIS - 1);
  const rows = useMemo(() => {
    const loss = points.map((p) => p.loss);
    const hasTest = points.some((p) => p.testAccuracy !== undefined);
    const acc = [...(hasTest ? [{ values: points.map((p) => p.testAccuracy ?? NaN), mark: '◦' }] : []), { values: points.map((p) => p.accuracy), mark: '•' }];
    const finite = loss.filter(Number.isFinite);
    const [lo, hi] = finite.length ? [Math.min(...finite), Math.max(...finite)] : [0, 1];
    return [
      ...chartRows(plot([{ values: loss, mark: '•' }], w, height), short(hi), short(lo), 'loss', depth, [220, 110, 220]),
      ...chartRows(plot(acc, w, height, [0, 1]), '1', '0', 'acc', depth, [90, 210, 110]),
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, points.length, w, height, depth]);
  const hasTest = points.some((p) => p.testAccuracy !== undefined);
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold color="cyan" wrap="truncate">
        {`Curves, epochs ${points[0]?.epoch ?? 0}–${points.at(-1)?.epoch ?? 0}`}
        <Text dimColor>{hasTest ? '  • train  ◦ test' : '  • train'}</Text>
      </Text>
      <Canvas rows={rows} width={AXIS + 1 + w} height={2 * height} />
    </Box>
  );
}
