/**
 * Eigenvalues and eigenvectors of a symmetric matrix by the cyclic Jacobi
 * method (Golub & Van Loan, Matrix Computations, 4th ed., §8.5.3; R's
 * `eigen(x, symmetric = TRUE)` gives the same values and, up to sign, the
 * same vectors). O(k³) per sweep, a handful of sweeps.
 */

export interface SymmetricEigen {
  /** eigenvalues, largest first */
  values: Float64Array;
  /** vectors[i] is the unit eigenvector of values[i] */
  vectors: Float64Array[];
}

/**
 * Eigen-decomposition of a symmetric k × k matrix.
 *
 * @param matrix row-major k × k, symmetric (only read)
 * @param k the order
 * @returns eigenvalues in decreasing order with their unit eigenvectors
 * @throws when the matrix is not k × k
 * @example symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values // [3, 1]
 */
export function symmetricEigen(matrix: ArrayLike<number>, k: number): SymmetricEigen {
  if (matrix.length !== k * k) throw new Error('symmetricEigen requires a k × k matrix');
  const a = Float64Array.from(matrix);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100 && offDiagonal(a, k) > 1e-30 * Math.max(1e-300, diagonal(a, k)); sweep++) {
    for (let p = 0; p < k - 1; p++) for (let q = p + 1; q < k; q++) rotate(a, v, k, p, q);
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y * k + y] - a[x * k + x]);
  return {
    values: Float64Array.from(order, (i) => a[i * k + i]),
    vectors: order.map((i) => Float64Array.from({ length: k }, (_, r) => v[r * k + i])),
  };
}

function offDiagonal(a: Float64Array, k: number): number {
  let sum = 0;
  for (let p = 0; p < k; p++) for (let q = 0; q < k; q++) if (p !== q) sum += a[p * k + q] ** 2;
  return sum;
}

function diagonal(a: Float64Array, k: number): number {
  let sum = 0;
  for (let p = 0; p < k; p++) sum += a[p * k + p] ** 2;
  return sum;
}

/** One Jacobi rotation annihilating a[p][q]; accumulates the rotation into v's columns. */
function rotate(a: Float64Array, v: Float64Array, k: number, p: number, q: number): void {
  const apq = a[p * k + q];
  if (apq === 0) return;
  const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let r = 0; r < k; r++) {
    const arp = a[r * k + p];
    const arq = a[r * k + q];
    a[r * k + p] = c * arp - s * arq;
    a[r * k + q] = s * arp + c * arq;
  }
  for (let r = 0; r < k; r++) {
    const apr = a[p * k + r];
    const aqr = a[q * k + r];
    a[p * k + r] = c * apr - s * aqr;
    a[q * k + r] = s * apr + c * aqr;
  }
  for (let r = 0; r < k; r++) {
    const vrp = v[r * k + p];
    const vrq = v[r * k + q];
    v[r * k + p] = c * vrp - s * vrq;
    v[r * k + q] = s * vrp + c * vrq;
  }
}
