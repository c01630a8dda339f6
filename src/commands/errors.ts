/** Errors the CLI turns into one readable line and exit code 2 (usage, unknown ids, bad files, CSVs, share strings, plugins). */
import { DatasetError } from '../data/datasets.js';
import { ParamError } from '../core/params.js';
import { ModelConfigError } from '../core/types.js';
import { UnknownModelError } from '../models/index.js';
import { PluginError } from '../models/user-plugins.js';
import { CsvError } from '../data/csv.js';
import { ScenarioError } from '../scenarios/loader.js';
import { ShareError } from '../scenarios/share.js';
import { RunFileError } from '../session/replay.js';
import { ResultsFileError } from '../report/results-file.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const isUserError = (e: unknown): e is Error =>
  e instanceof UsageError || e instanceof ScenarioError || e instanceof UnknownModelError || e instanceof ParamError || e instanceof ModelConfigError || e instanceof DatasetError || e instanceof PluginError || e instanceof CsvError || e instanceof ShareError || e instanceof RunFileError || e instanceof ResultsFileError;
