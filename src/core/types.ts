/**
 * Shared shapes of the engine: datasets, the model plugin contract and run records.
 * Plain data only: nothing here knows about terminals, files or the CLI.
 */
import type { Said } from './said.js';
import type { Cause } from './reasons.js';
import type { Rng } from './rng.js';

export type Encoding = 'binary' | 'bipolar';

/** A supervised (or unlabelled) data set: rows of inputs with target vectors. */
export interface Dataset {
  readonly name: string;
  /** Input rows, without the bias input x0 = 1 (models add it). */
  readonly inputs: readonly (readonly number[])[];
  /** Target rows: length 1 for a single output unit, one-hot (or ±1) for several classes. */
  readonly targets: readonly (readonly number[])[];
  /** Class index of each row (0 / 1 for two classes), used for accuracy. */
  readonly labels: readonly number[];
  readonly classes: number;
  readonly inputEncoding: Encoding | 'real';
  /** 'real': regression targets (real numbers, see `regression`). */
  readonly targetEncoding: Encoding | 'onehot' | 'none' | 'real';
  /** Optional held-out split of the same shape. */
  readonly test?: Omit<Dataset, 'test' | 'name'>;
  /** Short names of the input columns, e.g. ["x1", "x2"]. */
  readonly featureNames: readonly string[];
  /** Set when each input row is a row-major grey image of this size (the digits). */
  readonly image?: { readonly width: number; readonly height: number };
  /** Names of the classes by label (e.g. "3", "setosa"), when they have names. */
  readonly classNames?: readonly string[];
  /**
   * Set when each input row is a sequence of `steps` steps of `width` inputs, step by step (the
   * recurrent era); the target belongs to the last step. With `tolerance` the targets are real
   * numbers and a row is right when |output − target| < tolerance; else the sign decides the class.
   */
  readonly sequence?: { readonly steps: number; readonly width: number; readonly tolerance?: number };
  /** When the inputs were standardised: each raw column's mean and sd over the training rows (x' = (x − mean) / sd). */
  readonly standardization?: { readonly mean: readonly number[]; readonly sd: readonly number[] };
  /**
   * Set when the input columns are feature inputs computed from a point (x1, x2) of the plane
   * (features.ts): the feature ids, in column order, and each row's point.
   */
  readonly lifted?: { readonly features: readonly string[]; readonly points: readonly (readonly number[])[] };
  /**
   * Set for regression data (regression.ts): real targets in `range`; a row counts as right when
   * |output − target| < tolerance; its label is the side of 0 its target lies on.
   */
  readonly regression?: { readonly tolerance: number; readonly range: readonly [number, number] };
}

/** A parameter that is a real number, within its bounds. */
export interface NumberSpec {
  readonly type: 'number';
  readonly default: number;
  readonly min?: number;
  readonly max?: number;
  readonly help: string;
  /** True: the value can change while the model trains (ModelInstance.setLive; the lab's live row). */
  readonly live?: boolean;
}
/** A whole number, within its bounds. */
export interface IntegerSpec {
  readonly type: 'integer';
  readonly default: number;
  readonly min?: number;
  readonly max?: number;
  readonly help: string;
  /** True: the value can change while the model trains (ModelInstance.setLive; the lab's live row). */
  readonly live?: boolean;
}
export interface BooleanSpec {
  readonly type: 'boolean';
  readonly default: boolean;
  readonly help: string;
}
/** One of a few words; `V` is their union, so the plugin reads `ctx.params.rule` as 'difference' | 'mistake'. */
export interface EnumSpec<V extends string = string> {
  readonly type: 'enum';
  readonly default: V;
  readonly values: readonly V[];
  readonly help: string;
  /** True: the value can change while the model trains (ModelInstance.setLive; the lab's live row). */
  readonly live?: boolean;
}
/** A list of numbers (initial weights, layer sizes); null default means "not set". */
export interface NumbersSpec {
  readonly type: 'numbers';
  readonly default: readonly number[] | null;
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly maxItems?: number;
  readonly help: string;
}
/** Structured data validated by the plugin itself (e.g. a hand-wired network): the plugin reads it as unknown. */
export interface JsonSpec {
  readonly type: 'json';
  readonly default: unknown;
  readonly help: string;
}

/** One entry of a plugin's parameter schema: the single source of defaults, ranges and help. */
export type ParamSpec = NumberSpec | IntegerSpec | BooleanSpec | EnumSpec | NumbersSpec | JsonSpec;

export type ParamSchema = Readonly<Record<string, ParamSpec>>;
export type ParamValue = number | boolean | string | readonly number[] | null | unknown;
export type Params = Readonly<Record<string, ParamValue>>;

/** The value a spec admits once resolved (resolveParams checks it at run time). */
export type ParamValueOf<S extends ParamSpec> = S extends { readonly type: 'number' | 'integer' }
  ? number
  : S extends { readonly type: 'boolean' }
    ? boolean
    : S extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
      ? V
      : S extends { readonly type: 'numbers' }
        ? readonly number[] | null
        : unknown;

/** The resolved parameters of a schema, typed: `ParamsOf<typeof params>['learningRate']` is a number. */
export type ParamsOf<S extends ParamSchema> = { readonly [K in keyof S]: ParamValueOf<S[K]> };

export interface ModelMeta<S extends ParamSchema = ParamSchema> {
  /** Stable id, part of the CLI contract. */
  readonly id: string;
  readonly name: string;
  readonly year: number;
  readonly authors: readonly string[];
  readonly citation: string;
  /** One line: what it brought. */
  readonly summary: string;
  /** One line: what it cannot do. */
  readonly cannot: string;
  /** The update rule(s) as the sources write them, and when variants coincide (the history card). */
  readonly rules?: readonly string[];
  readonly params: S;
  /** Extra lines for the history card (e.g. the default architecture with its counts). */
  readonly notes?: readonly string[];
  /** False for hand-wired models (McCulloch-Pitts): the runner evaluates and stops. */
  readonly learns: boolean;
  /** Default stopping target when a scenario gives none: metric bounds. */
  readonly defaultTarget: Target;
}

/** Metric bounds: every named metric must lie within its bounds. */
export type Target = Readonly<Record<string, { min?: number; max?: number }>>;

/** What one training step (one pattern, or one batch) did: the UI writes it out. */
/** What kind of learning rule made an update (see StepRecord.rule). */
export type UpdateRule = 'hebb' | 'error-correction' | 'gradient';

export interface StepRecord {
  /** Index of the pattern (or first pattern of the batch) in the training set. */
  readonly pattern: number;
  readonly x: readonly number[];
  readonly t: readonly number[];
  /** Net input(s) and output(s) before the update. */
  readonly net: readonly number[];
  readonly o: readonly number[];
  /** Weights before and after (flat vector for single units). */
  readonly before: readonly number[];
  readonly after: readonly number[];
  /** True when this step changed the weights. */
  readonly changed: boolean;
  /**
   * The kind of rule that made this update, so that the screen labels it from o and t in the
   * rule's own terms (never from whether the weights changed): `hebb` has no error term at all
   * (Δw = η·x·t, or η·x·y); `error-correction` corrects only when o ≠ t (the perceptron);
   * `gradient` steps along the error t − o (Adaline, logistic, back-propagation). Optional: a
   * plugin without it gets o and t written out, unlabelled.
   */
  readonly rule?: UpdateRule;
  /** Patterns this one update summed over (a batch step: all of them; a minibatch). @default 1 */
  readonly batch?: number;
  /**
   * A recurrent net's update: the pattern is a sequence of this many time steps, and the step was
   * one back-propagation through time over it (the write-out says "sequence", not "pattern").
   */
  readonly timeSteps?: number;
  /** What `before` and `after` hold, named as the model names it (θ: every parameter); default w, or a net's last layer. */
  readonly weights?: string;
  /** Set on the update that completes an epoch: what that epoch ended with (measured after the update). */
  readonly closes?: EpochResult;
  /**
   * The update written as the paper writes it, with its numbers. Formatted only when called (the
   * trace, the lab's last update): training, sweeps and headless epochs never build the text.
   */
  explain(): string;
}

/** A hand-wired threshold unit (McCulloch-Pitts): fires when bias + w·x ≥ theta and no inhibitory input is active. */
export interface ThresholdUnit {
  readonly w: readonly number[];
  readonly theta?: number;
  readonly bias?: number;
  readonly inhibitory?: readonly number[];
}

/** A named block of weights: a vector, or a matrix given by its rows. */
export type WeightBlock =
  | { readonly name: string; readonly vector: readonly number[] }
  | { readonly name: string; readonly rows: readonly (readonly number[])[] };

/**
 * The weights of a model as typed data (what the lab draws and claims compare). Their JSON form
 * (`run --json` → `weights`) is derived from it by weightsJson() in src/core/weights.ts:
 *   vector — one unit: [w0 (bias), w1, …, wd];
 *   layers — a layered net: [layer][unit][1 + inputs], the bias first in each row;
 *   units  — hand-wired threshold units by layer: [layer][unit] objects { w, theta | bias, inhibitory };
 *   blocks — named vectors and matrices (LeCun's convnet): { H1kernels: [[…]], H1biases: […], … }.
 */
export type WeightsSnapshot =
  | { readonly kind: 'vector'; readonly w: readonly number[] }
  | { readonly kind: 'layers'; readonly layers: readonly (readonly (readonly number[])[])[] }
  | { readonly kind: 'units'; readonly layers: readonly (readonly ThresholdUnit[])[] }
  | { readonly kind: 'blocks'; readonly blocks: readonly WeightBlock[] };

/** A loss and an accuracy: a model's scores on some rows. */
export interface Scores {
  readonly loss: number;
  readonly accuracy: number;
}

/**
 * What one epoch ended with, computed by the model in one pass (the runner reads nothing else at
 * an epoch's close): the scores on the training set and on the held-out split, the model's named
 * numbers, what the epoch did per layer, and a reason to stop. Immutable: a fresh object each epoch.
 */
export interface EpochResult {
  /** The training set at the weights the epoch ended with (the model's own loss). */
  readonly train: Scores;
  /** The held-out split at the same weights, when the data has one. */
  readonly test?: Scores;
  /** Weight-changing updates during the epoch (errors, for error-correcting rules); 0 for a state measured without training. */
  readonly updates: number;
  /** The model's named numbers at these weights (gradNorm0…, weightNorm, maxError…), usable in targets and claims. */
  readonly metrics: Readonly<Record<string, number>>;
  /**
   * What the epoch did, per layer (gradNorm, meanAbsDelta, weightNorm: index 0 is the input side),
   * JSON-safe; absent for a state measured without an epoch (the start, an epoch closed by steps).
   */
  readonly extra?: Readonly<Record<string, number | readonly number[]>>;
  /** Every weight in one flat vector, as the epoch left them (cycling and divergence checks read it; valid until the model trains on). */
  readonly weights: Float64Array | readonly number[];
  /** A reason to stop at once (e.g. an unstable learning rate): a Cause (core/reasons.ts) or a text. */
  readonly stop?: Cause | string | null;
}

export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number;
  /** Model outputs per row (the activations of the output layer). */
  readonly outputs: readonly (readonly number[])[];
  /** Predicted class per row. */
  readonly predictions: readonly number[];
  /** Net input(s) of the output unit(s) per row, w·x or z^L, when the model has them. */
  readonly net?: readonly (readonly number[])[];
  /** The targets in the model's own output code, when it differs from the data's (a sigmoid reads −1/+1 as 0/1). */
  readonly targets?: readonly (readonly number[])[];
}

/**
 * A built model, trained by the runner epoch by epoch (or step by step from the UI). Six members
 * are required: epoch, measure, evaluate, predict, snapshot, flatWeights; the rest are optional,
 * each with a meaning when absent.
 */
export interface ModelInstance {
  /** One pass over the training set, and what it ended with. */
  epoch(): EpochResult;
  /** The EpochResult of the weights now, without training (updates 0, no extra): the runner's epoch 0. */
  measure(): EpochResult;
  /** Loss, accuracy and outputs on any rows of the same shape as the training set. */
  evaluate(data: Pick<Dataset, 'inputs' | 'targets' | 'labels'>): Evaluation;
  /** Class and score for one input row (the heatmap calls this for every pixel). */
  predict(x: readonly number[]): { label: number; score: number };
  /** The weights now, as typed data (a copy: later training does not change it). */
  snapshot(): WeightsSnapshot;
  /** Every weight now in one flat vector (mid-epoch too: the lab, the quiz). */
  flatWeights(): Float64Array | readonly number[];
  /**
   * One single update (one pattern online, or one batch), for replaying worked examples; the
   * record of the update that completes an epoch carries that epoch's result (`closes`). Absent,
   * or returning null: the model has no step finer than the epoch.
   */
  step?(): StepRecord | null;
  /** True when an epoch is a deterministic function of the weights (fixed order, no noise): a repeat is then a cycle. @default false */
  readonly deterministicEpochs?: boolean;
  /** The stopping target this configuration implies, when it differs from meta.defaultTarget. */
  readonly target?: Target;
  /**
   * predict() for n rows at once (row-major in X), into labels and scores: the same answers,
   * computed in batches (a decision field is thousands of pixels).
   */
  predictBatch?(X: Float64Array, n: number, labels: Int16Array, scores: Float32Array): void;
  /**
   * Lines that explain the model now: the separating line, the stability bound… Plain text, or
   * said as data (core/said.ts: a code and its values) so the lab writes it in the language on
   * screen; every built-in model says its lines that way.
   */
  describe?(): readonly (string | Said)[];
  /**
   * Changes a parameter its schema marks `live` (η, momentum, a penalty, the activation…) from the
   * next update on, the weights (and any momentum velocity) kept: the lab's live keys, and a
   * replayed schedule of such changes (runner.ts, LiveChange). The runner has checked the value
   * against the schema before it calls.
   */
  setLive?(param: string, value: ParamValue): void;
  /**
   * Activations of each hidden layer for one input row (networks only), so the lab can show what
   * each hidden unit computes (the two-layer XOR net's OR and NAND units).
   */
  hidden?(x: readonly number[]): readonly (readonly number[])[];
  /**
   * What a run's result adds once, at the end: numbers too costly for every epoch (Monte-Carlo
   * dropout) or not per-epoch at all (the convergence bound, the collapsed linear map).
   */
  finalReport?(): FinalReport;
  /** Units, connections and free parameters per layer, counted from the built model. */
  architecture?(): readonly LayerCount[];
  /**
   * The parameters that ran differently from those given, when the model had to change one (a net
   * on more than two classes runs a softmax output whatever `output` said): a result records these.
   */
  ranWith?(): Readonly<Record<string, ParamValue>>;
  /** Learned filters to draw as small images (convolution kernels, RBM features). */
  filters?(): FilterBank | null;
  /** One sequence through a recurrent net, step by step, with its error carried back (the lab's sequence view). */
  sequence?(x: readonly number[], t: readonly number[]): SequenceTrace;
}

/** What a recurrent net did over one sequence: its inputs, its states and the gradient through time. */
export interface SequenceTrace {
  /** Inputs per step: [t][input]. */
  readonly inputs: readonly (readonly number[])[];
  /** Named states per step, [t][unit]: h for Elman; s (the cell), h, and the gates i, o (f) for the LSTM. */
  readonly strips: readonly { readonly name: string; readonly values: readonly (readonly number[])[] }[];
  /** ‖∂J/∂state_t‖ for t = 0 … T−1, by full BPTT from the error at the end. */
  readonly gradient: readonly number[];
  /** The state the gradient is taken on: "h" or "s". */
  readonly state: string;
}

export interface FinalReport {
  /** Named numbers merged into the result's metrics (claims read them). */
  readonly metrics?: Readonly<Record<string, number>>;
  /** JSON sections of the result's `report`, by name (novikoff, association, layers, …). */
  readonly sections?: Readonly<Record<string, unknown>>;
}

export interface LayerCount {
  readonly name: string;
  /** e.g. "12×8×8" for 12 maps of 8×8. */
  readonly shape: string;
  readonly units: number;
  /** Connections, biases included (a bias is a connection from a constant unit). */
  readonly connections: number;
  /** Free parameters: a shared kernel counts once. */
  readonly parameters: number;
}

/** Learned filters as grey images: each filter is a row-major width × height list of weights. */
export interface FilterBank {
  /** What the filters are, said as data (core/said.ts) so the lab writes it in the language on screen, or a plugin's text. */
  readonly title: string | Said;
  readonly width: number;
  readonly height: number;
  readonly filters: readonly (readonly number[])[];
}

/** What create() gets: the data, the parameters resolved against the schema (typed by it), an Rng. */
export interface CreateContext<P = Params> {
  readonly data: Dataset;
  readonly params: P;
  readonly rng: Rng;
  /**
   * True when nobody reads the per-epoch instruments (a sweep): the model may skip gradient
   * norms and saturation, but must train exactly as it would otherwise.
   */
  readonly lean?: boolean;
}

/** A model plugin: plain data plus a factory, like an ESLint rule. definePlugin() infers `S` from meta.params. */
export interface ModelPlugin<S extends ParamSchema = ParamSchema> {
  readonly meta: ModelMeta<S>;
  create(ctx: CreateContext<ParamsOf<S>>): ModelInstance;
}

/**
 * Thrown for bad parameters or data a model cannot take: shown as one readable line. `param` names
 * the parameter at fault (a path inside it for structured ones, e.g. "network.layers[0][1].theta"),
 * so a scenario file's message can say `models[i].params.<param>`; without one the data is at fault.
 */
export class ModelConfigError extends Error {
  override name = 'ModelConfigError';
  constructor(
    readonly problem: string,
    readonly param?: string,
  ) {
    super(param ? `${param}: ${problem}` : problem);
  }
}
