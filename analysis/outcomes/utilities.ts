import { TIMEPOINTS, type AssessmentRow } from '../dataset/types';

/** Scores one EQ-5D state given as levels [MO, SC, UA, PD, AD] (e.g. instruments/eq5d's eq5dIndex bound to a value set). */
export type UtilityScorer = (levels: readonly number[]) => number;

/**
 * Utilities per participant and timepoint: the EQ-5D index of the state
 * reported at each timepoint, or null when the timepoint has no assessment
 * row or any of the five dimensions is missing (ANALYSIS-DATASET.md,
 * "Utility"). Index values are unitless (1 = full health, 0 = dead).
 *
 * @param assessments assessment rows (one per participant and timepoint)
 * @param score the value-set scorer
 * @returns pid → [u0, u6, u12, u18, u24] (null = missing)
 * @throws {Error} whatever the scorer throws for an out-of-range level
 * @example utilitiesByParticipant(rows, (levels) => eq5dIndex('eq5d5l_SE_Sun2022', levels))
 */
export function utilitiesByParticipant(
  assessments: readonly AssessmentRow[],
  score: UtilityScorer,
): Map<string, (number | null)[]> {
  const result = new Map<string, (number | null)[]>();
  for (const row of assessments) {
    let utilities = result.get(row.pid);
    if (!utilities) {
      utilities = TIMEPOINTS.map(() => null);
      result.set(row.pid, utilities);
    }
    const levels = [row.eq5d_mo, row.eq5d_sc, row.eq5d_ua, row.eq5d_pd, row.eq5d_ad];
    const index = TIMEPOINTS.indexOf(row.timepoint);
    utilities[index] = levels.some((level) => level === null) ? null : score(levels as number[]);
  }
  return result;
}
