/**
 * The imputation model's data: which columns are imputed and which complete
 * predictors go into every chained equation.
 */
import type { ImputationFrame } from './impute-chained';
import type { ParticipantRecord } from '../participant-table';

/** Imputed variables, in visit order: utilities then service-use cost per period. */
export const IMPUTED_VARIABLES = [
  'u0', 'u6', 'u12', 'u18', 'u24',
  'su_cost_0', 'su_cost_6', 'su_cost_12', 'su_cost_18', 'su_cost_24',
] as const;

/**
 * Builds the imputation frame: the ten imputed variables (utility at 0, 6, 12,
 * 18, 24 months; service-use cost reported at 0, 6, 12, 18, 24 — the baseline
 * period is imputed only to serve as a predictor) and the complete covariates:
 * arm (1 = IPS), site, sex and age-band dummies (first level in sorted order
 * is the reference; a missing sex or age band is its own level), the
 * undiscounted staff-time cost and the (discounted) employment days over the horizon (the
 * analysis model's other variables, so the imputation model is congenial with
 * it). Covariates that are constant are left out and listed in
 * `constantCovariates` (mice logs them as "constant"). O(n).
 *
 * @param participants the core's participant table (buildParticipantTable)
 * @returns the frame (NaN = missing)
 * @throws when there are no participants
 */
export function imputationFrame(participants: readonly ParticipantRecord[]): ImputationFrame {
  const n = participants.length;
  if (n === 0) throw new Error('imputationFrame requires at least one participant');
  const column = (value: (p: ParticipantRecord) => number | null) =>
    Float64Array.from(participants, (p) => value(p) ?? NaN);
  const values = [
    ...[0, 1, 2, 3, 4].map((t) => column((p) => p.u[t])),
    column((p) => p.baselineCost),
    ...[0, 1, 2, 3].map((t) => column((p) => p.serviceUseCost[t])),
  ];
  const covariateNames: string[] = [];
  const covariates: Float64Array[] = [];
  const constantCovariates: string[] = [];
  const add = (name: string, values: Float64Array) => {
    if (values.some((v) => v !== values[0])) {
      covariateNames.push(name);
      covariates.push(values);
    } else constantCovariates.push(name);
  };
  add('arm_ips', column((p) => (p.arm === 'ips' ? 1 : 0)));
  for (const [factor, level] of [
    ['site', (p: ParticipantRecord) => p.site],
    ['sex', (p: ParticipantRecord) => p.sex ?? 'unknown'],
    ['age_band', (p: ParticipantRecord) => p.age_band ?? 'unknown'],
  ] as const) {
    const levels = [...new Set(participants.map(level))].sort();
    for (const name of levels.slice(1)) add(`${factor}_${name}`, column((p) => (level(p) === name ? 1 : 0)));
  }
  add('staff_cost', column((p) => p.staffCost[0] + p.staffCost[1]));
  add('employment_days', column((p) => p.employmentDays));
  return { n, names: IMPUTED_VARIABLES, values, covariateNames, covariates, constantCovariates };
}
