/**
 * Data augmentation for image rows (AlexNet's simplest trick, Krizhevsky et al. 2012): every
 * epoch, each training image is translated by a fresh random shift of up to `max` pixels in x and
 * y, drawn from the run's Rng; pixels shifted in from outside take the background value.
 */
import type { Rng } from '../core/rng.js';

/** Writes n images of width × height from X into out, each shifted by (dx, dy) ∈ [−max, max]². */
export function shiftImages(X: Float64Array, out: Float64Array, n: number, width: number, height: number, max: number, background: number, rng: Rng): void {
  const size = width * height;
  for (let r = 0; r < n; r++) {
    const dx = rng.int(2 * max + 1) - max;
    const dy = rng.int(2 * max + 1) - max;
    const at = r * size;
    for (let y = 0; y < height; y++) {
      const sy = y - dy;
      for (let x = 0; x < width; x++) {
        const sx = x - dx;
        out[at + y * width + x] = sx >= 0 && sx < width && sy >= 0 && sy < height ? X[at + sy * width + sx]! : background;
      }
    }
  }
}
