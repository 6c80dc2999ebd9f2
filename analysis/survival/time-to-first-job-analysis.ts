import { ARMS, type Arm, type TrialDataset } from '../dataset/types';
import { messages } from '../messages';
import type { KaplanMeierArm, TimeToFirstJob } from '../result';
import { coxEfron } from './cox-efron';
import { kaplanMeier } from './kaplan-meier';
import { logRank } from './log-rank';
import { timesToFirstJob } from './time-to-first-job';

/**
 * Time to first competitive job by arm (docs/analysis.md, "Time to first
 * competitive job"): each arm's Kaplan–Meier curve with Greenwood's
 * variance, its 95 % interval (conf.type "log") and the median with its
 * interval; the log-rank test; and the Cox hazard ratio of IPS against
 * usual care (Efron ties) with its Wald 95 % interval. Unstratified, like
 * the rest of the default plan. Everyone randomized is analysed except
 * those in a competitive job at randomization (counted per arm). Pure,
 * O(n log n); no bootstrap.
 *
 * @param dataset typed rows, with the study's regular-employment definition applied (`regularEmployment`)
 * @returns the result.json field and its warnings
 * @example analyseTimeToFirstJob(regularEmployment(dataset, true)).result.hazardRatio?.estimate
 */
export function analyseTimeToFirstJob(dataset: Pick<TrialDataset, 'participants' | 'employment'>): { result: TimeToFirstJob; warnings: string[] } {
  const { times, employedAtRandomization } = timesToFirstJob(dataset.participants, dataset.employment);
  const arms = {} as Record<Arm, KaplanMeierArm>;
  for (const arm of ARMS) {
    const fit = kaplanMeier(times.filter((row) => row.arm === arm));
    arms[arm] = {
      analysed: fit.n,
      events: fit.events,
      employedAtRandomization: employedAtRandomization[arm],
      median: fit.median,
      medianCi95: fit.medianCi95,
      curve: fit.curve,
    };
  }
  const warnings: string[] = [];
  const test = logRank(times);
  if (!test) warnings.push(messages.logRankUnavailable());
  const hazardRatio = coxEfron(times);
  if (!hazardRatio) warnings.push(messages.hazardRatioUnavailable(arms.ips.events, arms.control.events));
  return { result: { confType: 'log', arms, logRank: test, hazardRatio }, warnings };
}
