import { ARMS, TIMEPOINTS } from '../dataset/types';
import type { ParticipantRecord } from '../participant-table';
import type { MissingPatternCell } from '../result';

/**
 * Missing-data pattern by arm and timepoint: randomized participants, how
 * many have a utility, how many completed the service-use form, and how many
 * had withdrawn before the timepoint's nominal day (timepoint/24 × 730).
 *
 * @param table the participant table (all randomized)
 * @returns one cell per arm × timepoint (arm order ips, control)
 * @example missingPattern(table)[0] // { arm: 'ips', timepoint: 0, randomized: 41, … }
 */
export function missingPattern(table: readonly ParticipantRecord[]): MissingPatternCell[] {
  return ARMS.flatMap((arm) => {
    const records = table.filter((record) => record.arm === arm);
    return TIMEPOINTS.map((timepoint, index) => ({
      arm,
      timepoint,
      randomized: records.length,
      utility: records.filter((record) => record.u[index] !== null).length,
      serviceUse: records.filter((record) => record.suComplete[index]).length,
      withdrawn: records.filter((record) => record.withdrawnDay !== null && record.withdrawnDay < (timepoint / 24) * 730).length,
    }));
  });
}
