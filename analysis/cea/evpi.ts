import type { EvpiPoint } from '../result';

/**
 * Expected value of perfect information per participant at each λ, from the
 * bootstrap replicates: EVPI(λ) = mean_b max(0, INB_b) − max(0, mean_b INB_b)
 * with INB_b = λ·ΔE_b − ΔC_b (ANALYSIS-DATASET.md, "evpi"): the expected loss
 * of choosing on current evidence, in currency per participant. Multiplied by
 * `population` (settings `evpi.population`, e.g. the people affected by the
 * decision over its lifetime) when given. Always ≥ 0 (Jensen). O(B·k).
 * Reference: Claxton, J Health Econ 1999;18:341; Briggs, Claxton, Sculpher, Decision Modelling for Health Economic Evaluation, 2006, ch. 7.
 *
 * @param replicateCosts ΔC of each replicate (currency)
 * @param replicateEffects ΔE of each replicate
 * @param wtps λ values (currency per unit of effect)
 * @param population people the decision concerns (optional, > 0)
 * @returns one { wtp, perParticipant, population? } per λ, in the given order
 * @throws {Error} when there are no replicates, the arrays differ in length or population is not > 0
 * @example evpi(Float64Array.of(1, -1), Float64Array.of(0, 0), [0]) // [{ wtp: 0, perParticipant: 0.5 }]
 */
export function evpi(
  replicateCosts: ArrayLike<number>,
  replicateEffects: ArrayLike<number>,
  wtps: readonly number[],
  population?: number,
): EvpiPoint[] {
  const count = replicateCosts.length;
  if (count === 0) throw new Error('evpi requires at least one replicate');
  if (replicateEffects.length !== count) throw new Error('evpi requires as many effects as costs');
  if (population !== undefined && !(Number.isFinite(population) && population > 0)) throw new Error('evpi requires a population > 0');
  return wtps.map((wtp) => {
    let sum = 0;
    let sumPositive = 0;
    for (let b = 0; b < count; b++) {
      const inb = wtp * replicateEffects[b] - replicateCosts[b];
      sum += inb;
      if (inb > 0) sumPositive += inb;
    }
    const perParticipant = Math.max(0, sumPositive / count - Math.max(0, sum / count));
    return population === undefined ? { wtp, perParticipant } : { wtp, perParticipant, population: perParticipant * population };
  });
}
