import { Box, Text } from 'ink';
import { ERAS } from '../eras.js';

export interface TimelineProps {
  /** The selected era. */
  readonly at: number;
  readonly width: number;
  readonly height: number;
}

/** The eras from 1943 to 2012 as a list: year, people, what each brought and could not do. */
export function Timeline({ at, width, height }: TimelineProps) {
  const era = ERAS[at]!;
  const listRows = Math.max(3, height - 9);
  const start = Math.max(0, Math.min(at - Math.floor(listRows / 2), ERAS.length - listRows));
  const people = Math.min(26, Math.floor(width * 0.28));
  const wide = width >= 150;
  const brought = wide ? Math.floor((width - people - 16) / 2) : width;
  const cut = (t: string, n: number): string => (t.length > n ? `${t.slice(0, n - 1)}…` : t.padEnd(n));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>
        <Text color="cyan">neural-eras</Text>
        <Text dimColor> — the history of neural networks, replayed (1943–2012)</Text>
        <Text color="yellow">{'   press t for the classroom tour'}</Text>
      </Text>
      <Text> </Text>
      {ERAS.slice(start, start + listRows).map((e, k) => {
        const i = start + k;
        const mark = i === at ? '▶' : ' ';
        // Wide terminals have room for what each era could not do on its own line of the list.
        const could = wide ? `  ✗ ${e.couldNot}` : '';
        return (
          <Text key={i} wrap="truncate" inverse={i === at} color={e.winter ? 'blue' : undefined}>
            {`${mark} ${e.year.padEnd(7)} ${e.winter ? '❄ ' : '  '}${cut(e.people, people)}  ${wide ? cut(e.brought, brought) : e.brought}${could}`}
          </Text>
        );
      })}
      <Box flexDirection="column" marginTop={1} borderStyle="round" borderColor={era.winter ? 'blue' : 'cyan'} paddingX={1}>
        <Text bold wrap="truncate">{`${era.year} · ${era.people}${era.winter ? ' · a winter' : ''}`}</Text>
        <Text wrap="truncate-end">
          <Text color="green">+ brought: </Text>
          {era.brought}
        </Text>
        <Text wrap="truncate-end">
          <Text color="red">− could not: </Text>
          {era.couldNot}
        </Text>
        <Text dimColor wrap="wrap">{era.scenario ? `Enter opens the lab: ${era.scenario}${era.standIn ? ` (${era.standIn})` : ''}` : 'no lab for this era'}</Text>
      </Box>
      <Text dimColor wrap="truncate">↑↓/jk choose · Enter open lab · t tour · s scenarios · ? help · q quit</Text>
    </Box>
  );
}
