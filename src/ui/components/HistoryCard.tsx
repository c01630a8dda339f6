import { Box, Text } from 'ink';
import type { ModelMeta } from '../../core/types.js';

export interface HistoryCardProps {
  readonly meta: ModelMeta;
  /** Only year, authors and the two one-liners. @default false */
  readonly compact?: boolean;
}

/** Year, authors, citation, what the model introduced and what it cannot do. */
export function HistoryCard({ meta, compact = false }: HistoryCardProps) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold color="cyan" wrap="truncate-end">
        {`${meta.year} · ${meta.name}`}
        <Text dimColor>{` · ${meta.authors.join(', ')}`}</Text>
      </Text>
      {compact ? null : (
        <Text dimColor wrap="truncate-end">
          {meta.citation}
        </Text>
      )}
      <Text wrap={compact ? 'truncate-end' : 'wrap'}>
        <Text color="green">+ </Text>
        {meta.summary}
      </Text>
      <Text wrap={compact ? 'truncate-end' : 'wrap'}>
        <Text color="red">− </Text>
        {meta.cannot}
      </Text>
    </Box>
  );
}
