/**
 * Incremental cost-effectiveness ratio: ΔC / ΔE, the extra cost per extra
 * unit of effect of IPS over control (currency per QALY, or per employment
 * day). Null when ΔE = 0, where no ratio exists (ANALYSIS-DATASET.md). A ratio
 * alone is ambiguous (a negative value can mean "dominant" or "dominated"):
 * always read it with {@link quadrant}. Reference: Drummond et al., Methods
 * for the Economic Evaluation of Health Care Programmes, 4th ed., ch. 4.
 *
 * @param incrementalCost ΔC = mean cost(ips) − mean cost(control)
 * @param incrementalEffect ΔE = mean effect(ips) − mean effect(control)
 * @returns ΔC / ΔE or null
 * @throws {Error} when an input is not a finite number
 * @example icer(10000, 0.05) // 200000
 */
export function icer(incrementalCost: number, incrementalEffect: number): number | null {
  if (!Number.isFinite(incrementalCost) || !Number.isFinite(incrementalEffect)) {
    throw new Error('icer requires finite increments');
  }
  return incrementalEffect === 0 ? null : incrementalCost / incrementalEffect;
}
