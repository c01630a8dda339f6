/** Confusion matrices and misclassified rows from labels and predictions (any classifier). */

/** counts[true class][predicted class]; predictions outside 0 … classes − 1 (an undecided output) are not counted. */
export function confusionMatrix(labels: readonly number[], predictions: readonly number[], classes: number): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  labels.forEach((label, i) => {
    const p = predictions[i]!;
    if (p >= 0 && p < classes && label >= 0 && label < classes) counts[label]![p]!++;
  });
  return counts;
}

/** Indices of the rows whose prediction differs from the label, in row order, at most `limit`. */
export function misclassified(labels: readonly number[], predictions: readonly number[], limit = Infinity): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length && out.length < limit; i++) if (predictions[i] !== labels[i]) out.push(i);
  return out;
}
