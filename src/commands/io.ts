/** Where a command writes: the real streams in the CLI, buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: only then is progress shown. */
  readonly progress: boolean;
}

export function bufferIo(): Io & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return {
    out: (t) => void (o += t),
    err: (t) => void (e += t),
    progress: false,
    stdout: () => o,
    stderr: () => e,
  };
}
