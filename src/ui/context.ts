/** What every screen may read: the colour depth and the frame profiler (when --profile is on). */
import { createContext, useContext } from 'react';
import type { ColorDepth } from './color.js';

export interface UiEnv {
  readonly depth: ColorDepth;
}

export const UiContext = createContext<UiEnv>({ depth: 'none' });
export const useUi = (): UiEnv => useContext(UiContext);
