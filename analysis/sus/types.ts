/**
 * The SUS follow-up report's input and output (pure data): one row per
 * participant with a SUS start registration on or before the last day of
 * the period, the facts SUS's standard participant report counts.
 */
import type { Cell, DaysSummary } from '../funder/types';

export interface SusReportParticipant {
  site: string;
  /** female, male, other or null (not recorded) */
  sex: string | null;
  /** SUS age group at the start, null without a birth year */
  ageGroup: string | null;
  /** registered in SUS with personal identity number; false: anonymous participant */
  consent: boolean;
  /** in the intervention on some day of the period (started by its end, not ended before its start) */
  activeInPeriod: boolean;
  startedInPeriod: boolean;
  /** the end registration's date lies in the period */
  endedInPeriod: boolean;
  /** days from the SUS start date to the end date, for those who ended */
  daysInIntervention: number | null;
  workBeforePct: number | null;
  studyBeforePct: number | null;
  supportBefore: readonly string[] | null;
  workAfterPct: number | null;
  studyAfterPct: number | null;
  supportAfter: readonly string[] | null;
  endReason: string | null;
}

/** Category codes with their report labels, in report order. */
export type Categories = readonly (readonly [string, string])[];

export interface SusReportCategories {
  support: Categories;
  endReasons: Categories;
  ageGroups: Categories;
}

export interface BeforeAfter {
  before: Cell[];
  after: Cell[];
}

export interface SusGroup {
  /** "total" or a site code */
  group: string;
  /** in the intervention during the period, with consent and anonymous */
  participants: number;
  started: number;
  ended: number;
  registration: Cell[];
  bySex: Cell[];
  byAgeGroup: Cell[];
  anonymousBySex: Cell[];
  anonymousByAgeGroup: Cell[];
  /** participants registered with consent who ended in the period: the before/after tables count them */
  leavers: number;
  occupation: BeforeAfter;
  support: BeforeAfter;
  endReasons: Cell[];
  timeInIntervention: DaysSummary;
  timeBands: Cell[];
}

export interface SusReport {
  minCell: number;
  groups: SusGroup[];
}
