/**
 * Which predictors one chained equation cannot use, decided as mice's
 * `remove.lindep` (mice 3.15, R/internal.R) on the observed rows of the
 * variable being imputed: a predictor that is (nearly) constant there, one
 * correlated ≥ 0.99 with the variable, and — while the correlation matrix of
 * the remaining predictors has λ_min/λ_max < 1e-4 — the predictor with the
 * largest weight in the eigenvector of λ_min. Without this the ridge would
 * give such a predictor an arbitrary posterior coefficient (e.g. `arm_ips`
 * when only IPS participants have u24; a site dummy when that site skipped
 * the 24-month visit). Everything is computed from the equation's cross-products.
 */
import { symmetricEigen } from '../stats/symmetric-eigen';
import type { PmmWorkspace } from './pmm-workspace';

/** mice's `eps` (variance threshold and eigenvalue ratio) and `maxcor`. */
export const LINDEP_EPS = 1e-4;
export const LINDEP_MAXCOR = 0.99;

/**
 * Marks in `ws.dropped` the predictors (equation columns 1 … p − 1; column 0 is
 * the intercept and is always kept) that mice would remove, and sets
 * `ws.droppedCount`. Reads `ws.xtx` (XᵀX over the observed rows, before the
 * ridge) and `ws.xty`. O(p²) plus a Cholesky factor (p³/3); the
 * eigen-decomposition runs only when the factor shows near-collinearity.
 *
 * @param sumY2 Σ y² over the observed rows
 * @param nObs observed rows
 * @returns the number of predictors dropped
 */
export function removeLinearDependencies(ws: PmmWorkspace, sumY2: number, nObs: number): number {
  const { p, xtx, xty, dropped, spread } = ws;
  dropped.fill(0);
  const n = nObs;
  const varY = (sumY2 - (xty[0] * xty[0]) / n) / (n - 1);
  let kept = 0;
  for (let a = 1; a < p; a++) {
    const variance = (xtx[a * p + a] - (xtx[a * p] * xtx[a * p]) / n) / (n - 1);
    const correlation = (xty[a] - (xtx[a * p] * xty[0]) / n) / (n - 1) / Math.sqrt(variance * varY);
    // mice: keep when var > eps and cor < maxcor (a NaN correlation, e.g. constant y, drops it)
    if (varY < LINDEP_EPS || !(variance > LINDEP_EPS) || !(correlation < LINDEP_MAXCOR)) dropped[a] = 1;
    else {
      spread[a] = Math.sqrt(variance);
      kept++;
    }
  }
  if (kept > 1) dropCollinear(ws, n);
  let count = 0;
  for (let a = 1; a < p; a++) count += dropped[a];
  ws.droppedCount = count;
  return count;
}

/** The eigenvalue loop of remove.lindep on the correlation matrix of the kept predictors. */
function dropCollinear(ws: PmmWorkspace, n: number): void {
  let columns = keptColumns(ws);
  let k = columns.length;
  let correlation = correlationMatrix(ws, columns, n);
  if (wellConditioned(correlation, k, ws.factor, ws.scratch)) return;
  for (;;) {
    const { values, vectors } = symmetricEigen(correlation, k);
    if (!(values[k - 1] / values[0] < LINDEP_EPS) || k <= 1) return;
    // the first of the largest |weights|, as R's order(decreasing = TRUE)[1]
    const weights = vectors[k - 1];
    let worst = 0;
    for (let i = 1; i < k; i++) if (Math.abs(weights[i]) > Math.abs(weights[worst])) worst = i;
    ws.dropped[columns[worst]] = 1;
    columns = keptColumns(ws);
    k = columns.length;
    correlation = correlationMatrix(ws, columns, n);
  }
}

function keptColumns(ws: PmmWorkspace): number[] {
  const columns: number[] = [];
  for (let a = 1; a < ws.p; a++) if (ws.dropped[a] === 0) columns.push(a);
  return columns;
}

/** Correlations of the given equation columns over the observed rows, k × k row-major. */
function correlationMatrix(ws: PmmWorkspace, columns: number[], n: number): Float64Array {
  const { p, xtx, spread } = ws;
  const k = columns.length;
  const out = ws.correlation.subarray(0, k * k);
  for (let i = 0; i < k; i++) {
    const a = columns[i];
    for (let j = 0; j <= i; j++) {
      const b = columns[j];
      const covariance = (xtx[a * p + b] - (xtx[a * p] * xtx[b * p]) / n) / (n - 1);
      const r = i === j ? 1 : covariance / (spread[a] * spread[b]);
      out[i * k + j] = r;
      out[j * k + i] = r;
    }
  }
  return out;
}

/**
 * A sufficient condition for λ_min/λ_max ≥ eps without an eigen-decomposition:
 * λ_min ≥ 1 / trace(C⁻¹) and λ_max ≤ the largest absolute row sum
 * (Gershgorin). trace(C⁻¹) = ‖L⁻¹‖²_F from the Cholesky factor C = LLᵀ.
 */
function wellConditioned(c: Float64Array, k: number, l: Float64Array, column: Float64Array): boolean {
  for (let j = 0; j < k; j++) {
    for (let i = j; i < k; i++) {
      let s = c[i * k + j];
      for (let m = 0; m < j; m++) s -= l[i * k + m] * l[j * k + m];
      if (i === j) {
        if (!(s > 0)) return false;
        l[j * k + j] = Math.sqrt(s);
      } else l[i * k + j] = s / l[j * k + j];
    }
  }
  // column `col` of L⁻¹ by forward substitution (zero above the diagonal), summing its squares
  let traceInverse = 0;
  for (let col = 0; col < k; col++) {
    for (let i = col; i < k; i++) {
      let s = i === col ? 1 : 0;
      for (let m = col; m < i; m++) s -= l[i * k + m] * column[m];
      column[i] = s / l[i * k + i];
      traceInverse += column[i] * column[i];
    }
  }
  let largestRow = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += Math.abs(c[i * k + j]);
    largestRow = Math.max(largestRow, row);
  }
  return 1 / (traceInverse * largestRow) >= LINDEP_EPS;
}
