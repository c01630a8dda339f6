/**
 * The package's public API (`import … from 'neural-eras'`): the model plugin contract as types,
 * and the contract checker every built-in plugin passes (what `neural-eras check-plugin` runs).
 * A plugin itself needs nothing at run time: it is a plain object `{ meta, create }`.
 */
export type {
  CreateContext,
  Dataset,
  Encoding,
  EpochReport,
  Evaluation,
  ModelInstance,
  ModelMeta,
  ModelPlugin,
  ParamSchema,
  ParamSpec,
  ParamValue,
  Params,
  StepRecord,
  Target,
} from './core/types.js';
export type { Rng } from './core/rng.js';
export { ModelConfigError } from './core/types.js';
export { checkPlugin, contractText, TINY_DATA, type ContractCheck, type ContractReport } from './models/contract.js';
