/**
 * Frame timing for --profile: building the frame from the session (views, fields, panels), React's
 * render-to-commit, Ink's own layout-to-string (the tree draws nothing itself), the screen writer's diff, and the training done in ticks while playing.
 * Printed on exit.
 */

const stats = (xs: readonly number[]): string => {
  if (xs.length === 0) return 'no frames';
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): string => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1);
  return `${xs.length} frames, median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${s.at(-1)!.toFixed(1)} ms`;
};

export class FrameProfiler {
  private build: number[] = [];
  private paint: number[] = [];
  private react: number[] = [];
  private ink: number[] = [];
  private renderStart = 0;
  private firstFrame = 0;
  private trainMs = 0;
  private ticks = 0;
  constructor(private readonly started: number) {}

  /** Called at the top of the root render: a render that never commits is replaced by the next one. */
  renderBegins(now: number): void {
    this.renderStart = now;
  }
  /** Called after React committed. */
  committed(now: number): void {
    if (this.renderStart > 0) this.react.push(now - this.renderStart);
    this.renderStart = 0;
  }
  /** Ink's onRender metrics. */
  inkRendered(ms: number): void {
    this.ink.push(ms);
  }
  /** Time to build one frame from the session (views, decision fields, panels). */
  built(ms: number): void {
    this.build.push(ms);
  }
  /** Time to diff one frame against the screen and make the bytes of its changed rows; the first is the first frame. */
  painted(ms: number, now: number): void {
    this.paint.push(ms);
    if (this.firstFrame === 0) this.firstFrame = now - this.started;
  }
  /** Time of one play tick (training). */
  trained(ms: number): void {
    this.trainMs += ms;
    this.ticks++;
  }

  report(): string {
    const lines = [
      'neural-eras --profile',
      `  first frame      ${this.firstFrame.toFixed(0)} ms after start`,
      `  frame build      ${stats(this.build)}`,
      `  paint (rows)     ${stats(this.paint)}`,
      `  React render     ${stats(this.react)}  (only when the size or the screen's shape changes)`,
      `  Ink output       ${stats(this.ink)}`,
    ];
    if (this.ticks > 0) lines.push(`  training         ${this.ticks} ticks, ${this.trainMs.toFixed(0)} ms in all (${(this.trainMs / this.ticks).toFixed(1)} ms a tick)`);
    return `${lines.join('\n')}\n`;
  }
}

/** The profiler of this process, when --profile is on. */
export let profiler: FrameProfiler | null = null;
export const enableProfiler = (started: number): FrameProfiler => (profiler = new FrameProfiler(started));
