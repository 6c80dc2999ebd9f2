/**
 * Ordinary least squares by Householder QR decomposition.
 *
 * Solves min‖y − Xβ‖² by factoring X = QR with Householder reflections and
 * back-substituting Rβ = Qᵀy, which avoids squaring the condition number as
 * the normal equations XᵀX β = Xᵀy would (Golub & Van Loan, Matrix
 * Computations, 4th ed., §5.3; this is what R's `lm` does through LINPACK
 * dqrdc2). Also returns the classical standard errors
 * √(σ̂²·[(XᵀX)⁻¹]jj) with σ̂² = RSS / (n − p). O(n·p²).
 *
 * @param design n rows of p predictors each (include a column of 1s for the intercept)
 * @param response n outcomes (unit of the outcome, e.g. QALYs)
 * @returns coefficients β (unit of outcome per unit of predictor) and standard errors (NaN when n = p)
 * @throws {Error} when sizes disagree, n < p, or a predictor is (nearly) a linear
 *   combination of the others (the message names its column index)
 * @example ordinaryLeastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).coefficients // [1, 2]
 */
export function ordinaryLeastSquares(
  design: readonly (readonly number[])[],
  response: ArrayLike<number>,
): { coefficients: number[]; standardErrors: number[] } {
  const n = design.length;
  if (n !== response.length) throw new Error('ordinaryLeastSquares requires one response per design row');
  const p = n === 0 ? 0 : design[0].length;
  if (p === 0 || n < p) throw new Error(`ordinaryLeastSquares requires at least as many rows (${n}) as predictors (${p})`);
  // column-major copy: a[j][i]
  const a: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = design[i][j];
    a.push(column);
  }
  const y = Float64Array.from({ length: n }, (_, i) => response[i]);
  const columnNorms = a.map((column) => Math.hypot(...column));
  for (let k = 0; k < p; k++) householderStep(a, y, k, n, p);
  for (let k = 0; k < p; k++) {
    if (Math.abs(a[k][k]) <= 1e-10 * Math.max(columnNorms[k], 1e-300)) {
      throw new Error(`ordinaryLeastSquares: predictor column ${k} is collinear with the others`);
    }
  }
  const coefficients = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    let value = y[k];
    for (let j = k + 1; j < p; j++) value -= a[j][k] * coefficients[j];
    coefficients[k] = value / a[k][k];
  }
  let rss = 0;
  for (let i = p; i < n; i++) rss += y[i] * y[i];
  const sigma2 = n > p ? rss / (n - p) : NaN;
  const standardErrors = inverseUpperRowNorms(a, p).map((norm2) => Math.sqrt(sigma2 * norm2));
  return { coefficients, standardErrors };
}

function householderStep(a: Float64Array[], y: Float64Array, k: number, n: number, p: number): void {
  const column = a[k];
  let norm = 0;
  for (let i = k; i < n; i++) norm = Math.hypot(norm, column[i]);
  if (norm === 0) return;
  const alpha = column[k] > 0 ? -norm : norm;
  const v = new Float64Array(n - k);
  v[0] = column[k] - alpha;
  for (let i = k + 1; i < n; i++) v[i - k] = column[i];
  let vNorm2 = 0;
  for (let i = 0; i < v.length; i++) vNorm2 += v[i] * v[i];
  if (vNorm2 === 0) return;
  const reflect = (target: Float64Array) => {
    let dot = 0;
    for (let i = k; i < n; i++) dot += v[i - k] * target[i];
    const factor = (2 * dot) / vNorm2;
    for (let i = k; i < n; i++) target[i] -= factor * v[i - k];
  };
  for (let j = k; j < p; j++) reflect(a[j]);
  reflect(y);
}

/** Row sums of squares of R⁻¹, i.e. the diagonal of (XᵀX)⁻¹ = R⁻¹R⁻ᵀ. */
function inverseUpperRowNorms(a: Float64Array[], p: number): number[] {
  const inverse: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let col = 0; col < p; col++) {
    for (let row = col; row >= 0; row--) {
      let value = row === col ? 1 : 0;
      for (let j = row + 1; j <= col; j++) value -= a[j][row] * inverse[j][col];
      inverse[row][col] = value / a[row][row];
    }
  }
  return inverse.map((row) => row.reduce((total, value) => total + value * value, 0));
}
