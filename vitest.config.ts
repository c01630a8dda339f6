/**
 * The suite on every core: vitest's default keeps one core free (one worker on a 2-core machine),
 * but most of the slow files wait on child processes and terminals, not on their own thread.
 * Files keep their own process each (forks: some tests change the working folder).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    // one more file than cores: the tmux and CLI files spend most of their time waiting on a
    // terminal or a child process, and a third file fills that time
    maxWorkers: availableParallelism() + 1,
    // Two files at once on two cores: a test that spawns the CLI may wait longer for its turn
    // than vitest's default 5 s allows on a loaded machine (no test asserts a time).
    testTimeout: 30_000,
  },
});
