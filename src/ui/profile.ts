/**
 * Frame timing for --profile: React's render-to-commit time (which includes the heatmap), Ink's
 * own layout-to-string time, and the training done in slices while playing. Printed on exit.
 */

export class FrameProfiler {
  private react: number[] = [];
  private ink: number[] = [];
  private renderStart = 0;
  private firstFrame = 0;
  private trainMs = 0;
  private epochs = 0;
  private playingSince = 0;
  private playingMs = 0;
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
  inkRendered(ms: number, now: number): void {
    this.ink.push(ms);
    if (this.firstFrame === 0) this.firstFrame = now - this.started;
  }
  trained(epochs: number, ms: number): void {
    this.epochs += epochs;
    this.trainMs += ms;
  }
  playing(on: boolean, now: number): void {
    if (on && this.playingSince === 0) this.playingSince = now;
    if (!on && this.playingSince > 0) ((this.playingMs += now - this.playingSince), (this.playingSince = 0));
  }

  report(now: number): string {
    this.playing(false, now);
    const stats = (xs: number[]): string => {
      if (xs.length === 0) return 'no frames';
      const s = [...xs].sort((a, b) => a - b);
      const q = (p: number): string => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1);
      return `${xs.length} frames, median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${s.at(-1)!.toFixed(1)} ms`;
    };
    const lines = [
      'neural-eras --profile',
      `  first frame      ${this.firstFrame.toFixed(0)} ms after start`,
      `  React render     ${stats(this.react)}`,
      `  Ink output       ${stats(this.ink)}`,
    ];
    if (this.epochs > 0) {
      const rate = this.trainMs > 0 ? (this.epochs / this.trainMs) * 1000 : 0;
      const share = this.playingMs > 0 ? (this.trainMs / this.playingMs) * 100 : 0;
      lines.push(`  training         ${this.epochs} epochs in ${this.trainMs.toFixed(0)} ms of slices (${rate.toFixed(0)} epochs/s in slices; ${share.toFixed(0)}% of playing time)`);
    }
    return `${lines.join('\n')}\n`;
  }
}

/** The profiler of this process, when --profile is on. */
export let profiler: FrameProfiler | null = null;
export const enableProfiler = (started: number): FrameProfiler => (profiler = new FrameProfiler(started));
