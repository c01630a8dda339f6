/**
 * The lab keys that can do nothing here but say so (the network view for a net it cannot draw, the
 * data keys on data that is not a generated 2-D set, points on data that takes none, η for runs
 * whose model has no live learning rate): the footer leaves their hints out, so no hint offers what
 * the screen cannot do. Each rule is the one the key's own handler applies (lab.ts).
 */
import type { Run } from '../core/runner.js';
import type { Dataset } from '../core/types.js';
import { refusesPoints } from '../data/added-points.js';
import type { Scenario } from '../scenarios/loader.js';
import { dataEditable } from '../scenarios/data-edit.js';
import type { LabAction } from './keymaps.js';
import type { LaneShape } from './lab-shape.js';
import { canChange } from './live.js';

export interface KeysOffInput {
  readonly scenario: Scenario | null;
  /** The layout facts of the runs on screen (which of them the network view `v` can draw). */
  readonly shapes: readonly LaneShape[];
  /** The data of the run on screen, and of each of the scenario's own runs (a point goes to all). */
  readonly data: Dataset | null;
  readonly ownData: readonly Dataset[];
  /** The runs on screen. */
  readonly lanes: readonly { readonly run: Run | null; readonly error: string | null }[];
  /** Points added by hand so far. */
  readonly added: number;
}

const DATA_KEYS: readonly LabAction[] = ['noiseUp', 'noiseDown', 'testUp', 'testDown', 'newData', 'features'];

/**
 * Why points by hand cannot be added (null: they can): the data on screen, or any of the
 * scenario's own runs' data (prepareRuns appends a point to each), takes none.
 */
export function pointsRefused(data: Dataset | null, ownData: readonly Dataset[]): ReturnType<typeof refusesPoints> | 'not-plane' {
  return data ? (refusesPoints(data) ?? ownData.map(refusesPoints).find((w) => w !== null) ?? null) : 'not-plane';
}

/** The actions whose key would only say it is not available here. */
export function keysOff(i: KeysOffInput): ReadonlySet<LabAction> {
  const off = new Set<LabAction>();
  if (!i.shapes.some((s) => s.network)) off.add('network');
  if (!(i.scenario && dataEditable(i.scenario))) for (const a of DATA_KEYS) off.add(a);
  if (pointsRefused(i.data, i.ownData) !== null) off.add('cursor').add('pointClass').add('removePoint');
  if (i.added === 0) off.add('removePoint');
  if (!i.lanes.some((l) => !l.error && canChange(l.run, 'learningRate'))) off.add('etaUp').add('etaDown');
  return off;
}
