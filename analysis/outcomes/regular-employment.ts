import type { EmploymentRow, TrialDataset } from '../dataset/types';

/** A competitive episode recorded as employment with a wage subsidy (lönestöd; employment.csv `wage_subsidy` = 1). */
export const isSubsidisedJob = (episode: EmploymentRow): boolean => episode.type === 'competitive' && episode.wage_subsidy === 1;

/**
 * The dataset under the study's definition of regular employment
 * (settings `employment.countWageSubsidised`): with `true` (the default)
 * every `competitive` episode counts, as ANALYSIS-DATASET.md defines
 * employment days; with `false` competitive episodes with a wage subsidy
 * are left out of employment days (other rows unchanged). Episodes whose
 * `wage_subsidy` is empty or absent always count: an unrecorded subsidy is
 * not assumed. Returns the same dataset object when nothing changes. O(rows).
 *
 * @param dataset typed rows
 * @param countWageSubsidised whether subsidised competitive jobs count
 * @returns the dataset whose competitive episodes are the regular jobs
 * @example regularEmployment(dataset, false).employment.some(isSubsidisedJob) // false
 */
export function regularEmployment(dataset: TrialDataset, countWageSubsidised: boolean): TrialDataset {
  if (countWageSubsidised || !dataset.employment.some(isSubsidisedJob)) return dataset;
  return { ...dataset, employment: dataset.employment.filter((episode) => !isSubsidisedJob(episode)) };
}
