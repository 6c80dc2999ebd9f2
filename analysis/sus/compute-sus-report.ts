/**
 * The SUS-style follow-up report (after SUS's standard participant report,
 * "standardrapport deltagare"): per site and in total, the participants in
 * the intervention during the period (started, ended), registered with
 * consent or anonymous, by sex and age group; for those registered with
 * consent who ended in the period, employment/studies and support before
 * against after, the reasons for ending and the time in the intervention
 * (median, IQR, bands). Every frequency table goes through
 * `suppressSmallCells` (counts 1–4 withheld, with secondary suppression).
 * Pure.
 */
import { summarizeDays } from '../funder/days-summary';
import { suppressSmallCells } from '../funder/small-cells';
import type { Cell } from '../funder/types';
import type { Categories, SusGroup, SusReport, SusReportCategories, SusReportParticipant } from './types';

const SEX: Categories = [['female', 'Female'], ['male', 'Male'], ['other', 'Other'], ['missing', 'Not recorded']];
const REGISTRATION: Categories = [['with_consent', 'Registered with personal identity number (consent)'], ['anonymous', 'Anonymous participant (no consent)']];
const OCCUPATION: Categories = [
  ['work', 'In work (any extent)'],
  ['studies', 'In studies (any extent)'],
  ['work_or_studies', 'In work and/or studies'],
  ['neither', 'Neither work nor studies'],
  ['not_recorded', 'Not recorded'],
];
/** Time in the intervention, in days from the start date to the end date. */
export const TIME_BANDS: readonly (readonly [string, string, number])[] = [
  ['under_3m', 'Less than 3 months (under 91 days)', 91],
  ['3_6m', '3 to 6 months (91–182 days)', 183],
  ['6_12m', '6 to 12 months (183–364 days)', 365],
  ['12_24m', '12 to 24 months (365–729 days)', 730],
  ['24m_plus', '24 months or more (730 days or more)', Infinity],
];

/** Counts of `values` (a participant may give several) in the categories' order, suppressed. */
function table(categories: Categories, values: readonly (string | readonly string[])[], minCell: number): Cell[] {
  const counts = new Map<string, number>();
  for (const v of values) for (const code of typeof v === 'string' ? [v] : v) counts.set(code, (counts.get(code) ?? 0) + 1);
  return suppressSmallCells(categories.map(([category, label]) => ({ category, label, count: counts.get(category) ?? 0 })), minCell);
}

/** The occupation categories a participant falls in (work and studies both count in each, and in work_or_studies). */
export function occupationOf(workPct: number | null, studyPct: number | null): string[] {
  if (workPct === null || studyPct === null) return ['not_recorded'];
  const out: string[] = [];
  if (workPct > 0) out.push('work');
  if (studyPct > 0) out.push('studies');
  out.push(out.length ? 'work_or_studies' : 'neither');
  return out;
}

export function timeBand(days: number): string {
  return TIME_BANDS.find(([, , below]) => days < below)![0];
}

function group(name: string, all: readonly SusReportParticipant[], categories: SusReportCategories, minCell: number): SusGroup {
  const active = all.filter((p) => p.activeInPeriod);
  const consented = active.filter((p) => p.consent);
  const anonymous = active.filter((p) => !p.consent);
  const leavers = all.filter((p) => p.endedInPeriod && p.consent);
  const ages: Categories = [...categories.ageGroups, ['missing', 'Not recorded']];
  const withMissing = (support: Categories): Categories => [...support, ['not_recorded', 'Not recorded']];
  const days = leavers.map((p) => p.daysInIntervention);
  return {
    group: name,
    participants: active.length,
    started: all.filter((p) => p.startedInPeriod).length,
    ended: all.filter((p) => p.endedInPeriod).length,
    registration: table(REGISTRATION, active.map((p) => (p.consent ? 'with_consent' : 'anonymous')), minCell),
    bySex: table(SEX, consented.map((p) => p.sex ?? 'missing'), minCell),
    byAgeGroup: table(ages, consented.map((p) => p.ageGroup ?? 'missing'), minCell),
    anonymousBySex: table(SEX, anonymous.map((p) => p.sex ?? 'missing'), minCell),
    anonymousByAgeGroup: table(ages, anonymous.map((p) => p.ageGroup ?? 'missing'), minCell),
    leavers: leavers.length,
    occupation: {
      before: table(OCCUPATION, leavers.map((p) => occupationOf(p.workBeforePct, p.studyBeforePct)), minCell),
      after: table(OCCUPATION, leavers.map((p) => occupationOf(p.workAfterPct, p.studyAfterPct)), minCell),
    },
    support: {
      before: table(withMissing(categories.support), leavers.map((p) => (p.supportBefore?.length ? p.supportBefore : 'not_recorded')), minCell),
      after: table(withMissing(categories.support), leavers.map((p) => (p.supportAfter?.length ? p.supportAfter : 'not_recorded')), minCell),
    },
    endReasons: table([...categories.endReasons, ['not_recorded', 'Not recorded']], leavers.map((p) => p.endReason ?? 'not_recorded'), minCell),
    timeInIntervention: summarizeDays(days),
    timeBands: table(TIME_BANDS.map(([c, l]) => [c, l] as const), days.filter((d): d is number => d !== null).map(timeBand), minCell),
  };
}

/**
 * @param participants everyone with a SUS start registration on or before the last day of the period
 * @param categories labels of the support, end-reason and age-group codes (from the data dictionary)
 * @param minCell smallest count shown (default 5)
 */
export function computeSusReport(participants: readonly SusReportParticipant[], categories: SusReportCategories, minCell = 5): SusReport {
  const sites = [...new Set(participants.map((p) => p.site))].sort();
  return {
    minCell,
    groups: [
      group('total', participants, categories, minCell),
      ...sites.map((site) => group(site, participants.filter((p) => p.site === site), categories, minCell)),
    ],
  };
}
