/** Marks the start of a render and its commit for the --profile frame times (no-op otherwise). */
import { useLayoutEffect } from 'react';
import { profiler } from '../profile.js';

export function useFrameMark(): void {
  profiler?.renderBegins(performance.now());
  useLayoutEffect(() => profiler?.committed(performance.now()));
}
