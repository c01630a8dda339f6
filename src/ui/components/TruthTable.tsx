import { Box, Text } from 'ink';
import type { Run } from '../../core/runner.js';
import type { Dataset } from '../../core/types.js';
import { short } from '../charts.js';

export interface TruthTableProps {
  readonly run: Run;
  readonly data: Dataset;
  /** Changes when the weights did (the table is cheap, this just documents the dependency). */
  readonly version: number;
}

const flatWeights = (w: unknown, d: number): number[] | null =>
  Array.isArray(w) && w.length === d + 1 && w.every((v) => typeof v === 'number') ? (w as number[]) : null;

const cell = (s: string, n: number): string => s.padStart(n);

/** Inputs, target, net input, output and ✓/✗ per pattern; ▶ marks the last pattern stepped. */
export function TruthTable({ run, data }: TruthTableProps) {
  const d = data.featureNames.length;
  const ev = run.model.evaluate(data);
  const w = flatWeights(run.model.weights(), d);
  const current = run.lastStep?.pattern;
  const header = `  ${data.featureNames.map((n) => cell(n, 3)).join(' ')} │${cell('t', 4)} ${cell('net', 8)} ${cell('o', 7)}  `;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold>{header}</Text>
      {data.inputs.map((x, i) => {
        const net = w ? w[0]! + x.reduce((s, v, j) => s + v * w[j + 1]!, 0) : undefined;
        const ok = ev.predictions[i] === data.labels[i];
        // In the model's own output code: a sigmoid unit is taught 0/1 for targets written −1/+1.
        const t = (ev.targets?.[i] ?? data.targets[i]!).map((v) => short(v)).join(',');
        const o = (ev.outputs[i] ?? []).map((v) => short(v)).join(',');
        const row = `${current === i ? '▶' : ' '} ${x.map((v) => cell(short(v), 3)).join(' ')} │${cell(t, 4)} ${cell(net === undefined ? '—' : short(net), 8)} ${cell(o, 7)}  `;
        return (
          <Text key={i}>
            {row}
            <Text color={ok ? 'green' : 'red'}>{ok ? '✓' : '✗'}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
