/**
 * How the CLI starts the terminal UI: `neural-eras` with no command (or only --color/--profile)
 * and `neural-eras lab <scenario>`. On a terminal the UI is imported lazily, so headless commands
 * never load Ink; without one (piped, CI) a static text report is printed instead.
 */
import { COLOR_CHOICES, resolveDepth, type ColorChoice } from '../ui/color.js';
import { getModel } from '../models/index.js';
import { executeScenario } from '../scenarios/execute.js';
import { loadScenario } from '../scenarios/loader.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { parseSeed } from './options.js';
import { renderRunText } from './run.js';
import { tourCommand } from './tour.js';

export interface UiCommandOptions {
  readonly color?: string;
  readonly profile?: boolean;
  /** Open this scenario's lab instead of the timeline. */
  readonly scenario?: string;
  readonly model?: string;
  readonly seed?: string;
}

/** The UI options when argv holds nothing but UI flags (--color <mode>, --profile); else null. */
export function uiArgs(argv: readonly string[]): UiCommandOptions | null {
  const opts: { color?: string; profile?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--profile') opts.profile = true;
    else if (a === '--color' && i + 1 < argv.length) opts.color = argv[++i]!;
    else if (a.startsWith('--color=')) opts.color = a.slice('--color='.length);
    else return null;
  }
  return opts;
}

/** A terminal the UI can draw on: both ends a TTY, and not TERM=dumb (no cursor movement, no alternate screen). */
const isTerminal = (): boolean => Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env['TERM'] !== 'dumb';

export async function uiCommand(opts: UiCommandOptions, io: Io, started = 0): Promise<number> {
  if (opts.color !== undefined && !(COLOR_CHOICES as readonly string[]).includes(opts.color)) {
    throw new UsageError(`--color must be one of ${COLOR_CHOICES.join(', ')}, got "${opts.color}"`);
  }
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const scenario = opts.scenario ? loadScenario(opts.scenario) : undefined;
  const ownRun = Boolean(scenario && opts.model && scenario.runs.some((r) => r.id === opts.model || r.plugin.meta.id === opts.model));
  // The lab also offers registry models on the scenario's data: any known model id will do.
  if (opts.model && !ownRun) getModel(opts.model);
  if (!isTerminal()) {
    // No terminal to draw on: a static report, and success.
    if (!scenario) return tourCommand(io);
    io.out(renderRunText(executeScenario(scenario, { ...(seed !== undefined ? { seed } : {}), ...(ownRun ? { only: [opts.model!] } : {}) }), scenario.title));
    return 0;
  }
  const depth = resolveDepth(opts.color as ColorChoice | undefined, process.env, true);
  // React's development build is several times slower per frame; the UI is not a dev server.
  process.env['NODE_ENV'] ??= 'production';
  const { startUi } = await import('../ui/main.js');
  return startUi({
    depth,
    started,
    ...(opts.profile ? { profile: true } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(scenario ? { initial: { kind: 'lab' as const, scenario: opts.scenario!, ...(opts.model ? { run: opts.model } : {}) } } : {}),
  });
}
