import { Box, Text } from 'ink';
import type { Block } from '../layout/blocks.js';
import { Canvas } from './Canvas.js';

export interface FrameProps {
  /** A frame already laid out to the terminal's size (src/ui/frame.ts). */
  readonly block: Block;
}

/** Draws a block tree: stacks as boxes, text leaves as lines, colour-dense leaves on the canvas. */
export function Frame({ block }: FrameProps) {
  if (block.kind === 'leaf') {
    if (block.heavy) return <Canvas rows={block.rows} width={block.width} height={block.height} />;
    return (
      <Box flexDirection="column" width={block.width} height={block.height} flexShrink={0}>
        {block.rows.map((r, i) => (
          <Text key={i} wrap="truncate">
            {r}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection={block.kind === 'v' ? 'column' : 'row'} width={block.width} height={block.height} flexShrink={0}>
      {block.children.map((c, i) => (
        <Frame key={i} block={c} />
      ))}
    </Box>
  );
}
