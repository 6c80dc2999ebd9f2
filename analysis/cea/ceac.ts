import type { CeacPoint } from '../result';

/**
 * Cost-effectiveness acceptability curve: for each willingness to pay λ, the
 * share of bootstrap replicates with λ·ΔE − ΔC > 0 (ANALYSIS-DATASET.md,
 * "Bootstrap"); ties (INMB exactly 0) do not count as cost-effective.
 * Reference: Fenwick, Claxton, Sculpher, Health Econ 2001;10:779. O(B·k).
 *
 * @param replicateCosts ΔC of each replicate (currency)
 * @param replicateEffects ΔE of each replicate
 * @param wtps λ values (currency per unit of effect)
 * @returns one { wtp, probability } per λ, in the given order
 * @throws {Error} when there are no replicates or the arrays differ in length
 * @example ceac(Float64Array.of(1, -1), Float64Array.of(0.1, 0.1), [0]) // [{ wtp: 0, probability: 0.5 }]
 */
export function ceac(replicateCosts: ArrayLike<number>, replicateEffects: ArrayLike<number>, wtps: readonly number[]): CeacPoint[] {
  const count = replicateCosts.length;
  if (count === 0) throw new Error('ceac requires at least one replicate');
  if (replicateEffects.length !== count) throw new Error('ceac requires as many effects as costs');
  return wtps.map((wtp) => {
    let favourable = 0;
    for (let i = 0; i < count; i++) if (wtp * replicateEffects[i] - replicateCosts[i] > 0) favourable++;
    return { wtp, probability: favourable / count };
  });
}
