/**
 * Reads the SUS follow-up report's input for a period: every participant with
 * a SUS start registration on or before the last day, with the facts of
 * their start and end registrations and baseline sex and birth year; dates
 * become flags and day counts (analysis/sus takes no dates). The category
 * labels come from the data dictionary (English, as the funder report).
 */
import { getField } from '../../data-dictionary/index';
import { SUS_AGE_GROUPS, susAgeGroup } from '../../data-dictionary/sus';
import type { SusReportCategories, SusReportParticipant } from '../../analysis/sus/types';
import type { Db } from '../db/connection';
import { listSusParticipants } from '../db/queries/sus-registrations';
import { dayFrom } from '../export/day-count';
import type { FunderPeriod } from './load-funder-data';

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const codes = (v: unknown) => (Array.isArray(v) ? (v as string[]) : null);

export function loadSusData(db: Db, period: FunderPeriod): SusReportParticipant[] {
  return listSusParticipants(db, { site: period.site })
    .filter((r) => r.start_date !== null && r.start_date <= period.to)
    .map((r): SusReportParticipant => {
      const start = JSON.parse(r.start_json!) as Record<string, unknown>;
      // an end registered after the period is not known on its last day
      const end = r.end_date !== null && r.end_date <= period.to ? (JSON.parse(r.end_json!) as Record<string, unknown>) : null;
      const endDate = end ? r.end_date : null;
      return {
        site: r.site,
        sex: r.sex,
        ageGroup: susAgeGroup(r.birth_year, r.start_date!),
        consent: r.consent === 1,
        activeInPeriod: endDate === null || endDate >= period.from,
        startedInPeriod: r.start_date! >= period.from,
        endedInPeriod: endDate !== null && endDate >= period.from,
        daysInIntervention: endDate === null ? null : dayFrom(r.start_date!, endDate),
        workBeforePct: num(start.sus_work_before_pct),
        studyBeforePct: num(start.sus_study_before_pct),
        supportBefore: codes(start.sus_support_before),
        workAfterPct: end ? num(end.sus_work_after_pct) : null,
        studyAfterPct: end ? num(end.sus_study_after_pct) : null,
        supportAfter: end ? codes(end.sus_support_after) : null,
        endReason: end && typeof end.sus_end_reason === 'string' ? end.sus_end_reason : null,
      };
    });
}

export function susReportCategories(): SusReportCategories {
  const labels = (form: string, field: string) => (getField(form, field)?.choices ?? []).map((c) => [String(c.code), c.labels.en] as const);
  return {
    support: labels('sus_start', 'sus_support_before'),
    endReasons: labels('sus_end', 'sus_end_reason'),
    ageGroups: SUS_AGE_GROUPS.map((g) => [g.code, g.to >= 200 ? `${g.from} years or older` : g.from === 0 ? `${g.to} years or younger` : `${g.from}–${g.to} years`] as const),
  };
}
