/**
 * Buffers for predictive mean matching, allocated once per imputation run and
 * reused by every step so the chained-equations loop allocates nothing.
 */

export interface PmmWorkspace {
  /** rows (participants) */
  n: number;
  /** predictors including the intercept */
  p: number;
  /** design matrix, row-major n × p */
  design: Float64Array;
  /** XᵀX over the observed rows (+ ridge), p × p, then its Cholesky factor */
  xtx: Float64Array;
  xty: Float64Array;
  /** β̂ (least squares) */
  coef: Float64Array;
  /** β* (posterior draw) */
  beta: Float64Array;
  scratch: Float64Array;
  /** predicted values of the observed rows, then sorted */
  yhatObs: Float64Array;
  /** observed positions (0 … nObs − 1) in the order of yhatObs */
  order: Int32Array;
  sortKeys: Float64Array;
}

/** Allocates the buffers for `n` rows and `p` predictors (intercept included). */
export function createPmmWorkspace(n: number, p: number): PmmWorkspace {
  return {
    n,
    p,
    design: new Float64Array(n * p),
    xtx: new Float64Array(p * p),
    xty: new Float64Array(p),
    coef: new Float64Array(p),
    beta: new Float64Array(p),
    scratch: new Float64Array(p),
    yhatObs: new Float64Array(n),
    order: new Int32Array(n),
    sortKeys: new Float64Array(n),
  };
}
