/**
 * The completed copies of the core's participant table: what the core's
 * complete-data estimators (means, increments, adjusted ΔQALY) run on. One
 * working copy is filled with one imputation after another, so a run over m
 * imputations holds one completed table in memory, not m (at 10,000
 * participants each copy is megabytes of small objects that would otherwise
 * outlive the young generation and swell the heap).
 */
import type { ParticipantRecord } from '../participant-table';
import { qalys } from '../outcomes/qalys';

/**
 * A working copy of the table for fillCompletedTable: each record copied with
 * arrays of its own (utilities, service-use costs) and service use complete
 * (`suComplete` all true, as after imputation). O(n).
 *
 * @param table the participant table the imputations were made from
 */
export function completedTableBuffer(table: readonly ParticipantRecord[]): ParticipantRecord[] {
  return table.map((record) => ({
    ...record,
    u: [...record.u],
    suComplete: record.suComplete.map(() => true),
    serviceUseCost: [...record.serviceUseCost],
  }));
}

/**
 * Writes one imputation into the working copy (`completed[k]` in the order of
 * IMPUTED_VARIABLES: u0 … u24, su_cost_0 … su_cost_24) and recomputes what
 * depends on it: QALYs by the core's `qalys`, and cost = su6 + su12 + staff
 * year 1 + d·(su18 + su24 + staff year 2), d = 1 / (1 + r). Employment days,
 * staff costs and the observed cost breakdown are kept as they were. O(n).
 *
 * @param records the working copy (completedTableBuffer(table)), same order as the table
 * @param completed one imputation of imputeChained on imputationFrame(table)
 * @param discountRate the rate the table was built with
 * @throws when a value is still missing after imputation
 */
export function fillCompletedTable(records: ParticipantRecord[], completed: readonly Float64Array[], discountRate: number): void {
  const d = 1 / (1 + discountRate);
  records.forEach((record, i) => {
    const { u, serviceUseCost } = record;
    for (let t = 0; t < 5; t++) u[t] = completed[t][i];
    for (let t = 0; t < 4; t++) serviceUseCost[t] = completed[6 + t][i];
    const [staffOne, staffTwo] = record.staffCost;
    const cost = (serviceUseCost[0] as number) + (serviceUseCost[1] as number) + staffOne +
      d * ((serviceUseCost[2] as number) + (serviceUseCost[3] as number) + staffTwo);
    const qaly = qalys(u, discountRate);
    if (qaly === null || !Number.isFinite(qaly) || !Number.isFinite(cost)) {
      throw new Error(`completedTables: participant ${record.pid} still has a missing value after imputation`);
    }
    record.qaly = qaly;
    record.baselineCost = completed[5][i];
    record.cost = cost;
  });
}
