/**
 * What the layout of a lab frame needs to know before it sizes anything: per run, the kind of data
 * and how much of it there is to show; for the frame, how many claims and which panels are on.
 * The parts of a run's shape that never change while it trains are computed once per run.
 */
import { cellsOf, type Tr } from '../i18n/index.js';
import type { Lane } from './lane.js';
import { dataKindOf } from './views.js';
import { onPlane } from './field.js';
import { netSizes, type NetMode } from './network-view.js';

/** What the layout needs to know before it sizes anything. */
export interface LaneShape {
  readonly dataKind: ReturnType<typeof dataKindOf>;
  readonly features: number;
  readonly patterns: number;
  readonly layers: number;
  readonly hiddenUnits: number;
  readonly describeLines: number;
  readonly weightLines: number;
  readonly single: boolean;
  /** The model learns (hand-wired units have no curves to draw). */
  readonly learns: boolean;
  /** Single updates were stepped (the weight trace has something to show). */
  readonly trace: boolean;
  /** Characters of the verdict and its reason (0 while undecided): the rows it needs. */
  readonly verdictChars: number;
  /** Epochs trained: with none there is no curve to draw yet. */
  readonly epochs: number;
  /** Image data (digits): the image size, the classes, and whether the model has filters to draw. */
  readonly image: { readonly width: number; readonly height: number; readonly classes: number; readonly filters: number } | null;
  /** Sequence data through a recurrent net: the rows its strips take (inputs, then every unit of every state). */
  readonly sequence: { readonly rows: number } | null;
  /** A layered net on plane data: its units per layer, inputs first (the network view can draw it); else null. */
  readonly network: readonly number[] | null;
}

/** The rows of a recurrent run's sequence strips, from one trace of its first sequence (null for other models). */
function sequenceShape(l: Lane): LaneShape['sequence'] {
  const model = l.run?.model;
  const data = l.spec.data;
  if (!model?.sequence || !data.sequence || data.inputs.length === 0) return null;
  const trace = model.sequence(data.inputs[0]!, data.targets[0]!);
  return { rows: (trace.inputs[0]?.length ?? 0) + trace.strips.reduce((n, s) => n + (s.values[0]?.length ?? 0), 0) };
}

/** The shape of a whole lab frame: its runs, how many claims, which panels are on. */
export interface LabShape {
  readonly lanes: readonly LaneShape[];
  /** Claims about the runs on screen (the others are folded into one line), plus the scenario's receipts. */
  readonly claims: number;
  readonly gradients: boolean;
  /** Shown inside the tour (a narrative above). */
  readonly tour: boolean;
  /** Lines of a challenge's leaderboard (0 elsewhere). */
  readonly board: number;
  /** The network view (issue 25): on, off, or shown where there is room; and whether a unit is opened. */
  readonly network?: { readonly mode: NetMode; readonly open: boolean };
}

/** The facts about a run that never change while it trains: computed once, when the lab builds the lane, so layout never calls a model. */
export type LaneFacts = Omit<LaneShape, 'trace' | 'verdictChars' | 'epochs'>;

/** The facts about a run (the lab calls this once, as it builds the lane; the model is asked here and only here). */
export function laneFacts(l: Lane): LaneFacts {
  return Object.freeze(((): LaneFacts => {
    const data = l.spec.data;
    // Each hidden unit gets a small map of its own when there are at most 8 of them in all.
    const layers = l.run?.model.hidden ? l.run.model.hidden(data.inputs[0] ?? []) : [];
    const hidden = layers.reduce((s, a) => s + a.length, 0);
    const g = l.run?.latest.extra?.['gradNorm'];
    const w = l.run?.model.snapshot();
    return {
      dataKind: dataKindOf(data),
      features: data.featureNames.length,
      patterns: data.inputs.length,
      layers: Array.isArray(g) ? g.length : w?.kind === 'layers' || w?.kind === 'units' ? w.layers.length : 0,
      hiddenUnits: onPlane(data) && hidden <= 8 ? (layers[0]?.length ?? 0) : 0,
      describeLines: l.run?.model.describe?.().length ?? 0,
      weightLines: w?.kind === 'vector' ? 1 : w?.kind === 'layers' || w?.kind === 'units' ? w.layers.length : 0,
      single: w?.kind === 'vector',
      learns: l.spec.plugin.meta.learns,
      image: data.image ? { ...data.image, classes: data.classes, filters: l.run?.model.filters?.()?.filters.length ?? 0 } : null,
      sequence: sequenceShape(l),
      network: l.run ? netSizes(l.run.model, data) : null,
    };
  })());
}

/** A run's shape now: its facts, whether it has a trace, its epochs, and the rows its verdict needs (no model call). */
export function laneShape(l: Lane, fixed: LaneFacts, tr: Tr): LaneShape {
  const status = l.run?.status;
  const verdictChars = status?.outcome ? cellsOf(tr.reason(status.cause, status.reason)) + 40 : l.error ? cellsOf(l.error) : 0;
  return { ...fixed, trace: l.trace.length > 0 || l.wholeEpoch !== null, epochs: l.run?.epoch ?? 0, verdictChars };
}
