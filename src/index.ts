/**
 * The package's public API (`import … from 'neural-eras'`): the typed model plugin contract, and the
 * contract checker every built-in plugin passes (what `neural-eras check-plugin` runs).
 * A plugin is a plain object `{ meta, create }`. definePlugin() and the `param` spec builders only
 * add types: create() then reads `ctx.params.learningRate` as a number, `ctx.params.rule` as one of
 * its words. A plain JavaScript plugin needs no import at all (examples/madaline.js).
 */
export type {
  BooleanSpec,
  CreateContext,
  Dataset,
  Encoding,
  EnumSpec,
  EpochResult,
  Evaluation,
  FilterBank,
  FinalReport,
  IntegerSpec,
  JsonSpec,
  LayerCount,
  ModelInstance,
  ModelMeta,
  ModelPlugin,
  NumberSpec,
  NumbersSpec,
  ParamSchema,
  ParamSpec,
  ParamValue,
  ParamValueOf,
  Params,
  ParamsOf,
  Scores,
  StepRecord,
  UpdateRule,
  Target,
  ThresholdUnit,
  WeightBlock,
  WeightsSnapshot,
} from './core/types.js';
export type { Rng } from './core/rng.js';
export type { EpochReport, PluginInstance } from './core/plugin-instance.js';
export { ModelConfigError } from './core/types.js';
export { definePlugin, param, type PluginDefinition } from './core/plugin.js';
export { weightsJson } from './core/weights.js';
export type { Said, SaidCode, SaidValue } from './core/said.js';
export { checkPlugin, contractText, TINY_DATA, type ContractCheck, type ContractReport } from './models/contract.js';
// The testbed API: the documents `run --json`, `verify --json` and `sweep --json` print, as functions (src/api.ts).
export {
  loadScenario,
  runScenario,
  verify,
  sweep,
  type ClaimData,
  type EpochInfo,
  type LoadedScenario,
  type PatternData,
  type RunReport,
  type RunReportDocument,
  type RunScenarioOptions,
  type SeedReport,
  type SweepApiOptions,
  type SweepReport,
  type SweepSummary,
  type VerifyReport,
} from './api.js';
