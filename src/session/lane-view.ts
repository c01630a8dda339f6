/**
 * Builds the view of one run: numbers, verdict, weights, the last updates, the truth table with
 * each hidden unit, the gradient norms, and (at the sizes the layout asks for) the decision fields.
 */
import type { ModelChoice } from './choices.js';
import { computeField, computeUnitFields, domainOf, hiddenOverPlane, lineOf, onPlane, type Field, type UnitField } from './field.js';
import type { Lane } from './lane.js';
import { confusionMatrix, misclassified } from '../data/confusion.js';
import type { WeightsSnapshot } from '../core/types.js';
import { EN_TR, type Tr } from '../i18n/index.js';
import { networkView, type NetRequest, type NetworkView } from './network-view.js';
import { dataKindOf, gradView, verdictOf, weightLines, type ImageView, type LaneView, type TruthRow } from './views.js';

/** Sizes of the decision field and of each hidden unit's small field, in text cells. */
export interface FieldRequest {
  readonly cols: number;
  readonly rows: number;
  readonly unitCols: number;
  readonly unitRows: number;
  /** Images to show (digits): samples and mistakes each. @default 0 */
  readonly samples?: number;
  /** The network view's tiles and counts (issue 25), when the layout shows it. */
  readonly network?: NetRequest;
}

export interface LaneFields {
  readonly field: Field | null;
  readonly units: readonly UnitField[] | null;
  readonly images: ImageView | null;
  readonly network?: NetworkView | null;
}

export const NO_FIELDS: LaneFields = { field: null, units: null, images: null };

/** Samples, mistakes and the confusion matrix on the test split (else the training set), and the filters. */
function imageView(lane: Lane, samples: number): ImageView | null {
  const run = lane.run!;
  const data = lane.spec.data;
  if (!data.image) return null;
  const rows = data.test ?? data;
  const ev = run.model.evaluate(rows);
  const pick = (i: number) => ({ pixels: rows.inputs[i]!, label: rows.labels[i]!, prediction: ev.predictions[i]! });
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of rows.inputs[0] ?? []) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  return {
    width: data.image.width,
    height: data.image.height,
    split: data.test ? 'test' : 'training',
    samples: Array.from({ length: Math.min(samples, rows.inputs.length) }, (_, i) => pick(i)),
    mistakes: misclassified(rows.labels, ev.predictions, samples).map(pick),
    confusion: confusionMatrix(rows.labels, ev.predictions, data.classes),
    classNames: data.classNames ?? Array.from({ length: data.classes }, (_, k) => String(k)),
    range: lo < 0 ? [-1, 1] : [0, 1],
    filters: run.model.filters?.() ?? null,
  };
}

/** The decision field (and hidden units' fields) of a run on two-feature data; the images of a run on digits. */
export function laneFields(lane: Lane, request: FieldRequest | null, coarse = false, net?: { readonly layer: number; readonly unit: number; readonly open: boolean }): LaneFields {
  const run = lane.run;
  const data = lane.spec.data;
  if (run && request && data.image) return { field: null, units: null, images: imageView(lane, request.samples ?? 0) };
  if (!run || !request || !onPlane(data)) return NO_FIELDS;
  const domain = domainOf(data);
  const field = request.cols > 0 && request.rows > 0 ? computeField(run.model, data, request.cols, request.rows, domain, lineOf(run.model.snapshot(), data.featureNames.length, data), coarse) : null;
  const own = run.model.hidden?.bind(run.model);
  const hidden = own ? hiddenOverPlane(own, data) : undefined;
  const units = hidden && request.unitCols > 0 && request.unitRows > 0 ? computeUnitFields(hidden, request.unitCols, request.unitRows, domain) : null;
  const network = request.network && net ? networkView(run.model, data, request.network, net) : null;
  return { field, units: units && units.length > 0 && units.length <= 8 && request.unitRows > 0 ? units : null, images: null, network };
}

/** Inputs, target, net input, output and each hidden unit per pattern of a Boolean task. */
function truthRows(lane: Lane, weights: WeightsSnapshot): TruthRow[] | null {
  const run = lane.run!;
  const data = lane.spec.data;
  if (dataKindOf(data) !== 'boolean') return null;
  const ev = run.model.evaluate(data);
  // a single unit with its bias: net = w0 + w·x (a unit over association units or without a bias has other lengths)
  const flat = weights.kind === 'vector' && weights.w.length === data.featureNames.length + 1 ? weights.w : null;
  const current = lane.trace.at(-1)?.pattern;
  const hidden = run.model.hidden?.bind(run.model);
  return data.inputs.map((x, i) => ({
    x,
    t: ev.targets?.[i] ?? data.targets[i] ?? [],
    net: flat ? flat[0]! + x.reduce((s, v, j) => s + v * flat[j + 1]!, 0) : null,
    o: ev.outputs[i] ?? [],
    ok: ev.predictions[i] === data.labels[i],
    hidden: hidden && (hidden(x)[0]?.length ?? 0) <= 8 ? (hidden(x)[0] ?? null) : null,
    current: current === i && run.midEpochSteps > 0,
  }));
}

/** The last update written out; a plugin whose explain() throws gets its error line instead. */
function lastUpdate(lane: Lane): string | null {
  const s = lane.trace.at(-1);
  if (!s) return null;
  try {
    return s.explain();
  } catch (e) {
    return (e as Error).message;
  }
}

export function laneView(lane: Lane, choice: ModelChoice, slot: number, fields: LaneFields, playingOn: boolean, tr: Tr = EN_TR): LaneView {
  const run = lane.run;
  const data = lane.spec.data;
  const meta = lane.spec.plugin.meta;
  const base = {
    id: choice.id,
    label: choice.label,
    slot,
    meta,
    own: choice.own,
    budget: lane.spec.epochs,
    labelled: data.targetEncoding !== 'none',
    dataKind: dataKindOf(data),
    features: data.featureNames,
    patterns: data.inputs.length,
  };
  if (!run || lane.error) {
    return {
      ...base, error: lane.error, epoch: 0, midSteps: 0, verdict: null, playingOn: false, settled: true, now: { loss: NaN, accuracy: NaN }, latest: null,
      lossStart: NaN, series: [], liveMarks: [], describe: [], weights: [], trace: [], update: null, table: null, field: null, units: null, grads: null, hiddenUnits: 0, images: null, sequence: null, wholeEpoch: null,
    };
  }
  const latest = run.latest;
  const units = fields.units;
  const weights = run.model.snapshot();
  return {
    ...base,
    error: null,
    epoch: run.epoch,
    midSteps: run.midEpochSteps,
    verdict: verdictOf(
      run.status.outcome,
      run.status.reason,
      { target: run.target, epoch: run.epoch, accuracy: latest.accuracy, decidedAt: run.decidedAt, testAccuracy: latest.testAccuracy, loss: { now: lane.now.loss, start: run.history[0]!.loss } },
      run.status.cause,
      tr,
    ),
    playingOn: run.done && run.playOn && (playingOn || !lane.settled),
    settled: lane.settled,
    now: lane.now,
    latest,
    lossStart: run.history[0]!.loss,
    series: lane.series.all(),
    liveMarks: [...run.changes],
    describe: (run.model.describe?.() ?? []).map((line) => tr.say(line)),
    weights: weightLines(weights, tr),
    trace: [...lane.trace],
    update: lastUpdate(lane),
    wholeEpoch: lane.wholeEpoch,
    table: truthRows(lane, weights),
    field: fields.field,
    units,
    grads: gradView(run.history[0], latest),
    hiddenUnits: units?.length ?? 0,
    images: fields.images,
    network: fields.network ?? null,
    sequence: sequenceView(lane),
  };
}

/** The sequence last stepped (else the first) through a recurrent net, at the current weights. */
function sequenceView(lane: Lane): LaneView['sequence'] {
  const model = lane.run?.model;
  const data = lane.spec.data;
  if (!model?.sequence || !data.sequence) return null;
  const row = lane.trace.at(-1)?.pattern ?? 0;
  const x = data.inputs[row];
  return x ? { row, trace: model.sequence(x, data.targets[row]!) } : null;
}
