/**
 * The imputation settings: `imputations` (m) from ANALYSIS-DATASET.md plus the
 * extension keys `imputation.iterations` and `imputation.donors`.
 */
import type { AnalysisSettings } from '../settings';
import type { ChainedImputationOptions } from './impute-chained';

/** Sweeps of the chained equations per imputation (mice's default maxit; see docs/imputation.md). */
export const DEFAULT_ITERATIONS = 5;
/** Donor pool of predictive mean matching (mice's default). */
export const DEFAULT_DONORS = 5;
/** κ of the ridge penalty in mice's `.norm.draw`. */
export const RIDGE = 1e-5;

/**
 * Reads m, iterations and donors from the settings, with defaults.
 *
 * @param settings resolved settings; `imputation` is an optional object
 *   `{ iterations?: integer ≥ 1, donors?: integer ≥ 1 }`
 * @returns the options of imputeChained
 * @throws naming the key when a value is not a positive integer
 * @example imputationOptions({ ...settings, imputations: 20 }) // { m: 20, iterations: 5, donors: 5, ridge: 1e-5 }
 */
export function imputationOptions(settings: AnalysisSettings): ChainedImputationOptions {
  const extra = (settings as unknown as { imputation?: Record<string, unknown> }).imputation ?? {};
  const positive = (key: string, value: unknown, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new Error(`settings ${key} must be an integer ≥ 1, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  return {
    m: positive('imputations', settings.imputations, 20),
    iterations: positive('imputation.iterations', extra.iterations, DEFAULT_ITERATIONS),
    donors: positive('imputation.donors', extra.donors, DEFAULT_DONORS),
    ridge: RIDGE,
  };
}
