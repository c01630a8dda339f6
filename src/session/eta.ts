/**
 * Live η (issue 25): the lab's η keys step the learning rate along this ladder while the runs train
 * on from their current weights (live.ts has every other live parameter's ladder and the schedule).
 */

/** The values the keys step through (TensorFlow Playground's own list of learning rates). */
export const ETA_LADDER: readonly number[] = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** The next value up (+1) or down (−1) the ladder from η (a value between rungs goes to the nearer rung that way). */
export function stepEta(eta: number, way: 1 | -1): number {
  if (way > 0) return ETA_LADDER.find((v) => v > eta * (1 + 1e-9)) ?? ETA_LADDER.at(-1)!;
  return [...ETA_LADDER].reverse().find((v) => v < eta * (1 - 1e-9)) ?? ETA_LADDER[0]!;
}
