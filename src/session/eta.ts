/**
 * Live η (issue 25): the lab's η keys step the learning rate along a ladder while the runs train on
 * from their current weights. Each change is a runner EtaChange (applied at an epoch's start),
 * kept per run id so that a reset, an export's share string and a replay apply it at the same place.
 */
import type { EtaChange } from '../core/runner.js';

/** The values the keys step through (TensorFlow Playground's own list of learning rates). */
export const ETA_LADDER: readonly number[] = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** The next value up (+1) or down (−1) the ladder from η (a value between rungs goes to the nearer rung that way). */
export function stepEta(eta: number, way: 1 | -1): number {
  if (way > 0) return ETA_LADDER.find((v) => v > eta * (1 + 1e-9)) ?? ETA_LADDER.at(-1)!;
  return [...ETA_LADDER].reverse().find((v) => v < eta * (1 - 1e-9)) ?? ETA_LADDER[0]!;
}

/** A schedule with one more change for `run` (a new map: the lab's schedule is replaced, never edited). */
export function withChange(schedule: ReadonlyMap<string, readonly EtaChange[]>, run: string, change: EtaChange): Map<string, readonly EtaChange[]> {
  const next = new Map(schedule);
  next.set(run, [...(schedule.get(run) ?? []), change]);
  return next;
}
