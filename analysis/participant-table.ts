/**
 * One record per randomized participant with everything the analyses need,
 * computed once from the typed rows. This table is also the interface to
 * multiple imputation (analysis/imputation): it completes the null utilities
 * and period service-use costs and returns completed copies.
 */
import { TIMEPOINTS, type Arm, type AssessmentRow, type TrialDataset } from './dataset/types';
import { participantCosts } from './outcomes/costs';
import { employmentDays } from './outcomes/employment-days';
import { qalys } from './outcomes/qalys';
import { utilitiesByParticipant, type UtilityScorer } from './outcomes/utilities';

export interface ParticipantRecord {
  pid: string;
  arm: Arm;
  site: string;
  sex: string | null;
  age_band: string | null;
  withdrawnDay: number | null;
  /** utilities at 0, 6, 12, 18, 24 (null = missing) */
  u: (number | null)[];
  /** AUC QALYs with year 2 discounted, null if any utility is missing */
  qaly: number | null;
  /** su_complete = 1 at 0, 6, 12, 18, 24 */
  suComplete: boolean[];
  /** service-use cost of the periods ending at 6, 12, 18, 24 (undiscounted; null where su_complete ≠ 1) */
  serviceUseCost: (number | null)[];
  /** baseline service-use cost (6 months before randomization), null when not completed */
  baselineCost: number | null;
  /** staff time cost, undiscounted, days 0–364 and 365–729 */
  staffCost: [number, number];
  /** total trial cost, year 2 discounted (uses the reported service use even where incomplete) */
  cost: number;
  /** discounted cost by category (service-use item or staff_hour:<role>) */
  costByCategory: Map<string, number>;
  /** discounted competitive employment days */
  employmentDays: number;
  /** first day in competitive employment within the horizon */
  firstEmploymentDay: number | null;
}

/**
 * Builds the participant table from a dataset.
 *
 * @param dataset typed rows of the dataset folder (validated)
 * @param score EQ-5D scorer of the chosen value set
 * @param discountRate annual rate applied to year 2
 * @returns one record per participant, in the order of participants.csv
 * @throws {Error} when a row refers to an unknown item (validation reports these first)
 * @example buildParticipantTable(dataset, score, 0.03)[0].qaly
 */
export function buildParticipantTable(dataset: TrialDataset, score: UtilityScorer, discountRate: number): ParticipantRecord[] {
  const utilities = scoredUtilities(dataset.assessments, score);
  const suComplete = new Map<string, boolean[]>();
  for (const row of dataset.assessments) {
    const flags = suComplete.get(row.pid) ?? TIMEPOINTS.map(() => false);
    flags[TIMEPOINTS.indexOf(row.timepoint)] = row.su_complete === 1;
    suComplete.set(row.pid, flags);
  }
  const unitCosts = new Map(dataset.unitCosts.map((row) => [row.item, row.unit_cost]));
  const serviceUse = groupBy(dataset.serviceUse);
  const timelogs = groupBy(dataset.timelogs);
  const episodes = groupBy(dataset.employment);
  return dataset.participants.map((participant) => {
    const u = utilities.get(participant.pid) ?? TIMEPOINTS.map(() => null);
    const complete = suComplete.get(participant.pid) ?? TIMEPOINTS.map(() => false);
    const costs = participantCosts(serviceUse.get(participant.pid) ?? [], timelogs.get(participant.pid) ?? [], unitCosts, discountRate);
    const days = employmentDays(episodes.get(participant.pid) ?? [], participant.withdrawn_day, discountRate);
    return {
      pid: participant.pid,
      arm: participant.arm,
      site: participant.site,
      sex: participant.sex,
      age_band: participant.age_band,
      withdrawnDay: participant.withdrawn_day,
      u,
      qaly: qalys(u, discountRate),
      suComplete: complete,
      serviceUseCost: costs.serviceUseByPeriod.map((cost, i) => (complete[i + 1] ? cost : null)),
      baselineCost: complete[0] ? costs.baselineServiceUse : null,
      staffCost: [costs.staffYearOne, costs.staffYearTwo],
      cost: costs.total,
      costByCategory: costs.byCategory,
      employmentDays: days.discounted,
      firstEmploymentDay: days.firstDay,
    };
  });
}

/** Utilities per participant, remembered per assessments array and scorer (as groupBy; the sensitivity scenarios share both). */
const scored = new WeakMap<readonly AssessmentRow[], WeakMap<UtilityScorer, Map<string, (number | null)[]>>>();

function scoredUtilities(assessments: readonly AssessmentRow[], score: UtilityScorer): Map<string, (number | null)[]> {
  let byScorer = scored.get(assessments);
  if (!byScorer) {
    byScorer = new WeakMap();
    scored.set(assessments, byScorer);
  }
  let utilities = byScorer.get(score);
  if (!utilities) {
    utilities = utilitiesByParticipant(assessments, score);
    byScorer.set(score, utilities);
  }
  return utilities;
}

/**
 * Rows grouped by pid, remembered per rows array: the sensitivity scenarios
 * rebuild the table from datasets that share most of their row arrays (only
 * the unit costs or settings change), so each array is grouped once. The
 * rows and groups are only read.
 */
const grouped = new WeakMap<readonly { pid: string }[], Map<string, { pid: string }[]>>();

function groupBy<Row extends { pid: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const known = grouped.get(rows);
  if (known) return known as Map<string, Row[]>;
  const groups = new Map<string, Row[]>();
  grouped.set(rows, groups);
  for (const row of rows) {
    const group = groups.get(row.pid);
    if (group) group.push(row);
    else groups.set(row.pid, [row]);
  }
  return groups;
}
