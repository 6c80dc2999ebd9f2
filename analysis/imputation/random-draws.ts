/**
 * Random draws that multiple imputation needs on top of a seeded uniform
 * generator: standard normal, chi-square and a uniform integer. The uniform
 * generator is passed in (never Math.random), so the same seed gives the same
 * imputations.
 */

import type { Rng } from '../stats/xoshiro128';

/** The seeded generator (the core's xoshiro128): nextFloat on [0, 1), nextIndex(n) in 0 … n − 1. */
export type Uniform = Rng;

/**
 * Standard normal draw by the Marsaglia polar method (one of the pair is used,
 * so each call is independent of the call before).
 * @example standardNormal(rng) // e.g. -0.37
 */
export function standardNormal(rng: Uniform): number {
  for (;;) {
    const u = 2 * rng.nextFloat() - 1;
    const v = 2 * rng.nextFloat() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * Gamma(shape, scale 1) draw by Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables", ACM TOMS 26:363; shape < 1 by the boost
 * Gamma(shape) = Gamma(shape + 1)·U^(1/shape).
 * @throws when shape is not positive
 */
export function gammaDraw(rng: Uniform, shape: number): number {
  if (!(shape > 0)) throw new Error('gammaDraw requires a positive shape');
  if (shape < 1) return gammaDraw(rng, shape + 1) * Math.pow(1 - rng.nextFloat(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.nextFloat();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Chi-square draw with `df` degrees of freedom (= 2 · Gamma(df / 2)).
 * @throws when df is not positive
 */
export function chiSquareDraw(rng: Uniform, df: number): number {
  if (!(df > 0)) throw new Error('chiSquareDraw requires positive degrees of freedom');
  return 2 * gammaDraw(rng, df / 2);
}

/** Uniform integer in 0 … n − 1. */
export function uniformIndex(rng: Uniform, n: number): number {
  return rng.nextIndex(n);
}
