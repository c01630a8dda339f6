/**
 * How the CLI starts the terminal UI: `neural-eras` with no command (or only UI flags: --color,
 * --profile, --data, --label, --share, --plugin, --lang) and `neural-eras lab [scenario]`. On a
 * terminal the UI is imported lazily, so headless commands never load Ink; without one (piped, CI)
 * a static text report is printed instead (the tour in the UI's language, a run report in English).
 */
import { Command } from 'commander';
import type { Params } from '../core/types.js';
import type { LiveChange } from '../core/runner.js';
import { COLOR_CHOICES, resolveDepth, type ColorChoice } from '../ui/color.js';
import { getModel } from '../models/index.js';
import { executeScenario, type RunResult } from '../scenarios/execute.js';
import { scenarioFromData } from '../scenarios/from-data.js';
import { loadScenario, type Scenario } from '../scenarios/loader.js';
import { decodeShare, encodeShare, resolveShare } from '../scenarios/share.js';
import { trainChoices } from '../session/choices.js';
import { firstDifference, readRunFile, shareOfFile } from '../session/replay.js';
import { resultOfDocument } from '../report/run-file.js';
import { isLang, LANGS, langFromEnv, translator, type Lang } from '../i18n/index.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { displayOptions, parseHeader, parseLabel, parseSeed, sourceOptions } from './options.js';
import { renderRunText } from './run.js';
import { tourCommand } from './tour.js';

export interface UiCommandOptions {
  readonly color?: string;
  readonly profile?: boolean;
  /** false with --no-mouse: no mouse reporting asked of the terminal. */
  readonly mouse?: boolean;
  /** Open this scenario's lab instead of the timeline. */
  readonly scenario?: string;
  /** Start the classroom tour instead of the timeline. */
  readonly tour?: boolean;
  /** Replay this exported run (`e` in the lab, `run --out x.json`). */
  readonly replay?: string;
  readonly model?: string;
  readonly seed?: string;
  /** A CSV to open in the lab (scenarioFromData), with its label column. */
  readonly data?: string;
  readonly label?: string;
  /** --header yes|no: whether the CSV's line 1 is a header. */
  readonly header?: string;
  /** A share string: open its scenario with its seed and parameter overrides. */
  readonly share?: string;
  /** Plugin files (loaded by the CLI before this runs). */
  readonly plugin?: readonly string[];
  /** The UI's language: en or ko (default: from LC_ALL, LC_MESSAGES or LANG, else en). */
  readonly lang?: string;
}

/**
 * What the lab should open instead of a shipped scenario at its defaults (passed to startUi as
 * `overrides`): a scenario built from --data, or the scenario, seed and parameters of --share.
 */
export interface UiOverrides {
  /** The scenario to open; `scenario.fromData` is set when it was built from a CSV. */
  readonly scenario: Scenario;
  readonly seed?: number | string;
  readonly epochs?: number;
  /** The runs to show (share strings made with --model). */
  readonly only?: readonly string[];
  /** Parameter overrides per run id, validated against each plugin's schema. */
  readonly params: ReadonlyMap<string, Params>;
  /** Live changes made while training (η, momentum…), per run id (a share string's). */
  readonly liveSchedule?: ReadonlyMap<string, readonly LiveChange[]>;
  /** The share string of this setting. */
  readonly share: string;
}

/**
 * The UI options when argv holds nothing but UI flags; else null (a command, or a mistake the
 * program's own parse reports). Parsed by commander with the very options `lab` declares.
 */
export function uiArgs(argv: readonly string[]): UiCommandOptions | null {
  const bare = displayOptions(sourceOptions(new Command()))
    .helpOption(false)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  // A `--` that ends the options (not the value of the flag before it) belongs to the program's
  // parse, as do help and version flags (unknown here).
  const valued = new Set(bare.options.filter((o) => o.required).map((o) => o.long));
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return null;
    if (valued.has(argv[i])) i++;
  }
  try {
    bare.parse(argv, { from: 'user' });
  } catch {
    return null;
  }
  // --no-mouse gives mouse: false; its default (true) is not an option given
  const { mouse, ...given } = bare.opts<UiCommandOptions>();
  return mouse === false ? { ...given, mouse } : given;
}

/** The overrides for --data or --share, or null for a plain lab/timeline. */
function overridesOf(opts: UiCommandOptions): UiOverrides | null {
  if (opts.share !== undefined) {
    const extra = [opts.scenario !== undefined && 'a scenario', opts.data !== undefined && '--data', opts.seed !== undefined && '--seed', opts.model !== undefined && '--model'].filter(Boolean);
    if (extra.length) throw new UsageError(`--share carries the scenario, seed and parameters: give no ${extra.join(', ')} with it`);
    const input = resolveShare(decodeShare(opts.share));
    return { ...input, share: encodeShare(input) };
  }
  if (opts.data === undefined) {
    if (opts.label !== undefined) throw new UsageError('--label goes with --data');
    if (opts.header !== undefined) throw new UsageError('--header goes with --data');
    return null;
  }
  if (opts.scenario !== undefined) throw new UsageError(`give a scenario or --data, not both (${opts.scenario} and --data ${opts.data})`);
  const scenario = scenarioFromData(opts.data, { ...(opts.label !== undefined ? { label: parseLabel(opts.label) } : {}), ...(opts.header !== undefined ? { header: parseHeader(opts.header) } : {}) });
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const input = { scenario, params: new Map<string, Params>(), ...(seed !== undefined ? { seed } : {}) };
  return { ...input, share: encodeShare(input) };
}

/** The language asked for: --lang (checked here, where it enters), else the locale's. */
export function langOf(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  if (flag === undefined) return langFromEnv(env);
  if (!isLang(flag)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, got "${flag}"`);
  return flag;
}

/** How far past its verdict a replayed divergence is played on at most (a file is untrusted). */
const PLAY_ON_MAX = 10_000;

/** `neural-eras replay run.json`: the UI scrubbing the file's epochs; off a terminal, its report and a check. */
async function replayCommand(file: string, opts: UiCommandOptions, io: Io, started: number, lang: Lang): Promise<number> {
  const doc = readRunFile(file);
  const input = shareOfFile(file, doc);
  if (!isTerminal()) {
    io.out(renderRunText(resultOfDocument(doc), doc.title));
    // Trained again from its share string, the runs give the same numbers (runs are deterministic):
    // everything printed is compared (outcome, reason, metrics, weights, history, claims), through the file's JSON form.
    // the scenario's own runs as run makes them (claims included); models tried on its data as the lab makes them
    // a lab export may hold epochs played on past a divergence (the teacher shows the explosion):
    // those runs are played on as far again, never further than PLAY_ON_MAX epochs past the verdict
    const playOn = { to: new Map(doc.runs.filter((f) => f.claims.length === 0 && f.outcome === 'diverged' && Number.isSafeInteger(f.epochs)).map((f) => [f.id, f.epochs] as const)), most: PLAY_ON_MAX };
    const own = doc.runs.filter((r) => input.scenario.runs.some((s) => s.id === r.id)).map((r) => r.id);
    const tried = doc.runs.filter((r) => !own.includes(r.id)).map((r) => r.id);
    const again = own.length ? executeScenario(input.scenario, { ...(input.seed !== undefined ? { seed: input.seed } : {}), ...(input.epochs !== undefined ? { epochs: input.epochs } : {}), params: input.params, ...(input.liveSchedule ? { liveSchedule: input.liveSchedule } : {}), only: own, playOn }) : { runs: [] as RunResult[] };
    if (tried.length) again.runs.push(...trainChoices(input.scenario, input.seed ?? input.scenario.seed, tried, input.params, input.epochs, playOn, input.liveSchedule));
    // a lab export evaluates no claims (they need every run of the scenario): none printed, none compared
    const runs = doc.runs.map((f) => {
      const r = again.runs.find((x) => x.id === f.id);
      return r && f.claims.length === 0 ? { ...r, claims: [] } : (r ?? null);
    });
    const differs = firstDifference(doc.runs, runs);
    io.out(differs === null ? `replayed from its share string: the same numbers, everything printed\n` : `replayed from its share string: the file differs from the run at ${differs} (changed by hand, or written by another version?)\n`);
    return differs === null ? 0 : 1;
  }
  const depth = resolveDepth(opts.color as ColorChoice | undefined, process.env, true);
  process.env['NODE_ENV'] ??= 'production';
  const { startUi } = await import('../ui/main.js');
  return startUi({ depth, started, lang, ...(opts.profile ? { profile: true } : {}), ...(opts.mouse === false ? { mouse: false } : {}), initial: { kind: 'replay', file, doc } });
}

/** A terminal the UI can draw on: both ends a TTY, and not TERM=dumb (no cursor movement, no alternate screen). */
const isTerminal = (): boolean => Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env['TERM'] !== 'dumb';

export async function uiCommand(opts: UiCommandOptions, io: Io, started = 0): Promise<number> {
  if (opts.color !== undefined && !(COLOR_CHOICES as readonly string[]).includes(opts.color)) {
    throw new UsageError(`--color must be one of ${COLOR_CHOICES.join(', ')}, got "${opts.color}"`);
  }
  const lang = langOf(opts.lang);
  if (opts.replay !== undefined) return replayCommand(opts.replay, opts, io, started, lang);
  const overrides = overridesOf(opts);
  const seed = overrides ? overrides.seed : opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const scenario = overrides?.scenario ?? (opts.scenario ? loadScenario(opts.scenario) : undefined);
  const ownRun = Boolean(scenario && opts.model && scenario.runs.some((r) => r.id === opts.model || r.plugin.meta.id === opts.model));
  // The lab also offers registry models on the scenario's data: any known model id will do.
  if (opts.model && !ownRun) getModel(opts.model);
  if (!isTerminal()) {
    // No terminal to draw on: a static report, and success.
    if (!scenario) return tourCommand(io, translator(lang));
    const only = overrides?.only ?? (ownRun ? [opts.model!] : undefined);
    const result = executeScenario(scenario, { ...(seed !== undefined ? { seed } : {}), ...(overrides?.epochs !== undefined ? { epochs: overrides.epochs } : {}), ...(only ? { only } : {}), ...(overrides ? { params: overrides.params } : {}), ...(overrides?.liveSchedule ? { liveSchedule: overrides.liveSchedule } : {}) });
    io.out(renderRunText(result, scenario.title));
    if (overrides) io.out(`share  ${overrides.share}\n`);
    return 0;
  }
  const depth = resolveDepth(opts.color as ColorChoice | undefined, process.env, true);
  // React's development build is several times slower per frame; the UI is not a dev server.
  process.env['NODE_ENV'] ??= 'production';
  const { startUi } = await import('../ui/main.js');
  const model = opts.model ?? overrides?.only?.[0];
  // --data and --share open their scenario (built in memory for a CSV) with their parameters.
  const lab = overrides
    ? { kind: 'lab' as const, scenario: overrides.scenario, overrides: overrides.params, ...(overrides.liveSchedule ? { liveSchedule: overrides.liveSchedule } : {}), ...(overrides.epochs !== undefined ? { epochs: overrides.epochs } : {}), share: overrides.share }
    : opts.scenario !== undefined
      ? { kind: 'lab' as const, scenario: opts.scenario }
      : null;
  const initial = lab ? { ...lab, ...(model ? { run: model } : {}) } : opts.tour ? { kind: 'tour' as const } : undefined;
  return startUi({ depth, started, lang, ...(opts.profile ? { profile: true } : {}), ...(opts.mouse === false ? { mouse: false } : {}), ...(seed !== undefined ? { seed } : {}), ...(initial ? { initial } : {}) });
}
