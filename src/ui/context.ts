/** What every screen may read: the colour depth, and the writer that puts frames on the terminal. */
import { createContext, useContext } from 'react';
import type { ColorDepth } from './color.js';
import type { ScreenWriter } from './screen.js';

export interface UiEnv {
  readonly depth: ColorDepth;
}

export const UiContext = createContext<UiEnv>({ depth: 'none' });
export const useUi = (): UiEnv => useContext(UiContext);

/** The terminal's screen writer (src/ui/mount.tsx provides it). */
export const ScreenContext = createContext<ScreenWriter | null>(null);
export function useScreen(): ScreenWriter {
  const writer = useContext(ScreenContext);
  if (!writer) throw new Error('the UI is mounted without a screen writer (use mountUi)');
  return writer;
}
