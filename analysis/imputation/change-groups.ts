/**
 * Which cross-product matrices a change of one variable reaches. When
 * variable j is imputed, its values change at the rows where j is missing; a
 * changed row counts in S_k only when k is observed there. Rows with the same
 * missingness pattern reach the same matrices, so the changes are summed per
 * pattern first and each S_k then takes a handful of pattern sums instead of
 * one term per row (dropout leaves few patterns: tens, against hundreds of
 * rows).
 */

/** The patterns among one variable's missing rows and which of them reach each S_k. */
export interface ChangeGroups {
  /** pattern group (0 … count − 1) of each missing row of the variable, in the order of its missing rows */
  groupOf: Int32Array;
  /** number of distinct missingness patterns among the variable's missing rows */
  count: number;
  /**
   * per variable k: the groups whose rows are in S_k (k observed), or — when
   * complement[k] is 1, because it is the shorter list — the groups whose rows
   * are not (S_k then takes the total minus these)
   */
  reach: Int32Array[];
  complement: Uint8Array;
}

/**
 * Groups each variable's missing rows by missingness pattern (over all
 * variables). O(n·K) once, plus O(patterns·K) per variable.
 *
 * @param missing per variable, the rows where it is missing
 * @param n number of rows
 * @returns one ChangeGroups per variable
 * @example changeGroups([Int32Array.of(3), Int32Array.of(3, 4)], 5)[1].count // 2 (row 3 misses both, row 4 one)
 */
export function changeGroups(missing: readonly Int32Array[], n: number): ChangeGroups[] {
  const K = missing.length;
  const pattern = new Uint8Array(n * K); // pattern[r·K + k] = 1 where k is missing at r
  missing.forEach((rows, k) => {
    for (const r of rows) pattern[r * K + k] = 1;
  });
  // the pattern as a number (binary digits, exact up to 53 variables), else as a string
  const keyOf = (r: number): number | string => {
    if (K > 53) return pattern.subarray(r * K, r * K + K).join('');
    let key = 0;
    for (let k = 0; k < K; k++) key = key * 2 + pattern[r * K + k];
    return key;
  };
  return missing.map((rows) => {
    const groupOf = new Int32Array(rows.length);
    const groupIndex = new Map<number | string, number>();
    const firstRow: number[] = [];
    rows.forEach((r, m) => {
      const key = keyOf(r);
      let g = groupIndex.get(key);
      if (g === undefined) {
        g = firstRow.length;
        groupIndex.set(key, g);
        firstRow.push(r);
      }
      groupOf[m] = g;
    });
    const complement = new Uint8Array(K);
    const reach = Array.from({ length: K }, (_, k) => {
      const observed: number[] = [];
      const absent: number[] = [];
      firstRow.forEach((r, g) => (pattern[r * K + k] === 1 ? absent : observed).push(g));
      if (observed.length > 0 && absent.length < observed.length) {
        complement[k] = 1;
        return Int32Array.from(absent);
      }
      return Int32Array.from(observed);
    });
    return { groupOf, count: firstRow.length, reach, complement };
  });
}
