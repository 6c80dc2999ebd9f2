/**
 * The analysis dataset of ANALYSIS-DATASET.md as typed rows: what an export
 * writes and what the cost-effectiveness analysis reads. Missing values are
 * `null`. Days are counted from the participant's randomization day (day 0).
 */

export type Arm = 'ips' | 'control';
export const ARMS: readonly Arm[] = ['ips', 'control'];
export type Timepoint = 0 | 6 | 12 | 18 | 24;
export const TIMEPOINTS: readonly Timepoint[] = [0, 6, 12, 18, 24];
export type Sex = 'female' | 'male' | 'other';
export type EpisodeType = 'competitive' | 'work_trial' | 'sheltered' | 'education' | 'other';

export interface ParticipantRow {
  pid: string;
  arm: Arm;
  site: string;
  sex: Sex | null;
  age_band: string | null;
  withdrawn_day: number | null;
  /**
   * Extension (docs/analysis.md, "Dataset columns beyond the contract"): the
   * arm actually received after an allocation correction; `arm` stays the
   * arm allocated at randomization (intention to treat). Absent = `arm`.
   */
  arm_received?: Arm | null;
  /** Extension: 1 when the allocation was corrected after randomization, 0 when not; absent = not known */
  allocation_corrected?: 0 | 1 | null;
}

export interface AssessmentRow {
  pid: string;
  timepoint: Timepoint;
  day: number | null;
  eq5d_mo: number | null;
  eq5d_sc: number | null;
  eq5d_ua: number | null;
  eq5d_pd: number | null;
  eq5d_ad: number | null;
  eq_vas: number | null;
  /** gse_01 … gse_10 in order */
  gse: (number | null)[];
  su_complete: 0 | 1 | null;
}

export interface ServiceUseRow {
  pid: string;
  timepoint: Timepoint;
  item: string;
  quantity: number;
}

export interface EmploymentRow {
  pid: string;
  type: EpisodeType;
  start_day: number;
  end_day: number | null;
  hours_per_week: number | null;
  /**
   * Extension (docs/analysis.md, "Dataset columns beyond the contract"): 1 =
   * a competitive job with a wage subsidy (lönestöd), 0 = without; null or
   * absent = not recorded (and always for other episode types).
   */
  wage_subsidy?: 0 | 1 | null;
}

export interface TimelogRow {
  pid: string;
  day: number;
  role: string;
  activity: string;
  minutes: number;
}

export interface UnitCostRow {
  item: string;
  unit_cost: number;
}

export interface TrialDataset {
  participants: ParticipantRow[];
  assessments: AssessmentRow[];
  serviceUse: ServiceUseRow[];
  employment: EmploymentRow[];
  timelogs: TimelogRow[];
  unitCosts: UnitCostRow[];
  /** settings.json as read (unvalidated keys are rejected by the reader) */
  settings?: Record<string, unknown>;
}
