/**
 * The funder report's input and output (pure data). Days are counted from
 * the participant's inclusion (randomization) day; `followUpDays` is the
 * number of days from inclusion to the end of the reporting period.
 */

export interface FunderParticipant {
  site: string;
  /** included during the reporting period (not only before it) */
  newInPeriod: boolean;
  followUpDays: number;
  sex: string | null;
  municipality: string | null;
  /** current process stage at the end of the period (process_status form), null when none recorded */
  stage: string | null;
  endedReason: string | null;
  withdrawn: boolean;
  coachId: number | null;
  firstEmployerContactDay: number | null;
  firstJobDay: number | null;
  firstEducationDay: number | null;
  inWorkAtEnd: boolean;
  inStudiesAtEnd: boolean;
  /** every competitive job ongoing at the end of the period has a wage subsidy (lönestöd); absent = false */
  inSubsidisedWorkAtEnd?: boolean;
}

export interface FunderFidelity {
  site: string;
  reviewDate: string;
  total: number;
  band: string;
}

/** A count that may be suppressed (null = fewer than the minimum cell size, shown as "<5"). */
export interface Cell {
  category: string;
  label: string;
  count: number | null;
}

export interface DaysSummary {
  /** participants with the event by the end of the period */
  n: number;
  /** participants without it yet */
  without: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface TargetResult {
  id: string;
  label: string;
  source: string;
  /** the target as a proportion, or [low, high] for a range */
  target: number | [number, number];
  /** comparison value from another trial, when the target is a benchmark */
  comparison?: { label: string; value: number };
  numerator: number;
  denominator: number;
  /** null when the denominator is below the minimum cell size */
  proportion: number | null;
}

export interface CaseloadSummary {
  coaches: number;
  mean: number | null;
  max: number | null;
  /** coaches above the IPS fidelity maximum of 20 participants */
  over20: number;
}

export interface FunderGroup {
  /** "total" or a site code */
  group: string;
  participants: number;
  newInPeriod: number;
  statuses: Cell[];
  bySex: Cell[];
  byMunicipality: Cell[];
  employerContact: DaysSummary;
  firstJob: DaysSummary;
  targets: TargetResult[];
  caseload: CaseloadSummary;
  fidelity: FunderFidelity[];
}

export interface FunderReport {
  minCell: number;
  groups: FunderGroup[];
}
