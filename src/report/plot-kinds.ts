/** The figures `run --plot` draws (report/plot.ts, imported only when one is asked for). */
export type PlotKind = 'loss' | 'map' | 'gradients';
export const PLOT_KINDS: readonly PlotKind[] = ['loss', 'map', 'gradients'];
