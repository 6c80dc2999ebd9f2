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
 * Fits the regression of `y` on the design rows `observed` (workspace.design,
 * row-major, intercept in column 0) and writes β̂ to `ws.coef`, β* to
 * `ws.beta` and the fitted values of the observed rows to `ws.yhatObs`.
 * @param ridge κ, 1e-5 in mice
 * @throws when the penalised cross-product matrix is not positive definite
 */
export function bayesianRegressionDraw(
  ws: PmmWorkspace,
  y: Float64Array,
  observed: Int32Array,
  ridge: number,
  rng: Uniform,
): void {
  const { p, design, xtx, xty, coef, beta, scratch, yhatObs } = ws;
  crossProducts(ws, y, observed);
  for (let a = 0; a < p; a++) {
    const d = xtx[a * p + a];
    xtx[a * p + a] = d > 0 ? d * (1 + ridge) : 1;
  }
  choleskyInPlace(xtx, p);
  // β̂: solve L w = Xᵀy, then Lᵀ β̂ = w
  forwardSolve(xtx, p, xty, scratch);
  backSolve(xtx, p, scratch, coef);
  let rss = 0;
  const nObs = observed.length;
  for (let i = 0; i < nObs; i++) {
    const row = observed[i] * p;
    let fit = 0;
    for (let a = 0; a < p; a++) fit += design[row + a] * coef[a];
    yhatObs[i] = fit;
    const r = y[observed[i]] - fit;
    rss += r * r;
  }
  const df = Math.max(nObs - p, 1);
  const sigma = Math.sqrt(rss / chiSquareDraw(rng, df));
  for (let a = 0; a < p; a++) scratch[a] = standardNormal(rng);
  // A = L⁻ᵀ gives A·Aᵀ = (L·Lᵀ)⁻¹
  backSolve(xtx, p, scratch, beta);
  for (let a = 0; a < p; a++) beta[a] = coef[a] + sigma * beta[a];
}

function crossProducts(ws: PmmWorkspace, y: Float64Array, observed: Int32Array): void {
  const { p, design, xtx, xty } = ws;
  xtx.fill(0);
  xty.fill(0);
  for (let i = 0; i < observed.length; i++) {
    const row = observed[i] * p;
    const yi = y[observed[i]];
    for (let a = 0; a < p; a++) {
      const xa = design[row + a];
      xty[a] += xa * yi;
      const base = a * p;
      for (let b = 0; b <= a; b++) xtx[base + b] += xa * design[row + b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) xtx[a * p + b] = xtx[b * p + a];
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
