#!/usr/bin/env node
// `--version` alone is answered from package.json without loading the bundle: the quickest
// command starts as fast as Node itself (issue 20). Everything else runs dist/cli.js.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await import('../dist/cli.js');
}
