/** The executable: wires main() to the process streams and exit code. */
import { main } from './cli-main.js';

/** Set when stdout refused a write (a full disk, /dev/full): the run then fails, whatever main says. */
let outputFailed = false;

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // A closed pipe (e.g. `neural-eras list | head -1`) ends the program quietly.
  if (e.code === 'EPIPE') process.exit(0);
  if (outputFailed) return;
  outputFailed = true;
  process.exitCode = 1;
  process.stderr.write(`neural-eras: cannot write the output (${e.code ?? e.message})\n`);
});
// Nothing can be said when stderr itself fails; the exit code still tells.
process.stderr.on('error', () => {});

const io = {
  out: (t: string) => void (outputFailed || process.stdout.write(t)),
  err: (t: string) => void process.stderr.write(t),
  progress: Boolean(process.stderr.isTTY),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = outputFailed && code === 0 ? 1 : code;
  },
  (e: unknown) => {
    process.stderr.write(`neural-eras: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
