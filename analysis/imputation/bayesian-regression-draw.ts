/**
 * One draw of the regression parameters from their posterior, as mice's
 * `.norm.draw` (van Buuren, Flexible Imputation of Missing Data, 2nd ed.,
 * §3.2, Algorithm 3.1): ridge-stabilised least squares
 * β̂ = (XᵀX + κ·diag(XᵀX))⁻¹ Xᵀy, σ*² = RSS / χ²(n_obs − p),
 * β* = β̂ + σ*·A·z with A·Aᵀ = (XᵀX + κ·diag(XᵀX))⁻¹ and z standard normal.
 */
import type { PmmWorkspace } from './pmm-workspace';
import { chiSquareDraw, standardNormal, type Uniform } from './random-draws';

/**
 * Least squares step: from XᵀX and Xᵀy in `ws.xtx`, `ws.xty` (observed rows
 * only), adds the ridge κ·diag(XᵀX), factors the matrix in place (Cholesky)
 * and writes β̂ to `ws.coef`. O(p³).
 * @param ridge κ, 1e-5 in mice
 * @throws when the penalised cross-product matrix is not positive definite
 */
export function leastSquaresFit(ws: PmmWorkspace, ridge: number): void {
  const { p, xtx, xty, coef, scratch } = ws;
  if (ws.droppedCount > 0) leaveOut(ws);
  addRidge(xtx, p, ridge);
  choleskyInPlace(xtx, p);
  forwardSolve(xtx, p, xty, scratch);
  backSolve(xtx, p, scratch, coef);
}

/**
 * Posterior draw after leastSquaresFit: σ* = √(RSS / χ²(df)), df = max(n_obs − p, 1)
 * with p the predictors used (intercept included, dropped ones not),
 * β* = β̂ + σ*·L⁻ᵀz (so that Cov = σ*²(XᵀX + ridge)⁻¹), written to `ws.beta`;
 * a dropped predictor's β* is 0.
 * @param rss residual sum of squares of the observed rows under β̂
 */
export function posteriorDraw(ws: PmmWorkspace, rss: number, nObs: number, rng: Uniform): void {
  const { p, xtx, coef, beta, scratch, dropped } = ws;
  const sigma = Math.sqrt(rss / chiSquareDraw(rng, Math.max(nObs - (p - ws.droppedCount), 1)));
  standardNormals(rng, scratch, p);
  backSolve(xtx, p, scratch, beta);
  addScaled(coef, sigma, beta, p);
  if (ws.droppedCount > 0) for (let a = 0; a < p; a++) if (dropped[a] === 1) beta[a] = 0;
}

/**
 * Takes the dropped predictors out of the normal equations: their rows and
 * columns become those of the identity with a zero right-hand side, so β̂ is 0
 * for them and the other coefficients are the fit without them.
 */
function leaveOut(ws: PmmWorkspace): void {
  const { p, xtx, xty, dropped } = ws;
  for (let a = 0; a < p; a++) {
    if (dropped[a] === 0) continue;
    for (let b = 0; b < p; b++) {
      xtx[a * p + b] = 0;
      xtx[b * p + a] = 0;
    }
    xtx[a * p + a] = 1;
    xty[a] = 0;
  }
}

/** The ridge of mice's `.norm.draw`: diagonal × (1 + κ) (a zero diagonal becomes 1). */
function addRidge(m: Float64Array, p: number, ridge: number): void {
  for (let a = 0; a < p; a++) {
    const d = m[a * p + a];
    m[a * p + a] = d > 0 ? d * (1 + ridge) : 1;
  }
}

function standardNormals(rng: Uniform, into: Float64Array, count: number): void {
  for (let a = 0; a < count; a++) into[a] = standardNormal(rng);
}

/** x[a] = base[a] + scale·x[a]. */
function addScaled(base: Float64Array, scale: number, x: Float64Array, p: number): void {
  for (let a = 0; a < p; a++) x[a] = base[a] + scale * x[a];
}

/** Lower Cholesky factor L (row-major, lower triangle) of a symmetric matrix, in place. */
function choleskyInPlace(m: Float64Array, p: number): void {
  for (let j = 0; j < p; j++) {
    let d = m[j * p + j];
    for (let k = 0; k < j; k++) d -= m[j * p + k] * m[j * p + k];
    if (!(d > 0)) throw new Error('bayesianRegressionDraw requires a positive definite cross-product matrix');
    const ljj = Math.sqrt(d);
    m[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = m[i * p + j];
      for (let k = 0; k < j; k++) s -= m[i * p + k] * m[j * p + k];
      m[i * p + j] = s / ljj;
    }
  }
}

/** Solves L x = b (L lower, row-major). */
function forwardSolve(l: Float64Array, p: number, b: Float64Array, x: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * x[k];
    x[i] = s / l[i * p + i];
  }
}

/** Solves Lᵀ x = b (L lower, row-major); `b` and `x` may not alias. */
function backSolve(l: Float64Array, p: number, b: Float64Array, x: Float64Array): void {
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
}
