/**
 * The cross-product matrices of the chained equations, kept up to date
 * incrementally. For every variable k that is imputed, S_k = Σ z zᵀ over the
 * rows where k is observed, z = [1, covariates, all variables]. Imputing
 * variable j changes only column j at the rows where j is missing, so S_k is
 * corrected there (row and column of j) instead of being recomputed: each
 * step costs O(missing(j) · columns) instead of O(n · columns²).
 */
import { changeGroups, type ChangeGroups } from './change-groups';
import type { PmmWorkspace } from './pmm-workspace';

export interface ChainCrossProducts {
  /** columns of z: ones, covariates, then the variables (current values) */
  columns: Float64Array[];
  /** the same values row-major (n × P), kept in step by updateCrossProducts */
  z: Float64Array;
  /** P, the number of columns */
  width: number;
  /** index in `columns` of variable 0 */
  firstVariable: number;
  /**
   * S_k per variable, P×P row-major, lower triangle only: entry (a, b) is at
   * [max(a, b)·P + min(a, b)] (null for a variable without missing values)
   */
  sums: (Float64Array | null)[];
  /** per variable, its missing rows by missingness pattern (changeGroups) */
  groups: ChangeGroups[];
  /** buffers of updateCrossProducts: Σ δ·z per pattern group then the total (P each), and Σ now² − before² likewise */
  groupSums: Float64Array;
  groupDiagonals: Float64Array;
  /** P-long buffer of updateCrossProducts */
  part: Float64Array;
  /** P-long buffer of predictRows (the coefficients by column of z) */
  wide: Float64Array;
}

/**
 * Builds S_k for the current values: S over all rows minus the rows where k is
 * missing. Later chains start from these sums by updates (the chains differ
 * only at the missing values). O(n·P²).
 */
export function chainCrossProducts(columns: Float64Array[], firstVariable: number, missing: readonly Int32Array[]): ChainCrossProducts {
  const P = columns.length;
  const n = columns[0].length;
  // row-major copy for contiguous access
  const z = new Float64Array(n * P);
  for (let c = 0; c < P; c++) {
    const column = columns[c];
    for (let r = 0; r < n; r++) z[r * P + c] = column[r];
  }
  const all = lowerCrossProducts(columns, n);
  const sums = missing.map((rows) => {
    if (rows.length === 0) return null;
    const s = Float64Array.from(all);
    subtractRows(s, z, rows, P);
    return s;
  });
  const groups = changeGroups(missing, n);
  const mostGroups = Math.max(0, ...groups.map((g) => g.count));
  return {
    columns,
    z,
    width: P,
    firstVariable,
    sums,
    groups,
    groupSums: new Float64Array((mostGroups + 1) * P),
    groupDiagonals: new Float64Array(mostGroups + 1),
    part: new Float64Array(P),
    wide: new Float64Array(P),
  };
}

/** Σ over all rows of z zᵀ, lower triangle (P × P row-major): one dot product of two columns per entry. */
function lowerCrossProducts(columns: Float64Array[], n: number): Float64Array {
  const P = columns.length;
  const all = new Float64Array(P * P);
  for (let a = 0; a < P; a++) {
    const ca = columns[a];
    for (let b = 0; b <= a; b++) {
      const cb = columns[b];
      let sum = 0;
      for (let r = 0; r < n; r++) sum += ca[r] * cb[r];
      all[a * P + b] = sum;
    }
  }
  return all;
}

/** Subtracts z_r z_rᵀ from the lower triangle of s for every r in rows. */
function subtractRows(s: Float64Array, z: Float64Array, rows: Int32Array, P: number): void {
  for (let m = 0; m < rows.length; m++) {
    const row = rows[m] * P;
    for (let a = 0; a < P; a++) {
      const za = z[row + a];
      const base = a * P;
      for (let b = 0; b <= a; b++) s[base + b] -= za * z[row + b];
    }
  }
}

/**
 * Corrects every S_k (k ≠ j) after variable j changed at `rows` (its missing
 * rows) from `previous` to its current values. Row and column j of S_k change
 * by Σ δ_r z_r over the changed rows r where k is observed (δ_r = now −
 * before; at (j, j) by Σ now² − before²). Those sums are formed once per
 * missingness pattern; each S_k then adds the sums of the patterns where k is
 * observed (or the total minus the others, whichever is fewer).
 * O(|rows| · P) plus O(patterns · P) per variable.
 */
export function updateCrossProducts(state: ChainCrossProducts, j: number, rows: Int32Array, previous: Float64Array): void {
  const { width: P, firstVariable, sums, groupSums, groupDiagonals: diagonals, part } = state;
  const { groupOf, count, reach, complement } = state.groups[j];
  const J = firstVariable + j;
  sumChangesByGroup(state, J, rows, previous, groupOf, count);
  const total = count * P; // the last slot: Σ over all groups, formed when a complement needs it
  let totalFormed = false;
  for (let k = 0; k < sums.length; k++) {
    const s = sums[k];
    const groups = reach[k];
    if (s === null || k === j || (complement[k] === 0 && groups.length === 0)) continue;
    let diagonal = 0;
    let sign = 1;
    if (complement[k] === 1) {
      if (!totalFormed) {
        sumGroups(groupSums, diagonals, count, P);
        totalFormed = true;
      }
      for (let c = 0; c < P; c++) part[c] = groupSums[total + c];
      diagonal = diagonals[count];
      sign = -1;
    } else {
      part.fill(0);
    }
    for (let i = 0; i < groups.length; i++) {
      const gs = groups[i] * P;
      for (let c = 0; c < P; c++) part[c] += sign * groupSums[gs + c];
      diagonal += sign * diagonals[groups[i]];
    }
    const rowJ = J * P;
    for (let c = 0; c < J; c++) s[rowJ + c] += part[c];
    s[rowJ + J] += diagonal;
    for (let c = J + 1; c < P; c++) s[c * P + J] += part[c];
  }
}

/**
 * Writes variable J's new values into z at the changed rows and sums, per
 * pattern group, δ_r z_r into groupSums[g·P …] and now² − before² into
 * groupDiagonals[g].
 */
function sumChangesByGroup(
  state: ChainCrossProducts,
  J: number,
  rows: Int32Array,
  previous: Float64Array,
  groupOf: Int32Array,
  count: number,
): void {
  const { z, width: P, groupSums, groupDiagonals: diagonals } = state;
  const changed = state.columns[J];
  groupSums.fill(0, 0, (count + 1) * P);
  diagonals.fill(0, 0, count + 1);
  for (let m = 0; m < rows.length; m++) {
    const r = rows[m];
    const now = changed[r];
    const zr = r * P;
    z[zr + J] = now;
    const before = previous[m];
    const delta = now - before;
    if (delta === 0) continue;
    const g = groupOf[m];
    const gs = g * P;
    for (let c = 0; c < P; c++) groupSums[gs + c] += delta * z[zr + c];
    diagonals[g] += now * now - before * before;
  }
}

/** The total over all groups into the slot after the last group. */
function sumGroups(groupSums: Float64Array, diagonals: Float64Array, count: number, P: number): void {
  const total = count * P;
  for (let g = 0; g < count; g++) {
    for (let c = 0; c < P; c++) groupSums[total + c] += groupSums[g * P + c];
    diagonals[count] += diagonals[g];
  }
}

/** Fills ws.xtx and ws.xty of the equation of variable k (all columns except k's own). */
export function equationSystem(state: ChainCrossProducts, k: number, ws: PmmWorkspace): void {
  const s = state.sums[k] as Float64Array;
  const P = state.columns.length;
  const J = state.firstVariable + k;
  const { p, xtx, xty } = ws;
  for (let a = 0; a < p; a++) {
    const ca = a < J ? a : a + 1;
    xty[a] = ca < J ? s[J * P + ca] : s[ca * P + J];
    for (let b = 0; b <= a; b++) {
      const value = s[ca * P + (b < J ? b : b + 1)];
      xtx[a * p + b] = value;
      xtx[b * p + a] = value;
    }
  }
}

/**
 * out[i] = Σ_a coefficients[a] · z_a[rows[i]] over the columns of variable k's
 * equation (every column but k's own: the coefficients are spread over the P
 * columns with 0 at k's, so each row is one contiguous dot product).
 */
export function predictRows(
  state: ChainCrossProducts,
  k: number,
  coefficients: Float64Array,
  rows: Int32Array,
  out: Float64Array,
): void {
  const { z, width: P, wide } = state;
  const J = state.firstVariable + k;
  for (let a = 0; a < P; a++) wide[a] = a < J ? coefficients[a] : a > J ? coefficients[a - 1] : 0;
  for (let i = 0; i < rows.length; i++) {
    const zr = rows[i] * P;
    // four partial sums: independent chains of additions the processor can overlap
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let a = 0;
    for (; a + 3 < P; a += 4) {
      s0 += wide[a] * z[zr + a];
      s1 += wide[a + 1] * z[zr + a + 1];
      s2 += wide[a + 2] * z[zr + a + 2];
      s3 += wide[a + 3] * z[zr + a + 3];
    }
    for (; a < P; a++) s0 += wide[a] * z[zr + a];
    out[i] = s0 + s1 + (s2 + s3);
  }
}
