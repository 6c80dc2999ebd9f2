/**
 * Test helper: the fixture written by test/reference/survival.R (R's
 * survival 3.5.3: survfit, survdiff, coxph with Efron ties) and the dataset
 * rows of each case as typed rows.
 */
import { readFileSync } from 'node:fs';
import type { Arm, EmploymentRow, EpisodeType, ParticipantRow } from '../../../../analysis/dataset/types';

type Column<T> = T[];

export interface ReferenceArm {
  n: number;
  events: number;
  curve: {
    time: Column<number>; n_risk: Column<number>; n_event: Column<number>; n_censor: Column<number>;
    surv: Column<number>; std_err: Column<number | null>;
    lower: Column<number | null>; upper: Column<number | null>;
    lower_loglog: Column<number | null>; upper_loglog: Column<number | null>;
  };
  /** [median, 0.95LCL, 0.95UCL] of summary(fit)$table */
  median: { log: (number | null)[]; loglog: (number | null)[] };
}

export interface ReferenceCase {
  name: string;
  countWageSubsidised: boolean;
  participants: { pid: Column<string>; arm: Column<Arm>; withdrawn_day: Column<number | null> };
  employment: { pid: Column<string>; type: Column<EpisodeType>; start_day: Column<number>; end_day: Column<number | null>; wage_subsidy: Column<number | null> };
  times: { pid: Column<string>; arm: Column<Arm>; time: Column<number>; event: Column<number>; included: Column<boolean> };
  arms: Record<Arm, ReferenceArm>;
  employedAtRandomization: Record<Arm, number>;
  logRank: { chisq: number; p: number; observed: Record<Arm, number>; expected: Record<Arm, number> };
  cox: { infinite: boolean; coef: number; se: number; hr: number; lower: number; upper: number; p: number; loglik: [number, number]; defaultCoef: number };
}

const path = new URL('../../../fixtures/analysis/survival.json', import.meta.url).pathname;

export const reference = JSON.parse(readFileSync(path, 'utf8')) as { source: string; z: number; cases: ReferenceCase[] };

/** The participants.csv rows of a case (site, sex and age band are not used by the survival analysis). */
export function participantsOf(c: ReferenceCase): ParticipantRow[] {
  return c.participants.pid.map((pid, i) => ({
    pid, arm: c.participants.arm[i], site: 'SITE-A', sex: null, age_band: null, withdrawn_day: c.participants.withdrawn_day[i],
  }));
}

/** The employment.csv rows of a case. */
export function employmentOf(c: ReferenceCase): EmploymentRow[] {
  return c.employment.pid.map((pid, i) => ({
    pid, type: c.employment.type[i], start_day: c.employment.start_day[i], end_day: c.employment.end_day[i],
    hours_per_week: null, wage_subsidy: c.employment.wage_subsidy[i] as 0 | 1 | null,
  }));
}

/** |got − want| ≤ tolerance·max(1, |want|) */
export function close(got: number | null | undefined, want: number | null, tolerance = 1e-9): boolean {
  if (want === null) return got === null || got === undefined;
  return typeof got === 'number' && Math.abs(got - want) <= tolerance * Math.max(1, Math.abs(want));
}
