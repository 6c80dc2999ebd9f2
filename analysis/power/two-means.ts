/**
 * Sample size and power for a difference in means (e.g. QALYs or utility)
 * between two arms of equal size with a common SD, two-sided t test, as R's
 * `power.t.test` (type "two.sample", strict = FALSE): with ν = 2(n − 1),
 * power = P(T_ν,δ > t₁₋α/₂,ν), T non-central t with δ = √(n/2)·Δ/σ.
 */
import { noncentralTCdf, studentTQuantile } from '../stats/student-t';

export interface TwoMeans {
  /** the difference to detect (units of the outcome) */
  delta: number;
  /** the common standard deviation (same units) */
  sd: number;
  alpha: number;
}

function check({ delta, sd, alpha }: TwoMeans): void {
  if (!(delta !== 0 && Number.isFinite(delta))) throw new Error('twoMeans requires a non-zero difference');
  if (!(sd > 0)) throw new Error('twoMeans requires a positive standard deviation');
  if (!(alpha > 0 && alpha < 1)) throw new Error('twoMeans requires alpha between 0 and 1');
}

/**
 * Power with n per arm (R's power.t.test(n, delta, sd, sig.level)$power).
 * @example twoMeansPower({ delta: 0.05, sd: 0.2, alpha: 0.05 }, 100) // 0.4204…
 */
export function twoMeansPower(design: TwoMeans, n: number): number {
  check(design);
  if (!(n > 1)) throw new Error('twoMeansPower requires more than one participant per arm');
  const df = 2 * (n - 1);
  const ncp = (Math.sqrt(n / 2) * Math.abs(design.delta)) / design.sd;
  return 1 - noncentralTCdf(studentTQuantile(1 - design.alpha / 2, df), df, ncp);
}

/**
 * n per arm (not rounded) reaching the power, by bisection on twoMeansPower
 * (R's power.t.test(delta, sd, power)$n, found there by uniroot).
 * @example twoMeansSampleSize({ delta: 0.05, sd: 0.2, alpha: 0.05 }, 0.8) // 252.1…
 */
export function twoMeansSampleSize(design: TwoMeans, power: number): number {
  check(design);
  if (!(power > 0 && power < 1)) throw new Error('twoMeansSampleSize requires power between 0 and 1');
  let lo = 2;
  let hi = 4;
  while (twoMeansPower(design, hi) < power) hi *= 2;
  if (twoMeansPower(design, lo) >= power) return lo;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (twoMeansPower(design, mid) < power) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
