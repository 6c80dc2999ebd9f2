/**
 * The m completed copies of the core's participant table: what the core's
 * complete-data estimators (means, increments, adjusted ΔQALY) run on.
 */
import type { ParticipantRecord } from '../participant-table';
import { qalys } from '../outcomes/qalys';
import type { Imputations } from './impute-chained';

/**
 * Fills each participant record with the imputed values of one imputation
 * (`completed[k]` in the order of IMPUTED_VARIABLES: u0 … u24, su_cost_0 …
 * su_cost_24) and recomputes what depends on them: QALYs by the core's
 * `qalys`, and cost = su6 + su12 + staff year 1 + d·(su18 + su24 + staff
 * year 2), d = 1 / (1 + r). Service use is complete after imputation
 * (`suComplete` all true). Employment days, staff costs and the observed cost
 * breakdown are kept as they were. O(m·n).
 *
 * @param table the participant table the imputations were made from
 * @param imputations from imputeChained on imputationFrame(table)
 * @param discountRate the rate the table was built with
 * @returns m tables, each in the order of `table`
 * @throws when a value is still missing after imputation
 */
export function completedTables(
  table: readonly ParticipantRecord[],
  imputations: Imputations,
  discountRate: number,
): ParticipantRecord[][] {
  return imputations.completed.map((completed) => completedTable(table, completed, discountRate));
}

/** One completed table from one imputation (`completed[k]` = variable k); see completedTables. */
export function completedTable(
  table: readonly ParticipantRecord[],
  completed: readonly Float64Array[],
  discountRate: number,
): ParticipantRecord[] {
  const d = 1 / (1 + discountRate);
  return table.map((record, i) => {
    const u = [0, 1, 2, 3, 4].map((t) => completed[t][i]);
    const serviceUseCost = [6, 7, 8, 9].map((k) => completed[k][i]);
    const [staffOne, staffTwo] = record.staffCost;
    const cost = serviceUseCost[0] + serviceUseCost[1] + staffOne + d * (serviceUseCost[2] + serviceUseCost[3] + staffTwo);
    const qaly = qalys(u, discountRate);
    if (qaly === null || !Number.isFinite(qaly) || !Number.isFinite(cost)) {
      throw new Error(`completedTables: participant ${record.pid} still has a missing value after imputation`);
    }
    return {
      ...record,
      u,
      qaly,
      suComplete: record.suComplete.map(() => true),
      serviceUseCost,
      baselineCost: completed[5][i],
      cost,
    };
  });
}
