import type { Quadrant } from '../result';

/**
 * Quadrant of the cost-effectiveness plane (x = ΔE, y = ΔC), with the
 * boundary rules of ANALYSIS-DATASET.md: `NE` ΔE > 0 and ΔC > 0; `SE` ΔE > 0
 * and ΔC ≤ 0 (IPS dominates); `NW` ΔE < 0 and ΔC > 0 (IPS is dominated);
 * `SW` ΔE < 0 and ΔC ≤ 0; null when ΔE = 0.
 *
 * @param incrementalCost ΔC (currency)
 * @param incrementalEffect ΔE (QALYs or employment days)
 * @returns the quadrant or null
 * @throws {Error} when an input is not a finite number
 * @example quadrant(-5, 0.1) // 'SE'
 */
export function quadrant(incrementalCost: number, incrementalEffect: number): Quadrant | null {
  if (!Number.isFinite(incrementalCost) || !Number.isFinite(incrementalEffect)) {
    throw new Error('quadrant requires finite increments');
  }
  if (incrementalEffect === 0) return null;
  if (incrementalEffect > 0) return incrementalCost > 0 ? 'NE' : 'SE';
  return incrementalCost > 0 ? 'NW' : 'SW';
}

/** Plain-language reading of a quadrant, for summaries and reports. */
export function quadrantInWords(value: Quadrant | null, effectName: string): string {
  switch (value) {
    case 'NE': return `IPS costs more and gives more ${effectName}`;
    case 'SE': return `IPS dominates (costs no more and gives more ${effectName})`;
    case 'NW': return `IPS is dominated (costs more and gives fewer ${effectName})`;
    case 'SW': return `IPS costs no more and gives fewer ${effectName} (ratio = savings per unit lost)`;
    default: return `no difference in ${effectName}: no ratio`;
  }
}
