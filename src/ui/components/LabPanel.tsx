import { Box, Text } from 'ink';
import type { Lane } from '../trainer.js';
import { Curves } from './Curves.js';
import { GradientPanel } from './GradientPanel.js';
import { Heatmap } from './Heatmap.js';
import { HistoryCard } from './HistoryCard.js';
import { ModelView } from './ModelView.js';
import { TruthTable } from './TruthTable.js';

export interface LabPanelProps {
  readonly lane: Lane;
  readonly width: number;
  readonly height: number;
  readonly version: number;
  /** True while training plays (the heatmap then refreshes at a lower rate). @default false */
  readonly live?: boolean;
  /** Show the per-layer gradient panel. @default false */
  readonly gradients?: boolean;
  /** Show the model's history card. @default true */
  readonly card?: boolean;
}

/** How the panel splits its rows (exported for tests of the layout arithmetic). */
export function layout(width: number, height: number, opts: { boolean: boolean; twoD: boolean; patterns: number; gradients: boolean; layers: number; card: boolean }) {
  const columns = width >= 90;
  // At 120 columns the heatmap gets its full 60 cells; narrower screens share more evenly.
  const left = columns ? (width >= 120 ? 62 : Math.floor(width * 0.46)) : width;
  const right = columns ? width - left - 2 : width;
  const table = opts.boolean ? Math.min(opts.patterns, 16) + 1 : 0;
  const model = 6;
  const grads = opts.gradients ? Math.min(opts.layers, 6) + 2 : 0;
  let card = opts.card ? 4 : 0;
  const rightRows = columns ? height : Math.max(0, height - table - 1);
  let chart = Math.floor((rightRows - model - grads - card - 1) / 2);
  if (chart < 3 && card) ((card = 0), (chart = Math.floor((rightRows - model - grads - 1) / 2)));
  // Stacked (compare columns): gradients, then curves, then as much of the model view as fits.
  chart = columns ? Math.max(2, Math.min(8, chart)) : Math.max(3, Math.min(6, Math.floor((height - table - grads - 4) / 2)));
  const spare = height - table - (opts.boolean ? 1 : 0) - 2 - (columns ? 0 : model + 1 + 2 * chart + grads);
  const heat = opts.twoD && spare >= 5 ? { cols: Math.min(60, left - 1), rows: Math.min(30, spare) } : null;
  return { columns, left, right, heat, chart, card: columns && card > 0, model };
}

/** One model on one scenario: data view, model view, curves, gradients and history card. */
export function LabPanel({ lane, width, height, version, live = false, gradients = false, card = true }: LabPanelProps) {
  const { run, spec, series } = lane;
  if (!run) {
    return (
      <Box height={height} width={width}>
        <Text color="red" wrap="wrap">
          {lane.error}
        </Text>
      </Box>
    );
  }
  const data = spec.data;
  const boolean = data.inputEncoding !== 'real' && data.inputs.length <= 16;
  const twoD = data.featureNames.length === 2;
  const g = run.latest.extra?.['gradNorm'];
  const L = layout(width, height, { boolean, twoD, patterns: data.inputs.length, gradients, layers: Array.isArray(g) ? g.length : 0, card });
  const dataView = (
    <Box flexDirection="column" width={L.left} flexShrink={0}>
      {boolean ? <TruthTable run={run} data={data} version={version} /> : null}
      {boolean && L.heat ? <Text> </Text> : null}
      {L.heat ? <Heatmap model={run.model} data={data} cols={L.heat.cols} rows={L.heat.rows} version={version} live={live} /> : null}
      {!boolean && !twoD ? <Text dimColor>{`${data.featureNames.length}-dimensional data: see the curves`}</Text> : null}
    </Box>
  );
  const model = <ModelView key="model" run={run} maxLines={L.model} />;
  const curves = <Curves key="curves" points={series.all()} width={L.right} height={L.chart} version={version} />;
  const grads = gradients ? <GradientPanel key="grads" entry={run.latest} width={L.right} maxLines={8} /> : null;
  const side = (
    <Box flexDirection="column" width={L.right}>
      {L.columns ? [model, curves, grads] : [grads, curves, model]}
      {L.card ? <HistoryCard meta={spec.plugin.meta} compact /> : null}
    </Box>
  );
  return (
    <Box flexDirection={L.columns ? 'row' : 'column'} height={height} width={width} overflow="hidden" gap={L.columns ? 2 : 0}>
      {dataView}
      {side}
    </Box>
  );
}
