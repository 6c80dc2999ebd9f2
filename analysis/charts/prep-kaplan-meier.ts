/**
 * Tidy rows for the Kaplan–Meier chart of time to first competitive job: per
 * arm the step curve from day 0 (everyone still without a job) through each
 * row of the curve, its 95 % interval (absent where the result has none,
 * i.e. where the curve is 0), and the days with a censoring, where the curve
 * is marked.
 */
import { ARMS } from '../dataset/types';
import type { TimeToFirstJob } from '../result';
import { ARM_LABELS } from './chart-style';

export interface KaplanMeierRow {
  arm: string;
  day: number;
  survival: number;
  lower: number | null;
  upper: number | null;
}

export interface CensoringRow {
  arm: string;
  day: number;
  survival: number;
  censored: number;
}

export interface KaplanMeierRows {
  curves: KaplanMeierRow[];
  censorings: CensoringRow[];
}

/** Step rows by arm (IPS first) and the censoring marks; arms without anyone analysed are left out. */
export function prepKaplanMeier(field: TimeToFirstJob): KaplanMeierRows {
  const curves: KaplanMeierRow[] = [];
  const censorings: CensoringRow[] = [];
  for (const arm of ARMS) {
    const steps = field.arms[arm].curve;
    if (steps.length === 0) continue;
    const label = ARM_LABELS[arm];
    curves.push({ arm: label, day: 0, survival: 1, lower: 1, upper: 1 });
    for (const step of steps) {
      curves.push({ arm: label, day: step.day, survival: step.survival, lower: step.ci95?.[0] ?? null, upper: step.ci95?.[1] ?? null });
      if (step.censored > 0) censorings.push({ arm: label, day: step.day, survival: step.survival, censored: step.censored });
    }
  }
  return { curves, censorings };
}
