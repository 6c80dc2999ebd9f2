import { ARMS } from '../dataset/types';
import { HORIZON_END } from '../outcomes/employment-days';
import type { ParticipantRecord } from '../participant-table';
import type { EmploymentOverTime } from '../result';

/**
 * Cumulative proportion of randomized participants ever in competitive
 * employment by each day of the horizon, per arm, as the corner points of a
 * step function (day 0, each day the proportion changes, day 729). The
 * denominator is everyone randomized to the arm (intention to treat).
 *
 * @param table the participant table
 * @returns rows { arm, day, proportion }, by arm then day
 * @example employmentOverTime(table).at(-1) // { arm: 'control', day: 729, proportion: … }
 */
export function employmentOverTime(table: readonly ParticipantRecord[]): EmploymentOverTime[] {
  return ARMS.flatMap((arm) => {
    const records = table.filter((record) => record.arm === arm);
    const days = records.map((record) => record.firstEmploymentDay).filter((day): day is number => day !== null).sort((a, b) => a - b);
    const total = Math.max(1, records.length);
    const rows: EmploymentOverTime[] = [];
    let count = 0;
    for (let i = 0; i < days.length; i++) {
      count++;
      if (i + 1 < days.length && days[i + 1] === days[i]) continue;
      rows.push({ arm, day: days[i], proportion: count / total });
    }
    if (rows.length === 0 || rows[0].day !== 0) rows.unshift({ arm, day: 0, proportion: 0 });
    if (rows[rows.length - 1].day !== HORIZON_END) rows.push({ arm, day: HORIZON_END, proportion: count / total });
    return rows;
  });
}
