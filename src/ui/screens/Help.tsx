import { Box, Text } from 'ink';
import { LAB_KEYS, TIMELINE_KEYS, TOUR_KEYS } from '../keys.js';

export interface HelpProps {
  readonly width: number;
}

const Section = ({ title, keys }: { readonly title: string; readonly keys: readonly (readonly [string, string])[] }) => (
  <Box flexDirection="column" marginRight={4}>
    <Text bold color="cyan">
      {title}
    </Text>
    {keys.map(([k, what]) => (
      <Text key={k}>
        <Text bold>{k.padEnd(8)}</Text>
        {what}
      </Text>
    ))}
  </Box>
);

/** Every key, by screen; any key closes it. */
export function Help({ width }: HelpProps) {
  return (
    <Box flexDirection="column" borderStyle="double" borderColor="cyan" paddingX={2} width={Math.min(width, 96)}>
      <Text bold>Keys — press any key to close</Text>
      <Box flexDirection="row" marginTop={1}>
        <Section title="Lab" keys={LAB_KEYS} />
        <Box flexDirection="column">
          <Section title="Timeline" keys={TIMELINE_KEYS} />
          <Text> </Text>
          <Section title="Tour" keys={TOUR_KEYS} />
          <Text> </Text>
          <Text dimColor>hjkl work where arrows do.</Text>
          <Text dimColor>Playing stops at the run's outcome:</Text>
          <Text dimColor>solved, cycling, diverged or truncated.</Text>
        </Box>
      </Box>
    </Box>
  );
}
