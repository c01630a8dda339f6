/**
 * Plays a Trainer in time slices that never block input: each slice trains for a few
 * milliseconds, then yields to the event loop; the screen re-renders at most ~30 times a second.
 * Playing stops by itself at the telling moment: when a run reaches its outcome (in a
 * comparison, when the first of the two does; space plays on).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { RunSpec } from '../../core/runner.js';
import { profiler } from '../profile.js';
import { Trainer } from '../trainer.js';

/** Epochs per second; the last one means "as fast as possible". */
export const SPEEDS = [1, 2, 5, 10, 25, 100, 1000, Infinity] as const;
export const DEFAULT_SPEED = 3;
const FRAME_MS = 33;
/** Training time per slice: the rest of the frame is for input and rendering. */
const SLICE_MS = 22;

export const speedLabel = (i: number): string => {
  const s = SPEEDS[i] ?? 1;
  return s === Infinity ? 'max' : `${s}/s`;
};

export interface TrainerControls {
  readonly trainer: Trainer;
  /** Changes whenever the trainer did: memoise views on it. */
  readonly version: number;
  readonly playing: boolean;
  readonly speed: number;
  toggle(): void;
  pause(): void;
  epoch(): void;
  pattern(): void;
  faster(): void;
  slower(): void;
}

export function useTrainer(specs: readonly RunSpec[], opts: { autoplay?: boolean; speed?: number } = {}): TrainerControls {
  const trainer = useMemo(() => new Trainer(specs), [specs]);
  // Re-renders the screen; the trainer's own version is what views memoise on.
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const [playing, setPlaying] = useState(Boolean(opts.autoplay));
  const [speed, setSpeed] = useState(opts.speed ?? DEFAULT_SPEED);
  const lastPaint = useRef(0);

  useEffect(() => setPlaying(Boolean(opts.autoplay)), [trainer, opts.autoplay]);

  useEffect(() => {
    profiler?.playing(playing, performance.now());
    if (!playing) return;
    if (trainer.done) {
      setPlaying(false);
      return;
    }
    const eps = SPEEDS[speed] ?? 1;
    const slow = eps <= 1000 / FRAME_MS;
    let timer: NodeJS.Timeout | undefined;
    let carry = 0;
    let last = performance.now();
    // The telling moment: a run reaching its outcome (in a comparison, the first of the two).
    const ended = trainer.ended;
    const tick = (): void => {
      const now = performance.now();
      // Fast speeds: as many epochs as the rate allows, within the slice budget.
      carry = Math.min(carry + ((now - last) / 1000) * eps, eps === Infinity ? Infinity : Math.max(1, eps / 10));
      last = now;
      const n = slow ? (trainer.epoch(), 1) : trainer.slice(Math.max(1, Math.floor(carry)), SLICE_MS);
      profiler?.trained(n, performance.now() - now);
      carry = Math.max(0, carry - n);
      if (trainer.ended > ended) {
        setPlaying(false);
        bump();
        return;
      }
      if (slow || now - lastPaint.current >= FRAME_MS) {
        lastPaint.current = now;
        bump();
      }
      timer = setTimeout(tick, slow ? 1000 / eps : 1);
    };
    timer = setTimeout(tick, slow ? 1000 / eps : 0);
    return () => {
      clearTimeout(timer);
      profiler?.playing(false, performance.now());
    };
  }, [playing, speed, trainer]);

  const act = useCallback(
    (f: () => void) => () => {
      f();
      bump();
    },
    [],
  );
  return {
    trainer,
    version: trainer.version,
    playing,
    speed,
    toggle: () => setPlaying((p) => !p && !trainer.done),
    pause: () => setPlaying(false),
    epoch: act(() => trainer.epoch()),
    pattern: act(() => trainer.pattern()),
    faster: () => setSpeed((s) => Math.min(SPEEDS.length - 1, s + 1)),
    slower: () => setSpeed((s) => Math.max(0, s - 1)),
  };
}
