import type { ParticipantRecord } from './participant-table';

/**
 * The complete-case analysed sets (ANALYSIS-DATASET.md, "Complete case"):
 * cost per QALY — all five utilities exist and su_complete = 1 at 6, 12, 18
 * and 24; cost per employment day — su_complete = 1 at 6, 12, 18 and 24.
 * Employment days are never missing (no episode = 0 days). Baseline
 * su_complete is not required (timepoint-0 service use is not a trial cost).
 *
 * @param table the participant table
 * @returns the participants of each analysed set, in table order
 * @example analysedSets(table).qaly.length
 */
export function analysedSets(table: readonly ParticipantRecord[]): {
  qaly: ParticipantRecord[];
  employment: ParticipantRecord[];
} {
  const costComplete = (record: ParticipantRecord) => record.suComplete.slice(1).every(Boolean);
  return {
    qaly: table.filter((record) => costComplete(record) && record.u.every((value) => value !== null)),
    employment: table.filter(costComplete),
  };
}
