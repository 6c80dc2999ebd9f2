/**
 * Which subgroup each participant of a pre-specified subgroup is in
 * (settings `subgroups`): every level of the covariate, or the named groups
 * of levels.
 */
import type { ParticipantRecord } from '../participant-table';
import type { CovariateName, SubgroupSpec } from '../settings';

/** The label of an empty sex or age band, as in the adjusted ΔQALY. */
export const MISSING_LEVEL = '(missing)';

export interface SubgroupLevels {
  variable: CovariateName;
  /** `age_band`, or `age_band: under 30 / 30+` for grouped levels */
  label: string;
  /** subgroup names: the sorted levels present, or the groups in the order of the settings */
  levels: string[];
  /** per participant, the index into `levels`, −1 when the participant is in no group */
  index: Int32Array;
}

/**
 * Assigns each record to a level of the subgroup. A grouped subgroup leaves
 * out participants whose level no group lists (counted as −1). O(n).
 *
 * @example subgroupLevels(records, { variable: 'age_band', groups: { 'under 30': ['18-24', '25-29'], '30+': ['30-39'] } }).levels // ['under 30', '30+']
 */
export function subgroupLevels(records: readonly Pick<ParticipantRecord, CovariateName>[], spec: SubgroupSpec): SubgroupLevels {
  const variable = typeof spec === 'string' ? spec : spec.variable;
  const valueOf = (record: Pick<ParticipantRecord, CovariateName>) => record[variable] ?? MISSING_LEVEL;
  if (typeof spec === 'string') {
    const levels = [...new Set(records.map(valueOf))].sort();
    const position = new Map(levels.map((level, i) => [level, i]));
    return { variable, label: variable, levels, index: Int32Array.from(records, (r) => position.get(valueOf(r)) as number) };
  }
  const levels = Object.keys(spec.groups);
  const position = new Map<string, number>();
  levels.forEach((group, i) => spec.groups[group].forEach((level) => position.set(level, i)));
  return {
    variable,
    label: `${variable}: ${levels.join(' / ')}`,
    levels,
    index: Int32Array.from(records, (r) => position.get(valueOf(r)) ?? -1),
  };
}
