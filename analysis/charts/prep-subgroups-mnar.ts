/**
 * Tidy rows for the subgroup forest plot (INMB per subgroup level with its
 * 95 % interval) and the MNAR tipping-point chart (INMB by the size of the
 * shift given to imputed values).
 */
import type { MnarAnalysis, SubgroupAnalysis } from '../result';

export interface ForestRow {
  /** "sex", "age_band: under 30 / 30+" */
  subgroup: string;
  /** the row label: subgroup, level and n per arm */
  row: string;
  inmb: number;
  lower: number;
  upper: number;
}

/** One row per estimable level, in the order of the settings and levels; levels without an estimate are left out. */
export function prepForest(subgroups: readonly SubgroupAnalysis[]): ForestRow[] {
  return subgroups.flatMap((s) => s.levels.flatMap((l) => (l.inmb
    ? [{
      subgroup: s.label,
      row: `${s.variable}: ${l.level} (${l.n.ips} IPS, ${l.n.control} usual care)`,
      inmb: l.inmb.estimate,
      lower: l.inmb.ci95[0],
      upper: l.inmb.ci95[1],
    }]
    : [])));
}

export interface TippingRow {
  delta: number;
  inmb: number;
  lower: number;
  upper: number;
}

/** The tipping-point grid as rows. */
export function prepTippingPoint(mnar: MnarAnalysis): TippingRow[] {
  return mnar.tippingPoint.rows.map((r) => ({ delta: r.delta, inmb: r.inmb, lower: r.ci95[0], upper: r.ci95[1] }));
}
