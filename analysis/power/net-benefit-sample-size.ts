/**
 * Participants per arm to show a positive incremental net monetary benefit
 * (INMB) at a willingness to pay λ (ANALYSIS-DATASET.md, "Fieller, CEAF, EVPI,
 * power"; Willan 2001, Stat Med 20:1371): n = (z₁₋α/₂ + z_power)² ·
 * (σ²_NB,ips + σ²_NB,control) / INMB², σ²_NB = λ²σ_E² + σ_C² − 2λρσ_Eσ_C per
 * arm (the same SDs and correlation in both arms), not rounded.
 */
import { normalQuantile } from '../stats/normal-quantile';

export interface NetBenefitDesign {
  /** λ, currency per unit of effect */
  wtp: number;
  /** expected INMB λ·ΔE − ΔC (currency) */
  inmb: number;
  /** SD of the effect and of the cost per participant, and their correlation, in each arm */
  sdEffect: number;
  sdCost: number;
  correlation: number;
  alpha: number;
}

/**
 * @throws when INMB is 0, an SD is negative or the correlation is outside [−1, 1]
 * @example netBenefitSampleSize({ wtp: 250000, inmb: 10000, sdEffect: 0.2, sdCost: 60000, correlation: 0, alpha: 0.05 }, 0.8) // 957.56…
 */
export function netBenefitSampleSize(design: NetBenefitDesign, power: number): number {
  const { wtp, inmb, sdEffect, sdCost, correlation, alpha } = design;
  if (!(inmb !== 0 && Number.isFinite(inmb))) throw new Error('netBenefitSampleSize requires a non-zero INMB');
  if (!(sdEffect >= 0 && sdCost >= 0)) throw new Error('netBenefitSampleSize requires standard deviations ≥ 0');
  if (!(correlation >= -1 && correlation <= 1)) throw new Error('netBenefitSampleSize requires a correlation from −1 to 1');
  if (!(power > 0 && power < 1 && alpha > 0 && alpha < 1)) throw new Error('netBenefitSampleSize requires alpha and power between 0 and 1');
  const variance = wtp * wtp * sdEffect * sdEffect + sdCost * sdCost - 2 * wtp * correlation * sdEffect * sdCost;
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return (z * z * 2 * variance) / (inmb * inmb);
}
