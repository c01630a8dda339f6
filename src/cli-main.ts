/**
 * Argument parsing: the only place that decides between the terminal UI and the headless commands.
 * main() returns the exit code: 0 ok, 1 a claim failed, 2 usage or input error.
 */
import { Command, CommanderError } from 'commander';
import { checkCommand } from './commands/check.js';
import { checkPluginCommand } from './commands/check-plugin.js';
import { registerAssignments } from './commands/assignments.js';
import { compareCommand } from './commands/compare.js';
import { clip } from './core/params.js';
import { isUserError, UsageError } from './commands/errors.js';
import { gradientsCommand } from './commands/gradients.js';
import { infoCommand } from './commands/info.js';
import type { Io } from './commands/io.js';
import { leaderboardCommand } from './commands/leaderboard.js';
import { listCommand } from './commands/list.js';
import { newCommand } from './commands/new.js';
import { LANG_HELP, PLUGIN_HELP, collect, displayOptions, sourceOptions } from './commands/options.js';
import { closePluginFiles, loadPlugins } from './commands/plugins.js';
import { runCommand } from './commands/run.js';
import { sweepCommand } from './commands/sweep.js';
import { uiArgs, uiCommand } from './commands/ui.js';
import { verifyCommand } from './commands/verify.js';
import { clearUserPlugins } from './models/user-plugins.js';

export const VERSION = '0.1.0';

/** Every message is one line (documented): line breaks become spaces, and it stays under ~500 characters. */
const oneLine = (text: string): string => clip(text.trim().replace(/\s*\n\s*/g, ' '), 500);

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('neural-eras')
    .description('Replay the history of neural networks, from McCulloch-Pitts (1943) to dropout (2012).')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(`neural-eras: ${oneLine(text.replace(/^error: /, ''))}\n`) })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nWith no command on a terminal: the interactive UI (--color <auto|none|16|256|truecolor>, --profile, --no-mouse,\n--data <file.csv> [--label <column>], --share <string>, --plugin <file.js>, --lang <en|ko>); otherwise\nthe printed tour (or, with --data or --share, the run report).',
    )
    // Plugins load before the command runs, and only the files named on this command line.
    .hook('preAction', async (_program, action) => {
      await loadPlugins((action.opts() as { plugin?: string[] }).plugin ?? []);
    });

  program
    .command('list')
    .description('list the models and the scenarios')
    .option('--json', 'one JSON document on stdout')
    .option('--plugin <file>', PLUGIN_HELP, collect)
    .action((opts) => void (code = listCommand(opts, io)));

  program
    .command('run')
    .description('train the models of a scenario and report each outcome and claim')
    .argument('[scenario]', 'a scenario id (see list) or a path to a scenario .json file')
    .option('-m, --model <id>', 'only this model or run id (repeatable); with --data, the models to train', collect)
    .option('-s, --seed <n>', 'seed for data, initial weights and order (default: the scenario\'s)')
    .option('-e, --epochs <n>', 'epoch budget (default: the scenario\'s)')
    .option('-p, --param <key=value>', 'override a parameter: key=value for every run, run.key=value for one (repeatable)', collect)
    .option('--data <file.csv>', 'train on your CSV (numeric features, a label column) instead of a scenario')
    .option('--label <column>', 'with --data: the label column, by name or number from 1 (default: the last)')
    .option('--header <yes|no>', 'with --data: whether line 1 is a header (needed when the file leaves it ambiguous)')
    .option('--share <string>', 'make the run a share string describes (its scenario, seed and parameters)')
    .option('--out <file>', 'also write the run: .json (scenario, seed, parameters, history, weights) or .csv (per-epoch history)')
    .option('--plot <file.svg>', 'also draw a figure as SVG (repeatable): loss.svg (the loss curves), map.svg (the decision map), gradients.svg (per-layer gradient norms), or kind=file.svg', collect)
    .option('--plugin <file>', PLUGIN_HELP, collect)
    .option('--full-budget', 'train every run\'s whole epoch budget, past its target (curves over a fixed budget)')
    .option('--split-seed <n>', 'seed of the data alone (test split, generated points); --seed then seeds only the weights and order')
    .option('--test <file.csv>', 'with --data: a test set of its own (same columns; classes by name), instead of holding out 20 %')
    .option('--stratify', 'with --data: hold out 20 % of each class, not of all rows')
    .option('--split-column <name>', 'with --data: the column whose cells say train or test (the split as your file gives it)')
    .option('--trace', 'write out every single update (pattern, net input, output, the rule with its numbers)')
    .option('--json', 'one JSON document on stdout')
    .option('--no-record', 'a challenge (digits-challenge): do not keep the results in the leaderboard')
    .action(async (ref: string | undefined, opts) => void (code = await runCommand(ref, opts, io)));

  program
    .command('compare')
    .description('two runs on the same data from the same seed (runs of the scenario, or any model tried on its data): both histories and verdicts')
    .usage('<scenario> <a> <b> [options]  |  --data <file.csv> <a> <b> [options]')
    .argument('<names...>', 'a scenario id or path (none with --data), then two run or model ids (any model: tried on the scenario\'s data with its defaults)')
    .option('-s, --seed <n>', 'seed for data, initial weights and order, the same for both (default: the scenario\'s)')
    .option('-e, --epochs <n>', 'epoch budget for both (default: each run\'s)')
    .option('-p, --param <key=value>', 'override a parameter: key=value for both, run.key=value for one (repeatable)', collect)
    .option('--data <file.csv>', 'compare on your CSV instead of a scenario')
    .option('--label <column>', 'with --data: the label column, by name or number from 1 (default: the last)')
    .option('--full-budget', 'train both runs\' whole epoch budget, past their targets')
    .option('--split-seed <n>', 'seed of the data alone (test split, generated points); --seed then seeds only the weights and order')
    .option('--test <file.csv>', 'with --data: a test set of its own')
    .option('--stratify', 'with --data: hold out 20 % of each class')
    .option('--split-column <name>', 'with --data: the column whose cells say train or test')
    .option('--out <file>', 'also write both runs: .json (replay opens it) or .csv (per-epoch history)')
    .option('--plugin <file>', PLUGIN_HELP, collect)
    .option('--json', 'one JSON document on stdout (the run --json document with the two runs)')
    .action((names: string[], opts) => void (code = compareCommand(names, opts, io)));

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
    .option('--plugin <file>', PLUGIN_HELP, collect)
    .option('--receipts', 'the receipts table: each published figure beside ours, with the verdict (exit 1 if a "matches" receipt drifted)')
    .option('--json', 'one JSON document on stdout')
    .action(async (refs: string[], opts) => void (code = await verifyCommand(refs, opts, io)));

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
    .description('run a model of a scenario over many seeds: solved share, epochs-to-solve quartiles, final loss mean ± sd (per grid cell with --grid)')
    .argument('<scenario>', 'a scenario id or path')
    .option('-m, --model <id>', 'the run (or model) id inside the scenario; repeatable, each swept on its own; any model id is tried on the scenario\'s data', collect)
    .option('--seeds <n>', 'number of seeds', '100')
    .option('--first <s>', 'first seed (default 1, or the run\'s own pinned seed, which the sweep then varies while the data keeps the scenario\'s)')
    .option('--grid <key=values...>', 'a grid of parameters, one row per combination: --grid learningRate=0.1,0.5 hidden=2,4 (a list value in brackets: hidden=[2,2],[4])')
    .option('--histories', 'with --json: every seed\'s per-epoch loss and accuracy')
    .option('--workers <k>', 'worker threads, at most one per core (default: one per core)')
    .option('-e, --epochs <n>', 'epoch budget per seed (default: the scenario\'s)')
    .option('-p, --param <key=value>', 'override a parameter (repeatable)', collect)
    .option('--plugin <file>', PLUGIN_HELP, collect)
    .option('--json', 'one JSON document on stdout')
    .action(async (ref: string, opts) => void (code = await sweepCommand(ref, opts, io)));

  program
    .command('info')
    .description("a model's history card and parameters, a scenario's story, or an activation and its derivative")
    .argument('<id>', 'a model id, a scenario id, or an activation (sigmoid, tanh, relu, …)')
    .option('--plugin <file>', PLUGIN_HELP, collect)
    .action((id: string) => void (code = infoCommand(id, io)));

  const lab = program
    .command('lab')
    .description('open the terminal UI on one scenario (a static report when not on a terminal)')
    .argument('[scenario]', 'a scenario id (see list) or a path to a scenario .json file')
    .option('-m, --model <id>', 'the run or model to show first')
    .option('-s, --seed <n>', "seed for data, initial weights and order (default: the scenario's)");
  displayOptions(sourceOptions(lab))
    .action(async (ref: string | undefined, opts) => {
      if (ref === undefined && opts.data === undefined && opts.share === undefined) throw new UsageError('lab needs a scenario, --data <file.csv> or --share <string>');
      code = await uiCommand({ ...opts, ...(ref !== undefined ? { scenario: ref } : {}) }, io);
    });

  program
    .command('new')
    .description('write a starting scenario file <id>.json that validates, with $schema and comments')
    .argument('<id>', 'the scenario id (lower-case letters, digits and dashes)')
    .option('--dir <folder>', 'where to write it (default: the current folder; with --data, the CSV\'s folder)')
    .option('--from <scenario>', 'copy this scenario (a shipped id or a file) to edit, instead of the two-moons template')
    .option('--data <file.csv>', 'start from your CSV: its data, the default models, no claims yet')
    .option('--label <column>', 'with --data: the label column, by name or number from 1 (default: the last)')
    .option('--plugin <file>', PLUGIN_HELP, collect)
    .action((id: string, opts) => void (code = newCommand(id, opts, io)));

  program
    .command('check')
    .description('validate scenario files without training, and list their claims')
    .argument('<file...>', 'scenario files (or ids)')
    .option('--plugin <file>', PLUGIN_HELP, collect)
    .option('--json', 'one JSON document on stdout')
    .action((files: string[], opts) => void (code = checkCommand(files, opts, io)));

  program
    .command('check-plugin')
    .description('run the plugin contract checks every built-in model passes on your plugin file(s)')
    .argument('<file...>', 'JavaScript modules whose default export is a plugin { meta, create } (or a list)')
    .option('--json', 'one JSON document on stdout')
    .action(async (files: string[], opts) => void (code = await checkPluginCommand(files, opts, io)));

  displayOptions(
    program
      .command('replay')
      .description('open an exported run (e in the lab, run --out x.json): ←/→ scrub its epochs; off a terminal, its report')
      .argument('<file>', 'the .json file of an exported run')
      .option('--plugin <file>', `${PLUGIN_HELP}: the plugins its runs used`, collect),
  )
    .action(async (file: string, opts) => void (code = await uiCommand({ ...opts, replay: file }, io)));

  displayOptions(program.command('tour').description('the classroom tour: interactive on a terminal, every stop printed otherwise'))
    .action(async (opts) => void (code = await uiCommand({ ...opts, tour: true }, io)));

  registerAssignments(program, io, (c) => void (code = c));

  try {
    // Each invocation starts from the built-in models: only its own --plugin files add to them.
    clearUserPlugins();
    closePluginFiles();
    // No command (only UI flags): the terminal UI, or the printed tour (or run report) off a terminal.
    const ui = uiArgs(argv);
    if (ui) {
      await loadPlugins(ui.plugin ?? []);
      return await uiCommand(ui, io);
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isUserError(e)) {
      io.err(`neural-eras: ${oneLine(e.message)}\n`);
      return 2;
    }
    io.err(`neural-eras: internal error: ${oneLine((e as Error).message ?? String(e))}\n`);
    if (process.env['NEURAL_ERAS_DEBUG']) io.err(`${(e as Error).stack}\n`);
    return 1;
  }
}
