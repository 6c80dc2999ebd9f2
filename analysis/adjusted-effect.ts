import type { CovariateName } from './settings';
import type { ParticipantRecord } from './participant-table';
import { ordinaryLeastSquares } from './stats/ordinary-least-squares';

/**
 * Adjusted incremental QALYs (ANALYSIS-DATASET.md, "Adjusted ΔQALY"): the
 * coefficient of arm (ips = 1, control = 0) in the OLS regression
 * qaly ~ arm + u0 [+ covariates], as R's `lm(qaly ~ arm + u0 + factor(site) …)`.
 * Each categorical covariate enters as 0/1 dummies with the alphabetically
 * first level present as reference (R's factor default); a missing sex or
 * age band is its own level "(missing)". Reference: Manca, Hawkins, Sculpher,
 * Health Econ 2005;14:487 (baseline-utility adjustment).
 *
 * @param records the analysed participants (qaly and u0 not null)
 * @param covariates extra categorical covariates
 * @returns the arm coefficient (QALYs) and its classical standard error
 * @throws {Error} when the model cannot be estimated (too few participants, collinear covariates)
 * @example adjustedEffect(sets.qaly, ['site']).effect
 */
export function adjustedEffect(
  records: readonly ParticipantRecord[],
  covariates: readonly CovariateName[] = [],
): { effect: number; standardError: number } {
  const levels = covariates.map((name) => {
    const values = [...new Set(records.map((record) => levelOf(record, name)))].sort();
    return { name, dummies: values.slice(1) };
  });
  const design = records.map((record) => {
    const row = [1, record.arm === 'ips' ? 1 : 0, record.u[0] as number];
    for (const { name, dummies } of levels) for (const level of dummies) row.push(levelOf(record, name) === level ? 1 : 0);
    return row;
  });
  const predictors = design[0]?.length ?? 3;
  if (records.length <= predictors) {
    throw new Error(`${records.length} participants for ${predictors} regression coefficients`);
  }
  const fit = ordinaryLeastSquares(design, records.map((record) => record.qaly as number));
  return { effect: fit.coefficients[1], standardError: fit.standardErrors[1] };
}

function levelOf(record: ParticipantRecord, name: CovariateName): string {
  return record[name] ?? '(missing)';
}
