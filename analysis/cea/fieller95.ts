import type { FiellerInterval } from '../result';
import type { IncrementVariances } from './increment-variances';

/** z₀.₉₇₅ as the contract fixes it. */
export const FIELLER_Z = 1.959964;

/**
 * Fieller 95 % interval of the ICER R = ΔC/ΔE: the set of R for which
 * ΔC − R·ΔE is not significantly different from 0, i.e. {R : aR² + bR + c ≤ 0}
 * with a = ΔE² − z²V_E, b = −2(ΔC·ΔE − z²C_CE), c = ΔC² − z²V_C and
 * z = 1.959964 (ANALYSIS-DATASET.md, "Fieller, CEAF, EVPI, power").
 * - `bounded` when a > 0 (ΔE significantly different from 0): [lo, hi];
 * - `exclusive` when a < 0 and b² − 4ac > 0: (−∞, lo] ∪ [hi, ∞), `limits` [lo, hi];
 * - `unbounded` otherwise: the whole line, `limits` null.
 * Units: currency per unit of effect. The roots use the cancellation-free form
 * q = −(b + sign(b)√(b² − 4ac))/2, roots q/a and c/q. O(1).
 * Reference: Fieller, J R Stat Soc B 1954;16:175; Willan & O'Brien, Health Econ 1996;5:297.
 *
 * @param incrementalCost ΔC (currency)
 * @param incrementalEffect ΔE (QALYs or employment days)
 * @param variances V_C, V_E and C_CE of the increments (incrementVariances, or Rubin's totals under MI)
 * @returns the interval and its type
 * @throws {Error} when an input is not a finite number
 * @example fieller95(1000, 0.1, { cost: 1e4, effect: 1e-4, covariance: 0 }).type // 'bounded'
 */
export function fieller95(incrementalCost: number, incrementalEffect: number, variances: IncrementVariances): FiellerInterval {
  const inputs = [incrementalCost, incrementalEffect, variances.cost, variances.effect, variances.covariance];
  if (!inputs.every(Number.isFinite)) throw new Error('fieller95 requires finite increments and variances');
  const z2 = FIELLER_Z * FIELLER_Z;
  const a = incrementalEffect * incrementalEffect - z2 * variances.effect;
  const b = -2 * (incrementalCost * incrementalEffect - z2 * variances.covariance);
  const c = incrementalCost * incrementalCost - z2 * variances.cost;
  const discriminant = b * b - 4 * a * c;
  if (a > 0) {
    // the point estimate ΔC/ΔE always satisfies the inequality, so the discriminant is ≥ 0 up to rounding
    return { type: 'bounded', limits: roots(a, b, c, Math.max(0, discriminant)) };
  }
  if (a < 0 && discriminant > 0) return { type: 'exclusive', limits: roots(a, b, c, discriminant) };
  return { type: 'unbounded', limits: null };
}

function roots(a: number, b: number, c: number, discriminant: number): [number, number] {
  const root = Math.sqrt(discriminant);
  const q = -(b + (b >= 0 ? root : -root)) / 2;
  if (q === 0) return [0, 0]; // b = c = 0: the double root 0
  const first = q / a;
  const second = c / q;
  return first <= second ? [first, second] : [second, first];
}
