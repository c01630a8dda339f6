import { Box, Text } from 'ink';
import { LabPanel } from '../components/LabPanel.js';
import { outcomeText, type Lane } from '../trainer.js';

export interface CompareProps {
  readonly lanes: readonly Lane[];
  readonly width: number;
  readonly height: number;
  readonly version: number;
  readonly gradients: boolean;
  /** True while training plays. @default false */
  readonly live?: boolean;
}

/** Two labs side by side on the same data and seed, each headed by its model and outcome. */
export function Compare({ lanes, width, height, version, gradients, live = false }: CompareProps) {
  const w = Math.floor((width - 3) / 2);
  return (
    <Box flexDirection="row" gap={1} height={height}>
      {lanes.slice(0, 2).map((lane, i) => (
        <Box key={i} flexDirection="column" width={w} borderStyle="single" borderColor={i === 0 ? 'cyan' : 'magenta'} paddingX={0}>
          <Text bold wrap="truncate">{`${lane.spec.id} · ${lane.spec.plugin.meta.name} · epoch ${lane.run?.epoch ?? 0}`}</Text>
          <Text wrap="truncate" color="yellow">{outcomeText(lane) ?? ' '}</Text>
          <LabPanel lane={lane} width={w - 2} height={height - 4} version={version} live={live} gradients={gradients} card={false} />
        </Box>
      ))}
    </Box>
  );
}
