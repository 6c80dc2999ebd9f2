/**
 * Sample size and power for comparing two proportions (e.g. the share in
 * competitive employment by arm), two-sided, normal approximation without
 * continuity correction, exactly as R's `power.prop.test` (strict = FALSE):
 * power = Φ((√n·|p₁ − p₂| − z₁₋α/₂·√((p₁ + p₂)(q₁ + q₂)/2)) / √(p₁q₁ + p₂q₂)).
 */
import { normalCdf } from '../stats/normal-cdf';
import { normalQuantile } from '../stats/normal-quantile';

export interface TwoProportions {
  p1: number;
  p2: number;
  /** two-sided significance level, e.g. 0.05 */
  alpha: number;
}

function check({ p1, p2, alpha }: TwoProportions): void {
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)) throw new Error('twoProportions requires proportions strictly between 0 and 1');
  if (p1 === p2) throw new Error('twoProportions requires two different proportions');
  if (!(alpha > 0 && alpha < 1)) throw new Error('twoProportions requires alpha between 0 and 1');
}

/**
 * Power with n participants per arm (R's power.prop.test(n, p1, p2, sig.level)$power).
 * @example twoProportionsPower({ p1: 0.5, p2: 0.1, alpha: 0.05 }, 20) // 0.8131…
 */
export function twoProportionsPower(design: TwoProportions, n: number): number {
  check(design);
  const { p1, p2, alpha } = design;
  const z = normalQuantile(1 - alpha / 2);
  const pooled = Math.sqrt(((p1 + p2) * (2 - p1 - p2)) / 2);
  return normalCdf((Math.sqrt(n) * Math.abs(p1 - p2) - z * pooled) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
}

/**
 * n per arm (not rounded) for the given power: the closed form of the power
 * equation, n = ((z₁₋α/₂·√((p₁+p₂)(q₁+q₂)/2) + z_power·√(p₁q₁ + p₂q₂)) / |p₁ − p₂|)²
 * (R's power.prop.test(p1, p2, power)$n, which finds it with uniroot).
 * @example twoProportionsSampleSize({ p1: 0.599, p2: 0.465, alpha: 0.05 }, 0.8) // 216.48…
 */
export function twoProportionsSampleSize(design: TwoProportions, power: number): number {
  check(design);
  if (!(power > 0 && power < 1)) throw new Error('twoProportionsSampleSize requires power between 0 and 1');
  const { p1, p2, alpha } = design;
  const pooled = Math.sqrt(((p1 + p2) * (2 - p1 - p2)) / 2);
  const root = (normalQuantile(1 - alpha / 2) * pooled + normalQuantile(power) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / Math.abs(p1 - p2);
  return root * root;
}
