/**
 * The MNAR sensitivity analysis of the QALY analysis under multiple
 * imputation: the INMB at the reference willingness to pay under the shifts
 * of settings `mnar.shifts` (delta adjustment), and a tipping-point table: one
 * shift varied over a grid from 0 (the other shifts held), the INMB at each,
 * and how large the shift must be to turn the conclusion.
 */
import type { Arm } from '../dataset/types';
import type { MnarSettings } from '../settings';
import { deltaAdjusted, type DeltaAdjustedEstimate, type MnarData, type MnarShiftValues } from './delta-adjusted';

/**
 * The default grid: imputed utilities lowered by up to 0.2 in 20 steps, in the
 * IPS arm when IPS is cost-effective with the settings' shifts (how much worse
 * must the missing IPS participants be to lose that), else in the usual-care
 * arm (how much worse must the missing usual-care participants be for IPS to
 * become cost-effective). `tippingPoint.arm` in the settings overrides this.
 */
export const DEFAULT_TIPPING_GRID = { shift: 'utility', to: -0.2, steps: 20 } as const;

export interface TippingPointRow {
  /** the value of the varied shift */
  delta: number;
  inmb: number;
  ci95: [number, number];
  /** INMB > 0: IPS is cost-effective at the reference WTP */
  positive: boolean;
}

export interface MnarAnalysis {
  /** λ per QALY (currency) */
  wtp: number;
  /** the shifts used, every arm filled in (0 when not set) */
  shifts: MnarShiftValues;
  /** share of follow-up utilities (6–24 months) and follow-up period costs that were imputed, per arm */
  imputedShare: { utility: Record<Arm, number>; cost: Record<Arm, number> };
  /** MAR: no shift (equals the main pooled increments) */
  unadjusted: DeltaAdjustedEstimate;
  /** with settings.mnar.shifts */
  adjusted: DeltaAdjustedEstimate;
  tippingPoint: {
    shift: 'utility' | 'cost';
    arm: Arm;
    rows: TippingPointRow[];
    /** the conclusion at delta 0 of the grid: IPS cost-effective (INMB > 0) or not */
    baseConclusion: 'cost-effective' | 'not cost-effective';
    /** the shift at which the INMB is exactly 0 (INMB is linear in the shift); null when the shift does not move it */
    tippingShift: number | null;
    /** the smallest grid shift whose conclusion differs from delta 0; null when none does */
    firstGridShift: number | null;
  };
}

/**
 * Runs the delta-adjusted analysis and the tipping-point grid.
 *
 * @param data completed outcomes of the m imputations and the imputed-value weights (mnarWeights)
 * @param settings settings.mnar (undefined: no shift, the default grid)
 * @param wtp λ per QALY (currency)
 * @param imputedShare the share of imputed values, for the report
 */
export function analyzeMnar(data: MnarData, settings: MnarSettings | undefined, wtp: number, imputedShare: MnarAnalysis['imputedShare']): MnarAnalysis {
  const given = settings?.shifts;
  const shifts: MnarShiftValues = {
    utility: { ips: given?.utility?.ips ?? 0, control: given?.utility?.control ?? 0 },
    cost: { ips: given?.cost?.ips ?? 0, control: given?.cost?.control ?? 0 },
  };
  const zero: MnarShiftValues = { utility: { ips: 0, control: 0 }, cost: { ips: 0, control: 0 } };
  const adjusted = deltaAdjusted(data, shifts, wtp);
  const grid = { ...DEFAULT_TIPPING_GRID, arm: (adjusted.inmb > 0 ? 'ips' : 'control') as Arm, ...settings?.tippingPoint };
  const rows: TippingPointRow[] = [];
  for (let k = 0; k <= grid.steps; k++) {
    const delta = k === 0 ? 0 : (grid.to * k) / grid.steps;
    const varied: MnarShiftValues = structuredClone(shifts);
    varied[grid.shift][grid.arm] = delta;
    const estimate = deltaAdjusted(data, varied, wtp);
    rows.push({ delta, inmb: estimate.inmb, ci95: estimate.ci95, positive: estimate.inmb > 0 });
  }
  const base = rows[0];
  const slope = (rows[rows.length - 1].inmb - base.inmb) / grid.to;
  const first = rows.find((row) => row.positive !== base.positive);
  return {
    wtp,
    shifts,
    imputedShare,
    unadjusted: deltaAdjusted(data, zero, wtp),
    adjusted,
    tippingPoint: {
      shift: grid.shift,
      arm: grid.arm,
      rows,
      baseConclusion: base.positive ? 'cost-effective' : 'not cost-effective',
      tippingShift: slope === 0 || !Number.isFinite(slope) ? null : -base.inmb / slope,
      firstGridShift: first ? first.delta : null,
    },
  };
}

/** Share of follow-up utilities (u6–u24) and follow-up service-use periods that are missing (so imputed), per arm. O(n). */
export function imputedShareOf(table: readonly { arm: Arm; u: (number | null)[]; serviceUseCost: (number | null)[] }[]): MnarAnalysis['imputedShare'] {
  const share = (arm: Arm, missing: (r: (typeof table)[number]) => number) => {
    const rows = table.filter((r) => r.arm === arm);
    return rows.length === 0 ? 0 : rows.reduce((sum, r) => sum + missing(r), 0) / (4 * rows.length);
  };
  const utility = (r: (typeof table)[number]) => r.u.slice(1).filter((u) => u === null).length;
  const cost = (r: (typeof table)[number]) => r.serviceUseCost.filter((c) => c === null).length;
  return {
    utility: { ips: share('ips', utility), control: share('control', utility) },
    cost: { ips: share('ips', cost), control: share('control', cost) },
  };
}
