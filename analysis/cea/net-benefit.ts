/**
 * Incremental net monetary benefit at a willingness to pay λ:
 * INMB(λ) = λ·ΔE − ΔC (currency). IPS is cost-effective at λ when INMB > 0.
 * Reference: Stinnett & Mullahy, Med Decis Making 1998;18(2 Suppl):S68.
 *
 * @param incrementalCost ΔC (currency)
 * @param incrementalEffect ΔE (QALYs or employment days)
 * @param wtp λ, currency per unit of effect
 * @returns the INMB (currency)
 * @throws {Error} when an input is not a finite number
 * @example netBenefit(10000, 0.05, 250000) // 2500
 */
export function netBenefit(incrementalCost: number, incrementalEffect: number, wtp: number): number {
  if (![incrementalCost, incrementalEffect, wtp].every(Number.isFinite)) {
    throw new Error('netBenefit requires finite numbers');
  }
  return wtp * incrementalEffect - incrementalCost;
}
