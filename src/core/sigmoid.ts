/**
 * The logistic function, written once for every engine, model and check that uses it (the dense
 * activation, the RBM's units, the recurrent gates, the single units' outputs and scores).
 */

/** σ(z) = 1 / (1 + e^−z) */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
