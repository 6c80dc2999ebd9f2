/** Costs and effects of one arm's analysed participants, in the same order. */
export interface ArmOutcomes {
  cost: ArrayLike<number>;
  effect: ArrayLike<number>;
}

/** Sampling (co)variances of the increments ΔC and ΔE. */
export interface IncrementVariances {
  /** V_C = Σ_a var_a(C)/n_a (currency²) */
  cost: number;
  /** V_E = Σ_a var_a(E)/n_a (effect units²) */
  effect: number;
  /** C_CE = Σ_a cov_a(C, E)/n_a (currency × effect units) */
  covariance: number;
}

/**
 * Variances of the incremental cost and effect and their covariance, for two
 * independent arms (ANALYSIS-DATASET.md, "Fieller, CEAF, EVPI, power"):
 * V_C = Σ_a var_a(C)/n_a, V_E = Σ_a var_a(E)/n_a, C_CE = Σ_a cov_a(C,E)/n_a,
 * with sample (n − 1) variances and covariance in each arm a. Two-pass
 * (mean first), so large costs lose no precision. O(n).
 * Reference: Willan & Briggs, Statistical Analysis of Cost-effectiveness Data, 2006, §4.2.
 *
 * @param ips the IPS arm's costs and effects
 * @param control the control arm's costs and effects
 * @returns { cost: V_C, effect: V_E, covariance: C_CE }
 * @throws {Error} when an arm has fewer than two participants or costs and effects differ in length
 * @example incrementVariances({ cost: [1, 3], effect: [0, 2] }, { cost: [0, 0], effect: [1, 1] }) // { cost: 1, effect: 1, covariance: 1 }
 */
export function incrementVariances(ips: ArmOutcomes, control: ArmOutcomes): IncrementVariances {
  const total: IncrementVariances = { cost: 0, effect: 0, covariance: 0 };
  for (const arm of [ips, control]) {
    const n = arm.cost.length;
    if (arm.effect.length !== n) throw new Error('incrementVariances requires as many effects as costs');
    if (n < 2) throw new Error('incrementVariances requires at least two participants in each arm');
    let sumCost = 0;
    let sumEffect = 0;
    for (let i = 0; i < n; i++) {
      sumCost += arm.cost[i];
      sumEffect += arm.effect[i];
    }
    const meanCost = sumCost / n;
    const meanEffect = sumEffect / n;
    let cc = 0;
    let ee = 0;
    let ce = 0;
    for (let i = 0; i < n; i++) {
      const dc = arm.cost[i] - meanCost;
      const de = arm.effect[i] - meanEffect;
      cc += dc * dc;
      ee += de * de;
      ce += dc * de;
    }
    const scale = (n - 1) * n;
    total.cost += cc / scale;
    total.effect += ee / scale;
    total.covariance += ce / scale;
  }
  return total;
}
