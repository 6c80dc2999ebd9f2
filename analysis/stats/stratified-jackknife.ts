/**
 * Empirical influence values by the stratified jackknife (the "jack" method
 * of R's `boot::empinf` with strata): within each stratum s of size n_s,
 * θ₍₋ᵢ₎ is the statistic recomputed without participant i and
 * Lᵢ = (n_s − 1)·(mean of θ₍₋ⱼ₎ over j in s − θ₍₋ᵢ₎).
 * Reference: Davison & Hinkley, Bootstrap Methods and their Application,
 * 1997, §2.7.3 and §3.2. O(Σ n_s · cost of the statistic).
 *
 * @param stratumSizes size of each stratum (e.g. [n_ips, n_control])
 * @param statisticWithout θ without participant `index` of stratum `stratum`
 * @returns influence values, stratum after stratum
 * @throws {Error} when a stratum has fewer than 2 participants
 * @example stratifiedJackknife([3], (s, i) => [(2 + 3) / 2, (1 + 3) / 2, (1 + 2) / 2][i]) // [-1, 0, 1]
 */
export function stratifiedJackknife(
  stratumSizes: readonly number[],
  statisticWithout: (stratum: number, index: number) => number,
): Float64Array {
  const total = stratumSizes.reduce((a, b) => a + b, 0);
  const influence = new Float64Array(total);
  let offset = 0;
  stratumSizes.forEach((size, stratum) => {
    if (size < 2) throw new Error('stratifiedJackknife requires at least two participants per stratum');
    let sumLeaveOut = 0;
    for (let i = 0; i < size; i++) {
      influence[offset + i] = statisticWithout(stratum, i);
      sumLeaveOut += influence[offset + i];
    }
    const meanLeaveOut = sumLeaveOut / size;
    for (let i = 0; i < size; i++) influence[offset + i] = (size - 1) * (meanLeaveOut - influence[offset + i]);
    offset += size;
  });
  return influence;
}
