import { ARMS, TIMEPOINTS } from '../dataset/types';
import type { ParticipantRecord } from '../participant-table';
import type { UtilityOverTime } from '../result';
import { mean } from '../stats/mean';
import { standardDeviation } from '../stats/standard-deviation';

/**
 * Mean utility by arm and timepoint over everyone with a utility at that
 * timepoint (available case), with a normal-approximation 95 % interval
 * mean ± 1.959964·sd/√n (null when n < 2).
 *
 * @param table the participant table
 * @returns one row per arm × timepoint (mean null when n = 0)
 * @example utilitiesOverTime(table).find((row) => row.arm === 'ips' && row.timepoint === 24)
 */
export function utilitiesOverTime(table: readonly ParticipantRecord[]): UtilityOverTime[] {
  return ARMS.flatMap((arm) =>
    TIMEPOINTS.map((timepoint, index) => {
      const values = table.filter((record) => record.arm === arm && record.u[index] !== null).map((record) => record.u[index] as number);
      if (values.length === 0) return { arm, timepoint, n: 0, mean: null, ci95: null };
      const centre = mean(values);
      const half = values.length < 2 ? null : (1.959963984540054 * standardDeviation(values)) / Math.sqrt(values.length);
      return { arm, timepoint, n: values.length, mean: centre, ci95: half === null ? null : [centre - half, centre + half] as [number, number] };
    }),
  );
}
