import { Box, Text, type DOMElement } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import type { Painter } from '../painter.js';

/** The painter of the live terminal; absent in tests, where rows go through Ink as text. */
export const PainterContext = createContext<Painter | null>(null);

export interface CanvasProps {
  /** Pre-coloured rows, each exactly `width` cells wide. */
  readonly rows: readonly string[];
  readonly width: number;
  readonly height: number;
  /** The painter's key for these rows (a caller that updates them without React passes its own). */
  readonly paintKey?: object;
}

/** A block of pre-rendered rows: painted directly on a terminal, plain Ink text otherwise. */
export function Canvas({ rows, width, height, paintKey }: CanvasProps) {
  const painter = useContext(PainterContext);
  const ref = useRef<DOMElement>(null);
  const own = useRef({});
  const key = { current: paintKey ?? own.current };
  useLayoutEffect(() => {
    if (!painter || !ref.current) return;
    painter.set(key.current, ref.current, rows);
    painter.schedule();
  });
  // Removed in the commit that unmounts it, before Ink writes the frame without it.
  useLayoutEffect(() => () => painter?.remove(key.current), [painter]);
  if (!painter) {
    return (
      <Box flexDirection="column" width={width} height={height} flexShrink={0}>
        {rows.map((r, i) => (
          <Text key={i} wrap="truncate">
            {r}
          </Text>
        ))}
      </Box>
    );
  }
  return <Box ref={ref} width={width} height={height} flexShrink={0} />;
}
