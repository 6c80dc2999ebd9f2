/**
 * Buffers for predictive mean matching, allocated once per imputation run and
 * reused by every step so the chained-equations loop allocates nothing.
 */

export interface PmmWorkspace {
  /** rows (participants) */
  n: number;
  /** predictors of one equation including the intercept */
  p: number;
  /** XᵀX over the observed rows (+ ridge), p × p row-major, then its Cholesky factor */
  xtx: Float64Array;
  xty: Float64Array;
  /** β̂ (least squares) */
  coef: Float64Array;
  /** β* (posterior draw) */
  beta: Float64Array;
  scratch: Float64Array;
  /** predicted values of the observed rows (β̂), in the order of the observed rows */
  yhatObs: Float64Array;
  /** predicted values of the missing rows (β*) */
  yhatMis: Float64Array;
  /** values before the current step, at the missing rows */
  previous: Float64Array;
  /** the observed predictions sorted (matchDonors), and their positions (0 … nObs − 1) in yhatObs */
  sortKeys: Float64Array;
  order: Int32Array;
  /** the bucket sort's buckets (see matchDonors): bucket ends (n + 1), the lowest key and keys per unit (0: no buckets) */
  bucketStarts: Int32Array;
  bucketMin: number;
  bucketScale: number;
  /** 1 for each equation column the current step leaves out (removeLinearDependencies), and how many */
  dropped: Uint8Array;
  droppedCount: number;
  /** removeLinearDependencies' buffers: standard deviations (p), correlations and their Cholesky factor (p × p) */
  spread: Float64Array;
  correlation: Float64Array;
  factor: Float64Array;
}

/** Allocates the buffers for `n` rows and `p` predictors (intercept included). */
export function createPmmWorkspace(n: number, p: number): PmmWorkspace {
  return {
    n,
    p,
    xtx: new Float64Array(p * p),
    xty: new Float64Array(p),
    coef: new Float64Array(p),
    beta: new Float64Array(p),
    scratch: new Float64Array(p),
    yhatObs: new Float64Array(n),
    yhatMis: new Float64Array(n),
    previous: new Float64Array(n),
    order: new Int32Array(n),
    sortKeys: new Float64Array(n),
    bucketStarts: new Int32Array(n + 1),
    bucketMin: 0,
    bucketScale: 0,
    dropped: new Uint8Array(p),
    droppedCount: 0,
    spread: new Float64Array(p),
    correlation: new Float64Array(p * p),
    factor: new Float64Array(p * p),
  };
}
