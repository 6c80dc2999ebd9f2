/** Test helper: a tiny trial built from a few numbers per participant. */
import type { Arm, AssessmentRow, TrialDataset } from '../../../../analysis/dataset/types';
import { resolveSettings, type AnalysisSettings } from '../../../../analysis/settings';

export interface TinyParticipant {
  arm: Arm;
  /** EQ-5D mobility level at every timepoint (other dimensions 1), or null = no assessment rows */
  level: number | null;
  /** gp visits reported at timepoint 6 (unit cost 100) */
  visits: number;
  /** competitive employment days 0 … days−1 (0 = none) */
  days: number;
  suComplete?: boolean;
}

/** utility = 1 − 0.1·(MO − 1): level 1 → 1, level 2 → 0.9 … */
export const tinyScore = (levels: readonly number[]) => 1 - 0.1 * (levels[0] - 1);

export function tinyTrial(people: TinyParticipant[]): TrialDataset {
  const dataset: TrialDataset = { participants: [], assessments: [], serviceUse: [], employment: [], timelogs: [], unitCosts: [{ item: 'gp_visit', unit_cost: 100 }] };
  people.forEach((person, i) => {
    const pid = `T${String(i + 1).padStart(3, '0')}`;
    dataset.participants.push({ pid, arm: person.arm, site: i % 2 ? 'SITE-A' : 'SITE-B', sex: 'female', age_band: '30-39', withdrawn_day: null });
    for (const timepoint of [0, 6, 12, 18, 24] as const) {
      const level = person.level;
      const row: AssessmentRow = {
        pid, timepoint, day: timepoint * 30, eq5d_mo: level, eq5d_sc: level === null ? null : 1, eq5d_ua: level === null ? null : 1,
        eq5d_pd: level === null ? null : 1, eq5d_ad: level === null ? null : 1, eq_vas: null, gse: [], su_complete: person.suComplete === false ? 0 : 1,
      };
      dataset.assessments.push(row);
    }
    if (person.visits > 0) dataset.serviceUse.push({ pid, timepoint: 6, item: 'gp_visit', quantity: person.visits });
    if (person.days > 0) dataset.employment.push({ pid, type: 'competitive', start_day: 0, end_day: person.days - 1, hours_per_week: 30 });
  });
  return dataset;
}

export function tinySettings(changes: Partial<AnalysisSettings> = {}): AnalysisSettings {
  const resolved = resolveSettings({ bootstrap: { replicates: 200, seed: 4 }, ...changes });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return resolved.settings;
}
