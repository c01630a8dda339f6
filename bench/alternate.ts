/**
 * Timing two jobs against each other in one process (bench/app-loop.ts, tests/core/speed-guard.test.ts):
 * CPU time (user + system), the two alternated in every round (a, b, a, b, …) so that a change of
 * the machine's load or clock falls on both sides rather than on one, and the best of the rounds kept.
 */

/** CPU milliseconds used by this process so far. */
export const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The best CPU milliseconds of a and of b over the rounds, timed alternately. */
export function bestAlternated(a: () => void, b: () => void, rounds: number): [number, number] {
  let ta = Infinity;
  let tb = Infinity;
  for (let r = 0; r < rounds; r++) {
    let t = cpuMs();
    a();
    ta = Math.min(ta, cpuMs() - t);
    t = cpuMs();
    b();
    tb = Math.min(tb, cpuMs() - t);
  }
  return [ta, tb];
}
