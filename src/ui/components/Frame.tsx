import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import { flatten, type Block } from '../layout/blocks.js';
import { Canvas, PainterContext } from './Canvas.js';

export interface FrameProps {
  /** A frame already laid out to the terminal's size (src/ui/frame.ts). */
  readonly block: Block;
}

/** Same sizes and same text: a block that need not be drawn again (frames are rebuilt every tick). */
export function sameBlock(a: Block, b: Block): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.width !== b.width || a.height !== b.height) return false;
  if (a.kind === 'leaf' && b.kind === 'leaf') return a.heavy === b.heavy && a.rows.length === b.rows.length && a.rows.every((r, i) => r === b.rows[i]);
  if (a.kind === 'leaf' || b.kind === 'leaf') return false;
  return a.children.length === b.children.length && a.children.every((c, i) => sameBlock(c, b.children[i]!));
}

/**
 * Draws a block tree: stacks as boxes, a text leaf as one multi-line text (each line is exactly its
 * width, so nothing wraps), colour-dense leaves on the canvas. Unchanged subtrees are skipped.
 */
export const Frame = memo(function Frame({ block }: FrameProps) {
  if (block.kind === 'leaf') {
    if (block.heavy) return <Canvas rows={block.rows} width={block.width} height={block.height} />;
    return (
      <Box width={block.width} height={block.height} flexShrink={0}>
        <Text wrap="wrap">{block.rows.join('\n')}</Text>
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
}, (a, b) => sameBlock(a.block, b.block));

/**
 * The whole frame. On a terminal it goes onto the canvas as rows (Ink lays out one box and the
 * painter writes only the rows that changed: no reconciling or re-parsing hundreds of texts a
 * frame); without a painter (tests) it is drawn through Ink, block by block.
 */
export function Screen({ block, paintKey, direct = false }: FrameProps & { readonly paintKey?: object; readonly direct?: boolean }) {
  const painter = useContext(PainterContext);
  // `direct`: drawn by Ink itself (the request for a larger terminal, which Ink's own clearing on a
  // narrower screen must not wipe).
  if (painter && !direct) return <Canvas rows={flatten(block)} width={block.width} height={block.height} {...(paintKey ? { paintKey } : {})} />;
  return <Frame block={block} />;
}
