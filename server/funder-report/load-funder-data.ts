/**
 * Reads the funder report's input for a period from the database and turns
 * calendar dates into days from inclusion (analysis/funder takes days only).
 */
import type { FunderFidelity, FunderParticipant } from '../../analysis/funder/types';
import type { Db } from '../db/connection';
import { funderParticipants, latestFidelityReviews } from '../db/queries/funder-rows';
import { dayFrom } from '../export/day-count';

export interface FunderPeriod {
  from: string;
  to: string;
  site: string | null;
}

export function loadFunderData(db: Db, period: FunderPeriod): { participants: FunderParticipant[]; fidelity: FunderFidelity[] } {
  const participants = funderParticipants(db, period.to, period.site).map((row): FunderParticipant => {
    const days = (date: string | null) => (date === null ? null : dayFrom(row.randomized_on, date));
    return {
      site: row.site,
      newInPeriod: row.randomized_on >= period.from,
      followUpDays: dayFrom(row.randomized_on, period.to),
      sex: row.sex,
      municipality: row.municipality,
      stage: row.stage,
      endedReason: row.ended_reason,
      withdrawn: row.withdrawal_date !== null,
      coachId: row.coach_id,
      firstEmployerContactDay: days(row.first_employer_contact),
      firstJobDay: days(row.first_job),
      firstEducationDay: days(row.first_education),
      inWorkAtEnd: row.in_work === 1,
      inStudiesAtEnd: row.in_studies === 1,
      inSubsidisedWorkAtEnd: row.in_subsidised_work === 1,
    };
  });
  const fidelity = latestFidelityReviews(db, period.to, period.site).map((f) => ({ site: f.site, reviewDate: f.review_date, total: f.total, band: f.band }));
  return { participants, fidelity };
}
