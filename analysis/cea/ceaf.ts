import type { CeacPoint, CeafPoint } from '../result';

/**
 * Cost-effectiveness acceptability frontier: at each λ, the arm with the
 * higher point-estimate net benefit (IPS when λ·ΔE − ΔC > 0; ties → control)
 * and the probability that it is the cost-effective arm, CEAC(λ) for IPS or
 * 1 − CEAC(λ) for control (ANALYSIS-DATASET.md, "ceaf"). It switches arm at
 * the ICER, where the CEAC need not be ½. O(k).
 * Reference: Fenwick, Claxton, Sculpher, Health Econ 2001;10:779; Barton et al., Value Health 2008;11:886.
 *
 * @param curve CEAC points (ceac over the λ grid)
 * @param incrementalCost ΔC at the point estimate (currency)
 * @param incrementalEffect ΔE at the point estimate
 * @returns one { wtp, optimal, probability } per CEAC point, in the same order
 * @throws {Error} when an increment is not finite
 * @example ceaf([{ wtp: 0, probability: 0.2 }, { wtp: 100, probability: 0.7 }], 5, 0.1) // control 0.8, then ips 0.7
 */
export function ceaf(curve: readonly CeacPoint[], incrementalCost: number, incrementalEffect: number): CeafPoint[] {
  if (!Number.isFinite(incrementalCost) || !Number.isFinite(incrementalEffect)) throw new Error('ceaf requires finite increments');
  return curve.map(({ wtp, probability }) =>
    wtp * incrementalEffect - incrementalCost > 0
      ? { wtp, optimal: 'ips', probability }
      : { wtp, optimal: 'control', probability: 1 - probability },
  );
}
