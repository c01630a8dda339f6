/**
 * Argument parsing: the only place that decides between the terminal UI and the headless commands.
 * main() returns the exit code: 0 ok, 1 a claim failed, 2 usage or input error.
 */
import { Command, CommanderError } from 'commander';
import { isUserError } from './commands/errors.js';
import { gradientsCommand } from './commands/gradients.js';
import { infoCommand } from './commands/info.js';
import type { Io } from './commands/io.js';
import { leaderboardCommand } from './commands/leaderboard.js';
import { listCommand } from './commands/list.js';
import { collect } from './commands/options.js';
import { runCommand } from './commands/run.js';
import { sweepCommand } from './commands/sweep.js';
import { tourCommand } from './commands/tour.js';
import { uiArgs, uiCommand } from './commands/ui.js';
import { verifyCommand } from './commands/verify.js';

export const VERSION = '0.1.0';

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('neural-eras')
    .description('Replay the history of neural networks, from McCulloch-Pitts (1943) to dropout (2012).')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(`neural-eras: ${text.replace(/^error: /, '')}`) })
    .showSuggestionAfterError(true)
    .addHelpText('after', '\nWith no command on a terminal: the interactive UI (--color <auto|none|16|256|truecolor>, --profile);\notherwise the printed tour.');

  program
    .command('list')
    .description('list the models and the scenarios')
    .option('--json', 'one JSON document on stdout')
    .action((opts) => void (code = listCommand(opts, io)));

  program
    .command('run')
    .description('train the models of a scenario and report each outcome and claim')
    .argument('<scenario>', 'a scenario id (see list) or a path to a scenario .json file')
    .option('-m, --model <id>', 'only this model or run id (repeatable)', collect)
    .option('-s, --seed <n>', 'seed for data, initial weights and order (default: the scenario\'s)')
    .option('-e, --epochs <n>', 'epoch budget (default: the scenario\'s)')
    .option('-p, --param <key=value>', 'override a parameter: key=value for every run, run.key=value for one (repeatable)', collect)
    .option('--trace', 'write out every single update (pattern, net input, output, the rule with its numbers)')
    .option('--json', 'one JSON document on stdout')
    .option('--no-record', 'a challenge (digits-challenge): do not keep the results in the leaderboard')
    .action((ref: string, opts) => void (code = runCommand(ref, opts, io)));

  program
    .command('leaderboard')
    .description('the best result per model of the challenges you ran (digits-challenge), from the local results file')
    .argument('[scenario]', 'only this challenge')
    .option('--json', 'one JSON document on stdout')
    .action((ref: string | undefined, opts) => void (code = leaderboardCommand(ref, opts, io)));

  program
    .command('verify')
    .description('check every claim of every (or the named) scenario; exit 1 if any fails')
    .argument('[scenario...]', 'scenario ids or paths (default: all shipped scenarios)')
    .option('--json', 'one JSON document on stdout')
    .action((refs: string[], opts) => void (code = verifyCommand(refs, opts, io)));

  program
    .command('gradients')
    .description('per-layer gradient norms of a deep, narrow net, one column per hidden activation')
    .option('--depth <n>', 'hidden layers', '10')
    .option('--width <n>', 'units per hidden layer', '16')
    .option('--activations <list>', 'comma-separated hidden activations', 'sigmoid,relu')
    .option('--init <name>', 'auto (Glorot for sigmoid/tanh, He for ReLU), uniform, standard, glorot-uniform, glorot-normal, he', 'auto')
    .option('--epochs <n>', 'also train this many epochs and show the norms again', '0')
    .option('--learning-rate <eta>', 'SGD step size for --epochs', '0.1')
    .option('--data <kind>', 'the 2D task: blobs, xor, circles, spirals, moons', 'circles')
    .option('-s, --seed <n>', 'seed for data and initial weights', '1')
    .option('--json', 'one JSON document on stdout')
    .action((opts) => void (code = gradientsCommand(opts, io)));

  program
    .command('sweep')
    .description('run one model of a scenario over many seeds: solved share and epochs-to-solve quartiles')
    .argument('<scenario>', 'a scenario id or path')
    .option('-m, --model <id>', 'the run (or model) id inside the scenario')
    .option('--seeds <n>', 'number of seeds', '100')
    .option('--first <s>', 'first seed', '1')
    .option('--workers <k>', 'worker threads (default: one per core)')
    .option('-e, --epochs <n>', 'epoch budget per seed (default: the scenario\'s)')
    .option('-p, --param <key=value>', 'override a parameter (repeatable)', collect)
    .option('--json', 'one JSON document on stdout')
    .action(async (ref: string, opts) => void (code = await sweepCommand(ref, opts, io)));

  program
    .command('info')
    .description("a model's history card and parameters, or a scenario's story")
    .argument('<id>', 'a model id or a scenario id')
    .action((id: string) => void (code = infoCommand(id, io)));

  program
    .command('lab')
    .description('open the terminal UI on one scenario (a static report when not on a terminal)')
    .argument('<scenario>', 'a scenario id (see list) or a path to a scenario .json file')
    .option('-m, --model <id>', 'the run or model to show first')
    .option('-s, --seed <n>', "seed for data, initial weights and order (default: the scenario's)")
    .option('--color <mode>', 'auto, none, 16, 256 or truecolor (default: auto; NO_COLOR is honoured)')
    .option('--profile', 'print measured frame times to stderr on exit')
    .action(async (ref: string, opts) => void (code = await uiCommand({ ...opts, scenario: ref }, io)));

  program
    .command('tour')
    .description('the classroom tour, printed (what runs with no command when not on a terminal)')
    .action(() => void (code = tourCommand(io)));

  try {
    // No command (or only --color/--profile): the terminal UI, or the printed tour off a terminal.
    const ui = uiArgs(argv);
    if (ui) return await uiCommand(ui, io);
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isUserError(e)) {
      io.err(`neural-eras: ${e.message}\n`);
      return 2;
    }
    io.err(`neural-eras: internal error: ${(e as Error).message ?? String(e)}\n`);
    if (process.env['NEURAL_ERAS_DEBUG']) io.err(`${(e as Error).stack}\n`);
    return 1;
  }
}
