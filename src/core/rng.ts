/**
 * The only source of randomness in neural-eras: a local seedrandom instance per run.
 * Nothing patches or seeds the global generator; every consumer receives an Rng.
 */
import seedrandom from 'seedrandom';

export interface Rng {
  /** The seed (or derived label) this generator was built from. */
  readonly seed: string;
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform in [a, b). */
  range(a: number, b: number): number;
  /** Gaussian by Box-Muller (the cached second value is kept, so calls stay reproducible). */
  normal(mean?: number, sd?: number): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
  /** Fisher-Yates shuffle, in place; returns the array. */
  shuffle<T>(items: T[]): T[];
  /** Fisher-Yates shuffle of a typed index array, in place. */
  shuffleIndices(items: Uint32Array | Int32Array): void;
}

export function createRng(seed: number | string): Rng {
  const label = String(seed);
  const prng = seedrandom(label);
  let spare: number | null = null;
  const rng: Rng = {
    seed: label,
    uniform: () => prng(),
    range: (a, b) => a + (b - a) * prng(),
    normal(mean = 0, sd = 1) {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + sd * z;
      }
      let u = 0;
      while (u === 0) u = prng();
      const v = prng();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(prng() * n),
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(prng() * (i + 1));
        const tmp = items[i] as T;
        items[i] = items[j] as T;
        items[j] = tmp;
      }
      return items;
    },
    shuffleIndices(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(prng() * (i + 1));
        const tmp = items[i]!;
        items[i] = items[j]!;
        items[j] = tmp;
      }
    },
  };
  return rng;
}

/** A generator for one named purpose of one run: data and each model draw from their own stream. */
export function deriveRng(seed: number | string, purpose: string): Rng {
  return createRng(`${seed}/${purpose}`);
}
