/**
 * The time-to-first-competitive-job section of the ICER report: per arm the
 * participants analysed, first jobs, the Kaplan–Meier median with its 95 %
 * interval and those left out because they were in a job at randomization;
 * the log-rank test; and the Cox hazard ratio of IPS against usual care with
 * its 95 % interval. '' when the result has no timeToFirstJob.
 */
import { ARM_LABELS } from '../charts/chart-style';
import { ARMS } from '../dataset/types';
import type { AnalysisResult, KaplanMeierArm } from '../result';
import { formatNumber } from './format';

/** A p-value: "< 0.001" below 0.001, else three decimals. */
export function formatPValue(p: number): string {
  return p < 0.001 ? '< 0.001' : formatNumber(p, 3);
}

/** "333 days (95 % interval 252 to 425)"; "not reached" when the curve stays above 0.5. */
export function medianText(arm: KaplanMeierArm): string {
  const [lo, hi] = arm.medianCi95;
  const end = (value: number | null) => (value === null ? 'not reached' : formatNumber(value, value % 1 === 0 ? 0 : 1));
  const ci = `<span class="interval">95 % interval ${end(lo)} to ${end(hi)}</span>`;
  return arm.median === null ? `not reached<br>${ci}` : `${end(arm.median)} days<br>${ci}`;
}

/** HTML of the section. */
export function timeToFirstJobSection(result: AnalysisResult): string {
  const field = result.timeToFirstJob;
  if (!field) return '';
  const cells = (value: (arm: KaplanMeierArm) => string) => ARMS.map((arm) => `<td>${value(field.arms[arm])}</td>`).join('');
  const excluded = field.arms.ips.employedAtRandomization + field.arms.control.employedAtRandomization;
  const test = field.logRank;
  const hr = field.hazardRatio;
  const logRankText = test
    ? `χ² = ${formatNumber(test.chiSquare, 2)} on 1 degree of freedom, p ${test.p < 0.001 ? '' : '= '}${formatPValue(test.p)} (first jobs observed / expected: IPS ${formatNumber(test.observed.ips)} / ${formatNumber(test.expected.ips, 1)}, usual care ${formatNumber(test.observed.control)} / ${formatNumber(test.expected.control, 1)})`
    : 'not available (no first job, or the arms were never both at risk when one started)';
  const hrText = hr
    ? `${formatNumber(hr.estimate, 2)} (95 % interval ${formatNumber(hr.ci95[0], 2)} to ${formatNumber(hr.ci95[1], 2)}; Wald p ${hr.p < 0.001 ? '' : '= '}${formatPValue(hr.p)}): the rate of starting a first competitive job in IPS relative to usual care, from a Cox proportional-hazards model with Efron's method for jobs starting on the same day`
    : 'not estimable: the partial likelihood has no finite maximum (for example, no first job in one arm)';
  return `<section id="time-to-first-job" aria-labelledby="time-to-first-job-title">
<h2 id="time-to-first-job-title">Time to first competitive job</h2>
<table class="headline" id="time-to-first-job-table">
<caption>Days from randomization to the start of the first competitive (regular, open-market) job, Kaplan–Meier estimate by arm. Follow-up ends at withdrawal or on day 729, whichever comes first. Median: the day by which half the arm had started a job; its 95 % interval comes from the log-scale interval of the curve.</caption>
<thead><tr><td></td>${ARMS.map((arm) => `<th scope="col">${ARM_LABELS[arm]}</th>`).join('')}</tr></thead>
<tbody>
<tr><th scope="row">Analysed (n)</th>${cells((a) => formatNumber(a.analysed))}</tr>
<tr><th scope="row">Started a competitive job</th>${cells((a) => formatNumber(a.events))}</tr>
<tr><th scope="row">Median days to first job</th>${cells(medianText)}</tr>
<tr><th scope="row">Left out: in a competitive job at randomization</th>${cells((a) => formatNumber(a.employedAtRandomization))}</tr>
</tbody>
</table>
<p class="log-rank"><strong>Log-rank test:</strong> ${logRankText}.</p>
<p class="hazard-ratio"><strong>Hazard ratio (IPS / usual care):</strong> ${hrText}.</p>
${excluded > 0 ? `<p>${formatNumber(excluded)} participant${excluded === 1 ? ' was' : 's were'} already in a competitive job at randomization and ${excluded === 1 ? 'is' : 'are'} not part of this analysis (baseline employment is fixed before randomization, so the comparison stays randomized).</p>` : ''}
</section>`;
}
